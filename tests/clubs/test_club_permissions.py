"""A club account through the real admin views: its own page and events it edits and
submits; another club's pages, events and images and everything outside its club it
can neither open, change, publish, move, copy nor delete."""

import pytest

from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from clubs.models import ClubPage
from news.models import EventPage
from tests.directory.test_provider_permissions import instance_views, other_provider

from .helpers import club

REFUSED = (302, 403, 404)


def club_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "image_alt": "",
        "description": rich_text(page.description),
        "meeting_times": page.meeting_times,
        "place_name": page.place_name,
        "address": page.address,
        "contact_name": page.contact_name,
        "phone": page.phone,
        "email": page.email,
        "website": page.website,
        "how_to_join": page.how_to_join,
        "activities": inline_formset([]),
        "volunteer_roles": inline_formset([]),
        "links": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "",
        "review_by": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def live_title(page):
    return Page.objects.get(pk=page.pk).title


@pytest.mark.django_db
def test_member_edits_own_page_and_it_waits_for_approval(club_member, editor_client):
    page = club("sv-lindenkiez")
    data = club_form(page, title="SV Lindenkiez – neu", summary="Jetzt auch mit Yoga.")
    data["action-submit"] = "submit"
    response = club_member.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title == "SV Lindenkiez 1921 e. V."  # live version unchanged
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "SV Lindenkiez – neu"
    task_state = page.current_workflow_task_state
    assert task_state is not None
    assert club_member.get("/de/vereine/sv-lindenkiez/").context["page"].title == "SV Lindenkiez 1921 e. V."

    # The editor sees it waiting on the dashboard and approves it.
    assert "SV Lindenkiez – neu" in editor_client.get("/admin/").content.decode()
    response = editor_client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "SV Lindenkiez – neu"
    assert page.live


@pytest.mark.django_db
def test_member_cannot_publish_own_page(club_member):
    page = club("sv-lindenkiez")
    data = club_form(page, title="Sofort live?")
    data["action-publish"] = "publish"
    club_member.post(f"/admin/pages/{page.pk}/edit/", data)
    assert live_title(page) == "SV Lindenkiez 1921 e. V."
    response = club_member.post("/admin/bulk/wagtailcore/page/publish/?id=" + str(page.pk), {"include_descendants": ""})
    assert live_title(page) == "SV Lindenkiez 1921 e. V."
    assert response.status_code in (200, *REFUSED)


