"""Property-based tests of the public POST form (the enquiry form): whatever a resident
or a bot sends, the answer is a page with clear messages, a redirect after storing,
or a 4xx; never a 500. A rejected post stores nothing; an accepted one stores exactly
what was sent."""

import time
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.utils.html import escape

from core.forms import clean_text, make_timestamp
from directory.models import Enquiry
from tests.database import stored_state
from tests.directory.helpers import enquiry_data, offer_url

OFFER = "seniorenfahrdienst-lindenmobil"
FIELDS = ["name", "email", "phone", "message", "preferred_time", "consent", "website", "started"]
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text as browsers and bots send it: any Unicode including control characters, very
# long values, lookalikes of valid input, and hostile strings.
field_values = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=2000, max_size=4000),
    st.sampled_from(["", " ", "\x00", "on", "0", "a@b", "helga@example.org", "+49 30 1234567", "<script>x</script>"]),
)


@pytest.fixture(autouse=True)
def empty_cache():
    # Each example is a new visitor: without this the rate limit answers after ten.
    cache.clear()
    yield
    cache.clear()


def assert_stored_exactly(enquiry, sent):
    for field in ("name", "email", "phone", "message", "preferred_time"):
        # Stored as sent, without control characters and direction overrides.
        assert getattr(enquiry, field) == (clean_text(sent[field]) if field != "email" else sent[field].strip()), field


def assert_outcome(response, sent, before):
    """A redirect after a real enquiry stores exactly it; anything else stores nothing."""
    after = stored_state()
    # The honeypot: bots get the thanks page as well, and nothing is stored.
    spam = bool(sent["website"].strip())
    if response.status_code == 302 and not spam:
        assert after["directory.Enquiry"] == before["directory.Enquiry"] + 1
        assert_stored_exactly(Enquiry.objects.latest("pk"), sent)
        # Wagtail indexes the new row's references to its offer and page.
        unchanged = set(after) - {"directory.Enquiry", "wagtailcore.ReferenceIndex"}
        assert {label: after[label] for label in unchanged} == {label: before[label] for label in unchanged}
    else:
        assert after == before
    if response.status_code == 200:
        # A re-shown form always says why, in words on the page.
        errors = response.context["form"].errors
        assert errors
        html = response.content.decode()
        for messages in errors.values():
            for message in messages:
                assert escape(message) in html, message


@pytest.mark.django_db
@EXAMPLES
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=len(FIELDS)))
def test_any_field_values_are_answered_clearly(client, overrides):
    cache.clear()
    sent = enquiry_data(**overrides)
    before = stored_state()
    response = client.post(offer_url(OFFER), sent)
    assert response.status_code in {200, 302, 400, 429}, response.status_code
    assert_outcome(response, sent, before)


@pytest.mark.django_db
@EXAMPLES
@given(
    extra=st.dictionaries(st.text(min_size=1, max_size=30), st.text(max_size=100), max_size=6),
    repeated=st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=4),
)
def test_unknown_and_repeated_fields(client, extra, repeated):
    """Unknown parameters are ignored; of a repeated field the last value counts, as
    Django reads it, and the answer is the one for that value."""
    assume(not set(extra) & set(FIELDS))
    cache.clear()
    valid = enquiry_data()
    body = [*valid.items(), *extra.items(), *repeated.items()]
    before = stored_state()
    response = client.post(offer_url(OFFER), urlencode(body), content_type="application/x-www-form-urlencoded")
    assert response.status_code in {200, 302}, response.status_code
    assert_outcome(response, {**valid, **repeated}, before)


@pytest.mark.django_db
@EXAMPLES
@given(
    body=st.binary(max_size=3000),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "multipart/form-data",
            "text/plain",
            "application/json",
            "application/x-www-form-urlencoded; charset=latin-1",
            "application/x-www-form-urlencoded; charset=nonsense",
        ]
    ),
)
def test_arbitrary_bodies_never_fail(client, body, content_type):
    cache.clear()
    before = stored_state()
    # generic(): the test client's post() would encode the body in the declared charset.
    response = client.generic("POST", offer_url(OFFER), body, content_type=content_type)
    assert response.status_code in {200, 400, 413, 429}, (response.status_code, content_type)
    assert stored_state() == before


@pytest.mark.django_db
@EXAMPLES
@given(age_seconds=st.one_of(st.integers(-(10**6), 10**9), st.floats(allow_nan=True, allow_infinity=True)))
def test_any_fill_time_is_handled(client, age_seconds):
    """The signed fill time from the past, the future, or far outside the limits: the
    form asks again (200) or accepts (302), never more than one row."""
    cache.clear()
    try:
        token = make_timestamp(time.time() - age_seconds)
    except (OverflowError, ValueError):
        token = "not-a-number"
    before = Enquiry.objects.count()
    response = client.post(offer_url(OFFER), enquiry_data(started=token))
    assert response.status_code in {200, 302}
    assert Enquiry.objects.count() - before == (1 if response.status_code == 302 else 0)
