from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .attention import is_editor, needs_attention
from .locales import request_locales
from .page_cache import remembered


class NeedsAttentionPanel(Component):
    """Dashboard panel: everything overdue, broken or stale, oldest first."""

    name = "needs_attention"
    template_name = "home/admin/needs_attention_panel.html"
    order = 50  # above Wagtail's own panels: this is the editors' to-do list

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        items = needs_attention()
        user = parent_context["request"].user
        if not is_editor(user):
            # A club or provider account sees its own items, never the whole site's.
            items = [item for item in items if user.email and user.email in item.owner_emails]
        context["items"] = items
        context["heading"] = _("Needs attention")
        return context


@hooks.register("construct_homepage_panels")
def add_needs_attention_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(NeedsAttentionPanel())


@hooks.register("before_serve_page")
def share_remembered_lookups(page, request, serve_args, serve_kwargs):
    """Give the page what the request or the generation already looked up, so that
    serving it costs no query of its own:
    - its Locale, from the request's one lookup, for `page.locale` in views,
      templates and feeds;
    - the view restrictions on it and its ancestors, which Wagtail's
      check_view_restrictions (an on_serve_page hook, run after this one) asks for on
      every page served, in two queries. Read once per generation and process: saving
      or deleting a restriction and moving a page each start a new one."""
    locale = request_locales(request).by_id.get(page.locale_id)
    if locale is not None:
        page.locale = locale
    restrictions = remembered(request, ("view-restrictions", page.pk), lambda: list(page.get_view_restrictions()))
    page.get_view_restrictions = lambda: restrictions
