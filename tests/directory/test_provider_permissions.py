"""A provider account through every admin view a snippet has: its own entry and
offers it edits and submits for approval; another provider's entry and offers it can
neither list, open, change, copy, delete, export, choose nor publish, and nothing in
the database changes when it tries (wagtail/wagtail#13314, #6731). What a club account
sees of them is in tests/clubs/test_club_permissions.py."""

import json

import pytest

from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from directory.models import Offer, Provider

OWN = "repair-cafe-lindenkiez"
REFUSED = (302, 403, 404)
BASE = "/admin/snippets/directory/{model}/"


def own_provider():
    return Provider.objects.get(slug=OWN)


def other_provider():
    return Provider.objects.exclude(slug=OWN).filter(offers__isnull=False).order_by("pk").first()


def provider_form(provider, **overrides):
    data = {
        "name": provider.name,
        "slug": provider.slug,
        "kind": provider.kind,
        "summary": provider.summary,
        "description": rich_text(provider.description),
        "categories": [c.pk for c in provider.categories.all()],
        "tags": "",
        "contact_name": provider.contact_name,
        "phone": provider.phone,
        "email": provider.email,
        "website": provider.website,
        "street": provider.street,
        "postcode": provider.postcode,
        "city": provider.city,
        "opening_hours": provider.opening_hours,
        "accessibility": provider.accessibility,
        "languages": provider.languages,
        "consent_given_at": provider.consent_given_at.isoformat() if provider.consent_given_at else "",
        "consent_method": provider.consent_method,
        "consent_recorded_by": provider.consent_recorded_by,
        "consent_note": provider.consent_note,
        "review_due": provider.review_due.isoformat() if provider.review_due else "",
    }
    data.update(overrides)
    return data


def offer_form(offer, **overrides):
    data = {
        "provider": offer.provider_id,
        "title": offer.title,
        "slug": offer.slug,
        "summary": offer.summary,
        "description": rich_text(offer.description),
        "category": offer.category_id or "",
        "tags": "",
        "price_model": offer.price_model,
        "price_amount": offer.price_amount or "",
        "price_note": offer.price_note,
        "area_served": offer.area_served,
        "active_from": "",
        "active_until": "",
        "accepts_enquiries": "on",
    }
    data.update(overrides)
    return data


def snapshot(model, pk):
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return None
    return (str(obj), obj.live, obj.locked, Revision.objects.for_instance(obj).count(), model.objects.count())


def instance_views(model, obj):
    base = BASE.format(model=model)
    revision = Revision.objects.for_instance(obj).order_by("pk").first()
    views = [
        f"{base}edit/{obj.pk}/",
        f"{base}delete/{obj.pk}/",
        f"{base}copy/{obj.pk}/",
        f"{base}usage/{obj.pk}/",
        f"{base}history/{obj.pk}/",
        f"{base}history-results/{obj.pk}/",
        f"{base}preview/{obj.pk}/",
        f"{base}unpublish/{obj.pk}/",
        f"{base}lock/{obj.pk}/",
        f"{base}unlock/{obj.pk}/",
        f"{base}workflow_history/{obj.pk}/",
        f"{base}workflow/confirm_cancellation/{obj.pk}/",
        f"/admin/snippets/choose/directory/{model}/chosen/{obj.pk}/",
    ]
    if revision is not None:
        views += [
            f"{base}history/{obj.pk}/revisions/{revision.pk}/view/",
            f"{base}history/{obj.pk}/revisions/{revision.pk}/revert/",
            f"{base}history/{obj.pk}/revisions/compare/earliest...{revision.pk}/",
            f"{base}history/{obj.pk}/revisions/{revision.pk}/unschedule/",
        ]
    return views


