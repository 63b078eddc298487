"""Page visibility looked up once per request.

Wagtail's PageQuerySet.public() reads every view restriction each time it is called,
and the menu, the search, the club page and the directory's links all call it: the
restrictions rarely number more than a few, so one read per request answers them all.
"""

from wagtail.models import Page


def private_q(request=None):
    """Wagtail's private_q(), kept on the request (fresh for a caller without one)."""
    cached = getattr(request, "_quartier_private_q", None)
    if cached is None:
        cached = Page.objects.private_q()
        if request is not None:
            request._quartier_private_q = cached
    return cached


def public(queryset, request=None):
    """queryset.public(), with the restrictions read once per request."""
    return queryset.exclude(private_q(request))
