"""The directory's search: offers ranked by their own match, then those of matching
providers; also the directory's section of the site search."""

import functools
from urllib.parse import urlencode

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BigAutoField, Case, F, Func, IntegerField, UUIDField, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from core.locales import reader_url
from core.search import MAX_SEARCH_HITS, among, ranked_values, read_query
from core.snippets import query_terms

from ..models import (
    AREA_KINDS,
    DirectoryPage,
    Offer,
    Provider,
)
from .queries import locales, offers_for_list, public_offers, public_providers, with_urls


def search_keys(request, model, query):
    """translation_keys of the live objects matching the query (from read_query), best
    first."""
    locale_ids = {locale.pk for locale in locales(request)}
    hits = ranked_values(
        model.objects.filter(live=True, locale_id__in=locale_ids), query, "translation_key", MAX_SEARCH_HITS
    )
    # A translation and its original share the key: keep the better-ranked one.
    return list(dict.fromkeys(hits))


def _search_rank(keys):
    """The position of an offer's translation_key among the search hits, best first."""
    if connection.vendor == "postgresql":
        # One array parameter: a CASE with a branch per hit costs more to build and
        # compile in Django than the query takes in the database.
        position = Func(
            Value(keys, output_field=ArrayField(UUIDField())),
            F("translation_key"),
            function="array_position",
            output_field=IntegerField(),
        )
        return Coalesce(position, len(keys) + 1)
    ranking = [When(translation_key=key, then=rank) for rank, key in enumerate(keys)]
    return Case(*ranking, default=len(keys), output_field=IntegerField())


class OfferSearch:
    """The offers a search found, best first: those that match themselves, then those
    of matching providers. Read once, as the ids of each area.

    A search's filter (hundreds of matching keys) is the expensive part of its
    queries: counting each section and reading each section's first offers would
    repeat it three times. Here it runs once; sections count and slice the ids, and
    only the offers shown are loaded, by primary key."""

    def __init__(self, request, offers, query):
        # Read once: the offers' and the providers' search share the synonyms' lookup,
        # and the snippets of the results show its words.
        self.request, self.query = request, read_query(query)
        self.terms = query_terms(self.query)
        self.did_you_mean = getattr(self.query, "did_you_mean", None)
        self.ids_by_area = self._find(offers)

    @functools.cached_property
    def provider_keys(self):
        """The matching providers' keys, searched when asked: to fill the list of offers
        and for the directory's section of providers, not for the site search's offers
        when those matching themselves fill the list."""
        return search_keys(self.request, Provider, self.query)

    def _find(self, offers):
        own = self._matching_themselves(offers)
        # One list holds MAX_SEARCH_HITS at most, and every offer that matches itself
        # ranks first: when those fill it, the offers of matching providers are not
        # asked for (a common word: two in three searches at 100,000 offers).
        missing = MAX_SEARCH_HITS - len(own)
        through_provider = []
        if missing > 0 and self.provider_keys:
            provider_ids = Provider.objects.filter(among("translation_key", self.provider_keys, UUIDField()))
            # Enough to fill the list even if every offer found already is among them;
            # a provider with many offers would otherwise bring all of them, fifteen
            # thousand for a common word at 100,000 offers.
            through_provider = (
                offers.filter(among("provider_id", provider_ids.values_list("pk", flat=True), BigAutoField()))
                .order_by("title")
                .values_list("pk", "provider__kind")[:MAX_SEARCH_HITS]
            )
        found = {pk for pk, _kind in own}
        ranked = own + [(pk, kind) for pk, kind in through_provider if pk not in found][:missing]
        ids_by_area = {None: [pk for pk, _kind in ranked]}
        for area, kinds in AREA_KINDS.items():
            ids_by_area[area] = [pk for pk, kind in ranked if kind in kinds]
        return ids_by_area

    def _matching_themselves(self, offers):
        """(pk, provider kind) of the listed offers that match the query themselves,
        best first. In the default language the offers listed are searched as they are,
        in one statement, and the filters narrow what PostgreSQL ranks (a bounded set,
        core.search) instead of the ranked list. In another language an offer is listed
        in its translation and found by its original's words too: the keys of both
        languages' matches first, then the offers listed with these keys."""
        active, default = locales(self.request)
        if active.pk == default.pk:
            return ranked_values(offers, self.query, ("pk", "provider__kind"), MAX_SEARCH_HITS)
        offer_keys = search_keys(self.request, Offer, self.query)
        if not offer_keys:
            return []
        return list(
            offers.filter(among("translation_key", offer_keys, UUIDField()))
            .annotate(rank=_search_rank(offer_keys))
            .order_by("rank", "title")
            .values_list("pk", "provider__kind")
        )

    def ids(self, area=None):
        return self.ids_by_area[area]

    @staticmethod
    def load(ids):
        by_id = offers_for_list(Offer.objects.filter(pk__in=ids)).in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]

    def providers(self, page, limit):
        """The first matching providers, for their own section above the offers."""
        if not self.provider_keys:
            return []
        matching = public_providers(self.request).filter(among("translation_key", self.provider_keys, UUIDField()))
        providers = list(matching.select_related("logo")[:limit])
        base = page.base_url(self.request)
        for provider in providers:
            provider.detail_url = base + page.reverse_subpage("provider", args=[provider.slug])
        return providers


def site_search_section(request, query, parsed_query, limit=5):
    """The directory's part of the site-wide search: the best matching offers, with a
    link to the full, filterable result in the directory."""
    directory = DirectoryPage.objects.live().filter(locale=locales(request)[0]).first()
    directory = directory or DirectoryPage.objects.live().first()
    if directory is None:
        return None
    search = OfferSearch(request, public_offers(request), parsed_query)
    ids = search.ids()
    if not ids:
        return None
    return {
        "heading": _("Offers in the directory"),
        "items": [
            {
                "title": offer.title,
                "url": offer.detail_url,
                "text": offer.summary,
                "source": offer.provider.name,
                "locale_id": offer.locale_id,
            }
            for offer in with_urls(directory, request, search.load(ids[:limit]))
        ],
        "total": len(ids),
        "more_url": f"{reader_url(directory, request)}?{urlencode({'q': query})}",
    }
