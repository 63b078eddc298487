from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from .attention import is_editor, needs_attention
from .models import SearchSynonyms


class NeedsAttentionPanel(Component):
    """Dashboard panel: everything overdue, broken or stale, oldest first."""

    name = "needs_attention"
    template_name = "core/admin/needs_attention_panel.html"
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


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def submit_first_for_those_who_cannot_publish(menu_items, request, context):
    """A club or provider account cannot publish: its main button sends the change for
    approval, and "Save draft" moves under the arrow. Wagtail keeps the draft first,
    and volunteers saved drafts that nobody ever saw."""
    names = [item.name for item in menu_items]
    if "action-submit" in names and "action-publish" not in names:
        menu_items.sort(key=lambda item: item.name != "action-submit")


class SearchSynonymsViewSet(ModelViewSet):
    """Settings › Synonyms: the groups of words the site search treats as one."""

    model = SearchSynonyms
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    form_fields = ["language", "words"]
    list_display = ["words", "language"]
    list_filter = ["language"]
    search_fields = ["words"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_search_synonyms():
    return SearchSynonymsViewSet("search_synonyms")
