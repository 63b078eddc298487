"""A club's submission reaches the reviewers once each, under a German workflow name."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail

from wagtail.models import Task, Workflow

from .helpers import club
from .test_club_permissions import club_form

pytestmark = pytest.mark.django_db


def test_the_workflow_has_a_german_name():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Redaktionsfreigabe", active=True).exists()


def test_each_reviewer_gets_one_mail_per_submission(club_member):
    get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    page = club("sv-lindenkiez")
    data = club_form(page, summary="Jetzt auch mit Yoga.")
    data["action-submit"] = "submit"
    mail.outbox.clear()
    assert club_member.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    recipients = [address for message in mail.outbox for address in message.to]
    # Wagtail would mail the superuser twice: for the workflow and for its task.
    assert recipients.count("chefin@example.org") == 1
    assert len(recipients) == len(set(recipients)), recipients
    assert "Redaktionsfreigabe" in mail.outbox[0].body


def first_action(html):
    """The name of the edit form's main button: Wagtail renders it before the others."""
    return re.search(r'name="(action-[a-z-]+)"', html).group(1)


def test_the_main_button_of_a_club_account_submits_for_approval(club_member, admin_client):
    page = club("sv-lindenkiez")
    assert first_action(club_member.get(f"/admin/pages/{page.pk}/edit/").content.decode()) == "action-submit"
    # An editor who can publish keeps Wagtail's order.
    assert first_action(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()) != "action-submit"
