from django import template

from wagtail.models import Locale

from helpful_links.models import HelpfulLink, visible_links

register = template.Library()

AT_A_GLANCE_LIMIT = 8


@register.inclusion_tag("helpful_links/includes/at_a_glance.html")
def helpful_links_at_a_glance():
    """The links editors marked for the home page, from every live helpful links page
    in the reader's language, in page order."""
    candidates = (
        HelpfulLink.objects.filter(show_at_a_glance=True, page__live=True, page__locale=Locale.get_active())
        .select_related("page")
        .order_by("page__path", "sort_order")[: AT_A_GLANCE_LIMIT * 2]
    )
    links = visible_links(candidates)[:AT_A_GLANCE_LIMIT]
    return {"links": links, "more_page": links[0].page if links else None}
