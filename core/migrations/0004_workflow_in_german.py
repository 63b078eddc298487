"""Wagtail names its default workflow and its task after the group ("Moderators
approval"), in English, and editors read the name in German buttons ("In Moderators
approval einreichen") and mails. Renamed once, only while it still has Wagtail's name:
a name an editor chose stays."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
GERMAN_NAME = "Redaktionsfreigabe"


def rename(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=WAGTAIL_NAME).update(name=GERMAN_NAME)


def rename_back(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=GERMAN_NAME).update(name=WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_mail_html"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
