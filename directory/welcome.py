"""The page an invitation opens: a new club or provider account chooses its first
password and is logged in, instead of landing on Wagtail's "reset your password" page
and its login form."""

from django.urls import reverse_lazy

from wagtail.admin.views.account import PasswordResetConfirmView


class WelcomeView(PasswordResetConfirmView):
    template_name = "directory/welcome.html"
    post_reset_login = True
    # The lockout backend listed first cannot log a user in without credentials.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("wagtailadmin_home")
