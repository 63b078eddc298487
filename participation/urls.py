from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("mein-quartier/", views.request_link, name="request_link"),
    path("mein-quartier/<str:token>/", views.resident_page, name="resident"),
    path("mein-quartier/<str:token>/daten.json", views.export, name="export"),
    path("mein-quartier/<str:token>/loeschen/", views.delete_everything, name="delete"),
    path("mein-quartier/<str:token>/<int:pk>/<slug:action>/", views.contribution_action, name="action"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
]
