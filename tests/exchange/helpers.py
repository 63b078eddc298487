import re
import time

from core.forms import make_timestamp
from exchange.demo import DEMO_RESIDENT_DOMAIN
from exchange.models import SwapPost

BOARD = "/de/tauschboerse/"
NEW = BOARD + "neu/"
KNOWN_RESIDENT = f"jonas@{DEMO_RESIDENT_DOMAIN}"


def post_data(**overrides):
    """A valid new post, as if the form had been open for a minute."""
    data = {
        "direction": "offer",
        "subject": "thing",
        "mode": "give",
        "title": "Nähmaschine",
        "description": "Alte, aber gut laufende Nähmaschine mit Koffer.",
        "category": "haushalt",
        "area": "Lindenplatz",
        "handover": "Abholung",
        "email": "lena@example.org",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def message_data(**overrides):
    data = {
        "name": "Tom Becker",
        "email": "tom@example.org",
        "message": "Hallo, ich hätte Interesse. Wann passt es Ihnen?",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
        "action": "message",
    }
    data.update(overrides)
    return data


def post_url(post, language="de"):
    return f"/{language}/tauschboerse/{post.pk}/"


def links(message):
    return re.findall(r"https?://\S+", message.get_content())


def path_of(url):
    return "/" + url.split("/", 3)[3]


def public_post():
    return SwapPost.objects.public().select_related("resident").order_by("pk").first()
