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
    tab_to(page, ".resident-form input[name=name]")
    page.keyboard.type("Erika Mustermann")
    tab_to(page, ".resident-form input[name=email]")
    page.keyboard.type("erika@example.org")
    tab_to(page, ".resident-form textarea[name=message]")
    page.keyboard.type("Wir suchen am Freitagabend jemanden für zwei Kinder.")
    tab_to(page, ".resident-form input[name=consent]")
    page.keyboard.press("Space")
    # The honeypot is out of the tab order, so a keyboard user never fills it.
    assert page.evaluate("document.querySelector('.resident-form input[name=website]').value") == ""
    tab_to(page, ".resident-form button[type=submit]")
    # The form refuses what is sent faster than a person fills it in
    # (FORM_MIN_FILL_SECONDS = 3); a real person takes longer anyway.
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
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
    tab_to(page, ".resident-form input[name=direction]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form input[name=subject]")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "time"
    tab_to(page, ".resident-form input[name=mode]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form input[name=title]")
    page.keyboard.type("Hilfe beim Umtopfen")
    tab_to(page, ".resident-form textarea[name=description]")
    page.keyboard.type("Ich helfe gern beim Umtopfen Ihrer Balkonpflanzen.")
    tab_to(page, ".resident-form select[name=category]")
    page.keyboard.press("ArrowDown")
    tab_to(page, ".resident-form select[name=area]")
    page.keyboard.press("ArrowDown")
    tab_to(page, ".resident-form input[name=email]")
    page.keyboard.type("gaertnerin@example.org")
    tab_to(page, ".resident-form input[name=consent]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form button[type=submit]")
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/neu/danke/" in page.url
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihren Beitrag"


def test_propose_an_event_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/veranstaltungen/melden/")
    opened = time.monotonic()
    tab_to(page, ".resident-form input[name=title]")
    page.keyboard.type("Laternenbasteln im Hof")
    tab_to(page, ".resident-form input[name=date]")
    # The 12th of December: typed the same whether the browser puts the day or the month first.
    page.keyboard.type("12122035")
    tab_to(page, ".resident-form input[name=start_time]")
    page.keyboard.type("1630")
    tab_to(page, ".resident-form input[name=place_name]")
    page.keyboard.type("Hof der Lindenstraße 12")
    tab_to(page, ".resident-form input[name=organiser_name]")
    page.keyboard.type("Hausgemeinschaft")
    tab_to(page, ".resident-form textarea[name=description]")
    page.keyboard.type("Wir basteln Laternen für den Umzug.")
    tab_to(page, ".resident-form input[name=email]")
    page.keyboard.type("hof@example.org")
    tab_to(page, ".resident-form input[name=consent]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form button[type=submit]")
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/melden/danke/" in page.url, page.locator(".form-errors").all_inner_texts()
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihren Vorschlag"


def test_offer_help_with_the_keyboard(page, live_site):
    page.goto(live_site + "/de/vereine/ehrenamt/mitmachen/")
    opened = time.monotonic()
    tab_to(page, ".resident-form input[name=name]")
    page.keyboard.type("Jana Roth")
    tab_to(page, ".resident-form input[name=reach]")
    page.keyboard.type("0176 5550123")
    # Each topic is a checkbox of its own, reached with Tab and ticked with Space.
    tab_to(page, ".resident-form input[name=topics]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, ".resident-form input[name=email]")
    page.keyboard.type("jana@example.org")
    tab_to(page, ".resident-form input[name=consent]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form button[type=submit]")
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
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
    tab_to(page, ".resident-form input[name=title]")
    page.keyboard.type("Nähcafé")
    tab_to(page, ".resident-form input[name=day]")
    page.keyboard.type(f"{day:%d%m%Y}")
    tab_to(page, ".resident-form input[name=start_time]")
    page.keyboard.type("1400")
    tab_to(page, ".resident-form input[name=end_time]")
    page.keyboard.type("1600")
    tab_to(page, ".resident-form input[name=repeat]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form input[name=people]")
    page.keyboard.type("6")
    tab_to(page, ".resident-form textarea[name=purpose]")
    page.keyboard.type("Wir nähen zusammen und reparieren Kleidung.")
    tab_to(page, ".resident-form input[name=requester_kind]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form input[name=organiser]")
    page.keyboard.type("Nähcafé Lindenkiez")
    for name in ("accept_rules", "accept_fee"):
        tab_to(page, f".resident-form input[name={name}]")
        page.keyboard.press("Space")
    tab_to(page, ".resident-form input[name=email]")
    page.keyboard.type("naehcafe@example.org")
    tab_to(page, ".resident-form input[name=consent]")
    page.keyboard.press("Space")
    tab_to(page, ".resident-form button[type=submit]")
    time.sleep(max(0, 3.5 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/anfragen/danke/" in page.url
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihre Anfrage"
