"""The site's URLs plus /bench-ok: a bare Django view through the same middleware,
the ceiling every page is compared with. Only the benchmark settings use this module."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from quartier.urls import urlpatterns as site_urlpatterns


# Not stored by the page cache: the ceiling is Django's own request handling.
@never_cache
def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench-ok", ok), *site_urlpatterns]
