"""The board's views, routed by SwapBoardPage: the list with its filters, a post with
"write to this person" and "report", a new or changed post, the feed, and the sheet
for notice boards. Each list is a fixed number of queries however many posts there
are (tests/exchange/test_query_counts.py)."""

from datetime import timedelta
from urllib.parse import urlencode

import segno

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.addresses import absolute
from core.client_ip import client_ip
from core.forms import claim_timestamp
from core.jsonld import as_script
from core.locales import localized_queryset, request_locales
from core.pdf import cached_pdf_response
from core.search import ranked_by_contained_words
from participation import lifecycle
from participation.forms import MessageForm, ReportForm
from participation.models import State
from participation.ratelimit import limited, reporter_key
from participation.relay import relay
from participation.views import EDITABLE_STATES, resident_or_problem, resident_page_url, sender_of, too_many

from .forms import BoardFilterForm, SwapPostForm
from .kind import board_page
from .models import SwapCategory, SwapPost

PER_PAGE = 20
LIST_FIELDS = (
    "id", "title", "direction", "subject", "mode", "area", "description", "photo", "photo_alt",
    "published_at", "state", "code", "language",
)  # fmt: skip


def categories_for(request):
    found = request_locales(request)
    return list(localized_queryset(SwapCategory.objects.all(), (found.active, found.default)))


def _with_category_names(posts, categories):
    """The category of each post in the reader's language, without a query per post:
    a post keeps the category its writer chose, in the writer's language."""
    names = {category.translation_key: category.name for category in categories}
    for post in posts:
        post.category_name = names.get(post.category_key, "")
    return posts


def _public_posts():
    return SwapPost.objects.public().annotate(category_key=F("category__translation_key"))


def in_board_order(posts, query):
    """Posts with the words of the query in the title or the description, those with
    more of them first, then the newest (core.search reads the query as every search
    does; posts are not in the search index); all posts, newest first, without one."""
    if query:
        posts = ranked_by_contained_words(posts, query, ("title", "description"))
        return posts.order_by("-words_matched", "-published_at", "-pk")
    return posts.order_by("-published_at", "-pk")


def site_search_section(request, query, parsed_query, limit=5):
    """The board's part of the site-wide search (the query as typed, for the link to
    the board, and as read once for the whole search): the best matching posts."""
    posts = in_board_order(_public_posts(), parsed_query)
    total = posts.count()
    page = board_page() if total else None
    if page is None:
        return None
    base = page.base_url(request)
    return {
        "heading": _("Posts on the swap board"),
        "items": [
            {
                "title": post.title,
                "url": base + page.reverse_subpage("post", args=[post.pk]),
                "text": post.description,
                "source": f"{post.get_direction_display()} · {post.area}",
                "language": post.language,
            }
            for post in posts.only(*LIST_FIELDS)[:limit]
        ],
        "total": total,
        "more_url": f"{base}?{urlencode({'q': query})}",
        "more_label": ngettext(
            "All %(total)s matching post on the swap board", "All %(total)s matching posts on the swap board", total
        )
        % {"total": total},
    }


def board(request, page):
    categories = categories_for(request)
    form = BoardFilterForm(request.GET, categories=categories, areas=page.area_list())
    filters = form.filters
    posts = _public_posts()
    if "direction" in filters:
        posts = posts.filter(direction=filters["direction"])
    if "subject" in filters:
        posts = posts.filter(subject=filters["subject"])
    if "category" in filters:
        chosen = next(category for category in categories if category.slug == filters["category"])
        posts = posts.filter(category__translation_key=chosen.translation_key)
    if "area" in filters:
        posts = posts.filter(area=filters["area"])
    if filters.get("new"):
        posts = posts.filter(published_at__gte=timezone.now() - timedelta(days=7))
    posts = in_board_order(posts, filters.get("q", ""))
    items = Paginator(posts.only(*LIST_FIELDS), PER_PAGE).get_page(request.GET.get("page"))
    base = page.base_url(request)
    _with_category_names(items.object_list, categories)
    for post in items.object_list:
        post.url = base + page.reverse_subpage("post", args=[post.pk])
    return TemplateResponse(
        request,
        "exchange/board.html",
        {
            "page": page,
            "form": form,
            "filtered": bool(filters),
            "items": items,
            "partners": list(page.partners.select_related("logo")),
            "new_url": base + page.reverse_subpage("new"),
            "feed_url": base + page.reverse_subpage("feed"),
            "sheet_url": base + page.reverse_subpage("sheet"),
        },
    )


