"""The main flows with the keyboard alone: filter the directory, send an enquiry,
switch the language. Only Tab, Space, Enter, arrow keys and typing."""

import time

import pytest

MAX_TABS = 60


def tab_to(page, selector):
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with Tab")


class Press(str):
    """A key to press on a field, where a plain string is text to type into it."""


SPACE, DOWN = Press("Space"), Press("ArrowDown")


def fill_in(page, steps):
    """Tab to each field of the resident form, then type its text or press its key."""
    for selector, entry in steps:
        tab_to(page, f".resident-form {selector}")
        if isinstance(entry, Press):
            page.keyboard.press(entry)
        else:
            page.keyboard.type(entry)


def send(page, opened):
    """Tab to the button and press Enter, once the form's minimum fill time has passed:
    it refuses what is sent faster than a person fills it in (FORM_MIN_FILL_SECONDS = 3);
    a real person takes longer anyway."""
    tab_to(page, ".resident-form button[type=submit]")
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_filter_the_directory_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/hilfe-und-angebote/")
    tab_to(page, ".directory-filters select[name=category]")
    page.keyboard.press("ArrowDown")
    category = page.evaluate("document.activeElement.value")
    assert category
    tab_to(page, ".directory-filters input[name=free]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, ".directory-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"category={category}" in page.url
    assert "free=on" in page.url
    assert page.locator(".offer-card, .card").count() > 0


def test_send_an_enquiry_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/hilfe-und-angebote/angebot/babysitting/")
    opened = time.monotonic()
    fill_in(
        page,
        [
            ("input[name=name]", "Erika Mustermann"),
            ("input[name=email]", "erika@example.org"),
            ("textarea[name=message]", "Wir suchen am Freitagabend jemanden für zwei Kinder."),
            ("input[name=consent]", SPACE),
        ],
    )
    # The honeypot is out of the tab order, so a keyboard user never fills it.
    assert page.evaluate("document.querySelector('.resident-form input[name=website]').value") == ""
    send(page, opened)
    assert "/danke/" in page.url
    assert page.locator("h1").inner_text() == "Vielen Dank für Ihre Anfrage"


def test_switch_the_language_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/ueber-uns/")
    tab_to(page, '.language-links a[hreflang="en"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_site + "/en/ueber-uns/"
    assert page.locator("h1").inner_text() == "About us"
    # And back, on a page without a translation: the same page under /de/.
    page.goto(live_site + "/en/neuigkeiten/")
    tab_to(page, '.language-links a[hreflang="de"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_site + "/de/neuigkeiten/"


def test_post_on_the_swap_board_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/tauschboerse/neu/")
    opened = time.monotonic()
    # A group of radio buttons is one Tab stop; the arrow keys choose within it.
    fill_in(page, [("input[name=direction]", SPACE), ("input[name=subject]", DOWN)])
    assert page.evaluate("document.activeElement.value") == "time"
    fill_in(
        page,
        [
            ("input[name=mode]", SPACE),
            ("input[name=title]", "Hilfe beim Umtopfen"),
            ("textarea[name=description]", "Ich helfe gern beim Umtopfen Ihrer Balkonpflanzen."),
            ("select[name=category]", DOWN),
            ("select[name=area]", DOWN),
            ("input[name=email]", "gaertnerin@example.org"),
            ("input[name=consent]", SPACE),
        ],
    )
    send(page, opened)
    assert "/neu/danke/" in page.url
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihren Beitrag"


def test_propose_an_event_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/veranstaltungen/melden/")
    opened = time.monotonic()
    fill_in(
        page,
        [
            ("input[name=title]", "Laternenbasteln im Hof"),
            # The 12th of December: typed the same whether the browser puts the day or the month first.
            ("input[name=date]", "12122035"),
            ("input[name=start_time]", "1630"),
            ("input[name=place_name]", "Hof der Lindenstraße 12"),
            ("input[name=organiser_name]", "Hausgemeinschaft"),
            ("textarea[name=description]", "Wir basteln Laternen für den Umzug."),
            ("input[name=email]", "hof@example.org"),
            ("input[name=consent]", SPACE),
        ],
    )
    send(page, opened)
    assert "/melden/danke/" in page.url, page.locator(".form-errors").all_inner_texts()
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihren Vorschlag"


def test_offer_help_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/vereine/ehrenamt/mitmachen/")
    opened = time.monotonic()
    # Each topic is a checkbox of its own, reached with Tab and ticked with Space.
    fill_in(
        page,
        [("input[name=name]", "Jana Roth"), ("input[name=reach]", "0176 5550123"), ("input[name=topics]", SPACE)],
    )
    assert page.evaluate("document.activeElement.checked")
    fill_in(page, [("input[name=email]", "jana@example.org"), ("input[name=consent]", SPACE)])
    send(page, opened)
    assert "/ehrenamt/danke/" in page.url
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihre Nachricht"


def test_ask_for_a_room_with_the_keyboard(page, live_site):
    from datetime import date

    from django.utils import timezone

    from rooms.booking import holiday

    year = timezone.localdate().year + 1
    # Day and month the same: typed the same whether the browser puts the day or the month first.
    day = next(
        date(year, n, n) for n in range(1, 13) if date(year, n, n).weekday() < 6 and not holiday(date(year, n, n))
    )
    page.goto(live_site + "/de/raeume/nachbarschaftshaus-linde/gruppenraum/anfragen/")
    opened = time.monotonic()
    fill_in(
        page,
        [
            ("input[name=title]", "Nähcafé"),
            ("input[name=day]", f"{day:%d%m%Y}"),
            ("input[name=start_time]", "1400"),
            ("input[name=end_time]", "1600"),
            ("input[name=repeat]", SPACE),
            ("input[name=people]", "6"),
            ("textarea[name=purpose]", "Wir nähen zusammen und reparieren Kleidung."),
            ("input[name=requester_kind]", SPACE),
            ("input[name=organiser]", "Nähcafé Lindenkiez"),
            ("input[name=accept_rules]", SPACE),
            ("input[name=accept_fee]", SPACE),
            ("input[name=email]", "naehcafe@example.org"),
            ("input[name=consent]", SPACE),
        ],
    )
    send(page, opened)
    assert "/anfragen/danke/" in page.url
