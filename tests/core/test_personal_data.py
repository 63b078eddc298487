"""Export and deletion of one person's data by an editor command."""

import io
import json

import pytest

from django.core.management import CommandError, call_command

from directory.models import Enquiry
from tests.directory.test_delivery import make_enquiry


def run(*args):
    out = io.StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def people(django_user_model):
    make_enquiry(email="Helga@Example.org", phone="030 1234567")
    make_enquiry(email="", phone="(030) 123-4567", name="Helga am Telefon")
    make_enquiry(email="nachbar@example.org", phone="030 7654321", name="Jemand anderes")
    django_user_model.objects.create_user("helga", "helga@example.org", "x", first_name="Helga")


@pytest.mark.django_db
def test_export_finds_everything_by_email_and_phone(people):
    data = json.loads(run("export", "--email", "helga@example.org", "--phone", "030/1234567"))
    assert sorted(row["name"] for row in data["enquiries"]) == ["Helga Wagner", "Helga am Telefon"]
    assert [row["username"] for row in data["accounts"]] == ["helga"]
    assert "Jemand anderes" not in json.dumps(data)


@pytest.mark.django_db
def test_delete_removes_only_that_person(people, django_user_model):
    out = run("delete", "--email", "helga@example.org", "--phone", "0301234567", "--yes")
    assert "Deleted: 1 accounts, 0 mails, 2 enquiries, 0 residents" in out
    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Jemand anderes"]
    assert not django_user_model.objects.filter(username="helga").exists()


@pytest.mark.django_db
def test_needs_someone_to_look_for():
    with pytest.raises(CommandError, match="--email"):
        run("export")


@pytest.mark.django_db
def test_nothing_stored(people):
    assert run("delete", "--email", "unbekannt@example.org", "--yes") == "Nothing stored for this person.\n"


@pytest.mark.django_db
def test_privacy_statement_lists_what_is_stored_from_the_register(client, settings):
    settings.ENQUIRY_RETENTION_DAYS = 45
    html = client.get("/de/datenschutz/").content.decode()
    table = html[html.index('<table class="stored-data">') : html.index("</table>")]
    assert "Anfragen zu einem Angebot" in table
    assert "nach 45 Tagen" in table
    assert "Konten der Redaktion, von Vereinen und Anbietern" in table
    assert "csrftoken" in table


@pytest.mark.django_db
def test_public_pages_set_no_cookie(client):
    for path in ("/de/", "/en/", "/de/hilfe-und-angebote/", "/de/search/?q=Kiez"):
        assert client.get(path).cookies == {}, path


@pytest.mark.django_db
def test_retention_task_deletes_only_what_is_past_its_period(settings):
    import datetime

    from axes.models import AccessAttempt

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    now = timezone.now()
    old = make_enquiry(name="Alt")
    Enquiry.objects.filter(pk=old.pk).update(
        created_at=now - datetime.timedelta(days=settings.ENQUIRY_RETENTION_DAYS + 1)
    )
    make_enquiry(name="Neu")
    for expiry in (now - datetime.timedelta(days=1), now + datetime.timedelta(days=1)):
        store = SessionStore()
        store.create()
        Session.objects.filter(session_key=store.session_key).update(expire_date=expiry)
    for username, age in (("alt", settings.AXES_COOLOFF_TIME * 2), ("neu", datetime.timedelta(minutes=1))):
        attempt = AccessAttempt.objects.create(
            username=username, ip_address="203.0.113.1", user_agent="", failures_since_start=1
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - age)  # auto_now_add otherwise

    out = io.StringIO()
    call_command("enforce_retention", stdout=out)

    assert list(Enquiry.objects.values_list("name", flat=True).filter(name__in=["Alt", "Neu"])) == ["Neu"]
    assert Session.objects.count() == 1
    assert AccessAttempt.objects.count() == 1
    assert "1 enquiries deleted." in out.getvalue()