def export(client, model):
    response = client.get(BASE.format(model=model), {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_listing_and_export_show_only_own_entries(provider_account):
    own, other = own_provider(), other_provider()
    listing = provider_account.get(BASE.format(model="provider")).content.decode()
    assert own.name in listing and other.name not in listing
    csv = export(provider_account, "provider")
    assert own.name in csv and other.name not in csv
    offers = export(provider_account, "offer")
    assert all(offer.title in offers for offer in own.offers.all())
    assert not any(offer.title in offers for offer in other.offers.all())
    results = provider_account.get(BASE.format(model="offer") + "results/", {"q": other.offers.first().title})
    assert other.offers.first().title not in results.content.decode()


@pytest.mark.django_db
def test_the_offer_list_filter_names_only_own_providers(provider_account, editor_client):
    own, other = own_provider(), other_provider()
    listing = provider_account.get(BASE.format(model="offer")).content.decode()
    assert f">{own.name}</option>" in listing
    assert f">{other.name}</option>" not in listing
    assert f">{other.name}</option>" in editor_client.get(BASE.format(model="offer")).content.decode()


@pytest.mark.django_db
def test_chooser_offers_only_own_entries(provider_account):
    own, other = own_provider(), other_provider()
    for url in ("/admin/snippets/choose/directory/provider/", "/admin/snippets/choose/directory/provider/results/"):
        html = json.loads(provider_account.get(url).content)["html"] if url.endswith("provider/") else None
        html = html or provider_account.get(url).content.decode()
        assert own.name in html and other.name not in html, url


@pytest.mark.django_db
def test_a_provider_account_can_search_its_own_entries(provider_account):
    own, other = own_provider(), other_provider()
    for url in (BASE.format(model="provider"), "/admin/snippets/choose/directory/provider/results/"):
        for query in (own.name.split()[0], other.name.split()[0]):
            response = provider_account.get(url, {"q": query})
            assert response.status_code == 200, (url, query)
            assert other.name not in response.content.decode()
    response = provider_account.get(BASE.format(model="provider"), {"q": own.name.split()[0]})
    assert own.name in response.content.decode()


@pytest.mark.django_db
def test_own_entry_is_edited_and_waits_for_approval(provider_account, editor_client):
    own = own_provider()
    url = BASE.format(model="provider") + f"edit/{own.pk}/"
    assert provider_account.get(url).status_code == 200
    data = provider_form(own, summary="Neu: auch Fahrräder.")
    data["action-submit"] = "submit"
    response = provider_account.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    own.refresh_from_db()
    assert own.summary != "Neu: auch Fahrräder."
    assert own.latest_revision.as_object().summary == "Neu: auch Fahrräder."
    task_state = own.current_workflow_task_state
    assert task_state is not None

    approve = BASE.format(model="provider") + f"workflow/action/{own.pk}/approve/{task_state.pk}/"
    assert provider_account.post(approve, {}).status_code in REFUSED
    own.refresh_from_db()
    assert own.summary != "Neu: auch Fahrräder."
    editor_client.post(approve, {})
    own.refresh_from_db()
    assert own.summary == "Neu: auch Fahrräder."


@pytest.mark.django_db
def test_provider_account_cannot_publish_or_grant_access(provider_account, django_user_model):
    own = own_provider()
    url = BASE.format(model="provider") + f"edit/{own.pk}/"
    assert 'name="accounts"' not in provider_account.get(url).content.decode()
    stranger = django_user_model.objects.create_user("fremd", "fremd@example.org")
    data = provider_form(own, summary="Gleich live?", accounts=[stranger.pk])
    data["action-publish"] = "publish"
    provider_account.post(url, data)
    own.refresh_from_db()
    assert own.summary != "Gleich live?"
    assert not own.accounts.filter(pk=stranger.pk).exists()


@pytest.mark.django_db
def test_own_offer_is_edited_but_cannot_move_to_another_provider(provider_account):
    own, other = own_provider(), other_provider()
    offer = own.offers.first()
    url = BASE.format(model="offer") + f"edit/{offer.pk}/"
    assert provider_account.get(url).status_code == 200
    data = offer_form(offer, provider=other.pk)
    data["action-submit"] = "submit"
    response = provider_account.post(url, data)
    assert response.status_code == 200  # the form comes back with an error
    offer.refresh_from_db()
    assert offer.provider_id == own.pk
    assert Revision.objects.for_instance(offer).filter(content__provider=other.pk).count() == 0


@pytest.mark.django_db
def test_offer_for_another_provider_cannot_be_added(provider_account):
    other = other_provider()
    template = other.offers.first()
    count = Offer.objects.count()
    data = offer_form(template, slug="untergeschoben", title="Untergeschoben")
    data["action-submit"] = "submit"
    provider_account.post(BASE.format(model="offer") + "add/", data)
    assert Offer.objects.count() == count
    assert provider_account.get(BASE.format(model="provider") + "add/").status_code in REFUSED


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["provider", "offer"])
def test_every_view_of_another_providers_entry_is_refused(provider_account, model):
    other = other_provider()
    obj = other if model == "provider" else other.offers.first()
    cls = Provider if model == "provider" else Offer
    before = snapshot(cls, obj.pk)
    for url in instance_views(model, obj):
        response = provider_account.get(url)
        assert response.status_code in REFUSED, (url, response.status_code)
        response = provider_account.post(url, {"title": "Übernommen", "name": "Übernommen"})
        assert response.status_code in REFUSED, ("POST", url, response.status_code)
    for action in ("delete", "publish", "unpublish"):
        response = provider_account.post(f"/admin/bulk/directory/{model}/{action}/?id={obj.pk}", {})
        assert response.status_code in (200, *REFUSED), (action, response.status_code)
    assert snapshot(cls, obj.pk) == before


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["provider", "offer"])
def test_provider_account_cannot_delete_even_its_own(provider_account, model):
    own = own_provider()
    obj = own if model == "provider" else own.offers.first()
    cls = Provider if model == "provider" else Offer
    provider_account.post(BASE.format(model=model) + f"delete/{obj.pk}/", {})
    provider_account.post(f"/admin/bulk/directory/{model}/delete/?id={obj.pk}", {})
    assert cls.objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_editor_still_sees_everything(editor_client):
    listing = editor_client.get(BASE.format(model="provider")).content.decode()
    assert own_provider().name in listing and other_provider().name in listing
    assert editor_client.get(BASE.format(model="provider") + f"edit/{other_provider().pk}/").status_code == 200
