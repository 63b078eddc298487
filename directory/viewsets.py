"""The directory's admin screens: one menu group with categories, providers, offers
and the enquiries, each listing with the columns and filters editors work with.
Registered in wagtail_hooks.py."""

import django_filters

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Category, ConsentMethod, Enquiry, EnquiryState, Offer, PriceModel, Provider, ProviderKind
from .permissions import is_provider_account, owned_provider_ids, owner_guard, visible_to

# Providers, offers and categories are searched through their search index (the
# models' search_fields); SQLite's full-text backend cannot narrow a search to a
# subset of fields, so the viewsets name none.


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "short_label", "slug"]
    sort_order_field = "sort_order"


def _consent_filter(queryset, name, value):
    if value == "yes":
        return queryset.filter(consent_given_at__isnull=False)
    if value == "no":
        return queryset.filter(consent_given_at__isnull=True)
    return queryset


def _review_filter(queryset, name, value):
    if value:
        return queryset.filter(review_due__lt=timezone.localdate())
    return queryset


class OwnedChooseMixin:
    def get_object_list(self):
        objects = super().get_object_list()
        return visible_to(self.request.user, policy_registry.get_by_type(self.model_class), objects)


class OwnedChooseView(OwnedChooseMixin, ChooseView):
    pass


class OwnedChooseResultsView(OwnedChooseMixin, ChooseResultsView):
    pass


class OwnedChooserViewSet(SnippetChooserViewSet):
    """The chooser offers a provider account its own rows only."""

    choose_view_class = OwnedChooseView
    choose_results_view_class = OwnedChooseResultsView

    def construct_view(self, view_class, **kwargs):
        guarded = owner_guard(view_class, self.model, policy_registry.get_by_type(self.model))
        return super().construct_view(guarded, **kwargs)


class OwnedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view, listing, export and chooser keeps a provider
    account to its own rows (see directory/permissions.py for why the policy alone
    is not enough)."""

    chooser_viewset_class = OwnedChooserViewSet

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(owner_guard(view_class, self.model, self.permission_policy), **kwargs)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return visible_to(request.user, self.permission_policy, queryset)


class ProviderFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProviderKind.choices)
    categories = django_filters.ModelChoiceFilter(label=_("Category"), queryset=Category.objects.all())
    consent = django_filters.ChoiceFilter(
        label=_("Consent"),
        choices=[("yes", _("Recorded")), ("no", _("Missing"))],
        method=_consent_filter,
        empty_label=_("Any"),
    )
    consent_method = django_filters.ChoiceFilter(label=_("Consent given"), choices=ConsentMethod.choices)
    review_overdue = django_filters.BooleanFilter(
        label=_("Review date passed"), method=_review_filter, widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = Provider
        fields = ["kind", "categories", "live", "locale"]


class ProviderViewSet(OwnedSnippetViewSet):
    model = Provider
    icon = "group"
    menu_label = _("Providers")
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        BooleanColumn("has_consent", label=_("Consent")),
        DateColumn("review_due", label=_("Review due")),
        "email",
        "phone",
        DateColumn("updated_at", label=_("Updated")),
    ]
    list_export = ["name", "kind", "email", "phone", "street", "postcode", "city", "consent_given_at", "review_due"]
    filterset_class = ProviderFilterSet
    ordering = ["name"]
    list_per_page = 50


def providers_for(request):
    """The providers an offer list may be filtered by: a provider account's own only,
    so that the filter does not list every other provider's name."""
    providers = Provider.objects.order_by("name")
    if request is not None and is_provider_account(request.user):
        providers = providers.filter(pk__in=owned_provider_ids(request.user))
    return providers


class OfferFilterSet(WagtailFilterSet):
    provider = django_filters.ModelChoiceFilter(label=_("Provider"), queryset=providers_for)
    provider__kind = django_filters.ChoiceFilter(label=_("Kind of provider"), choices=ProviderKind.choices)
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=Category.objects.all())
    price_model = django_filters.ChoiceFilter(label=_("Price model"), choices=PriceModel.choices)
    expired = django_filters.BooleanFilter(
        label=_("Offer period over"),
        method="filter_expired",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Offer
        fields = ["provider", "category", "live", "locale"]

    def filter_expired(self, queryset, name, value):
        today = timezone.localdate()
        if value:
            return queryset.filter(active_until__lt=today)
        if value is False:
            return queryset.filter(Q(active_until__isnull=True) | Q(active_until__gte=today))
        return queryset


class OfferViewSet(OwnedSnippetViewSet):
    model = Offer
    icon = "list-ul"
    menu_label = _("Offers")
    list_display = [
        "title",
        "provider",
        "category",
        Column("price", label=_("Price"), accessor="price_label"),
        DateColumn("active_until", label=_("Offered until")),
        DateColumn("updated_at", label=_("Updated")),
    ]
    list_export = ["title", "provider", "category", "price_model", "price_amount", "active_from", "active_until"]
    filterset_class = OfferFilterSet
    ordering = ["title"]
    list_per_page = 50

    def get_queryset(self, request):
        return visible_to(
            request.user, self.permission_policy, self.model.objects.select_related("provider", "category")
        )


class EnquiryFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("Delivery state"), choices=EnquiryState.choices)
    routed_to_contact_person = django_filters.BooleanFilter(
        label=_("Routed to the contact person"), widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = Enquiry
        fields = ["state", "routed_to_contact_person"]


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = _("Enquiries")
    inspect_view_enabled = True
    copy_view_enabled = False
    # Four columns fit beside the menu at 1280 px; the recipient's address and the
    # times of each step are in the detail view the offer links to.
    list_display = [
        "offer_title",
        "provider_name",
        DateColumn("created_at", label=_("Received")),
        Column("state", label=_("Delivery state"), accessor="delivery_summary"),
    ]
    list_filter = None
    filterset_class = EnquiryFilterSet
    search_fields = ["offer_title", "provider_name", "name", "email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "offer_title",
        "provider_name",
        "created_at",
        "name",
        "email",
        "phone",
        "preferred_time",
        "message",
        "consent",
        "state",
        "attempts",
        "next_attempt_at",
        "last_error",
        "recipient",
        "routed_to_contact_person",
        "provider_notified_at",
        "confirmation_sent_at",
        "delivered_at",
    ]
    # Residents' messages do not leave the admin as spreadsheets.
    list_export = []
    # Required by ModelViewSet; the permission policy never lets anyone reach the form.
    form_fields = ["state"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OfferViewSet, ProviderViewSet, CategoryViewSet, EnquiryViewSet)
    menu_icon = "site"
    menu_label = _("Directory")
    menu_name = "directory"
    menu_order = 300
