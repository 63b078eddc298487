"""The Quartiersbrief's public side: the archive, subscribing, the subscriber's
settings, unsubscribing with one click, and each sent issue as a web page and a PDF."""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.client_ip import client_ip
from core.locales import in_reader_language
from core.pdf import cached_pdf_response
from participation import lifecycle
from participation.forms import LinkRequestForm
from participation.models import State
from participation.views import resident_or_problem, resident_page_url, sender_of

from .forms import PreferencesForm, StartForm, SubscribeForm
from .kind import letter_page
from .models import Frequency, LetterIssuePage, Subscription
from .sending import issue_items, read_unsubscribe_token

CHOICES = ("frequency", "topics", "categories", "language")


def route_url(page, name):
    """A route of the Quartiersbrief's page under the reader's language: the page may
    be served untranslated under /en/, and its forms must not send the reader to /de/."""
    return in_reader_language(page.url) + page.reverse_subpage(name)


def sent_issues(page):
    return LetterIssuePage.objects.child_of(page).live().public().filter(sent_at__isnull=False).order_by("-sent_at")


def archive(request, page):
    return TemplateResponse(
        request,
        "letters/archive.html",
        {"page": page, "issues": sent_issues(page), "subscribe_url": route_url(page, "subscribe")},
    )


def _consent_record(page, data):
    """What the subscriber agreed to, word for word, with their choices: the proof
    kept with the subscription."""
    return "\n".join(
        [
            page.consent_text,
            f"frequency: {data['frequency']}",
            f"topics: {', '.join(data['topics']) or '-'}",
            f"categories: {', '.join(data['categories']) or '-'}",
            f"language: {data['language']}",
        ]
    )


def subscribe(request, page, prefill=None):
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request) if token else (None, None)
    if problem:
        return problem
    kwargs = {"known_resident": resident, "consent_label": page.consent_text}
    if request.method == "POST" and prefill is None:
        form = SubscribeForm(request.POST, **kwargs)
        if form.is_valid():
            return _store(request, page, form)
        status = 400
    elif request.method in ("GET", "HEAD") or prefill is not None:
        initial = {"language": get_language(), "email": prefill or ""}
        form, status = SubscribeForm(initial=initial, **kwargs), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "letters/subscribe.html",
        {
            "page": page,
            "form": form,
            "token": token if resident else "",
            "action": route_url(page, "subscribe"),
        },
        status=status,
    )


def _store(request, page, form):
    thanks = route_url(page, "thanks")
    resident, refused = sender_of(request, form, thanks)
    if refused:
        return refused
    data = form.cleaned_data
    if resident.confirmed_at is None and resident.language != data["language"]:
        # A new address hears from us in the language it chose for the mails.
        resident.language = data["language"]
        resident.save(update_fields=["language"])
    subscription = Subscription.objects.create(
        resident=resident,
        title=page.title,
        language=data["language"],
        frequency=data["frequency"],
        topics=list(data["topics"]) if data["frequency"] != Frequency.QUARTERLY else [],
        categories=list(data["categories"]),
    )
    lifecycle.submit(
        subscription,
        _consent_record(page, data),
        confirmed=form.known_resident is not None,
        ip=client_ip(request),
    )
    if form.known_resident is not None:
        return redirect(resident_page_url(resident) + f"?confirmed={subscription.pk}")
    return redirect(thanks)


def thanks(request, page):
    return TemplateResponse(request, "letters/thanks.html", {"page": page})


@csrf_exempt
def start(request):
    """The footer's form on every page: the pages are cached for everybody and carry
    no CSRF token, so this step stores nothing and only shows the full form (which
    has one) with the address filled in."""
    page = letter_page()
    if page is None:
        raise Http404
    if request.method != "POST":
        return redirect(route_url(page, "subscribe"))
    form = StartForm(request.POST)
    response = subscribe(request, page, prefill=form.cleaned_data["subscriber_email"] if form.is_valid() else "")
    add_never_cache_headers(response)
    return response


def preferences(request, page, pk):
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request)
    if problem:
        return problem
    # Only the resident's own: someone else's subscription is as unknown as none.
    subscription = Subscription.objects.filter(pk=pk, resident=resident, state=State.PUBLISHED).first()
    if subscription is None:
        raise Http404
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid() and not form.is_spam:
            data = form.cleaned_data
            subscription.frequency = data["frequency"]
            subscription.topics = list(data["topics"]) if data["frequency"] != Frequency.QUARTERLY else []
            subscription.categories = list(data["categories"])
            subscription.language = data["language"]
            # Saving is the resident's word that the address works again.
            subscription.paused_at, subscription.pause_reason = None, ""
            subscription.save()
            return redirect(resident_page_url(resident) + f"?done=preferences#item-{subscription.pk}")
        status = 400
    elif request.method in ("GET", "HEAD"):
        form = PreferencesForm(initial={name: getattr(subscription, name) for name in CHOICES})
        status = 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "letters/preferences.html",
        {"page": page, "form": form, "token": token, "back": resident_page_url(resident)},
        status=status,
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """The address in every mail and in its List-Unsubscribe header. A GET shows a
    button (mail scanners follow links and must stop nobody); a POST, with or without
    `List-Unsubscribe=One-Click` and without any cookie, stops the letter. Pressing it
    twice answers as the first time."""
    pk = read_unsubscribe_token(token)
    if pk is None:
        return TemplateResponse(request, "letters/unsubscribe_invalid.html", {"form": LinkRequestForm()}, status=400)
    if request.method == "POST":
        subscription = Subscription.objects.filter(pk=pk, state=State.PUBLISHED).first()
        if subscription is not None:
            lifecycle.withdraw(subscription)
        return TemplateResponse(request, "letters/unsubscribed.html", {"page": letter_page()})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(request, "letters/unsubscribe.html", {})


def issue(request, page):
    return TemplateResponse(request, "letters/issue.html", _issue_context(page))


def _issue_context(page):
    language = get_language()
    return {
        "page": page,
        "highlights": issue_items(page.highlights, language),
        "whats_new": issue_items(page.whats_new, language),
        "archive": page.get_parent().specific,
        "pdf_url": route_url(page, "pdf"),
    }


def issue_pdf(request, page):
    return cached_pdf_response(request, f"quartiersbrief-{page.pk}", "letters/issue.html", lambda: _issue_context(page))
