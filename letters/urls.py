from django.urls import path

from . import views

app_name = "letters"

# Outside the Quartiersbrief's page: these two answer POSTs without a CSRF token (the
# footer form of cached pages, and mail programs' one-click unsubscribe).
urlpatterns = [
    path("brief/start/", views.start, name="start"),
    path("brief/abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
