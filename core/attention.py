"""What needs an editor's attention: content overdue for review, broken links, news
past its relevance. Shown on the admin dashboard and sent as a weekly digest.

Each app contributes through the Wagtail hook `quartier_needs_attention`: a function
that returns an iterable of `AttentionItem`s. Keeping the sources in their apps means
the home app never reaches into another app's models.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class AttentionItem:
    title: str
    reason: str  # what is wrong, in the reader's language (already translated)
    edit_url: str  # admin path where it can be fixed
    kind: str  # e.g. "Helpful link", shown as a label
    since: object = None  # a date: how long it has waited, for ordering
    owner_emails: tuple = field(default_factory=tuple)  # club or provider accounts it belongs to


EDITOR_GROUPS = ["Editors", "Moderators"]


def is_editor(user):
    """Editors see and get everything; club and provider accounts only their own."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists())


def needs_attention():
    items = []
    for source in hooks.get_hooks("quartier_needs_attention"):
        items.extend(source())
    return sorted(items, key=lambda item: (item.since is None, item.since or 0, item.title))
