"""What the directory's snippets share: the rich-text features of their descriptions, slugs
unique per language, and the mixins of a snippet that editors moderate."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.words import StemmedSearch

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def fill_slug(instance, name):
    """An empty slug is made from the name, as Wagtail does for a page's title, with
    German letters written out ("Fußpflege Müller" -> "fusspflege-mueller") and a number
    added where the language has it already: without it, publishing failed on a slug
    nobody had thought of."""
    if instance.slug:
        return
    base = slugify(name.translate(GERMAN_LETTERS))[:140] or "eintrag"
    taken = set(
        type(instance)
        ._default_manager.filter(slug__startswith=base, locale_id=instance.locale_id)
        .exclude(pk=instance.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    instance.slug = slug


def validate_unique_slug_per_locale(instance):
    """Slugs are unique per language, not globally: a translation may keep the German
    slug (wagtail/wagtail-localize#484 is why there is no unique=True)."""
    clash = (
        type(instance)
        ._default_manager.filter(slug=instance.slug, locale_id=instance.locale_id)
        .exclude(pk=instance.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"slug": _("This slug is already used in this language. Choose another one.")})


class ModeratedSnippet(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    StemmedSearch,
    index.Indexed,
    ClusterableModel,
):
    """A snippet residents see, which providers and volunteers may prepare and an editor
    approves: translatable, with drafts, revisions, locking, preview and a moderation
    workflow, and indexed for search. Providers and offers are both."""

    class Meta(TranslatableMixin.Meta):
        abstract = True
