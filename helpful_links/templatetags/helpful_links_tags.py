from django import template

from core.locales import request_locales
from helpful_links.models import HelpfulLink, visible_links

register = template.Library()

AT_A_GLANCE_LIMIT = 8


@register.inclusion_tag("helpful_links/includes/at_a_glance.html", takes_context=True)
def helpful_links_at_a_glance(context):
    """The links editors marked for the home page, from every live helpful links page
    in the reader's language, in page order."""
    candidates = (
        HelpfulLink.objects.filter(
            show_at_a_glance=True, page__live=True, page__locale=request_locales(context.get("request")).active
        )
        .select_related("page")
        .order_by("page__path", "sort_order")[: AT_A_GLANCE_LIMIT * 2]
    )
    links = visible_links(candidates)[:AT_A_GLANCE_LIMIT]
    return {"links": links, "more_page": links[0].page if links else None, "request": context.get("request")}
