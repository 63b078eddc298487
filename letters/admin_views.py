"""Sending an issue from the admin: a test to oneself, then the real thing after a
confirmation step. Whoever may publish the issue may send it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core import outbox

from .models import LetterIssuePage
from .sending import delivery_counts, recipients, render_issue, start_sending


def _issue(request, pk):
    page = get_object_or_404(LetterIssuePage, pk=pk)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def send_test(request, pk):
    """The issue as subscribers will get it, to the editor's own address, now."""
    page = _issue(request, pk)
    if request.method != "POST":
        return redirect("wagtailadmin_pages:edit", page.pk)
    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address: add one in your account settings."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    page = page.get_latest_revision_as_object()
    language = page.locale.language_code
    rendered = render_issue(page, language)
    # The test's unsubscribe link leads nowhere: the editor is not a subscriber.
    text, html = rendered.for_recipient("#")
    outbox.queue(
        to=request.user.email, subject=f"[Test] {rendered.subject}", body=text, html=html, purpose="test.letters"
    )
    messages.success(request, _("A test went to %(email)s.") % {"email": request.user.email})
    return redirect("wagtailadmin_pages:edit", page.pk)


def send(request, pk):
    page = _issue(request, pk)
    problem = ""
    if page.sent_at:
        problem = _("This issue was sent already.")
    elif not page.live or page.has_unpublished_changes:
        problem = _("Publish the issue first: subscribers get the published version and its web page.")
    if request.method == "POST" and not problem:
        if start_sending(page, request.user):
            messages.success(request, _("The issue is being sent. The worker sends it in batches."))
        else:
            messages.warning(request, _("This issue was sent already."))
        return redirect("letters_admin:send", page.pk)
    by_language = recipients().values("language").annotate(count=Count("pk")).order_by("language")
    return TemplateResponse(
        request,
        "letters/admin/send.html",
        {
            "page": page,
            "problem": problem,
            "by_language": by_language,
            "total": sum(row["count"] for row in by_language),
            "deliveries": delivery_counts(page) if page.sent_at else {},
        },
    )
