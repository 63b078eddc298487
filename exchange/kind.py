"""The swap post as a kind of contribution (participation/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from core.locales import page_in_default_language
from participation.kinds import ContributionKind
from participation.models import State

from .models import SwapBoardPage, SwapPost


def board_page():
    return page_in_default_language(SwapBoardPage)


def _addresses(page, post, token):
    base = page.base_url_in(post.language)
    # The token in the query string: Wagtail routes page addresses of letters, digits and
    # hyphens only, and query strings are never kept by the page cache.
    return (
        base + page.reverse_subpage("post", args=[post.pk]),
        base + page.reverse_subpage("edit", args=[post.pk]) + f"?von={token}",
    )


def addresses(posts, token):
    page = board_page()
    return {post.pk: _addresses(page, post, token) for post in posts} if page else {}


def post_url(contribution):
    page = board_page()
    return _addresses(page, contribution, "")[0] if page else ""


def edit_url(token, contribution):
    page = board_page()
    return _addresses(page, contribution, token)[1] if page else ""


def new_url(token):
    page = board_page()
    if page is None:
        return ""
    return page.subpage_url("new") + f"?von={token}"


def _post(contribution):
    return contribution if isinstance(contribution, SwapPost) else SwapPost.objects.get(pk=contribution.pk)


def text(contribution):
    post = _post(contribution)
    return "\n".join((post.title, post.description, post.handover, post.photo_alt))


def describe(post):
    post = _post(post)
    return {
        "offered_or_wanted": post.direction,
        "thing_or_time": post.subject,
        "give_lend_swap": post.mode,
        "description": post.description,
        "category": post.category.name if post.category else None,
        "area": post.area,
        "how_to_hand_over": post.handover,
        "photo": post.photo.name if post.photo else None,
        "photo_description": post.photo_alt,
    }


def swap_kind():
    return ContributionKind(
        key="swap",
        label=_("Swap board post"),
        model=SwapPost,
        moderate_permission="exchange.moderate_swappost",
        public_url=post_url,
        describe=describe,
        text=text,
        admin_template="exchange/admin/post.html",
        edit_url=edit_url,
        new_url=new_url,
        related=("category",),
        addresses=addresses,
        marks=(
            (State.RESERVED, _("Mark as reserved")),
            (State.DONE, _("Mark as given away or found")),
            (State.PUBLISHED, _("Available again")),
        ),
    )
