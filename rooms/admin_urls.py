from django.urls import path

from . import admin_views

app_name = "rooms_admin"

urlpatterns = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.decide, name="decide"),
]
