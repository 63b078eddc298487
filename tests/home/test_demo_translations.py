"""The demo translations, made with wagtail-localize, and the round trip an editor makes
when the German source changes: update the source, sync, keep the translations."""

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from directory.models import Category
from home import demo_translations
from home.models import StandardPage
from quartier.settings.base import language_list


@pytest.fixture
def translated_demo(db, django_capture_on_commit_callbacks):
    # wagtail-localize publishes translations when the transaction commits, which a
    # test's transaction never does.
    with django_capture_on_commit_callbacks(execute=True):
        demo_translations.build()


def test_language_list_puts_german_first_with_endonyms():
    assert language_list(["ar", "en", "de", "tr", "ar"]) == [
        ("de", "Deutsch"),
        ("ar", "العربية"),
        ("en", "English"),
        ("tr", "Türkçe"),
    ]
    assert language_list([]) == [("de", "Deutsch")]


def test_language_list_refuses_unknown_codes():
    with pytest.raises(ImproperlyConfigured, match="xx"):
        language_list(["de", "xx"])


def test_demo_languages_and_locales(db):
    assert [code for code, _name in settings.LANGUAGES] == ["de", "en", "tr", "ar", "uk"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    # Created by the post_migrate hook in core/apps.py.
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"de", "en", "tr", "ar", "uk"}


@pytest.mark.django_db
def test_demo_translations_are_wagtail_localize_translations(translated_demo):
    home = Page.objects.get(depth=2, locale__language_code="de")
    source = TranslationSource.objects.get_for_instance(home)
    assert set(Translation.objects.filter(source=source).values_list("target_locale__language_code", flat=True)) == {
        "en",
        "tr",
        "ar",
        "uk",
    }
    for slug, title in (("ueber-uns", "About us"), ("kontakt", "Contact and office hours")):
        english = StandardPage.objects.get(slug=slug, locale__language_code="en")
        assert english.live and english.title == title
    mobility = Category.objects.get(slug="mobilitaet", locale__language_code="tr")
    assert mobility.name == "Ulaşım ve refakat"


@pytest.mark.django_db
def test_demo_translations_run_twice_without_duplicates(translated_demo, django_capture_on_commit_callbacks):
    counts = (Page.objects.count(), Category.objects.count(), Translation.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo_translations.build()
    assert (Page.objects.count(), Category.objects.count(), Translation.objects.count()) == counts


@pytest.mark.django_db
def test_translated_pages_render_and_untranslated_ones_stay_reachable(client, translated_demo):
    about = client.get("/en/ueber-uns/").content.decode()
    assert "<h1>About us</h1>" in about
    assert "not yet available" not in about
    # The easy-language version is German only; the English page links to it.
    assert 'href="/de/ueber-uns/ueber-uns-leichte-sprache/"' in about

    # Below a translated home page, an untranslated page is the German one, with the note.
    news = client.get("/en/neuigkeiten/")
    assert news.status_code == 200
    assert "This page is not yet available in English." in news.content.decode()
    assert client.get("/en/ueber-uns/ueber-uns-leichte-sprache/").status_code == 200
    assert client.get("/en/gibt-es-nicht/").status_code == 404

    # The menu keeps every entry: translated ones in English, the others in German.
    home = client.get("/en/").content.decode()
    assert ">About us</a>" in home and ">Neuigkeiten</a>" in home


@pytest.mark.django_db
def test_arabic_home_page_is_right_to_left_and_marked_arabic(client, translated_demo):
    html = client.get("/ar/").content.decode()
    # The interface strings, the layout and the content are Arabic: the page is marked
    # once, on <html>.
    assert '<html lang="ar" dir="rtl">' in html
    assert '<div class="wrapper">' in html
    assert "الانتقال إلى المحتوى" in html  # "Skip to content"
    assert "أهلاً بكم في ليندنكيتس" in html
    # German content on an Arabic page runs left to right.
    german = client.get("/ar/impressum/").content.decode()
    assert '<div class="wrapper" lang="de" dir="ltr">' in german


@pytest.mark.django_db
def test_turkish_interface_is_turkish_not_german(client):
    html = client.get("/tr/ueber-uns/").content.decode()
    assert '<html lang="tr" dir="ltr">' in html
    assert "İçeriğe geç" in html  # "Skip to content"
    assert "Zum Inhalt springen" not in html


@pytest.mark.django_db
def test_translate_and_sync_round_trip(translated_demo, django_capture_on_commit_callbacks):
    """An editor changes the German page; "Sync translated pages" keeps the English
    strings and adds the new one (in German until translated). Guards the page chooser
    on the page (easy_language_version) against wagtail/wagtail-localize#430."""
    german = StandardPage.objects.get(slug="ueber-uns", locale__language_code="de")
    german.intro = "Das Quartiersbüro am Lindenplatz bringt Menschen zusammen."
    german.body.append(("heading", {"text": "Neu im Kiez", "level": "h2"}))
    german.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(german)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = StandardPage.objects.get(translation_key=german.translation_key, locale__language_code="en")
    assert english.title == "About us"
    headings = [block.value["text"] for block in english.body if block.block_type == "heading"]
    assert headings[:3] == ["Who we are", "What we do", "Join in"]
    assert headings[-1] == "Neu im Kiez"  # new, not yet translated: the German text
    assert english.intro == "Das Quartiersbüro am Lindenplatz bringt Menschen zusammen."
    assert english.easy_language_version_id == german.easy_language_version_id

    po = translation.export_po()
    for entry in po:
        if entry.msgid == "Neu im Kiez":
            entry.msgstr = "New in the neighbourhood"
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english.refresh_from_db()
    assert [block.value["text"] for block in english.body if block.block_type == "heading"][-1] == (
        "New in the neighbourhood"
    )


@pytest.mark.django_db
@override_settings(
    LANGUAGES=[("de", "Deutsch"), ("en", "English")], WAGTAIL_CONTENT_LANGUAGES=[("de", "Deutsch"), ("en", "English")]
)
def test_language_switcher_lists_the_configured_languages(client):
    html = client.get("/de/ueber-uns/").content.decode()
    assert ">English</a>" in html
    assert "Türkçe" not in html
