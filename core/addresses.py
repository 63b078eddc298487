"""Absolute addresses from one place: settings.BASE_URL.

Feeds, iCal, JSON-LD, Open Graph, hreflang and canonical links, sitemaps, robots.txt,
mails and the HSDS export all name the address residents use, never the host a request
happened to arrive with (behind a proxy, or on another port, that is not it). Wagtail
builds a page's full URL from its Site record, so `migrate` makes the default site
follow BASE_URL (`follow_base_url`); everything else calls `absolute()`.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path):
    """The address of `path` (an absolute path like "/de/kontakt/") on the site; an
    address that is already absolute is returned as it is."""
    if not path or urlsplit(path).scheme:
        return path
    return settings.BASE_URL + path


def base_host():
    """host[:port] of BASE_URL."""
    return urlsplit(settings.BASE_URL).netloc


def follow_base_url(using="default", **kwargs):
    """Point the default Wagtail site at BASE_URL's host and port (run after `migrate`)."""
    from wagtail.models import Site

    address = urlsplit(settings.BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    for site in Site.objects.using(using).filter(is_default_site=True):
        if (site.hostname, site.port) != (address.hostname, port):
            site.hostname, site.port = address.hostname, port
            site.save(using=using)
