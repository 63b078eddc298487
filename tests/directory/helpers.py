import time

from core.forms import make_timestamp
from directory.models import DirectoryPage

DIRECTORY = "/de/hilfe-und-angebote/"


def directory_page():
    return DirectoryPage.objects.get(slug="hilfe-und-angebote")


def offer_url(slug, language="de"):
    return f"/{language}/hilfe-und-angebote/angebot/{slug}/"


def provider_url(slug, language="de"):
    return f"/{language}/hilfe-und-angebote/anbieter/{slug}/"


def enquiry_data(**overrides):
    """A valid enquiry, as if the form had been open for a minute."""
    data = {
        "name": "Helga Wagner",
        "email": "helga@example.org",
        "phone": "",
        "message": "Ich brauche am Montag eine Fahrt zur Augenärztin.",
        "preferred_time": "vormittags",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return data


def titles(response, section=None):
    sections = response.context["sections"]
    return [offer.title for s in sections if section in (None, s["area"]) for offer in s["offers"]]
