"""Every interface string has a translation in each catalogue we ship, and the build
compiled it. The tr, ar and uk catalogues are machine-quality translations awaiting
review by a native speaker (README, "Languages")."""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
TRANSLATED = ["tr", "ar", "uk"]
PLURAL_FORMS = {"tr": 2, "ar": 6, "uk": 4}
# %(name)s, %(count)d, %s and {name}: what gettext and str.format fill in.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", ["de", "en", *TRANSLATED])
def test_catalogue_exists_and_is_compiled(language):
    po_file = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    assert po_file.exists()
    assert po_file.with_suffix(".mo").exists(), "run `make messages` (make test does it)"


def test_every_catalogue_is_an_interface_language():
    assert set(settings.INTERFACE_LANGUAGES) == {path.name for path in LOCALE_DIR.iterdir() if path.is_dir()}


@pytest.mark.parametrize("language", ["de", *TRANSLATED])
def test_catalogue_is_complete(language):
    entries = catalogue(language)
    assert entries.untranslated_entries() == []
    assert entries.fuzzy_entries() == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_declares_its_language_and_plural_forms(language):
    metadata = catalogue(language).metadata
    assert metadata["Language"] == language
    assert f"nplurals={PLURAL_FORMS[language]};" in metadata["Plural-Forms"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for entry in catalogue(language).translated_entries():
        wanted = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
            assert len(forms) == PLURAL_FORMS[language], entry.msgid
        else:
            forms = [entry.msgstr]
        wrong += [(entry.msgid, form) for form in forms if placeholders(form) != wanted]
    assert wrong == []


@pytest.mark.parametrize(
    "language, skip_link",
    [
        ("de", "Zum Inhalt springen"),
        ("en", "Skip to content"),
        ("tr", "İçeriğe geç"),
        ("ar", "الانتقال إلى المحتوى"),
        ("uk", "Перейти до вмісту"),
    ],
)
def test_interface_strings_are_in_the_readers_language(language, skip_link):
    with translation.override(language):
        assert translation.gettext("Skip to content") == skip_link


@pytest.mark.parametrize(
    "language, count, text",
    [
        ("tr", 5, "5 hizmet"),
        ("ar", 5, "5 خدمات"),
        ("ar", 11, "11 خدمة"),
        ("uk", 2, "2 послуги"),
        ("uk", 5, "5 послуг"),
        ("uk", 21, "21 послуга"),
    ],
)
def test_plural_forms_follow_the_language(language, count, text):
    with translation.override(language):
        found = translation.ngettext("%(counter)s offer", "%(counter)s offers", count) % {"counter": count}
    assert found == text
