"""The enquiry form: stored first, clear messages for bad input, never a 500."""

import time

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from core.forms import make_timestamp
from directory.models import Enquiry, EnquiryState, Offer

from .helpers import enquiry_data, offer_url

OFFER = "seniorenfahrdienst-lindenmobil"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def post(client, **overrides):
    return client.post(offer_url(OFFER), enquiry_data(**overrides))


def errors_of(response):
    return response.context["form"].errors


@pytest.mark.django_db
def test_offer_page_shows_the_form_with_labels(client):
    html = client.get(offer_url(OFFER)).content.decode()
    for field in ("name", "email", "phone", "message", "preferred_time", "consent"):
        assert f'<label for="id_{field}"' in html
    assert 'name="started"' in html
    assert 'class="resident-form__trap" aria-hidden="true"' in html


@pytest.mark.django_db
def test_valid_enquiry_is_stored_and_not_sent_in_the_request(client):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == offer_url(OFFER) + "danke/?mail=1"
    enquiry = Enquiry.objects.get()
    assert enquiry.offer == Offer.objects.get(slug=OFFER)
    assert enquiry.state == EnquiryState.PENDING
    assert enquiry.name == "Helga Wagner"
    assert enquiry.provider_name == "Nachbarschaftshilfe Lindenkiez e. V."
    assert enquiry.consent is True
    assert mail.outbox == []  # delivery happens outside the request
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Nachbarschaftshilfe Lindenkiez" in thanks.content.decode()


@pytest.mark.django_db
def test_phone_alone_is_enough(client):
    assert post(client, email="", phone="030 1234567").status_code == 302
    assert Enquiry.objects.get().phone == "030 1234567"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"name": ""}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"message": ""}, "message", "Bitte schreiben Sie"),
        ({"consent": ""}, "consent", "Bitte stimmen Sie zu"),
        ({"email": "", "phone": ""}, "email", "E-Mail-Adresse oder eine Telefonnummer"),
        ({"email": "helga@"}, "email", "nicht gültig"),
        ({"email": "nicht-da"}, "email", "nicht gültig"),
        ({"phone": "ruf mich an"}, "phone", "Telefonnummer"),
        ({"message": "x" * 1_000_000}, "message", "zu lang"),
        ({"name": "N" * 500}, "name", "höchstens"),
        ({"preferred_time": "t" * 500}, "preferred_time", "höchstens"),
    ],
)
def test_bad_input_gets_a_clear_message_at_the_field(client, overrides, field, text):
    response = post(client, **overrides)
    assert response.status_code == 200
    assert field in errors_of(response)
    html = response.content.decode()
    assert text in html
    assert 'role="alert"' in html
    assert f'href="#id_{field}"' in html
    assert 'aria-invalid="true"' in html
    assert Enquiry.objects.count() == 0


@pytest.mark.django_db
def test_input_is_kept_after_an_error(client):
    html = post(client, email="kaputt", message="Bitte um Rückruf").content.decode()
    assert "Bitte um Rückruf</textarea>" in html
    assert 'value="kaputt"' in html


@pytest.mark.django_db
def test_html_and_script_are_shown_escaped(client):
    evil = '<script>alert("x")</script><b>fett</b>'
    html = post(client, name=evil, email="kaputt", message=evil).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "<b>fett</b>" not in html


@pytest.mark.django_db
def test_markup_is_stored_as_text(client):
    post(client, name="<b>Max</b>", message="<img src=x onerror=alert(1)>")
    enquiry = Enquiry.objects.get()
    assert enquiry.message == "<img src=x onerror=alert(1)>"


@pytest.mark.django_db
def test_honeypot_pretends_success_and_stores_nothing(client):
    response = post(client, website="https://spam.example")
    assert response.status_code == 302
    assert Enquiry.objects.count() == 0


@pytest.mark.django_db
def test_too_fast_is_asked_again_and_the_second_try_passes(client):
    started = make_timestamp(time.time())
    response = post(client, started=started)
    assert response.status_code == 200
    assert "sehr schnell" in response.content.decode()
    assert Enquiry.objects.count() == 0
    with override_settings(FORM_MIN_FILL_SECONDS=0):
        assert post(client, started=started).status_code == 302
    assert Enquiry.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("started", ["", "forged", make_timestamp(time.time() - 3 * 24 * 3600)])
def test_missing_forged_or_old_timestamp_is_refused_with_a_fresh_one(client, started):
    response = post(client, started=started)
    assert response.status_code == 200
    assert "noch einmal" in response.content.decode()
    fresh = response.context["form"]["started"].value()
    assert fresh and fresh != started
    assert Enquiry.objects.count() == 0


