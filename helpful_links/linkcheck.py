"""Checks the external links residents are sent to, and records what it found.

It only reads web pages and writes LinkCheck rows: published content is never changed,
so a wrong verdict cannot take anything off the site without an editor.
"""

import ipaddress
import logging
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from django.conf import settings
from django.utils import timezone

from wagtail import hooks

from .models import HelpfulLink, LinkCheck

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 10
REDIRECT_STATUS_CODES = {301, 302, 303, 307, 308}
_thread_state = threading.local()


@dataclass(frozen=True)
class CheckResult:
    url: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""

    @property
    def ok(self):
        return not self.error and self.status_code is not None and self.status_code < 400


def user_agent():
    return f"QuartierLinkChecker/1.0 (+{settings.WAGTAILADMIN_BASE_URL}; checks links once a week)"


def urls_to_check():
    """Every external address the site links to. Other apps add theirs through the
    `quartier_link_check_urls` hook (a function returning an iterable of URLs)."""
    urls = set(HelpfulLink.objects.filter(page__live=True).exclude(url="").values_list("url", flat=True))
    for source in hooks.get_hooks("quartier_link_check_urls"):
        urls.update(url for url in source() if url)
    return sorted(url for url in urls if urlsplit(url).scheme in {"http", "https"})


def _refuses_private_address(url):
    """Editors and, later, club accounts enter these addresses; the server must not be
    made to probe its own network with them."""
    if getattr(settings, "LINKCHECK_ALLOW_PRIVATE_ADDRESSES", False):
        return ""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return "host not found"
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            return "private address, not checked"
    return ""


def _session():
    """One session per worker thread: requests' sessions are not thread-safe, but
    reusing one per thread keeps connections alive between checks of the same host."""
    if not hasattr(_thread_state, "session"):
        _thread_state.session = requests.Session()
    return _thread_state.session


def check_url(url, timeout=10.0):
    """Follow redirects by hand (each hop is checked for private addresses, loops are
    caught) and report the final status."""
    session = _session()
    current = url
    seen = set()
    for _hop in range(MAX_REDIRECTS + 1):
        refused = _refuses_private_address(current)
        if refused:
            return CheckResult(url, final_url=current, error=refused)
        if current in seen:
            return CheckResult(url, final_url=current, error="redirect loop")
        seen.add(current)
        try:
            response = session.get(
                current,
                allow_redirects=False,
                timeout=timeout,
                stream=True,  # the body is never read: the status is the answer
                headers={"User-Agent": user_agent(), "Accept": "text/html,*/*;q=0.8"},
            )
            response.close()
        except requests.Timeout:
            return CheckResult(url, final_url=current, error="timeout")
        except requests.ConnectionError:
            return CheckResult(url, final_url=current, error="connection failed")
        except requests.RequestException as error:
            return CheckResult(url, final_url=current, error=type(error).__name__[:200])
        location = response.headers.get("Location")
        if response.status_code in REDIRECT_STATUS_CODES and location:
            current = urljoin(current, location)
            continue
        return CheckResult(url, status_code=response.status_code, final_url=current)
    return CheckResult(url, final_url=current, error="too many redirects")


def record(result, checked_at):
    check, _created = LinkCheck.objects.get_or_create(url=result.url)
    check.checked_at = checked_at
    check.status_code = result.status_code
    check.final_url = result.final_url
    check.error = result.error
    check.consecutive_failures = 0 if result.ok else check.consecutive_failures + 1
    check.save()
    return check


def check_links(urls=None, concurrency=16, timeout=10.0):
    """Check the URLs with at most `concurrency` requests at a time; the database is
    written from this thread only, which keeps SQLite happy."""
    urls = urls_to_check() if urls is None else list(urls)
    checked_at = timezone.now()
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = list(pool.map(lambda url: check_url(url, timeout=timeout), urls))
    checks = [record(result, checked_at) for result in results]
    broken = sum(1 for check in checks if check.is_broken)
    logger.info("Checked %d links: %d broken", len(checks), broken)
    return checks
