from django.urls import path

from . import admin_views

app_name = "participation_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/<slug:decision>/", admin_views.decide, name="decide"),
]
