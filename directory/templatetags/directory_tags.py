from django import template

from core.locales import request_locales
from directory.models import DirectoryPage
from directory.views.queries import category_links

register = template.Library()


@register.simple_tag(takes_context=True)
def printable_overview_url(context):
    """The address of the printable "Wegweiser" in the reader's language, for other
    apps' pages (the helpful links link to it); empty when there is no directory.
    The German directory page: base_url() puts the reader's language prefix on it."""
    request = context["request"]
    directory = DirectoryPage.objects.live().public().filter(locale=request_locales(request).default).first()
    if directory is None:
        return ""
    return directory.subpage_url("printable", request=request)


@register.inclusion_tag("directory/includes/find_help.html", takes_context=True)
def find_help(context):
    """The way into the directory from the home page: a search field and the
    categories as tiles, each leading to the directory filtered by it."""
    url, categories = category_links(context["request"])
    return {"directory_url": url, "categories": categories}
