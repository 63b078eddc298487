"""Onboarding a club in one step, from the command line and the admin, with the
invitation delivered over real SMTP; and what needs the attention of a club or provider
(provider onboarding: tests/directory/test_provider_onboarding.py)."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from clubs.models import ClubPage
from clubs.onboarding import DuplicateClub, grant_club_access, onboard_club
from core.attention import needs_attention
from directory.models import Provider
from directory.onboarding import onboard_provider

from .helpers import club_index


def invitation_link(text):
    return re.search(r"http://testserver(/admin/willkommen/\S+/)", text).group(1)


def set_password(client, link):
    """Follow the invitation like a browser: Django redirects to a link without the token."""
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Lindenblüte-2026", "new_password2": "Lindenblüte-2026"})
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_command_onboards_a_club_and_the_invitation_works(client, smtp_server):
    args = ["Schachclub Lindenkiez", "schach@example.org", "--contact", "Olga Petrova"]
    call_command("onboard_club", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ClubPage.objects.get(title="Schachclub Lindenkiez")
    assert not page.live and page.get_parent().pk == club_index().pk
    user = get_user_model().objects.get(email="schach@example.org")
    assert not user.has_usable_password()
    group = user.groups.get()
    permissions = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
    assert permissions == {(page.pk, "add_page"), (page.pk, "change_page")}
    collection = Collection.objects.get(name="Schachclub Lindenkiez")
    assert GroupCollectionPermission.objects.filter(group=group, collection=collection).count() == 3
    assert page.get_workflow() is not None

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["To"] == "schach@example.org"
    body = message.get_payload(decode=True).decode()
    set_password(client, invitation_link(body))
    user.refresh_from_db()
    assert user.check_password("Lindenblüte-2026")
    assert client.login(username="schach@example.org", password="Lindenblüte-2026")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_command_refuses_bad_input(db):
    with pytest.raises(CommandError):
        call_command("onboard_club", "Verein", "keine-adresse")


@pytest.mark.django_db
def test_same_name_twice_is_refused_unless_asked_for(db):
    first = onboard_club(club_index(), "Imkerverein Linde", "a@example.org", invite=False)
    with pytest.raises(DuplicateClub):
        onboard_club(club_index(), "imkerverein linde ", "b@example.org", invite=False)
    second = onboard_club(club_index(), "Imkerverein Linde", "b@example.org", invite=False, allow_duplicate=True)
    assert first.page.slug != second.page.slug and first.group != second.group
    assert first.collection != second.collection


@pytest.mark.django_db
def test_command_onboards_onto_the_existing_page_and_warns_of_a_duplicate(db):
    page = ClubPage.objects.get(slug="seniorentreff-lindenkiez")
    pages_before = ClubPage.objects.count()
    with pytest.raises(CommandError, match="exists already"):
        call_command("onboard_club", page.title, "senioren@example.org")
    call_command("onboard_club", page.title, "senioren@example.org", "--existing", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ClubPage.objects.count() == pages_before
    user = get_user_model().objects.get(email="senioren@example.org")
    assert GroupPagePermission.objects.filter(group__in=user.groups.all(), page=page).count() == 2
    # A second volunteer of the same club joins its group instead of getting another one.
    call_command("onboard_club", "x", "kasse@example.org", "--page", str(page.pk), stdout=open("/dev/null", "w"))  # noqa: SIM115
    second = get_user_model().objects.get(email="kasse@example.org")
    assert list(second.groups.all()) == list(user.groups.all())
    with pytest.raises(CommandError, match="no club page"):
        call_command("onboard_club", "x", "y@example.org", "--page", "999999")


@pytest.mark.django_db
def test_admin_view_onboards_a_club(editor_client, club_member):
    assert club_member.get("/admin/clubs/onboard/").status_code in (302, 403)
    assert editor_client.get("/admin/clubs/onboard/").status_code == 200
    response = editor_client.post(
        "/admin/clubs/onboard/", {"name": "", "email": "kaputt", "index_page": club_index().pk}
    )
    assert response.status_code == 200 and response.context["form"].errors
    response = editor_client.post(
        "/admin/clubs/onboard/",
        {"name": "Tanzgruppe Linde", "email": "tanz@example.org", "index_page": club_index().pk, "publish": "on"},
    )
    page = ClubPage.objects.get(title="Tanzgruppe Linde")
    assert response.status_code == 302 and page.live
    assert len(mail.outbox) == 1 and "tanz@example.org" in mail.outbox[0].to


@pytest.mark.django_db
def test_admin_view_warns_of_a_duplicate_and_onboards_onto_the_existing_page(editor_client, smtp_server):
    page = ClubPage.objects.get(slug="seniorentreff-lindenkiez")
    pages_before = ClubPage.objects.count()
    form = {"name": page.title, "email": "senioren@example.org", "index_page": club_index().pk}
    response = editor_client.post("/admin/clubs/onboard/", form)
    assert response.status_code == 200
    assert "exists already" in str(response.context["form"].errors["name"]) or "gibt es schon" in str(
        response.context["form"].errors["name"]
    )
    assert ClubPage.objects.count() == pages_before and not smtp_server.messages

    response = editor_client.post("/admin/clubs/onboard/", {**form, "name": "", "existing_page": page.pk})
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert ClubPage.objects.count() == pages_before
    user = get_user_model().objects.get(email="senioren@example.org")
    assert GroupPagePermission.objects.filter(group__in=user.groups.all(), page=page).exists()
    assert len(smtp_server.messages) == 1

    response = editor_client.post("/admin/clubs/onboard/", {**form, "create_anyway": "on"})
    assert response.status_code == 302 and ClubPage.objects.count() == pages_before + 1


@pytest.mark.django_db
def test_overdue_club_and_provider_reach_their_accounts(db):
    items = {item.title: item for item in needs_attention()}
    senior_club = items["Seniorentreff Lindenkiez"]
    assert senior_club.owner_emails == ()
    page = ClubPage.objects.get(slug="seniorentreff-lindenkiez")
    grant_club_access(page, "senioren-konto@example.org", invite=False)
    provider = Provider.objects.get(slug="repair-cafe-lindenkiez")
    provider.review_due = provider.review_due.replace(year=2000)
    provider.save()
    onboard_provider(provider, "anbieter2@example.org", invite=False)
    items = {item.title: item for item in needs_attention()}
    assert items["Seniorentreff Lindenkiez"].owner_emails == ("senioren-konto@example.org",)
    assert "anbieter2@example.org" in items[provider.name].owner_emails


@pytest.mark.django_db
def test_digest_mails_accounts_their_own_items(db):
    page = ClubPage.objects.get(slug="seniorentreff-lindenkiez")
    grant_club_access(page, "senioren-konto@example.org", invite=False)
    call_command("send_attention_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    mine = [m for m in mail.outbox if m.to == ["senioren-konto@example.org"]]
    assert len(mine) == 1
    assert "Seniorentreff Lindenkiez" in mine[0].body
    assert "SV Lindenkiez" not in mine[0].body
