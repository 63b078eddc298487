"""The editors' "Needs attention" panel and the weekly digest."""

import datetime
import io

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from helpful_links.models import HelpfulLink, HelpfulLinksPage, LinkCheck

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def overdue(db):
    """Replace the demo links with one of each state, so the expected list is exact."""
    HelpfulLink.objects.all().delete()
    quiet_other_sources()
    page = HelpfulLinksPage.objects.get(slug="hilfreiches")

    def link(title, **fields):
        return HelpfulLink.objects.create(page=page, title=title, url=f"https://{title.lower()}.example.org/", **fields)

    link("Fresh", review_by=TODAY + DAY)
    link("Today", review_by=TODAY)
    link("Overdue", review_by=TODAY - 30 * DAY)
    link("Expired", valid_until=TODAY - DAY)
    link("Dead")
    link("Flaky")
    link("Guarded")
    LinkCheck.objects.create(url="https://dead.example.org/", status_code=404, consecutive_failures=2)
    LinkCheck.objects.create(url="https://flaky.example.org/", error="timeout", consecutive_failures=1)
    LinkCheck.objects.create(url="https://guarded.example.org/", status_code=403, consecutive_failures=3)
    return page


def quiet_other_sources():
    """The demo's clubs and providers have review dates of their own; these tests are
    about the helpful links and the news, so the others are made current."""
    from clubs.models import ClubPage
    from directory.models import Offer, Provider
    from news.models import NewsPage

    ClubPage.objects.update(review_by=None)
    Provider.objects.update(review_due=None)
    if hasattr(Offer, "review_due"):
        Offer.objects.update(review_due=None)
    NewsPage.objects.update(relevant_until=None)


def panel_rows(html):
    panel = html[html.index('id="needs-attention-content"') :]
    panel = panel[: panel.index("</table>")]
    return [row.split("</a>")[0].split(">")[-1] for row in panel.split("<tr>")[2:]]


@pytest.mark.django_db
def test_dashboard_lists_exactly_what_is_overdue(editor_client, overdue):
    html = editor_client.get("/admin/").content.decode()
    rows = panel_rows(html)
    titles = sorted(row.split(" (")[0] for row in rows)
    assert titles == ["Dead", "Expired", "Guarded", "Overdue"]
    assert "Link defekt (HTTP 404)" in html
    assert "bitte von Hand prüfen" in html
    assert f'href="/admin/pages/{overdue.pk}/edit/"' in html


@pytest.mark.django_db
def test_dashboard_says_so_when_nothing_is_overdue(editor_client):
    HelpfulLink.objects.all().delete()
    quiet_other_sources()
    html = editor_client.get("/admin/").content.decode()
    assert "Nichts ist überfällig" in html


@pytest.mark.django_db
def test_digest_goes_to_editors_over_smtp(overdue, django_user_model, smtp_server):
    django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x")
    editor = django_user_model.objects.create_user("redakteur", "redakteur@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    django_user_model.objects.create_user("anwohner", "anwohner@example.org", "x")
    django_user_model.objects.create_user("stumm", "", "x", is_superuser=True)

    out = io.StringIO()
    call_command("send_attention_digest", stdout=out)

    recipients = sorted(message.envelope_recipients[0] for message in smtp_server.messages)
    assert recipients == ["chefin@example.org", "redakteur@example.org"]
    message = smtp_server.messages[0]
    assert message["Subject"] == "4 Einträge auf der Website brauchen Aufmerksamkeit"
    body = message.get_content()
    for title in ("Dead", "Expired", "Guarded", "Overdue"):
        assert f"- {title} (Hilfreiches auf einen Blick)" in body
    assert "Fresh" not in body and "Flaky" not in body
    assert f"http://testserver/admin/pages/{overdue.pk}/edit/" in body
    assert "digest sent to 2 recipients" in out.getvalue()


@pytest.mark.django_db
def test_no_digest_when_nothing_is_overdue(smtp_server, django_user_model):
    HelpfulLink.objects.all().delete()
    quiet_other_sources()
    django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x")
    out = io.StringIO()
    call_command("send_attention_digest", stdout=out)
    assert smtp_server.messages == []
    assert "no digest sent" in out.getvalue()


@pytest.mark.django_db
def test_recently_stale_news_is_listed_for_two_weeks(editor_client):
    from news.models import NewsPage

    HelpfulLink.objects.all().delete()
    quiet_other_sources()
    recent, old = NewsPage.objects.live()[:2]
    NewsPage.objects.filter(pk=recent.pk).update(relevant_until=TODAY - 3 * DAY)
    NewsPage.objects.filter(pk=old.pk).update(relevant_until=TODAY - 40 * DAY)
    rows = panel_rows(editor_client.get("/admin/").content.decode())
    assert rows == [recent.title]


@pytest.mark.django_db
def test_websites_of_public_providers_are_link_checked():
    from directory.models import Provider
    from helpful_links.linkcheck import urls_to_check

    shown, hidden = Provider.objects.public()[:2]
    Provider.objects.filter(pk=shown.pk).update(website="https://repair-cafe.example.org/")
    Provider.objects.filter(pk=hidden.pk).update(website="https://no-consent.example.org/", consent_given_at=None)
    urls = urls_to_check()
    assert "https://repair-cafe.example.org/" in urls
    assert "https://no-consent.example.org/" not in urls


@pytest.mark.django_db
def test_a_provider_published_without_consent_is_listed(editor_client):
    from directory.models import Provider
    from tests.directory.factories import ProviderFactory

    quiet_other_sources()
    hidden = ProviderFactory(name="Ohne Einwilligung", consent_given_at=None, consent_method="", consent_recorded_by="")
    assert not Provider.objects.public().filter(pk=hidden.pk).exists()
    html = editor_client.get("/admin/").content.decode()
    assert "Ohne Einwilligung" in panel_rows(html)
    assert "für Anwohnende nicht sichtbar" in html
