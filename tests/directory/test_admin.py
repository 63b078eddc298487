"""What editors see: listings with filters, the edit forms, and enquiries read-only."""

import pytest

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from directory.models import Category, DirectoryPage, Enquiry, Offer, Provider

from .helpers import directory_page

LISTINGS = [
    "/admin/snippets/directory/provider/",
    "/admin/snippets/directory/provider/?kind=business&consent=no&review_overdue=true",
    "/admin/snippets/directory/provider/?q=Tischlerei",
    "/admin/snippets/directory/offer/",
    "/admin/snippets/directory/offer/?price_model=hourly&provider__kind=business&expired=false",
    "/admin/snippets/directory/category/",
    "/admin/snippets/directory/offer/?q=Fahrdienst",
    "/admin/enquiry/?q=Jonas",
    "/admin/enquiry/",
    "/admin/enquiry/?state=pending",
]


@pytest.fixture
def enquiry(db):
    offer = Offer.objects.get(slug="repair-cafe")
    return Enquiry.objects.create(
        offer=offer,
        page=directory_page(),
        offer_title=offer.title,
        provider_name=offer.provider.name,
        name="Jonas Weber",
        email="jonas@example.org",
        message="Mein Toaster ist kaputt.",
        consent=True,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTINGS)
def test_listings_render(editor_client, enquiry, path):
    response = editor_client.get(path)
    assert response.status_code == 200, path


@pytest.mark.django_db
def test_provider_filter_review_overdue(editor_client):
    response = editor_client.get("/admin/snippets/directory/provider/", {"review_overdue": "true"})
    html = response.content.decode()
    overdue = [p.name for p in Provider.objects.all() if p.review_overdue]
    assert overdue
    for provider in Provider.objects.all():
        assert (provider.name in html) == provider.review_overdue


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Provider, Offer, Category])
def test_edit_forms_render(editor_client, model):
    obj = model.objects.first()
    response = editor_client.get(f"/admin/snippets/directory/{model._meta.model_name}/edit/{obj.pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_enquiry_is_read_only(editor_client, enquiry):
    html = editor_client.get("/admin/enquiry/").content.decode()
    assert "Repair-Café" in html
    assert "Wartet auf Zustellung" in html
    inspect = editor_client.get(f"/admin/enquiry/inspect/{enquiry.pk}/")
    assert inspect.status_code == 200
    assert "Mein Toaster ist kaputt." in inspect.content.decode()
    assert editor_client.get("/admin/enquiry/new/").status_code in (302, 403)
    assert editor_client.get(f"/admin/enquiry/edit/{enquiry.pk}/").status_code in (302, 403)
    editor_client.post(f"/admin/enquiry/edit/{enquiry.pk}/", {"state": "delivered"})
    enquiry.refresh_from_db()
    assert enquiry.state == "pending"


class DirectoryPageTreeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_directory_page_can_be_created_below_home(self):
        from home.models import HomePage

        home = HomePage.objects.get(depth=2)
        self.assertCanCreate(
            home,
            DirectoryPage,
            nested_form_data({"title": "Verzeichnis", "slug": "verzeichnis", "intro": "Wer hilft womit?"}),
        )
        self.assertAllowedSubpageTypes(DirectoryPage, set())


@pytest.mark.django_db
def test_providers_and_offers_go_through_moderation():
    assert Provider.objects.first().get_workflow() is not None
    assert Offer.objects.first().get_workflow() is not None


@pytest.mark.django_db
def test_a_submitted_provider_draft_waits_for_approval(editor_client):
    provider = Provider.objects.get(slug="repair-cafe-lindenkiez")
    response = editor_client.post(
        f"/admin/snippets/directory/provider/edit/{provider.pk}/",
        {
            "name": "Repair-Café (neu)",
            "slug": provider.slug,
            "kind": provider.kind,
            "summary": provider.summary,
            "description": rich_text("<p>Neu im Kiez</p>"),
            "tags": "",
            "contact_name": "",
            "phone": "",
            "email": "",
            "website": "",
            "street": "",
            "postcode": "",
            "city": "",
            "opening_hours": "",
            "accessibility": "",
            "languages": "",
            "consent_given_at": "2024-01-01",
            "consent_method": "written",
            "consent_recorded_by": "Test",
            "consent_note": "",
            "review_due": "",
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    provider.refresh_from_db()
    # The live entry is unchanged until an editor approves the draft.
    assert provider.name == "Repair-Café Lindenkiez"
    assert provider.workflow_in_progress