@pytest.mark.django_db
def test_member_can_add_an_event_below_own_page(club_member):
    page = club("sv-lindenkiez")
    response = club_member.get(f"/admin/pages/add/news/eventpage/{page.pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_member_cannot_unpublish_move_or_delete_own_page(club_member):
    page = club("sv-lindenkiez")
    parent_id = page.get_parent().pk
    for url in (f"/admin/pages/{page.pk}/unpublish/", f"/admin/pages/{page.pk}/delete/"):
        club_member.post(url, {})
    page.refresh_from_db()
    assert page.live
    home = Page.objects.get(depth=2)
    club_member.post(f"/admin/pages/{page.pk}/move/{home.pk}/confirm/", {})
    assert Page.objects.get(pk=page.pk).get_parent().pk == parent_id


def targets(other_club):
    """Another club's page and event, and pages outside any club."""
    return [
        other_club["page"],
        other_club["event"],
        Page.objects.get(depth=2),  # the home page
        EventPage.objects.get(slug="nachbarschaftscafe"),  # an event of the central calendar
    ]


GET_VIEWS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/move/",
    "/admin/pages/{pk}/copy/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/revisions/",
    "/admin/pages/{pk}/usage/",
    "/admin/pages/{pk}/privacy/",
    "/admin/pages/{pk}/add_subpage/",
    "/admin/pages/{pk}/view_draft/",
    "/admin/pages/{pk}/workflow_history/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("view", GET_VIEWS)
def test_member_cannot_open_pages_outside_own_club(club_member, other_club, view):
    for target in targets(other_club):
        response = club_member.get(view.format(pk=target.pk))
        assert response.status_code in REFUSED, (view, target, response.status_code)


@pytest.mark.django_db
def test_member_cannot_change_pages_outside_own_club(club_member, other_club):
    own = club("sv-lindenkiez")
    for target in targets(other_club):
        before = (target.title, target.live, target.get_parent().pk, Page.objects.count())
        data = {"title": "Übernommen", "slug": target.slug, "action-publish": "publish"}
        for url in (
            f"/admin/pages/{target.pk}/edit/",
            f"/admin/pages/{target.pk}/delete/",
            f"/admin/pages/{target.pk}/unpublish/",
            f"/admin/pages/{target.pk}/move/{own.pk}/confirm/",
            f"/admin/pages/{target.pk}/copy/",
            f"/admin/pages/{target.pk}/lock/",
            f"/admin/bulk/wagtailcore/page/delete/?id={target.pk}",
            f"/admin/bulk/wagtailcore/page/unpublish/?id={target.pk}",
            f"/admin/bulk/wagtailcore/page/move/?id={target.pk}",
        ):
            response = club_member.post(url, data)
            assert response.status_code in (200, *REFUSED), (url, response.status_code)
        target = Page.objects.get(pk=target.pk)
        after = (target.title, target.live, target.get_parent().pk, Page.objects.count())
        assert before == after, target
        assert not target.locked


@pytest.mark.django_db
def test_member_cannot_add_pages_outside_own_club(club_member, other_club):
    assert club_member.get(f"/admin/pages/add/news/eventpage/{other_club['page'].pk}/").status_code in REFUSED
    count = Page.objects.count()
    club_member.post(
        f"/admin/pages/add/news/eventpage/{other_club['page'].pk}/",
        {"title": "Fremd", "slug": "fremd", "action-publish": "publish"},
    )
    assert Page.objects.count() == count


@pytest.mark.django_db
def test_explorer_and_search_show_only_own_club(club_member, other_club):
    response = club_member.get("/admin/pages/search/?q=Lindenchor")
    assert "Chorkonzert" not in response.content.decode()
    assert "Konzert des Lindenchors" not in response.content.decode()
    response = club_member.get(f"/admin/pages/{other_club['page'].pk}/")
    assert response.status_code in REFUSED or "Konzert des Lindenchors" not in response.content.decode()


@pytest.mark.django_db
def test_member_cannot_see_or_change_another_clubs_image(club_member, other_club):
    image = other_club["image"]
    for url in (f"/admin/images/{image.pk}/", f"/admin/images/{image.pk}/delete/"):
        assert club_member.get(url).status_code in REFUSED, url
        club_member.post(url, {"title": "Weg damit"})
    assert Image.objects.get(pk=image.pk).title == "Chorfoto"
    assert "Chorfoto" not in club_member.get("/admin/images/").content.decode()
    assert "Chorfoto" not in club_member.get("/admin/images/chooser/").content.decode()
    club_member.post(f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}", {})
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_member_uploads_into_own_collection_only(club_member, other_club):
    response = club_member.get("/admin/images/multiple/add/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "SV Lindenkiez" in html or 'name="collection"' not in html
    assert f'value="{other_club["collection"].pk}"' not in html


@pytest.mark.django_db
def test_member_sees_no_snippets_or_settings(club_member):
    for url in (
        "/admin/snippets/directory/provider/",
        "/admin/snippets/directory/offer/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/settings/home/sitesettings/",
        "/admin/enquiry/",
        "/admin/clubs/onboard/",
    ):
        assert club_member.get(url).status_code in REFUSED, url


@pytest.mark.django_db
def test_member_has_no_view_of_a_provider(club_member):
    other = other_provider()
    for url in instance_views("provider", other) + ["/admin/snippets/choose/directory/provider/"]:
        assert club_member.get(url).status_code in REFUSED, url


@pytest.mark.django_db
def test_member_dashboard_shows_only_own_attention_items(club_member):
    senior_club = ClubPage.objects.get(slug="seniorentreff-lindenkiez")
    assert senior_club.review_overdue
    html = club_member.get("/admin/").content.decode()
    assert "Seniorentreff Lindenkiez" not in html


@pytest.fixture
def other_clubs_draft(other_club):
    """An unpublished event of the choir, whose title no other club may read."""
    draft = EventPage(
        title="Konzert geheime Generalprobe",
        slug="generalprobe",
        teaser="Intern.",
        start=other_club["event"].specific.start,
    )
    other_club["page"].add_child(instance=draft)
    draft.save_revision()
    draft.unpublish()
    return draft


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/pages/search/?q=Konzert",
        "/admin/choose-page/?q=Konzert",
        "/admin/choose-page/search/?q=Konzert",
    ],
)
def test_reports_and_choosers_do_not_show_other_clubs(club_member, other_club, other_clubs_draft, url):
    """Live pages may be chosen as link targets; another club's drafts and its
    history stay hidden."""
    from wagtail.models import PageLogEntry

    PageLogEntry.objects.log_action(other_club["event"], "wagtail.edit")
    response = club_member.get(url)
    assert response.status_code in (200, *REFUSED)
    if response.status_code == 200:
        html = response.content.decode()
        assert "geheime Generalprobe" not in html, url
        if "choose-page" not in url:
            assert "Konzert des Lindenchors" not in html, url


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["delete", "unpublish", "move", "publish"])
def test_bulk_confirmations_do_not_name_another_clubs_draft(club_member, other_club, other_clubs_draft, action):
    """A bulk action's confirmation lists what may not be touched by title; for pages
    outside the account's reach it must not say which they are."""
    ids = f"id={other_clubs_draft.pk}&id={other_club['page'].pk}"
    response = club_member.get(f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
    assert response.status_code in (200, *REFUSED)
    assert "geheime Generalprobe" not in response.content.decode()
