from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .addresses import follow_base_url


def ensure_content_locales(using="default", **kwargs):
    """Create a Wagtail Locale for every content language in the settings.

    Wagtail only creates the default one; without the others, /en/ pages cannot be
    translated until an editor adds the locale by hand.
    """
    from django.conf import settings

    from wagtail.models import Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=language_code)


def grant_to_groups(app_label, group_names, using="default", **permission_filter):
    """Give Wagtail's groups (Editors, Moderators) an app's permissions after migrate,
    e.g. grant_to_groups("core", EDITOR_GROUPS, content_type__model="searchsynonyms")."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Django makes the permissions in a post_migrate receiver of its own, which may run
    # after this one.
    create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(content_type__app_label=app_label, **permission_filter)
    for group in Group.objects.using(using).filter(name__in=group_names):
        group.permissions.add(*permissions)


def let_editors_keep_synonyms(using="default", **kwargs):
    """The editors' groups may keep the search synonyms (Settings › Search synonyms)."""
    from .attention import EDITOR_GROUPS

    grant_to_groups("core", EDITOR_GROUPS, using=using, content_type__model="searchsynonyms")


class CoreConfig(AppConfig):
    """What every app uses (docs/architecture.md): the page cache, locales, visibility,
    the site search, PDF rendering, backup and restore, personal data, "needs
    attention", sitemaps, described images, rate limits, the client address, CSP."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        post_migrate.connect(ensure_content_locales, sender=self)
        post_migrate.connect(follow_base_url, sender=self)
        post_migrate.connect(let_editors_keep_synonyms, sender=self)
        # Connects the page cache's invalidation to publishing and to saves and
        # deletes of what residents see.
        from core import page_cache

        page_cache.connect_model_signals()
        one_mail_per_submission()
        learn_search_words_on_save()


def _learn_search_words(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .tasks import learn_search_words

    learn_search_words.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def learn_search_words_on_save():
    """The vocabulary of the search (core/vocabulary.py) learns a saved object's words,
    as the search index does: in a task beside the index's own."""
    from django.db.models.signals import post_save

    from .vocabulary import vocabulary_models

    for model in vocabulary_models():
        post_save.connect(_learn_search_words, sender=model)


def _no_workflow_submission_mail(sender, **kwargs):
    pass


def one_mail_per_submission():
    """Wagtail mails a submission twice: for the workflow (to the superusers) and for its
    first task (to the task's group and the superusers), so a superuser reads each one
    twice. Every workflow here begins with a group approval task, whose mail says the
    same. This takes the workflow mail's receiver key before Wagtail's admin app, which
    comes after `core` in INSTALLED_APPS, connects it: a signal keeps the first receiver
    of a key (tests/clubs/test_submission_mails.py)."""
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_submitted

    workflow_submitted.connect(
        _no_workflow_submission_mail,
        sender=WorkflowState,
        dispatch_uid="workflow_state_submitted_email_notification",
    )
