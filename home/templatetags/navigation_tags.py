from django import template
from django.conf import settings
from django.db.models import Q
from django.template.base import token_kwargs
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from home.locales import request_locales
from home.page_cache import FRAGMENT_SECONDS, address_parts, remembered_search, site_fragment
from home.visibility import public

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, timeout, search, per_host):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.timeout = timeout
        self.search = search
        self.per_host = per_host

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows a draft, which must neither be served from nor stored in
            # the cache of what is published (as Wagtail's {% wagtailcache %}).
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        if self.per_host is not None and self.per_host.resolve(context):
            parts.extend(address_parts(request))
        timeout = self.timeout.resolve(context) if self.timeout else FRAGMENT_SECONDS
        words = self.search.resolve(context) if self.search is not None else None
        if words:
            return remembered_search(
                request, self.name, words, *parts, timeout=timeout, build=lambda: self.nodelist.render(context)
            )
        return site_fragment(request, self.name, *parts, timeout=timeout, build=lambda: self.nodelist.render(context))


@register.tag
def cachedfragment(parser, token):
    """{% cachedfragment "name" part ... [timeout=s] [search=words] [per_host=True] %}…{% endcachedfragment %}:
    the enclosed markup rendered once per generation, site, language and parts in this
    process and shared with the others, like the frame's fragments. For markup that
    only publishing changes and that costs queries or many includes (a list's cards,
    a page's blocks); `timeout` for markup that also depends on the time of day;
    `search` for markup that depends on a search's words when there are any: it is
    then kept in this process only, in the bounded search memo, so that random words
    cannot fill the shared cache or push out the frame; `per_host=True` keeps markup with
    absolute addresses (structured data) per scheme and host, as the page cache keeps
    pages. Not for anything that differs by visitor (forms with a CSRF token)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name.")
    options = token_kwargs([bit for bit in bits[2:] if "=" in bit], parser)
    if set(options) - {"timeout", "search", "per_host"}:
        raise template.TemplateSyntaxError(f"{bits[0]} only takes timeout=, search= and per_host=.")
    parts = [parser.compile_filter(bit) for bit in bits[2:] if "=" not in bit]
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist,
        bits[1].strip("\"'"),
        parts,
        options.get("timeout"),
        options.get("search"),
        options.get("per_host"),
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    # The same for every page of a site in one language until something is published;
    # only the entry marked as current differs. Built without the current page, so
    # that an untranslated page shown in English gets the English menu too.
    menu = site_fragment(request, "main-menu", build=lambda: _menu(request))
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
        menu_pages = list(public(site_root.get_children().live().in_menu(), request))
        if root.pk != site_root.pk:
            # The menu is the German one, each entry replaced by its translation
            # where there is one: untranslated pages stay reachable.
            translated = {
                page.translation_key: page
                for page in public(Page.objects.live(), request).filter(
                    locale_id=root.locale_id, translation_key__in=[page.translation_key for page in menu_pages]
                )
            }
            menu_pages = [translated.get(page.translation_key, page) for page in menu_pages]
        items = [(item.title, item.get_url(request), item.path) for item in menu_pages]
    return {"items": items, "home_url": root.get_url(request) if root else "/"}


def _translations(request, page):
    """{language code: {"url", "full_url"}} of the page's live translations, cached
    until the next publication: the head's hreflang links and the language switcher
    both need it, on every page."""
    if not isinstance(page, Page):
        return {}
    return site_fragment(
        request,
        "translations",
        page.pk,
        build=lambda: {
            translation.locale.language_code: {
                "url": translation.get_url(request),
                "full_url": translation.get_full_url(request),
            }
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        },
    )


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel=alternate hreflang> for search engines: only real translations."""
    request = context["request"]
    translations = _translations(request, context.get("page"))
    links = [{"code": code, "url": urls["full_url"]} for code, urls in sorted(translations.items())]
    default = translations.get(settings.LANGUAGE_CODE)
    return {"links": links if len(links) > 1 else [], "default_url": default["full_url"] if default else ""}


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to this page in every language; an untranslated page leads to that
    language's version of the path, where the German content is shown."""
    request = context["request"]
    translations = _translations(request, context.get("page"))
    links = []
    for code, name in settings.LANGUAGES:
        url = translations[code]["url"] if code in translations else translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == get_language()})
    return {"links": links}


@register.simple_tag(takes_context=True)
def contact_person(context):
    """The contact person's card in the footer of every page, rendered once per
    generation: its photo and office hours cost queries and block rendering."""
    request = context["request"]
    return site_fragment(
        request, "contact-person", build=lambda: render_to_string("includes/contact_person.html", request=request)
    )


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """[{"title", "url"}] of the page's ancestors below the root, for the breadcrumbs:
    the same until the next publication."""
    if not isinstance(page, Page):
        return []
    request = context["request"]
    return site_fragment(
        request,
        "ancestors",
        page.pk,
        build=lambda: [
            {"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in page.get_ancestors()[1:]
        ],
    )


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Imprint and privacy in the reader's language (German when untranslated), then
    the links to other channels."""
    request = context["request"]
    links = site_fragment(request, "footer-links", build=lambda: _footer_links(request))
    return {"request": request, **links}


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
            legal_pages.append({"title": page.title, "url": page.get_url(request)})
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
