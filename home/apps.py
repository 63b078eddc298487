from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_content_locales(using="default", **kwargs):
    """Create a Wagtail Locale for every content language in the settings.

    Wagtail only creates the default one; without the others, /en/ pages cannot be
    translated until an editor adds the locale by hand.
    """
    from django.conf import settings

    from wagtail.models import Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=language_code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        post_migrate.connect(ensure_content_locales, sender=self)
        # Connects the page cache's invalidation to publishing and to saves and
        # deletes of what residents see.
        from home import page_cache

        page_cache.connect_model_signals()
