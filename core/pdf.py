"""Print-ready pages as PDF, made on the server with WeasyPrint.

WeasyPrint loads what a page links (stylesheets, images). The fetcher here hands it the
site's own static files and uploaded images from disk and refuses every other
address: making a PDF never contacts another host, nor this one over HTTP (a worker
waiting for itself would block). WeasyPrint needs the Pango library of the system;
where it is missing the PDF answers 503 and points to the browser's print function.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.addresses import absolute, base_host
from core.page_cache import request_generation

from .views import print_origin_css

logger = logging.getLogger(__name__)


def _inside(root, relative):
    """The file below root, or None for a path that climbs out of it."""
    if not root:
        return None
    root = Path(root).resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def local_file(url, host):
    """The file on disk behind one of the site's static or media URLs on this host, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        return None
    path = unquote(parts.path)
    if path.startswith(settings.STATIC_URL):
        name = path.removeprefix(settings.STATIC_URL)
        # Collected files carry hashed names; during development the finders know them.
        found = _inside(settings.STATIC_ROOT, name) or (finders.find(name) if ".." not in name else None)
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        return _inside(settings.MEDIA_ROOT, path.removeprefix(settings.MEDIA_URL))
    return None


def render_pdf(request, template_name, context):
    """The template rendered for print as PDF bytes, or None when this server cannot
    make PDFs."""
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except (ImportError, OSError):  # OSError: the Python package is there, the system's Pango is not
        logger.warning("PDF requested, but WeasyPrint cannot load the Pango library")
        return None

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if urlsplit(url).path == reverse("print_origin_css"):
                return URLFetcherResponse(
                    url, body=print_origin_css(request).content, headers={"Content-Type": "text/css"}
                )
            found = local_file(url, base_host())
            if found is None:
                raise ValueError(f"not a file of this site: {url}")
            content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=found.read_bytes(), headers={"Content-Type": content_type})

    html = render_to_string(template_name, context, request=request)
    document = weasyprint.HTML(string=html, base_url=absolute("/"), url_fetcher=LocalOnlyFetcher(), media_type="print")
    return document.write_pdf()


def cached_pdf_response(request, name, template_name, make_context):
    """A print page as a PDF, kept in the shared cache until the next change of content
    (the page cache's generation) or the next day, per language, whatever the query
    string: making one takes seconds, and repeated requests must not keep the server
    busy. `make_context` is called only when the PDF is made."""
    today = timezone.localdate()
    key = f"quartier:pdf:{name}:{request_generation(request)}:{get_language()}:{today}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(request, template_name, make_context())
        cache.set(key, pdf, timeout=24 * 60 * 60)
    return pdf_response(pdf, f"{name}-{today.isoformat()}.pdf")


def pdf_response(pdf, filename):
    """A PDF from render_pdf() as a download, or 503 with advice when there is none."""
    if pdf is None:
        return HttpResponse(
            _("This server cannot make PDF files. Please use your browser's print function instead."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
