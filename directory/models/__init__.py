"""The directory: who in the neighbourhood helps with what, and the residents' enquiries.

Category, Provider and Offer are snippets rather than pages: editors maintain hundreds of
them from listings with filters, and they appear on several pages (lists, detail pages,
the open export). The DirectoryPage shows them; Enquiry stores a resident's request
until it is delivered.
"""

from .base import DESCRIPTION_FEATURES, ModeratedSnippet, validate_unique_slug_per_locale
from .categories import Category
from .enquiries import Enquiry, EnquiryState
from .offers import TARGET_GROUP_FIELDS, Offer, OfferAdminForm, OfferQuerySet, OfferTag, PriceModel, TargetGroup
from .pages import DirectoryPage
from .providers import AREA_KINDS, Area, ConsentMethod, Provider, ProviderKind, ProviderQuerySet, ProviderTag

__all__ = [
    "AREA_KINDS",
    "DESCRIPTION_FEATURES",
    "TARGET_GROUP_FIELDS",
    "Area",
    "Category",
    "ConsentMethod",
    "DirectoryPage",
    "Enquiry",
    "EnquiryState",
    "ModeratedSnippet",
    "Offer",
    "OfferAdminForm",
    "OfferQuerySet",
    "OfferTag",
    "PriceModel",
    "Provider",
    "ProviderKind",
    "ProviderQuerySet",
    "ProviderTag",
    "TargetGroup",
    "validate_unique_slug_per_locale",
]
