"""Page visibility looked up once per generation.

Wagtail's PageQuerySet.public() reads every view restriction each time it is called,
and the menu, the search, the club page and the directory's links all call it: the
restrictions rarely number more than a few and change only with a new page-cache
generation, so one read per generation and process answers them all.
"""

from wagtail.models import Page

from .locales import localized_queryset, request_locales
from .page_cache import remembered


def private_q(request=None):
    """Wagtail's private_q(), kept in the process until the next generation (saving a
    view restriction starts one); fresh for a caller without a request."""
    return remembered(request, ("private-q",), Page.objects.private_q)


def public(queryset, request=None):
    """queryset.public(), with the restrictions read once per generation."""
    return queryset.exclude(private_q(request))


def published_in(queryset, locale, request=None):
    """Live pages residents may see in `locale`, plus German originals without a
    translation there: the site shows an untranslated page in German, so its lists do
    too. The view restrictions and locales are those read once per generation."""
    default = request_locales(request).default
    return localized_queryset(public(queryset.live(), request), (locale, default))