@pytest.mark.django_db
@override_settings(ENQUIRY_RATE_LIMIT_PER_IP=3, ENQUIRY_RATE_LIMIT_PER_CONTACT=100)
def test_rate_limit_per_address(client):
    for number in range(3):
        assert post(client, email=f"person{number}@example.org").status_code == 302
    response = post(client, email="person9@example.org")
    assert response.status_code == 429
    assert "Bitte warten Sie eine Stunde" in response.content.decode()
    assert Enquiry.objects.count() == 3
    other = client.post(offer_url(OFFER), enquiry_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


@pytest.mark.django_db
@override_settings(ENQUIRY_RATE_LIMIT_PER_IP=100, ENQUIRY_RATE_LIMIT_PER_CONTACT=2)
def test_rate_limit_per_email(client):
    for number in range(2):
        client.post(offer_url(OFFER), enquiry_data(), REMOTE_ADDR=f"192.0.2.{number}")
    response = client.post(offer_url(OFFER), enquiry_data(email="HELGA@example.org"), REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    assert Enquiry.objects.count() == 2


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1, ENQUIRY_RATE_LIMIT_PER_IP=1, ENQUIRY_RATE_LIMIT_PER_CONTACT=100)
def test_rate_limit_behind_a_proxy_uses_the_forwarded_address(client):
    first = client.post(offer_url(OFFER), enquiry_data(email="a@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert first.status_code == 302
    # A forged entry in front of the proxy's does not help.
    forged = client.post(
        offer_url(OFFER),
        enquiry_data(email="b@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1",
    )
    assert forged.status_code == 429
    other = client.post(offer_url(OFFER), enquiry_data(email="c@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 302


@pytest.mark.django_db
def test_offer_without_enquiries_has_no_form(client):
    Offer.objects.filter(slug=OFFER).update(accepts_enquiries=False)
    assert 'class="resident-form"' not in client.get(offer_url(OFFER)).content.decode()
    assert post(client).status_code == 405


@pytest.mark.django_db
def test_post_to_unknown_offer_is_404(client):
    assert client.post(offer_url("gibt-es-nicht"), enquiry_data()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"consent": ["a", "b"]}, {"started": "\x00"}, {"name": "\x00"}])
def test_garbage_posts_never_fail(client, data):
    response = client.post(offer_url(OFFER), data)
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_delivery_task_is_enqueued_only_after_the_commit(client, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import task_backends

    def deliveries():
        return [
            result.args
            for result in task_backends["default"].results
            if result.task.module_path == "directory.tasks.deliver_enquiry"
        ]

    with django_capture_on_commit_callbacks() as after_commit:
        assert post(client).status_code == 302
        # Stored, but not yet committed: a worker could not find the row.
        assert deliveries() == []
    for callback in after_commit:
        callback()
    assert deliveries() == [[Enquiry.objects.get().pk]]


@pytest.mark.django_db
def test_a_form_sent_twice_stores_one_enquiry(client):
    data = enquiry_data()
    first = client.post(offer_url(OFFER), data)
    # A double click, or the same request replayed later from another session.
    again = Client().post(offer_url(OFFER), data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Enquiry.objects.count() == 1
    # A form shown anew is a new token, and stores the next enquiry.
    assert client.post(offer_url(OFFER), enquiry_data(message="Und noch eine Frage.")).status_code == 302
    assert Enquiry.objects.count() == 2


@pytest.mark.django_db
def test_direction_overrides_are_removed_from_what_is_stored_and_mailed(client):
    post(
        client,
        name="Max \u202eredief\u202c",
        message="Rechnung\u202efdp.exe \u2067ok\u2069",
        preferred_time="\u202dabends",
    )
    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.message, enquiry.preferred_time) == ("Max redief", "Rechnungfdp.exe ok", "abends")
    # Arabic writers' marks stay.
    post(client, name="\u0633\u0627\u0631\u0629\u200f", email="sara@example.org")
    assert Enquiry.objects.filter(name="\u0633\u0627\u0631\u0629\u200f").exists()


@pytest.mark.django_db
def test_the_phone_is_offered_before_the_form_and_again_after_it(client):
    offer = Offer.objects.select_related("provider").get(slug=OFFER)
    html = client.get(offer_url(OFFER)).content.decode()
    call = html.index('class="rather-call"')
    assert call < html.index('class="resident-form"')
    assert offer.provider.phone in html[call : html.index("</aside>", call)]
    with_mail = client.get(post(client)["Location"]).content.decode()
    assert "Bestätigung per E-Mail" in with_mail
    assert 'class="rather-call"' in with_mail and offer.provider.phone in with_mail
    by_phone = client.get(post(client, email="", phone="030 1234567")["Location"]).content.decode()
    assert "Bestätigung per E-Mail" not in by_phone
    assert "ruft Sie zurück" in by_phone
