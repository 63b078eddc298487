"""The swap board in the admin: its categories, the on-behalf entry, and its kind of
contribution for the life cycle (moderation, the resident's page)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import on_behalf
from .kind import swap_kind
from .models import SwapCategory


class SwapCategoryViewSet(SnippetViewSet):
    model = SwapCategory
    icon = "tag"
    menu_label = _("Swap board categories")
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"
    add_to_admin_menu = False


register_snippet(SwapCategoryViewSet)

hooks.register("quartier_contribution_kinds", swap_kind)


@hooks.register("quartier_site_search")
def swap_board_in_site_search(request, query, parsed_query):
    from .views import site_search_section

    return site_search_section(request, query, parsed_query)


@hooks.register("register_admin_urls")
def on_behalf_urls():
    return [path("swap-board/on-behalf/", on_behalf, name="exchange_on_behalf")]


class OnBehalfMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("exchange.moderate_swappost")


@hooks.register("register_admin_menu_item")
def on_behalf_menu_item():
    return OnBehalfMenuItem(
        _("Swap post for a resident"),
        reverse_lazy("exchange_on_behalf"),
        icon_name="edit",
        order=255,
        name="swap-on-behalf",
    )
