"""Subscribing to the Quartiersbrief through the life cycle's double opt-in, with mails
through a real SMTP server: the confirmation mail, the button, the consent record, the
subscriber's settings, one-click unsubscribe, and bad input."""

import time

import pytest

from django.test import Client

from core.forms import make_timestamp
from letters.models import Frequency, Subscription
from letters.sending import unsubscribe_url
from participation.models import Resident, State
from participation.tokens import resident_token
from tests.mail import press_the_confirmation_button

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/de/quartiersbrief/abonnieren/"


def form(**overrides):
    data = {
        "email": "lena@example.org",
        "frequency": "weekly",
        "topics": ["events", "swap"],
        "language": "en",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def subscribed(email="lena@example.org"):
    return Subscription.objects.select_related("resident").get(resident__email=email)


def test_sign_up_stores_an_unconfirmed_subscriber_and_sends_one_plain_confirmation(send, smtp_server):
    response = send(SUBSCRIBE, form())
    assert response.status_code == 302
    subscription = subscribed()
    assert subscription.state == State.UNCONFIRMED
    assert subscription.topics == ["events", "swap"] and subscription.frequency == Frequency.WEEKLY
    (mail,) = smtp_server.messages
    assert mail["To"] == "lena@example.org"
    body = mail.get_content()
    # The confirmation in the subscriber's chosen language, asking and nothing else.
    assert "confirm" in body and "/en/bestaetigen/" in body
    assert "Lesung" not in body and "Tauschbörse" not in body and "List-Unsubscribe" not in str(mail)


def test_a_get_confirms_nothing_and_the_button_stores_the_consent_record(client, send, smtp_server):
    send(SUBSCRIBE, form())
    link = (
        "/"
        + next(word for word in smtp_server.messages[0].get_content().split() if "/bestaetigen/" in word).split("/", 3)[
            3
        ]
    )
    assert client.get(link).status_code == 200
    assert subscribed().state == State.UNCONFIRMED

    response = press_the_confirmation_button(send, smtp_server)
    assert response.status_code == 302
    subscription = subscribed()
    assert subscription.state == State.PUBLISHED
    assert subscription.expires_at is None  # a subscription never runs out
    # The proof: the words agreed to with the choices, when, and the confirming request.
    assert subscription.consent_text.startswith("Ich möchte den Quartiersbrief per E-Mail erhalten")
    assert "frequency: weekly" in subscription.consent_text and "topics: events, swap" in subscription.consent_text
    assert subscription.consented_at and subscription.confirmed_at >= subscription.consented_at
    assert subscription.confirmed_from == "127.0.0.1"
    # A welcome with the way to change it, and still no advertising.
    welcome = smtp_server.messages[-1].get_content()
    assert "/mein-quartier/" in welcome


def test_subscribing_again_replaces_the_earlier_subscription(send, smtp_server):
    send(SUBSCRIBE, form())
    press_the_confirmation_button(send, smtp_server)
    send(SUBSCRIBE, form(frequency="quarterly", topics=[]))
    press_the_confirmation_button(send, smtp_server)
    states = dict(Subscription.objects.filter(resident__email="lena@example.org").values_list("frequency", "state"))
    assert states == {"weekly": State.WITHDRAWN, "quarterly": State.PUBLISHED}


def test_the_footer_form_on_a_cached_page_leads_to_the_full_form_without_a_token(client):
    strict = Client(enforce_csrf_checks=True)
    home = strict.get("/de/")
    assert 'action="/de/brief/start/"' in home.content.decode()
    response = strict.post("/de/brief/start/", {"subscriber_email": "lena@example.org"})
    assert response.status_code == 200
    assert 'value="lena@example.org"' in response.content.decode()
    assert not Subscription.objects.filter(resident__email="lena@example.org").exists()
    assert "no-cache" in response["Cache-Control"]


def test_one_click_unsubscribe_needs_no_cookie_and_a_get_stops_nothing(demo_subscription):
    url = unsubscribe_url(demo_subscription)
    path = "/" + url.split("/", 3)[3]
    mail_program = Client(enforce_csrf_checks=True)
    page = mail_program.get(path)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    demo_subscription.refresh_from_db()
    assert demo_subscription.state == State.PUBLISHED

    response = mail_program.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not response.cookies
    demo_subscription.refresh_from_db()
    assert demo_subscription.state == State.WITHDRAWN
    # A replay answers as the first time and changes nothing.
    again = mail_program.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200 and again.content == response.content


def test_a_forged_unsubscribe_token_is_a_400(client, demo_subscription):
    path = "/" + unsubscribe_url(demo_subscription).split("/", 3)[3]
    forged = path.rstrip("/")[:-3] + "abc/"
    assert client.post(forged).status_code == 400
    demo_subscription.refresh_from_db()
    assert demo_subscription.state == State.PUBLISHED


def test_the_subscriber_changes_settings_from_their_page_and_only_their_own(client, demo_subscription):
    token = resident_token(demo_subscription.resident)
    url = f"/de/quartiersbrief/einstellungen/{demo_subscription.pk}/?von={token}"
    assert client.get(url).status_code == 200
    demo_subscription.paused_at = demo_subscription.state_changed_at
    demo_subscription.save()
    response = client.post(
        url,
        {"frequency": "monthly", "topics": ["news"], "language": "uk", "started": make_timestamp(time.time() - 60)},
    )
    assert response.status_code == 302
    demo_subscription.refresh_from_db()
    assert (demo_subscription.frequency, demo_subscription.topics, demo_subscription.language) == (
        "monthly",
        ["news"],
        "uk",
    )
    assert demo_subscription.paused_at is None  # saving sets a paused address going again

    other = Resident.objects.create(email="other@example.org", confirmed_at=demo_subscription.confirmed_at)
    foreign = f"/de/quartiersbrief/einstellungen/{demo_subscription.pk}/?von={resident_token(other)}"
    assert client.get(foreign).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "not-an-address"}, "This e-mail address is not valid"),
        ({"email": "lena@example.org\r\nBcc: everyone@example.org"}, "This e-mail address is not valid"),
        ({"frequency": "hourly"}, "Please choose one of the options shown"),
        ({"topics": ["politics"]}, "Please choose one of the options shown"),
        ({"frequency": "weekly", "topics": []}, "Please choose at least one topic"),
        ({"language": "xx\r\nSubject: hi"}, "Please choose one of the options shown"),
        ({"consent": None}, "Please agree"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(client, overrides, message):
    with_english = client.post(SUBSCRIBE.replace("/de/", "/en/"), form(**overrides))
    assert with_english.status_code == 400
    assert message in with_english.content.decode()
    assert not Subscription.objects.filter(resident__email__startswith="lena@").exists()


def test_too_many_sign_ups_from_one_address_get_429(send, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_IP = 3
    codes = [send(SUBSCRIBE, form(email=f"person{n}@example.org")).status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert Subscription.objects.filter(resident__email__startswith="person").count() == 3


def test_subscribers_are_seen_only_with_the_permission(client, django_user_model, demo_subscription):
    from django.contrib.auth.models import Group, Permission

    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    detail = f"/admin/contributions/{demo_subscription.pk}/"
    # As unknown as a missing item (Django's LocaleMiddleware turns an admin 404 into a redirect).
    assert client.get(detail).status_code in (302, 404)
    assert demo_subscription.code not in client.get("/admin/contributions/?tab=all").content.decode()

    moderator.user_permissions.add(Permission.objects.get(codename="see_subscribers"))
    moderator = django_user_model.objects.get(pk=moderator.pk)
    client.force_login(moderator)
    page = client.get(detail)
    assert page.status_code == 200
    assert "Ich möchte den Quartiersbrief" in page.content.decode()  # the consent, printable


def test_unconfirmed_sign_ups_are_deleted_after_the_confirmation_period(send, smtp_server, settings):
    from datetime import timedelta

    from django.utils import timezone

    from participation.lifecycle import delete_old

    send(SUBSCRIBE, form())
    later = timezone.now() + timedelta(days=settings.PARTICIPATION_CONFIRM_DAYS, hours=1)
    delete_old(now=later)
    assert not Subscription.objects.filter(resident__email="lena@example.org").exists()
    assert not Resident.objects.filter(email="lena@example.org").exists()


def test_the_export_holds_the_subscription_and_its_consent(client, demo_subscription):
    import json

    token = resident_token(demo_subscription.resident)
    data = json.loads(client.get(f"/de/mein-quartier/{token}/daten.json").content)
    (letter,) = [item for item in data["contributions"] if item["kind"] == "letter"]
    assert letter["how_often"] == "weekly" and letter["consent"].startswith("Ich möchte")
    assert data["quartiersbrief"][0]["confirmed"]


def test_the_privacy_statement_names_the_quartiersbrief(client):
    from core.personal_data import privacy_facts

    assert any(str(fact["title"]) == "Der Quartiersbrief" for fact in privacy_facts())


def test_an_english_reader_stays_in_english_through_the_form(client, send, smtp_server):
    page = client.get("/en/quartiersbrief/abonnieren/").content.decode()
    assert 'action="/en/quartiersbrief/abonnieren/"' in page
    response = send("/en/quartiersbrief/abonnieren/", form())
    assert response["Location"] == "/en/quartiersbrief/abonnieren/danke/"


def test_the_residents_page_costs_the_same_queries_with_more_subscriptions(client, demo_subscription):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/de/mein-quartier/{resident_token(demo_subscription.resident)}/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(5):  # earlier subscriptions, stopped and kept until the retention
        Subscription.objects.create(resident=demo_subscription.resident, title="Quartiersbrief", state=State.WITHDRAWN)
    assert queries() == few
