from django.urls import path

from . import admin_views

app_name = "letters_admin"

urlpatterns = [
    path("<int:pk>/test/", admin_views.send_test, name="test"),
    path("<int:pk>/send/", admin_views.send, name="send"),
]
