"""The link checker against a real HTTP server on loopback."""

import io

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail import hooks

from helpful_links.linkcheck import check_links, check_url, urls_to_check
from helpful_links.models import HelpfulLink, HelpfulLinksPage, LinkCheck
from tests.helpful_links.http_server import refused_url, start_server


@pytest.fixture
def web_server():
    server = start_server()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def allow_loopback():
    with override_settings(LINKCHECK_ALLOW_PRIVATE_ADDRESSES=True):
        yield


@pytest.mark.django_db
def test_every_kind_of_answer_is_recorded(web_server):
    server, base = web_server
    refused = refused_url()
    urls = [
        f"{base}/ok",
        f"{base}/moved",
        f"{base}/missing",
        f"{base}/error",
        f"{base}/slow",
        f"{base}/loop-a",
        refused,
    ]
    check_links(urls, concurrency=4, timeout=0.5)
    checks = {check.url: check for check in LinkCheck.objects.filter(url__in=urls)}

    assert (checks[f"{base}/ok"].status_code, checks[f"{base}/ok"].error) == (200, "")
    assert checks[f"{base}/moved"].status_code == 200
    assert checks[f"{base}/moved"].final_url == f"{base}/ok"
    assert checks[f"{base}/moved"].is_redirected
    assert checks[f"{base}/missing"].status_code == 404
    assert checks[f"{base}/error"].status_code == 500
    assert checks[f"{base}/slow"].error == "timeout"
    assert checks[f"{base}/loop-a"].error == "redirect loop"
    assert checks[refused].error == "connection failed"
    assert all(check.checked_at is not None for check in checks.values())


@pytest.mark.django_db
def test_a_link_is_broken_after_two_failed_checks_and_recovers(web_server):
    server, base = web_server
    url = f"{base}/missing"
    check_links([url], timeout=2)
    assert not LinkCheck.objects.get(url=url).is_broken  # one failure may be the other server's bad minute
    check_links([url], timeout=2)
    assert LinkCheck.objects.get(url=url).is_broken
    LinkCheck.objects.filter(url=url).update(url=f"{base}/ok")
    check_links([f"{base}/ok"], timeout=2)
    assert LinkCheck.objects.get(url=f"{base}/ok").consecutive_failures == 0


@pytest.mark.django_db
def test_checker_sends_a_polite_user_agent(web_server):
    server, base = web_server
    check_url(f"{base}/ok", timeout=2)
    assert server.RequestHandlerClass.user_agents[-1].startswith("QuartierLinkChecker/1.0 (+")


@pytest.mark.django_db
def test_checking_never_changes_published_content(web_server):
    server, base = web_server
    page = HelpfulLinksPage.objects.get(slug="hilfreiches")
    link = page.links.first()
    link.url = f"{base}/missing"
    link.save()
    before = (
        list(page.links.values_list("pk", "title", "url", "sort_order")),
        page.revisions.count(),
        HelpfulLinksPage.objects.get(pk=page.pk).last_published_at,
    )
    check_links([f"{base}/missing"], timeout=2)
    check_links([f"{base}/missing"], timeout=2)
    after = (
        list(page.links.values_list("pk", "title", "url", "sort_order")),
        page.revisions.count(),
        HelpfulLinksPage.objects.get(pk=page.pk).last_published_at,
    )
    assert before == after


@pytest.mark.django_db
@override_settings(LINKCHECK_ALLOW_PRIVATE_ADDRESSES=False)
def test_private_addresses_are_not_requested(web_server):
    server, base = web_server
    result = check_url(f"{base}/ok", timeout=2)
    assert result.error == "private address, not checked"
    assert server.RequestHandlerClass.user_agents == []


@pytest.mark.django_db
def test_urls_to_check_come_from_live_pages_and_other_apps():
    page = HelpfulLinksPage.objects.get(slug="hilfreiches")
    expected = set(page.links.exclude(url="").values_list("url", flat=True))
    with hooks.register_temporarily("quartier_link_check_urls", lambda: ["https://provider.example.org/", ""]):
        urls = set(urls_to_check())
    assert urls == expected | {"https://provider.example.org/"}
    page.unpublish()
    assert urls_to_check() == []
    assert not any(url.startswith("tel:") for url in urls)


@pytest.mark.django_db
def test_command_reports_broken_links(web_server):
    server, base = web_server
    HelpfulLink.objects.all().delete()
    page = HelpfulLinksPage.objects.get(slug="hilfreiches")
    HelpfulLink.objects.create(page=page, title="Weg", url=f"{base}/missing")
    HelpfulLink.objects.create(page=page, title="Da", url=f"{base}/ok")
    out = io.StringIO()
    call_command("check_links", "--timeout", "2", stdout=out)
    call_command("check_links", "--timeout", "2", stdout=out)
    assert "Checked 2 links, 1 broken." in out.getvalue()
    assert f"broken: {base}/missing (404)" in out.getvalue()


@pytest.mark.django_db
def test_scheduled_task_runs_the_same_check(web_server):
    from helpful_links.tasks import check_links_task

    server, base = web_server
    HelpfulLink.objects.all().delete()
    HelpfulLink.objects.create(page=HelpfulLinksPage.objects.get(), title="Da", url=f"{base}/ok")
    result = check_links_task.enqueue()
    assert result.return_value == {"checked": 1, "broken": 0}
