"""A title in quotation marks that has quotation marks of its own: the inner ones become
the language's inner quotes, „Seniorenfahrdienst ‚Lindenmobil‘“, not „…„Lindenmobil““."""

import pytest

from core.text import as_inner_quote


@pytest.mark.parametrize(
    ("title", "inner"),
    [
        ("Seniorenfahrdienst „Lindenmobil“", "Seniorenfahrdienst ‚Lindenmobil‘"),
        ("Driving service “Lindenmobil”", "Driving service ‘Lindenmobil’"),
        ('Chor "Linden"', "Chor 'Linden'"),
        ("Café «Ecke»", "Café ‹Ecke›"),
        ("Ohne Anführungszeichen", "Ohne Anführungszeichen"),
    ],
)
def test_inner_quotes(title, inner):
    assert as_inner_quote(title) == inner


@pytest.mark.django_db
def test_the_thank_you_page_quotes_a_quoted_title_once(client):
    page = client.get("/de/hilfe-und-angebote/angebot/seniorenfahrdienst-lindenmobil/danke/").content.decode()
    assert "„Seniorenfahrdienst ‚Lindenmobil‘“" in page
    assert "„Lindenmobil““" not in page
