"""The demo's Quartiersbrief: its page, one issue sent three weeks ago, one being
written, and a few subscribers of the demo's residents (exchange/demo.py)."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale, Site

from clubs.models import ClubPage
from exchange.demo import DEMO_RESIDENT_DOMAIN
from home.demo import add_home_teaser, publish_child
from news.models import EventPage, NewsPage
from participation.models import Resident, State

from .models import Frequency, LetterIndexPage, LetterIssuePage, Subscription, Topic

CONSENT = (
    "Ich möchte den Quartiersbrief per E-Mail erhalten, so oft und zu den Themen, die ich gewählt habe. "
    "Meine Adresse wird nur dafür verwendet und nicht weitergegeben. Ich kann mich jederzeit mit einem "
    "Klick abmelden; dann wird der Nachweis meiner Einwilligung nach zwei Monaten gelöscht."
)

SUBSCRIBERS = [
    ("jana", Frequency.WEEKLY, [Topic.EVENTS, Topic.SWAP], "de"),
    ("mehmet", Frequency.MONTHLY, [Topic.NEWS, Topic.EVENTS, Topic.OFFERS], "tr"),
    ("olena", Frequency.QUARTERLY, [], "uk"),
]


def _items(pages):
    return [("item", {"page": page, "note": ""}) for page in pages]


def build(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = Locale.get_default()
    page = publish_child(
        home,
        LetterIndexPage,
        "quartiersbrief",
        title="Quartiersbrief",
        intro=(
            "<p>Der Quartiersbrief bringt Neuigkeiten, Termine und Angebote aus dem Lindenkiez in Ihr "
            "Postfach: viermal im Jahr von der Redaktion, und wenn Sie möchten jede Woche oder jeden Monat "
            "das Neueste zu Ihren Themen.</p>"
        ),
        consent_text=CONSENT,
        search_description="Der Quartiersbrief des Lindenkiez: Neuigkeiten, Termine und Angebote per E-Mail.",
    )
    add_home_teaser(page, "Quartiersbrief", "Neuigkeiten und Termine per E-Mail, so oft Sie möchten.")
    now = timezone.now()
    news = list(NewsPage.objects.live().filter(locale=locale).order_by("-date")[:3])
    events = list(EventPage.objects.live().filter(locale=locale, start__gte=now).order_by("start")[:3])
    clubs = list(ClubPage.objects.live().filter(locale=locale).order_by("title")[:1])
    sent = publish_child(
        page,
        LetterIssuePage,
        "herbst",
        title="Quartiersbrief Herbst",
        intro=(
            "<p>Liebe Nachbarinnen und Nachbarn,</p><p>der Herbst bringt viel Neues in den Lindenkiez: "
            "ein Reparaturcafé, neue Termine im Nachbarschaftstreff und eine Tauschbörse, auf der Sie Dinge "
            "und Zeit verschenken und tauschen können. Viel Freude beim Lesen!</p>"
        ),
        highlights=_items(news[:2] + clubs),
        whats_new=_items(events),
    )
    LetterIssuePage.objects.filter(pk=sent.pk).update(sent_at=now - timedelta(days=21), recipients=len(SUBSCRIBERS))
    if not LetterIssuePage.objects.child_of(page).filter(slug="winter").exists():
        # A draft, as an editor leaves it before sending: not public, not in the archive.
        draft = LetterIssuePage(
            slug="winter",
            title="Quartiersbrief Winter",
            live=False,
            intro="<p>Liebe Nachbarinnen und Nachbarn,</p><p>(Entwurf: hier schreibt die Redaktion.)</p>",
            highlights=_items(news[2:3]),
            whats_new=_items(events[1:]),
        )
        page.add_child(instance=draft)
        draft.save_revision()

    Subscription.objects.filter(resident__email__endswith="@" + DEMO_RESIDENT_DOMAIN).delete()
    for name, frequency, topics, language in SUBSCRIBERS:
        resident, _created = Resident.objects.get_or_create(
            email=f"{name}@{DEMO_RESIDENT_DOMAIN}", defaults={"confirmed_at": now - timedelta(days=60)}
        )
        since = now - timedelta(days=40)
        Subscription.objects.create(
            resident=resident,
            title="Quartiersbrief",
            language=language,
            frequency=frequency,
            topics=topics,
            state=State.PUBLISHED,
            created_at=since,
            state_changed_at=since,
            consent_text=CONSENT,
            consented_at=since,
            confirmed_at=since,
            published_at=since,
            last_digest_at=now - timedelta(days=7),
        )
    if stdout is not None:
        stdout.write(f"  letters: 2 issues (one sent), {len(SUBSCRIBERS)} subscribers")