def _post_or_404(pk):
    post = _public_posts().select_related("category").filter(pk=pk).first()
    if post is None:
        raise Http404
    return post


def post_detail(request, page, pk):
    post = _post_or_404(pk)
    message_form, report_form, status = MessageForm(), ReportForm(), 200
    if request.method == "POST":
        if request.POST.get("action") == "report":
            report_form = ReportForm(request.POST)
            if report_form.is_valid():
                return _report(request, page, post, report_form)
        else:
            message_form = MessageForm(request.POST)
            if message_form.is_valid():
                return _message(request, page, post, message_form)
        status = 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return _render_post(request, page, post, message_form, report_form, status)


def _render_post(request, page, post, message_form, report_form, status=200):
    base = page.base_url(request)
    post.url = base + page.reverse_subpage("post", args=[post.pk])
    _with_category_names([post], categories_for(request))
    return TemplateResponse(
        request,
        "exchange/post.html",
        {
            "page": page,
            "post": post,
            "message_form": message_form,
            "report_form": report_form,
            "board_url": base,
            "jsonld": as_script(post_jsonld(post)),
        },
        status=status,
    )


def _message(request, page, post, form):
    sent = page.subpage_url("sent", post.pk, request=request)
    if form.is_spam:
        return redirect(sent)
    data = form.cleaned_data
    if limited(request, data["email"]):
        return too_many(request)
    if claim_timestamp(data["started"]):
        relay(
            post,
            name=data["name"],
            email=data["email"],
            message=data["message"],
            public_url=absolute(page.subpage_url("post", post.pk, request=request)),
        )
    return redirect(sent)


def _report(request, page, post, form):
    if limited(request):
        return too_many(request)
    lifecycle.report(post, form.cleaned_data["reason"], form.cleaned_data["note"], reporter_key(request))
    return redirect(page.subpage_url("reported", post.pk, request=request))


def message_sent(request, page, pk):
    return TemplateResponse(
        request,
        "exchange/message_sent.html",
        {"page": page, "post_url": page.subpage_url("post", pk, request=request), "board_url": page.base_url(request)},
    )


def reported(request, page, pk):
    return TemplateResponse(request, "exchange/reported.html", {"page": page, "board_url": page.base_url(request)})


def new_post(request, page):
    # From the resident's own page, their link comes along: no confirmation needed.
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request) if token else (None, None)
    if problem:
        return problem
    categories = categories_for(request)
    form_kwargs = {"categories": categories, "areas": page.area_list(), "known_resident": resident}
    if request.method == "POST":
        form = SwapPostForm(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            return _store_new_post(request, page, form)
        status = 400
    elif request.method in ("GET", "HEAD"):
        form, status = SwapPostForm(**form_kwargs), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "exchange/new_post.html",
        {"page": page, "form": form, "token": token if resident else "", "board_url": page.base_url(request)},
        status=status,
    )


def _store_new_post(request, page, form):
    resident, refused = sender_of(request, form, page.subpage_url("thanks", request=request))
    if refused:
        return refused
    data = form.cleaned_data
    post = SwapPost(
        resident=resident,
        language=get_language(),
        category=form.category_object(),
        **{name: data[name] for name in ("direction", "subject", "mode", "title", "description", "area", "handover")},
    )
    if data["photo"]:
        post.photo = data["photo"]
        post.photo_alt = data["photo_alt"]
    post.save()
    lifecycle.submit(
        post, str(form.fields["consent"].label), confirmed=form.known_resident is not None, ip=client_ip(request)
    )
    if form.known_resident is not None:
        return redirect(resident_page_url(resident) + f"#item-{post.pk}")
    return redirect(page.subpage_url("thanks", request=request))


def thanks(request, page):
    return TemplateResponse(request, "exchange/thanks.html", {"page": page, "board_url": page.base_url(request)})


