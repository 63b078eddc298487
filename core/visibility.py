"""Which pages residents may see: live, public, in their language."""

from .locales import localized_queryset, request_locales


def published_in(queryset, locale, request=None):
    """Live pages residents may see in `locale`, plus German originals without a
    translation there: the site shows an untranslated page in German, so its lists do
    too."""
    default = request_locales(request).default
    return localized_queryset(queryset.live().public(), (locale, default))
