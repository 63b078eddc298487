"""The category checkboxes of a provider and a club page list the categories of the
entry's own language, not every language's mixed; a category already chosen stays."""

import re

import pytest

from wagtail.models import Locale

from clubs.models import ClubPage
from directory.models import Category, Offer, Provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_category():
    german = Category.objects.filter(locale__language_code="de").first()
    english, _created = Locale.objects.get_or_create(language_code="en")
    return Category.objects.create(
        locale=english, translation_key=german.translation_key, name="Mobility (English)", slug="mobility-en"
    )


def category_choices(html):
    return re.findall(r'name="categories" value="(\d+)"', html)


def test_a_provider_offers_the_categories_of_its_language(editor_client, english_category):
    provider = Provider.objects.filter(locale__language_code="de").first()
    html = editor_client.get(f"/admin/snippets/directory/provider/edit/{provider.pk}/").content.decode()
    choices = category_choices(html)
    assert len(choices) == Category.objects.filter(locale__language_code="de").count()
    assert str(english_category.pk) not in choices


def test_a_club_page_offers_the_categories_of_its_language_and_keeps_what_it_has(editor_client, english_category):
    club = ClubPage.objects.filter(locale__language_code="de").first()
    club.categories.add(english_category)
    club.save_revision().publish()
    html = editor_client.get(f"/admin/pages/{club.pk}/edit/").content.decode()
    choices = category_choices(html)
    assert len(choices) == Category.objects.filter(locale__language_code="de").count() + 1
    assert str(english_category.pk) in choices  # chosen before: kept, not lost on saving


def category_options(html):
    select = html.split('name="category"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="(\d+)"', select)


def test_an_offer_chooses_among_the_categories_of_its_language(editor_client, english_category):
    offer = Offer.objects.filter(locale__language_code="de", category__isnull=False).first()
    html = editor_client.get(f"/admin/snippets/directory/offer/edit/{offer.pk}/").content.decode()
    options = category_options(html)
    assert str(offer.category_id) in options
    assert len(options) == Category.objects.filter(locale__language_code="de").count()
    assert str(english_category.pk) not in options


def test_an_english_offer_chooses_english_categories_and_keeps_its_own(editor_client, english_category):
    german = Offer.objects.filter(locale__language_code="de", category__isnull=False).first()
    offer = german.copy_for_translation(english_category.locale)
    offer.category = german.category  # not translated yet: still the German category
    offer.save()
    html = editor_client.get(f"/admin/snippets/directory/offer/edit/{offer.pk}/").content.decode()
    assert sorted(category_options(html)) == sorted([str(english_category.pk), str(german.category_id)])
