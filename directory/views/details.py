"""A provider's and an offer's own page, the enquiry form on the offer and its thank-you
page, and the preview of both in the admin."""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.forms import claim_timestamp, make_timestamp
from core.locales import localized_queryset

from ..forms import EnquiryForm
from ..jsonld import offer_jsonld, provider_jsonld
from ..models import (
    DirectoryPage,
    Enquiry,
    Offer,
    Provider,
)
from ..ratelimit import enquiry_limited
from ..tasks import deliver_after_commit
from .queries import locales, offers_of, with_urls


def _find(queryset, slug, route, page, request):
    """The object with this slug in the reader's language (or German); an address in
    another language leads to the translation's own address."""
    found = localized_queryset(queryset, locales(request)).filter(slug=slug).first()
    if found is not None:
        return found, None
    other = queryset.filter(slug=slug).first()
    if other is not None:
        translation = (
            localized_queryset(queryset, locales(request)).filter(translation_key=other.translation_key).first()
        )
        if translation is not None:
            return None, redirect(page.subpage_url(route, translation.slug, request=request))
    raise Http404


def provider_detail(request, page, slug):
    queryset = Provider.objects.public().select_related("logo")
    provider, redirection = _find(queryset, slug, "provider", page, request)
    if redirection:
        return redirection
    return _render_provider(request, page, provider, with_urls(page, request, list(offers_of(request, provider))))


def _render_provider(request, page, provider, offers):
    base = page.base_url(request)
    provider.detail_url = base + page.reverse_subpage("provider", args=[provider.slug])
    return TemplateResponse(
        request,
        "directory/provider_detail.html",
        {
            "page": page,
            "provider": provider,
            "offers": offers,
            "categories": list(provider.categories.all()),
            "tags": list(provider.tags.all()),
            "jsonld": provider_jsonld(request, provider, offers),
            "all_url": base,
            "home_url": _home_url(base),
        },
    )


def _home_url(base):
    # The directory lives right below the home page (parent_page_types), so the home
    # page's address is the directory's without its last segment.
    return base.rstrip("/").rsplit("/", 1)[0] + "/"


def _offer_queryset():
    return Offer.objects.public().select_related("provider", "provider__logo", "category")


def offer_detail(request, page, slug):
    offer, redirection = _find(_offer_queryset(), slug, "offer", page, request)
    if redirection:
        return redirection
    if request.method == "POST":
        if not offer.accepts_enquiries:
            return HttpResponseNotAllowed(["GET"])
        return _handle_enquiry(request, page, offer)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = EnquiryForm(initial={"started": make_timestamp()}) if offer.accepts_enquiries else None
    return _render_offer(request, page, offer, form)


def _render_offer(request, page, offer, form, status=200):
    base = page.base_url(request)
    offer.detail_url = base + page.reverse_subpage("offer", args=[offer.slug])
    offer.provider.detail_url = base + page.reverse_subpage("provider", args=[offer.provider.slug])
    other_offers = with_urls(
        page, request, list(offers_of(request, offer.provider).exclude(translation_key=offer.translation_key))
    )
    return TemplateResponse(
        request,
        "directory/offer_detail.html",
        {
            "page": page,
            "offer": offer,
            "provider": offer.provider,
            "other_offers": other_offers,
            "tags": list(offer.tags.all()),
            "form": form,
            "jsonld": offer_jsonld(request, offer),
            "all_url": base,
            "home_url": _home_url(base),
        },
        status=status,
    )


def _handle_enquiry(request, page, offer):
    form = EnquiryForm(request.POST)
    if not form.is_valid():
        return _render_offer(request, page, offer, form)
    thanks = page.subpage_url("enquiry_thanks", offer.slug, request=request)
    if form.is_spam:
        # Bots get the same answer as people, so that they learn nothing.
        return redirect(thanks)
    data = form.cleaned_data
    if enquiry_limited(request, data["email"], data["phone"]):
        form.add_error(
            None,
            _(
                "You have sent many enquiries in a short time. Please wait an hour, or call the "
                "contact person on site: the number is at the bottom of this page."
            ),
        )
        return _render_offer(request, page, offer, form, status=429)
    # The thank-you page says whether a confirmation mail is on its way.
    thanks += "?mail=1" if data["email"] else ""
    if not claim_timestamp(data["started"]):
        # The same form sent again (a double click, or a replay): it is stored once,
        # and the answer is the same as the first time.
        return redirect(thanks)
    enquiry = Enquiry.objects.create(
        offer=offer,
        page=page,
        offer_title=offer.title,
        provider_name=offer.provider.name,
        language=locales(request)[0].language_code,
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        message=data["message"],
        preferred_time=data["preferred_time"],
        consent=data["consent"],
    )
    deliver_after_commit(enquiry)
    return redirect(thanks)


def enquiry_thanks(request, page, slug):
    offer, redirection = _find(_offer_queryset(), slug, "offer", page, request)
    if redirection:
        return redirection
    offer.detail_url = page.subpage_url("offer", offer.slug, request=request)
    return TemplateResponse(
        request,
        "directory/enquiry_thanks.html",
        {
            "page": page,
            "offer": offer,
            "provider": offer.provider,
            "all_url": page.base_url(request),
            "with_email": request.GET.get("mail") == "1",
        },
    )


def preview_context(request, provider=None, offer=None):
    """The context of a detail page for Wagtail's preview of an unsaved snippet."""
    page = DirectoryPage.objects.live().first()
    if page is None:
        return {"provider": provider, "offer": offer, "preview_without_page": True}
    if offer is not None:
        response = _render_offer(request, page, offer, None)
    else:
        response = _render_provider(request, page, provider, [])
    return response.context_data
