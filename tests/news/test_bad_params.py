"""The calendar and the news list answer a bad date or page number with a real page and
a message next to the field. (Hostile values at every view: tests/core/test_bad_input.py.)"""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("date", ["2026-02-30", "abc", "9999-12-31", "0000-01-01"])
def test_bad_date_is_reported_next_to_its_field(client, date):
    response = client.get("/de/veranstaltungen/", {"date": date})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date-error"' in html
    assert 'aria-describedby="id_date-error"' in html
    # The calendar falls back to the coming months instead of showing nothing.
    assert "Veranstaltungen von" in html


@pytest.mark.django_db
def test_bad_page_number_shows_a_real_page(client):
    response = client.get("/de/neuigkeiten/", {"page": "99999"})
    assert response.context["articles"].number == response.context["articles"].paginator.num_pages
    response = client.get("/de/veranstaltungen/", {"page": "abc"})
    assert response.context["occurrences"].number == 1