def edit_post(request, page, pk, token):
    """The resident changes their post from their own page; a returned post goes back
    to review, a public one stays public unless the change needs a review."""
    resident, problem = resident_or_problem(token, request)
    if problem:
        return problem
    post = SwapPost.objects.filter(pk=pk, resident=resident, state__in=EDITABLE_STATES).first()
    if post is None:
        raise Http404
    categories = categories_for(request)
    form_kwargs = {"categories": categories, "areas": page.area_list(), "known_resident": resident, "editing": True}
    if request.method == "POST":
        form = SwapPostForm(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            for name in ("direction", "subject", "mode", "title", "description", "area", "handover"):
                setattr(post, name, data[name])
            post.category = form.category_object()
            if data["photo"]:
                if post.photo:
                    post.photo.delete(save=False)
                post.photo, post.photo_alt = data["photo"], data["photo_alt"]
            elif data["photo_alt"]:
                post.photo_alt = data["photo_alt"]
            lifecycle.changed(post)
            return redirect(resident_page_url(resident) + f"?done=changed#item-{post.pk}")
        status = 400
    elif request.method in ("GET", "HEAD"):
        category = next(
            (c for c in categories if c.translation_key == getattr(post.category, "translation_key", None)), None
        )
        initial = {
            name: getattr(post, name)
            for name in ("direction", "subject", "mode", "title", "description", "area", "handover", "photo_alt")
        }
        initial["category"] = category.slug if category else ""
        form, status = SwapPostForm(initial=initial, **form_kwargs), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "exchange/edit_post.html",
        {"page": page, "form": form, "post": post, "back_url": resident_page_url(resident)},
        status=status,
    )


def post_jsonld(post):
    """schema.org: a wanted or offered thing or service, free of charge."""
    return {
        "@context": "https://schema.org",
        "@type": "Demand" if post.direction == "request" else "Offer",
        "name": post.title,
        "description": post.description,
        "url": absolute(post.url),
        "price": "0",
        "priceCurrency": "EUR",
        "availability": "https://schema.org/LimitedAvailability"
        if post.state == State.RESERVED
        else "https://schema.org/InStock",
        "areaServed": post.area,
        "validFrom": post.published_at.isoformat(),
        "validThrough": post.expires_at.isoformat(),
    }


class NewPostsFeed(Feed):
    """RSS of the newest posts, in the reader's language."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, page):
        self.language = get_language()
        return page

    def title(self, page):
        return page.title

    def link(self, page):
        return absolute(page.base_url(self.request))

    def description(self, page):
        return _("New posts on the swap board")

    def feed_url(self, page):
        return absolute(page.subpage_url("feed", request=self.request))

    def items(self, page):
        posts = list(_public_posts().only(*LIST_FIELDS, "expires_at").order_by("-published_at", "-pk")[:50])
        base = page.base_url(self.request)
        for post in posts:
            post.url = base + page.reverse_subpage("post", args=[post.pk])
        return _with_category_names(posts, categories_for(self.request))

    def item_title(self, post):
        return f"{post.get_direction_display()}: {post.title}"

    def item_description(self, post):
        return f"{post.get_mode_display()} · {post.area}\n\n{post.description}"

    def item_link(self, post):
        return absolute(post.url)

    def item_pubdate(self, post):
        return post.published_at

    def item_categories(self, post):
        return [post.category_name] if post.category_name else []


def sheet_context(request, page):
    """The weekly sheet for notice boards: every current post with its short code and a
    QR code of its address, and the office's phone for people who are not online."""
    categories = categories_for(request)
    posts = list(_public_posts().only(*LIST_FIELDS).order_by("direction", "category__sort_order", "-published_at"))
    _with_category_names(posts, categories)
    base = page.base_url(request)
    for post in posts:
        post.print_url = absolute(base + page.reverse_subpage("post", args=[post.pk]))
        # Inline SVG: drawn here, no image request, nothing from another host. Hidden
        # from screen readers: the address is printed beside it.
        post.qr = (
            segno.make(post.print_url, error="m")
            .svg_inline(scale=2, omitsize=False)
            .replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
        )
    return {
        "page": page,
        "offered": [post for post in posts if post.direction == "offer"],
        "wanted": [post for post in posts if post.direction == "request"],
        "printed_on": timezone.localdate(),
        "board_url": absolute(base),
        "pdf_url": base + page.reverse_subpage("sheet_pdf"),
    }


SHEET_TEMPLATE = "exchange/sheet.html"


def sheet(request, page):
    return TemplateResponse(request, SHEET_TEMPLATE, sheet_context(request, page))


def sheet_pdf(request, page):
    return cached_pdf_response(request, f"tauschboerse-{page.pk}", SHEET_TEMPLATE, lambda: sheet_context(request, page))
