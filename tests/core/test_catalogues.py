"""Every interface string has a German translation, and the build compiled it."""

from pathlib import Path

import polib
import pytest

from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["de", "en"])
def test_catalogue_exists_and_is_compiled(language):
    po_file = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    assert po_file.exists()
    assert po_file.with_suffix(".mo").exists(), "run `make messages` (make test does it)"


def test_german_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_german_is_active_for_interface_strings():
    with translation.override("de"):
        assert translation.gettext("Skip to content") == "Zum Inhalt springen"
    with translation.override("en"):
        assert translation.gettext("Skip to content") == "Skip to content"
