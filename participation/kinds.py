"""The kinds of contribution. Each app that adds one (the swap board first) registers a
ContributionKind through the Wagtail hook `quartier_contribution_kinds`, so that this
app names none of them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class ContributionKind:
    key: str
    label: str
    model: type
    # Who may moderate this kind in the admin (besides moderate_contribution).
    moderate_permission: str
    # The public address of a published item, or "" (the request is the reader's).
    public_url: Callable
    # What the item holds beyond the title, for the export and the moderators.
    describe: Callable
    # The text the word list is checked against.
    text: Callable
    # The template that shows an item to moderators in the admin.
    admin_template: str
    # The address where the resident changes an item (token, item) -> url, or None.
    edit_url: Callable | None = None
    # The address of the form for a new item, for a resident known by their link.
    new_url: Callable | None = None
    # States the resident may set while the item is public, with the button's words.
    marks: tuple = field(default_factory=tuple)
    # Called when a moderator approves an item (or a trusted resident's item is
    # published), before its state changes: an event proposal makes its page here.
    on_publish: Callable | None = None
    # When a published item ends, (item, now) -> datetime; by default after
    # PARTICIPATION_EXPIRY_DAYS, extended by the resident.
    expires: Callable | None = None
    # Whether the resident is reminded before the end and told of it (not for an event,
    # which simply is over).
    reminds: bool = True
    # Whether every change of a public item by its resident is reviewed again.
    review_changes: bool = False
    # Whether an item is reviewed before publication at all (not a message to a club).
    reviewed: bool = True
    # The state as the resident reads it, when the kind says it in its own words.
    status: Callable | None = None
    # Mails the kind words itself: {"published": "clubs/emails/interest_sent", ...}.
    mail_templates: dict = field(default_factory=dict)
    # Rows to load with the kind's items when a list of them is shown or exported.
    related: tuple = ()
    # The public and the change address of many items at once, (items, token) ->
    # {pk: (public, change)}: a list looks the kind's page up once, not per item.
    addresses: Callable | None = None
    # Seen in the admin only by who holds `moderate_permission` itself, not by every
    # moderator: the Quartiersbrief's subscribers are nobody's to review.
    own_permission_only: bool = False
    # Why every item waits for a person's decision, whoever sent it (a room request
    # waits for the house's approval); "" to review only first and flagged items.
    approval: str = ""
    # Called when an item leaves the public or the review for good (returned, refused,
    # withdrawn): a room request gives back the time it held.
    on_end: Callable | None = None
    # Where the item is decided, when its kind has a page of its own for it (a room
    # request, decided for a whole series): item -> admin address. The queue then
    # links there instead of offering its own buttons.
    decision_url: Callable | None = None

    @property
    def extendable(self):
        return self.expires is None


def all_kinds():
    return {kind.key: kind for kind in (factory() for factory in hooks.get_hooks("quartier_contribution_kinds"))}


def specific(contributions):
    """Each contribution as its kind's model ({pk: item}), with one query per kind."""
    wanted = {}
    for contribution in contributions:
        wanted.setdefault(contribution.kind, []).append(contribution.pk)
    kinds = all_kinds()
    items = {}
    for key, pks in wanted.items():
        kind = kinds[key]
        items.update((item.pk, item) for item in kind.model.objects.filter(pk__in=pks).select_related(*kind.related))
    return items


def addresses(kind, items, token):
    """{pk: (public address, change address)} of `items` of one kind."""
    if kind.addresses:
        return kind.addresses(items, token)
    return {item.pk: (kind.public_url(item), kind.edit_url(token, item) if kind.edit_url else "") for item in items}


def kind_of(contribution):
    return all_kinds()[contribution.kind]


def moderated_by(user):
    """The kinds this user may moderate."""
    every = user.has_perm("participation.moderate_contribution")
    return [
        kind
        for kind in all_kinds().values()
        if user.has_perm(kind.moderate_permission) or (every and not kind.own_permission_only)
    ]
