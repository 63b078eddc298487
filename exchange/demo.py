"""The demo's Tauschbörse: the board with its partners, categories, the mentor's
account, and posts of residents in every state a mentor meets (published, reserved,
one waiting for review, one expired). Dates are relative to today."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Locale, Site

from home.demo import add_home_teaser, publish_child
from home.demo_images import logo, thing
from participation.models import Resident, State

from .apps import MENTOR_GROUP
from .models import SwapBoardPage, SwapCategory, SwapPartner, SwapPost

DEMO_MENTOR_EMAIL = "mentorin@lindenkiez.example"
DEMO_RESIDENT_DOMAIN = "nachbarn.lindenkiez.example"
AREAS = ["Lindenplatz", "Kastanienallee", "Am Kanal", "Gartenstadt", "Bahnhofsviertel"]
CATEGORIES = [
    ("kinder", "Kinder und Familie"),
    ("haushalt", "Haushalt und Möbel"),
    ("garten", "Garten und Pflanzen"),
    ("werkzeug", "Werkzeug und Technik"),
    ("buecher", "Bücher, Spiele, Musik"),
    ("hilfe", "Hilfe und Zeit"),
]
PARTNERS = [
    ("Repair-Café Lindenkiez", "RC", "#3d5a80", "https://lindenkiez.example.org/repaircafe/"),
    ("Lindenkiezer Tafel", "LT", "#81b29a", "https://lindenkiez.example.org/tafel/"),
    ("Ev. Kirchengemeinde am Lindenplatz", "KG", "#9c6644", "https://lindenkiez.example.org/kirche/"),
]

# (resident, direction, subject, mode, category, area, title, description, handover, state, days ago, photo)
POSTS = [
    (
        "mira",
        "offer",
        "thing",
        "give",
        "kinder",
        "Lindenplatz",
        "Kinderfahrrad, 20 Zoll",
        "Blaues Kinderfahrrad mit Gangschaltung, für etwa 6 bis 9 Jahre. Bremsen neu, Klingel fehlt.",
        "Abholung am Lindenplatz, abends",
        State.PUBLISHED,
        2,
        "bike",
    ),
    (
        "mira",
        "offer",
        "thing",
        "give",
        "kinder",
        "Lindenplatz",
        "Babykleidung Größe 62–74",
        "Eine Kiste mit Bodys, Stramplern und zwei Jacken, gut erhalten.",
        "Abholung",
        State.RESERVED,
        9,
        "",
    ),
    (
        "jonas",
        "request",
        "thing",
        "lend",
        "werkzeug",
        "Kastanienallee",
        "Bohrmaschine fürs Wochenende",
        "Ich möchte zwei Regale aufhängen und suche eine Schlagbohrmaschine für Samstag.",
        "Bringe sie Sonntag zurück",
        State.PUBLISHED,
        1,
        "",
    ),
    (
        "jonas",
        "offer",
        "time",
        "swap",
        "hilfe",
        "Kastanienallee",
        "Hilfe am Computer gegen Hilfe im Garten",
        "Ich richte Ihnen Handy, E-Mail oder Videotelefonie ein. "
        "Im Tausch freue ich mich über Tipps für meinen Balkon.",
        "Bei Ihnen oder im Nachbarschaftscafé",
        State.PUBLISHED,
        5,
        "",
    ),
    (
        "elif",
        "offer",
        "thing",
        "give",
        "garten",
        "Gartenstadt",
        "Tomatenpflanzen und Kräuter",
        "Zu viele Setzlinge gezogen: Tomaten, Basilikum und Schnittlauch, jeweils im Topf.",
        "Vor der Haustür zum Mitnehmen",
        State.PUBLISHED,
        3,
        "",
    ),
    (
        "elif",
        "request",
        "time",
        "swap",
        "hilfe",
        "Gartenstadt",
        "Wer gießt im Urlaub meine Pflanzen?",
        "Vom 10. bis 20. des Monats bin ich weg. Im Gegenzug gieße ich gern Ihre.",
        "",
        State.PUBLISHED,
        6,
        "",
    ),
    (
        "karl",
        "offer",
        "thing",
        "lend",
        "werkzeug",
        "Am Kanal",
        "Leiter und Tapeziertisch zu verleihen",
        "Alu-Leiter mit 3 Stufen und ein Tapeziertisch, gern für ein paar Tage.",
        "Abholung und Rückgabe nach Absprache",
        State.PUBLISHED,
        12,
        "",
    ),
    (
        "karl",
        "offer",
        "thing",
        "give",
        "buecher",
        "Am Kanal",
        "Krimis und Reiseführer",
        "Etwa 30 Taschenbücher, vor allem Krimis, dazu Reiseführer Ostsee und Harz.",
        "Im Bücherregal am Kanal abgestellt",
        State.RESERVED,
        15,
        "",
    ),
    (
        "sofia",
        "request",
        "thing",
        "give",
        "haushalt",
        "Bahnhofsviertel",
        "Suche Kinderhochstuhl",
        "Für unsere Tochter (1 Jahr) suchen wir einen Hochstuhl, gern aus Holz.",
        "Hole ihn gern ab",
        State.PUBLISHED,
        4,
        "",
    ),
    (
        "sofia",
        "offer",
        "time",
        "give",
        "hilfe",
        "Bahnhofsviertel",
        "Vorlesen auf Ukrainisch und Deutsch",
        "Ich lese Kindern einmal pro Woche in der Bibliothek vor, auf Ukrainisch und Deutsch. Kommen Sie vorbei!",
        "Dienstags 16 Uhr, Stadtteilbibliothek",
        State.PUBLISHED,
        8,
        "",
    ),
    (
        "hans",
        "offer",
        "thing",
        "give",
        "haushalt",
        "Lindenplatz",
        "Kleiner Kühlschrank mit Gefrierfach",
        "Funktioniert einwandfrei, wird wegen Umzug abgegeben. Maße 85 × 55 × 57 cm.",
        "Muss getragen werden (2. Stock)",
        State.PUBLISHED,
        0,
        "box",
    ),
    (
        "hans",
        "request",
        "time",
        "swap",
        "hilfe",
        "Lindenplatz",
        "Begleitung zum Arzt gesucht",
        "Ich bin nicht mehr so gut zu Fuß und suche jemanden, der mich alle zwei Wochen zur Praxis begleitet.",
        "",
        State.PUBLISHED,
        7,
        "",
    ),
    (
        "neu",
        "offer",
        "thing",
        "give",
        "buecher",
        "Gartenstadt",
        "Brettspiele für Familien",
        "Siedler, Carcassonne und drei Kinderspiele, alle vollständig.",
        "Abholung",
        State.IN_REVIEW,
        0,
        "",
    ),
    (
        "karl",
        "offer",
        "thing",
        "give",
        "haushalt",
        "Am Kanal",
        "Umzugskartons",
        "20 stabile Umzugskartons, einmal benutzt.",
        "Abholung",
        State.EXPIRED,
        40,
        "",
    ),
]


def _mentor():
    from django.contrib.auth.models import Group

    User = get_user_model()
    mentor = User.objects.filter(email=DEMO_MENTOR_EMAIL).first()
    if mentor is None:
        # No password: `ensure_admin --demo` sets the known one, as for the demo club.
        mentor = User.objects.create_user("mentorin", DEMO_MENTOR_EMAIL, None, first_name="Petra", last_name="Lang")
    mentor.groups.add(Group.objects.get(name=MENTOR_GROUP))
    return mentor


def build(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = Locale.get_default()
    categories = {}
    for position, (slug, name) in enumerate(CATEGORIES):
        categories[slug], _created = SwapCategory.objects.update_or_create(
            slug=slug, locale=locale, defaults={"name": name, "sort_order": position}
        )
    page = publish_child(
        home,
        SwapBoardPage,
        "tauschboerse",
        title="Tauschbörse",
        show_in_menus=True,
        intro=(
            "<p>Verschenken, verleihen, tauschen: Dinge und Zeit, von Nachbarin zu Nachbar, ohne Geld. "
            "Betreut von Petra Lang, unserer ehrenamtlichen Mentorin.</p>"
        ),
        rules=(
            "<ul><li>Nur private Angebote und Gesuche, ohne Preise.</li>"
            "<li>Keine Tiere, keine Medikamente, nichts Verbotenes.</li>"
            "<li>Freundlich bleiben: Wer nicht mehr kann, sagt kurz ab.</li></ul>"
        ),
        areas="\n".join(AREAS),
        search_description="Verschenken, verleihen und tauschen im Lindenkiez: Dinge und Zeit, ohne Geld.",
    )
    page.partners.all().delete()
    for position, (name, initials, colour, url) in enumerate(PARTNERS):
        SwapPartner.objects.create(
            page=page, sort_order=position, name=name, url=url, logo=logo(name, initials, colour)
        )
    page.save_revision().publish()
    add_home_teaser(page, "Tauschbörse", "Verschenken, verleihen, tauschen: Dinge und Zeit aus der Nachbarschaft.")
    mentor = _mentor()

    # Built anew each time, so that the dates stay relative to today.
    for post in SwapPost.objects.filter(resident__email__endswith="@" + DEMO_RESIDENT_DOMAIN):
        post.delete()
    now = timezone.now()
    residents = {}
    for index, post_data in enumerate(POSTS):
        (name, direction, subject, mode, category, area, title, description, handover, state, days_ago, photo) = (
            post_data
        )
        if name not in residents:
            residents[name], _created = Resident.objects.get_or_create(
                email=f"{name}@{DEMO_RESIDENT_DOMAIN}", defaults={"confirmed_at": now - timedelta(days=60)}
            )
        created = now - timedelta(days=days_ago, hours=index)
        published = None if state == State.IN_REVIEW else created
        post = SwapPost(
            resident=residents[name],
            direction=direction,
            subject=subject,
            mode=mode,
            category=categories[category],
            area=area,
            title=title,
            description=description,
            handover=handover,
            state=state,
            created_at=created,
            state_changed_at=created,
            confirmed_at=created,
            consented_at=created,
            consent_text="Demo",
            published_at=published,
            expires_at=published + timedelta(days=30) if published else None,
            review_reason="first contribution of this address" if state == State.IN_REVIEW else "",
        )
        if photo:
            post.photo = ContentFile(thing(photo, seed=index), name=f"demo-{photo}.jpg")
            post.photo_alt = "Zeichnung eines Kinderfahrrads" if photo == "bike" else "Zeichnung eines Kühlschranks"
        post.save()
    if stdout is not None:
        stdout.write(f"  exchange: {len(POSTS)} posts, {len(categories)} categories, mentor {mentor.get_username()}")
