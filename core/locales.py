"""Locales looked up once per request.

Wagtail's Locale.get_active() and page.locale each cost a query, and the menu, the
home page blocks and the directory all need them: one query for the handful of
locales answers all of them.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.models import Locale


class RequestLocales:
    def __init__(self, locales):
        self.by_id = {locale.pk: locale for locale in locales}
        by_code = {locale.language_code: locale for locale in self.by_id.values()}
        self.default = by_code.get(settings.LANGUAGE_CODE) or Locale.get_default()
        self.active = by_code.get(get_language(), self.default)

    def code_of(self, locale_id):
        locale = self.by_id.get(locale_id)
        return locale.language_code if locale else settings.LANGUAGE_CODE


def request_locales(request=None):
    """The locales of this request (fresh for a caller without a request)."""
    cached = getattr(request, "_quartier_locales", None)
    # The active language can change within a request (translation.override in tests
    # and mails); the cache is per language.
    if cached is None or cached.active.language_code != (get_language() or settings.LANGUAGE_CODE):
        cached = RequestLocales(Locale.objects.all())
        if request is not None:
            request._quartier_locales = cached
    return cached


def localized_queryset(queryset, locales=None):
    """The objects of the active locale, plus those of the default locale that have no
    translation there, so that an untranslated entry shows in German instead of vanishing.

    `queryset` must already carry the visibility filters: a translation that is a draft
    then does not hide its live original. `locales` is (active, default), to spare the
    lookups when the caller has them.
    """
    active, default = locales or (Locale.get_active(), Locale.get_default())
    if active.pk == default.pk:
        return queryset.filter(locale=active)
    translated = queryset.filter(locale=active).values("translation_key")
    return queryset.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def page_in_default_language(model):
    """The live page of a page type the site has once (the swap board, the Quartiersbrief,
    the rooms) in the default language, whose translations share its routes; any live
    one when there is no German original."""
    pages = model.objects.live()
    return pages.filter(locale__language_code=settings.LANGUAGE_CODE).first() or pages.first()


# The language prefix of a page address, e.g. "/de/" in "/de/hilfe/" or "https://x.org/de/hilfe/".
_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
LANGUAGE_PREFIX = re.compile(rf"^((?:https?://[^/]+)?)/(?:{_LANGUAGE_CODES})/")


def in_reader_language(url, language=None):
    """A page's address under the reader's language prefix (or `language`'s). An
    untranslated page is served under every prefix; its links keep the reader's."""
    return LANGUAGE_PREFIX.sub(rf"\1/{language or get_language()}/", url, count=1)


def reader_url(page, request=None, subpage=None, *args):
    """The address to link a page by: a page in the default language under the
    reader's language prefix, where FallbackRoutingMixin serves it with the reader's
    interface, so that following a link never switches the language back to German.
    `subpage` names a route of a RoutablePageMixin page (`reverse_subpage`)."""
    url = page.get_url(request)
    if not url:
        return ""
    if request_locales(request).code_of(page.locale_id) == settings.LANGUAGE_CODE:
        url = in_reader_language(url)
    if subpage:
        url += page.reverse_subpage(subpage, args=args)
    return url
