"""What the database holds, for tests that show a request changed nothing."""

from django.apps import apps

# Made on first view of an image, like a cache: not content a request may change.
DERIVED_MODELS = {"wagtailimages.Rendition", "sessions.Session"}


def stored_state():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label not in DERIVED_MODELS
    }
