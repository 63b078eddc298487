"""The helpful links page: grouping, order, what residents see, and the home page block."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

from helpful_links.models import HelpfulLink, HelpfulLinksPage, LinkCheck
from home.models import HomePage, StandardPage
from tests.helpful_links.factories import HelpfulLinkFactory, HelpfulLinksPageFactory, LinkCategoryFactory


@pytest.fixture
def links_page(home_page):
    return HelpfulLinksPageFactory(parent=home_page, slug="sammlung")


def section_titles(html):
    return [chunk.split("</h2>")[0].split(">")[-1] for chunk in html.split("<h2 id=")[1:]]


@pytest.mark.django_db
def test_links_are_grouped_by_category_in_editor_order(client, links_page):
    later = LinkCategoryFactory(name="Später", sort_order=9)
    first = LinkCategoryFactory(name="Zuerst", sort_order=1)
    HelpfulLinkFactory(page=links_page, category=later, title="L-drei", sort_order=1)
    HelpfulLinkFactory(page=links_page, category=first, title="Z-zwei", sort_order=3)
    HelpfulLinkFactory(page=links_page, category=first, title="Z-eins", sort_order=2)
    HelpfulLinkFactory(page=links_page, category=None, title="Ohne", sort_order=0)

    html = client.get("/de/sammlung/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert section_titles(main) == ["Zuerst", "Später", "Weitere"]
    assert main.index("Z-eins") < main.index("Z-zwei") < main.index("L-drei") < main.index("Ohne")


@pytest.mark.django_db
def test_expired_links_are_not_shown(client, links_page):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    HelpfulLinkFactory(page=links_page, title="Sommerfest-Anmeldung", valid_until=yesterday)
    HelpfulLinkFactory(page=links_page, title="Wintermarkt", valid_until=timezone.localdate())
    html = client.get("/de/sammlung/").content.decode()
    assert "Sommerfest-Anmeldung" not in html
    assert "Wintermarkt" in html


@pytest.mark.django_db
def test_broken_links_are_hidden_but_phone_numbers_stay(client, links_page):
    HelpfulLinkFactory(page=links_page, title="Tote Seite", url="https://dead.example.org/")
    HelpfulLinkFactory(page=links_page, title="Amt", url="https://amt.example.org/", phone="030 115")
    for url in ("https://dead.example.org/", "https://amt.example.org/"):
        LinkCheck.objects.create(url=url, status_code=404, consecutive_failures=2)
    html = client.get("/de/sammlung/").content.decode()
    assert "Tote Seite" not in html
    assert "Amt" in html
    assert "https://amt.example.org/" not in html
    assert 'href="tel:030115"' in html


@pytest.mark.django_db
def test_one_failed_check_or_a_bot_block_does_not_hide_a_link(client, links_page):
    HelpfulLinkFactory(page=links_page, title="Wackelig", url="https://flaky.example.org/")
    HelpfulLinkFactory(page=links_page, title="Gesperrt", url="https://no-bots.example.org/")
    LinkCheck.objects.create(url="https://flaky.example.org/", error="timeout", consecutive_failures=1)
    LinkCheck.objects.create(url="https://no-bots.example.org/", status_code=403, consecutive_failures=5)
    html = client.get("/de/sammlung/").content.decode()
    assert 'href="https://flaky.example.org/"' in html
    assert 'href="https://no-bots.example.org/"' in html


@pytest.mark.django_db
def test_a_link_needs_an_address_or_a_phone_number(links_page):
    with pytest.raises(ValidationError):
        HelpfulLink(page=links_page, title="Nichts").full_clean()
    HelpfulLink(page=links_page, title="Notruf", phone="112").full_clean()


@pytest.mark.django_db
def test_home_page_shows_links_marked_at_a_glance(client):
    html = client.get("/de/").content.decode()
    block = html[html.index('id="at-a-glance-heading"') :]
    block = block[: block.index("</section>")]
    assert "Polizei" in block
    assert "Abfuhrkalender der BSR" in block
    assert "Giftnotruf" not in block  # not marked for the home page
    assert 'href="/de/hilfreiches/"' in block


@pytest.mark.django_db
def test_demo_page_lists_every_demo_link(client):
    html = client.get("/de/hilfreiches/").content.decode()
    for link in HelpfulLink.objects.filter(page__slug="hilfreiches"):
        assert link.title in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/hilfreiches/", "/de/"])
def test_query_count_does_not_grow_with_links(client, path):
    page = HelpfulLinksPage.objects.get(slug="hilfreiches")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    client.get(path)
    small = count()
    categories = [LinkCategoryFactory() for _ in range(10)]
    for number in range(100):
        link = HelpfulLinkFactory(page=page, category=categories[number % 10], show_at_a_glance=number % 3 == 0)
        LinkCheck.objects.create(url=link.url, status_code=200)
    client.get(path)  # the saves renew the cached menu and footer once, not per request
    large = count()
    assert small == large
    assert large <= 25


class HelpfulLinksPageTreeTests(WagtailPageTestCase):
    def test_lives_below_home_and_standard_pages(self):
        self.assertAllowedParentPageTypes(HelpfulLinksPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(HelpfulLinksPage, set())

    def test_renders(self):
        self.assertPageIsRenderable(HelpfulLinksPage.objects.get(slug="hilfreiches"))
