from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from core.addresses import absolute
from core.locales import reader_url, request_locales

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    # Built without the current page, so that an untranslated page shown in English
    # gets the English menu too; only the entry marked as current depends on it.
    menu = _menu(request)
    items = [
        {"title": title, "url": url, "is_current": current is not None and current.path.startswith(path)}
        for title, url, path in menu["items"]
    ]
    return {"items": items, "home_url": menu["home_url"]}


def _localized_root(request, site):
    """The home page in the active language, or the default one where it has no live
    translation: Page.localized, with the active locale the request already read
    instead of a query of its own."""
    if site is None:
        return None
    site_root = site.root_page
    active = request_locales(request).active
    if site_root.locale_id == active.pk:
        return site_root
    translation = site_root.get_translation_or_none(active)
    return translation if translation is not None and translation.live else site_root


def _menu(request):
    site = Site.find_for_request(request)
    root = _localized_root(request, site)
    items = []
    if root is not None:
        site_root = site.root_page
        menu_pages = list(site_root.get_children().live().in_menu().public())
        if root.pk != site_root.pk:
            # The menu is the German one, each entry replaced by its translation
            # where there is one: untranslated pages stay reachable.
            translated = {
                page.translation_key: page
                for page in Page.objects.live()
                .public()
                .filter(locale_id=root.locale_id, translation_key__in=[page.translation_key for page in menu_pages])
            }
            menu_pages = [translated.get(page.translation_key, page) for page in menu_pages]
        items = [(item.title, reader_url(item, request), item.path) for item in menu_pages]
    return {"items": items, "home_url": reader_url(root, request) if root else "/"}


@register.simple_tag(takes_context=True)
def page_translations(context):
    """{language code: {"url", "full_url"}} of the page's live translations, in one
    query: the head's hreflang links and the language switcher both need it."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    request = context["request"]
    return {
        translation.locale.language_code: {
            "url": translation.get_url(request),
            "full_url": translation.get_full_url(request),
        }
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context, translations):
    """<link rel=alternate hreflang> for search engines: only real translations."""
    links = [{"code": code, "url": urls["full_url"]} for code, urls in sorted(translations.items())]
    default = translations.get(settings.LANGUAGE_CODE)
    return {"links": links if len(links) > 1 else [], "default_url": default["full_url"] if default else ""}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The one address search engines should index for what is shown: its path on
    BASE_URL, without the query string (filters and pages of a list are the list). An
    untranslated page shown under another language points to the original."""
    request = context["request"]
    path = request.path
    page = context.get("page")
    if isinstance(page, Page):
        language_of_content = request_locales(request).code_of(page.locale_id)
        if language_of_content != get_language():
            path = translate_url(path, language_of_content)
    return absolute(path)


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context, translations):
    """Links to this page in every language; an untranslated page leads to that
    language's version of the path, where the German content is shown."""
    request = context["request"]
    links = []
    for code, name in settings.LANGUAGES:
        url = translations[code]["url"] if code in translations else translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == get_language()})
    return {"links": links}


@register.simple_tag(takes_context=True)
def readerurl(context, page, subpage=None, *args):
    """{% pageurl %} in the reader's language: use it for every link to a page, so that
    a reader of /en/ stays on /en/ also where the page is not translated. With a route
    name (and its arguments) it is {% routablepageurl %} the same way."""
    return reader_url(page, context.get("request"), subpage, *args)


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """[{"title", "url"}] of the page's ancestors below the root, for the breadcrumbs."""
    if not isinstance(page, Page):
        return []
    request = context["request"]
    return [{"title": ancestor.title, "url": reader_url(ancestor, request)} for ancestor in page.get_ancestors()[1:]]


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Imprint and privacy in the reader's language (German when untranslated), then
    the links to other channels."""
    request = context["request"]
    return {"request": request, **_footer_links(request)}


def _footer_links(request):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    legal_page_ids = [
        pk
        for pk in (site_settings.imprint_page_id, site_settings.privacy_page_id, site_settings.accessibility_page_id)
        if pk
    ]
    locale = request_locales(request).active
    # The chosen pages and their translations into the active language in one query.
    chosen = Page.objects.filter(pk__in=legal_page_ids)
    candidates = list(
        Page.objects.live().filter(
            Q(pk__in=legal_page_ids) | Q(locale=locale, translation_key__in=chosen.values("translation_key"))
        )
    )
    originals = {page.pk: page for page in candidates if page.pk in legal_page_ids}
    translations = {page.translation_key: page for page in candidates if page.locale_id == locale.pk}
    legal_pages = []
    for pk in legal_page_ids:
        if pk in originals:
            original = originals[pk]
            page = translations.get(original.translation_key, original)
            legal_pages.append({"title": page.title, "url": reader_url(page, request)})
    return {
        "legal_pages": legal_pages,
        "social_links": [
            {"url": link.value["url"], "label": link.value["label"]} for link in site_settings.social_links
        ],
    }


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language the page's content is written in: an untranslated page is shown in
    German under /en/, and screen readers must then read it as German."""
    page = context.get("page")
    if not isinstance(page, Page):
        return get_language()
    return request_locales(context["request"]).code_of(page.locale_id)


def interface_language_of(language):
    """The language the interface strings are written in: the reader's when we have a
    catalogue for it, otherwise English, the source strings (see settings.LANGUAGES)."""
    return language if language in settings.INTERFACE_LANGUAGES else "en"


@register.simple_tag
def interface_language():
    return interface_language_of(get_language())


@register.simple_tag
def text_direction(language):
    """ "rtl" or "ltr" for a language code, to mark text whose direction differs from
    the page's (German content on an Arabic page)."""
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.inclusion_tag("includes/page_notes.html", takes_context=True)
def page_notes(context, language_of_content):
    """The easy-language link and, on untranslated pages, a note that says so."""
    page = context.get("page")
    names = dict(settings.LANGUAGES)
    active = get_language()
    easy_language_version = getattr(page, "easy_language_version", None)
    return {
        "request": context["request"],
        "is_untranslated": language_of_content != active,
        "content_language_name": names.get(language_of_content, language_of_content),
        "active_language": active,
        "interface_language": interface_language_of(active),
        "active_language_name": names.get(active, active),
        "easy_language_version": easy_language_version
        if easy_language_version and easy_language_version.live
        else None,
        "is_easy_language": getattr(page, "is_easy_language", False),
    }


@register.simple_tag(takes_context=True)
def fallback_lang(context, item):
    """lang="de" dir="ltr" for an item shown in another language than the page's (a
    German article in the list of an Arabic page), so that screen readers read it with
    the right voice and its full stops stand on the right side; nothing otherwise.
    Put it on the elements that hold the item's own text, not the interface's."""

    def field(name):
        return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

    code = field("language")
    if not isinstance(code, str) or not code:
        locale_id = field("locale_id")
        if locale_id is None:
            return ""
        code = request_locales(context.get("request")).code_of(locale_id)
    if code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, text_direction(code))
