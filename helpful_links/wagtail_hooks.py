from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.attention import AttentionItem

from .models import BROKEN_AFTER_FAILURES, HelpfulLink, LinkCategory, LinkCheck


class LinkCategoryViewSet(SnippetViewSet):
    model = LinkCategory
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Link categories")
    list_display = ["name"]
    search_fields = ["name"]
    sort_order_field = "sort_order"  # editors drag categories into the order residents see


register_snippet(LinkCategoryViewSet)


def _item(link, reason, since):
    return AttentionItem(
        title=f"{link.title} ({link.page.title})",
        reason=reason,
        edit_url=reverse("wagtailadmin_pages:edit", args=[link.page_id]),
        kind=_("Helpful link"),
        since=since,
    )


@hooks.register("quartier_needs_attention")
def helpful_links_needing_attention():
    today = timezone.localdate()
    links = HelpfulLink.objects.filter(page__live=True).select_related("page")
    for link in links.filter(review_by__lt=today):
        yield _item(link, _("Review was due on %(date)s") % {"date": date_format(link.review_by)}, link.review_by)
    for link in links.filter(valid_until__lt=today):
        reason = _("Expired on %(date)s and no longer shown") % {"date": date_format(link.valid_until)}
        yield _item(link, reason, link.valid_until)
    failing = {
        check.url: check
        for check in LinkCheck.objects.filter(consecutive_failures__gte=BROKEN_AFTER_FAILURES).exclude(url="")
    }
    for link in links.filter(url__in=failing):
        check = failing[link.url]
        since = timezone.localdate(check.checked_at) if check.checked_at else None
        if check.is_blocked:
            reason = _("The website refuses automatic checks (HTTP %(status)s): please check it by hand") % {
                "status": check.status_code
            }
        else:
            detail = check.error or f"HTTP {check.status_code}"
            reason = _("Link broken (%(detail)s): hidden from residents") % {"detail": detail}
        yield _item(link, reason, since)
