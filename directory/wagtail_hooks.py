"""The directory in the admin (its screens are in viewsets.py) and what it adds to the
site's registries: link checks, site search, the personal-data register, retention
and "needs attention"."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.attention import AttentionItem

from .models import Enquiry, Offer, Provider
from .permissions import OfferPermissionPolicy, ProviderPermissionPolicy, ReadOnlyPermissionPolicy
from .viewsets import DirectoryViewSetGroup

register_permission_policy(Enquiry, ReadOnlyPermissionPolicy(Enquiry))
register_permission_policy(Provider, ProviderPermissionPolicy(Provider))
register_permission_policy(Offer, OfferPermissionPolicy(Offer))
register_snippet(DirectoryViewSetGroup)


@hooks.register("quartier_link_check_urls")
def provider_websites():
    """Providers' websites go through the same link checker as the helpful links."""
    return Provider.objects.public().exclude(website="").values_list("website", flat=True).distinct()


@hooks.register("quartier_site_search")
def directory_in_site_search(request, query, parsed_query):
    from .views.search import site_search_section

    return site_search_section(request, query, parsed_query)


@hooks.register("quartier_search_nothing_found")
def directory_categories_when_nothing_found(request):
    """A search that finds nothing still leads somewhere: into the directory by topic."""
    from .views.queries import category_links

    _url, categories = category_links(request)
    if not categories:
        return None
    return {"heading": gettext("Browse the directory by topic"), "links": categories}


@hooks.register("quartier_personal_data")
def enquiries_as_personal_data():
    from core.personal_data import PersonalDataSource, by_email_or_phone

    def find(email, phone):
        return by_email_or_phone(Enquiry, email, phone)

    def describe(enquiry):
        return {
            "received": enquiry.created_at.isoformat(),
            "offer": enquiry.offer_title,
            "provider": enquiry.provider_name,
            "name": enquiry.name,
            "email": enquiry.email,
            "phone": enquiry.phone,
            "message": enquiry.message,
            "preferred_time": enquiry.preferred_time,
            "state": enquiry.state,
        }

    return PersonalDataSource(
        label="enquiries",
        find=find,
        describe=describe,
        title=gettext("Enquiries about an offer"),
        purpose=gettext(
            "Name, e-mail address and/or phone number, message and preferred time, to pass the "
            "enquiry on to the provider (or to the contact person on site) and confirm it to you."
        ),
        retention=gettext("Deleted automatically after %(days)s days.") % {"days": settings.ENQUIRY_RETENTION_DAYS},
    )


@hooks.register("quartier_retention")
def old_enquiries():
    from .delivery import delete_expired

    return "enquiries", delete_expired(days=settings.ENQUIRY_RETENTION_DAYS)


# Needs attention: provider entries past their review date, also mailed to the
# provider's accounts (club pages: clubs/wagtail_hooks.py).


@hooks.register("quartier_needs_attention")
def providers_needing_attention():
    today = timezone.localdate()
    # Past their review date, or published without a recorded listing consent (such
    # an entry is live in the admin and hidden from residents: Provider.objects.public).
    providers = Provider.objects.filter(
        Q(review_due__lt=today) | Q(live=True, consent_given_at__isnull=True)
    ).prefetch_related("accounts")
    for provider in providers:
        if provider.live and provider.consent_given_at is None:
            reason = _("Published, but not shown to residents: no listing consent is recorded")
            since = timezone.localtime(provider.updated_at).date() if provider.updated_at else today
        else:
            reason = _("Review was due on %(date)s") % {"date": date_format(provider.review_due)}
            since = provider.review_due
        yield AttentionItem(
            title=provider.name,
            reason=reason,
            edit_url=reverse("wagtailsnippets_directory_provider:edit", args=[provider.pk]),
            kind=_("Provider"),
            since=since,
            owner_emails=tuple(sorted(user.email for user in provider.accounts.all() if user.email)),
        )
