"""Demo clubs of the Lindenkiez: eight profiles with activities, volunteer roles and
events beneath some of them, and one club account (the demo provider account is the
directory's, `directory.demo`). Safe to run again: pages are updated, accounts and
groups are created once."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale, Site

from directory.models import Category
from home.demo import publish_child
from news.demo_dates import in_season
from news.models import EventPage

from .models import ClubActivity, ClubIndexPage, ClubLink, ClubPage, VolunteerRole
from .onboarding import grant_club_access

DEMO_CLUB_EMAIL = "verein@lindenkiez.example"
DEMO_CLUB_SLUG = "sv-lindenkiez"

EXTRA_CATEGORIES = [
    ("sport", "Sport und Bewegung", "Sport"),
    ("kultur", "Kultur und Musik", "Kultur"),
    ("glaube", "Glaube und Gemeinde", "Gemeinde"),
    ("umwelt", "Umwelt und Garten", "Umwelt"),
]

# slug, name, summary, categories, meeting times, place, address, contact, phone, e-mail,
# how to join, activities [(title, when, description)], roles [(title, time, description)], tags
CLUBS = [
    (
        DEMO_CLUB_SLUG,
        "SV Lindenkiez 1921 e. V.",
        "Fußball, Gymnastik und Laufen für alle Altersgruppen – vom Kinderturnen bis zur Seniorengymnastik.",
        ["sport", "familie"],
        "Dienstag 17–19 Uhr: Kinderfußball\nDonnerstag 10–11 Uhr: Seniorengymnastik\nSonntag 9 Uhr: Lauftreff",
        "Sportplatz Lindenpark",
        "Lindenallee 40\n10999 Berlin",
        "Murat Yilmaz",
        "030 555 012 10",
        "info@sv-lindenkiez.example",
        "Kommen Sie zu zwei Schnupperterminen vorbei. Der Beitrag beträgt 8 € im Monat, für Kinder 4 €.",
        [
            ("Kinderfußball", "Dienstag 17–19 Uhr", "Für Kinder von 6 bis 12 Jahren, ohne Vorkenntnisse."),
            ("Seniorengymnastik", "Donnerstag 10–11 Uhr", "Sanfte Bewegung im Sitzen und Stehen."),
            ("Lauftreff", "Sonntag 9 Uhr", "Gemeinsam 5 oder 10 km durch den Park, jedes Tempo."),
        ],
        [
            ("Trainerin oder Trainer für Kinderfußball", "2 Stunden pro Woche", "Wir zahlen die Trainer-Lizenz."),
            ("Hilfe beim Sommerfest", "ein Samstag im Juni", "Aufbau, Grill, Kuchenstand."),
        ],
        ["Fußball", "Gymnastik"],
    ),
    (
        "lindenchor",
        "Lindenchor",
        "Ein offener Chor für alle, die gern singen – Volkslieder, Pop und Gospel, ohne Vorsingen.",
        ["kultur"],
        "Mittwoch 19–21 Uhr",
        "Nachbarschaftshaus Lindenkiez, Saal",
        "Lindenstraße 12\n10999 Berlin",
        "Anna Berger",
        "030 555 012 20",
        "chor@lindenkiez.example",
        "Einfach mittwochs vorbeikommen. Noten lesen ist keine Voraussetzung.",
        [("Chorprobe", "Mittwoch 19–21 Uhr", "Stimmbildung und Proben für das Sommerkonzert.")],
        [("Notenwart", "1 Stunde pro Woche", "Noten kopieren, sortieren und verteilen.")],
        ["Singen", "Musik"],
    ),
    (
        "kirchengemeinde-am-lindenplatz",
        "Evangelische Kirchengemeinde am Lindenplatz",
        "Gottesdienste, Besuchsdienst und ein offenes Gemeindehaus für alle im Kiez.",
        ["glaube", "essen"],
        "Sonntag 10 Uhr: Gottesdienst\nFreitag 12 Uhr: Mittagstisch",
        "Kirche am Lindenplatz",
        "Lindenplatz 1\n10999 Berlin",
        "Pfarrerin Maria Hoffmann",
        "030 555 012 30",
        "gemeinde@lindenkiez.example",
        "Alle sind willkommen, unabhängig von Konfession und Herkunft.",
        [
            ("Mittagstisch", "Freitag 12–14 Uhr", "Warmes Essen gegen eine kleine Spende."),
            ("Besuchsdienst", "nach Absprache", "Wir besuchen ältere Menschen zu Hause."),
        ],
        [("Besuchsdienst", "2 Stunden pro Woche", "Zeit schenken: Gespräche, Vorlesen, Spaziergänge.")],
        ["Gottesdienst", "Mittagstisch"],
    ),
    (
        "seniorentreff-lindenkiez",
        "Seniorentreff Lindenkiez",
        "Kaffee, Spiele, Ausflüge und Hilfe am Smartphone für Menschen ab 60.",
        ["essen", "digitales"],
        "Montag und Mittwoch 14–17 Uhr",
        "Nachbarschaftshaus Lindenkiez",
        "Lindenstraße 12\n10999 Berlin",
        "Helga Neumann",
        "030 555 012 40",
        "senioren@lindenkiez.example",
        "Kommen Sie einfach vorbei, eine Anmeldung ist nicht nötig.",
        [
            ("Spielenachmittag", "Montag 14–17 Uhr", "Rommé, Skat und Brettspiele."),
            ("Smartphone-Sprechstunde", "Mittwoch 15 Uhr", "Jugendliche helfen bei Fragen rund ums Handy."),
        ],
        [("Ausflugsbegleitung", "einmal im Monat", "Begleiten Sie unsere Ausflüge in Berlin.")],
        ["Senioren", "Smartphone"],
    ),
    (
        "elterninitiative-kleine-linden",
        "Elterninitiative Kleine Linden",
        "Eltern organisieren Spielgruppen, einen Kindersachen-Flohmarkt und Ferienaktionen.",
        ["familie"],
        "Freitag 15–17 Uhr: Spielgruppe",
        "Spielplatz Lindenpark (bei Regen im Familienzentrum)",
        "Lindenallee 38\n10999 Berlin",
        "Jana Krüger",
        "",
        "eltern@lindenkiez.example",
        "Schreiben Sie uns eine E-Mail, wir nehmen Sie in die Eltern-Gruppe auf.",
        [("Spielgruppe", "Freitag 15–17 Uhr", "Für Kinder von 1 bis 4 Jahren mit einem Elternteil.")],
        [],
        ["Spielgruppe", "Flohmarkt"],
    ),
    (
        "repair-cafe",
        "Repair-Café Lindenkiez",
        "Gemeinsam reparieren statt wegwerfen: Elektrogeräte, Fahrräder, Kleidung.",
        ["handwerk", "umwelt"],
        "Jeden zweiten Samstag im Monat, 11–15 Uhr",
        "Nachbarschaftshaus Lindenkiez, Werkstatt",
        "Lindenstraße 12\n10999 Berlin",
        "Peter Schulz",
        "030 555 012 60",
        "repair@lindenkiez.example",
        "Bringen Sie Ihr kaputtes Gerät einfach mit. Reparieren ist kostenlos, Spenden helfen.",
        [("Reparaturtreff", "zweiter Samstag im Monat", "Ehrenamtliche helfen beim Reparieren.")],
        [
            ("Elektro-Tüftlerin oder -Tüftler", "4 Stunden im Monat", "Sie kennen sich mit Geräten aus."),
            ("Empfang und Kaffee", "4 Stunden im Monat", "Gäste begrüßen und Wartezeiten verkürzen."),
        ],
        ["Reparieren", "Nachhaltigkeit"],
    ),
    (
        "willkommen-im-kiez",
        "Willkommen im Kiez",
        "Ehrenamtliche begleiten geflüchtete Menschen bei Behördengängen, Deutschlernen und Wohnungssuche.",
        ["beratung", "lernen"],
        "Dienstag 16–18 Uhr: Sprachcafé\nDonnerstag 10–12 Uhr: Sprechstunde",
        "Stadtteilbibliothek Lindenkiez",
        "Kastanienallee 5\n10999 Berlin",
        "Samira Haddad",
        "030 555 012 70",
        "willkommen@lindenkiez.example",
        "Melden Sie sich per E-Mail; wir laden zu einem Kennenlerntreffen ein.",
        [
            ("Sprachcafé", "Dienstag 16–18 Uhr", "Deutsch üben im Gespräch, für alle Niveaus."),
            ("Sprechstunde", "Donnerstag 10–12 Uhr", "Hilfe bei Briefen und Formularen."),
        ],
        [
            ("Patenschaft", "2 Stunden pro Woche", "Eine Familie beim Ankommen begleiten."),
            ("Dolmetschen Arabisch oder Ukrainisch", "nach Bedarf", "Bei Terminen übersetzen."),
        ],
        ["Sprachcafé", "Patenschaft"],
    ),
    (
        "gemeinschaftsgarten-lindenbeet",
        "Gemeinschaftsgarten Lindenbeet",
        "Gemüse, Kräuter und Blumen mitten im Kiez – gemeinsam gärtnern, ernten und feiern.",
        ["umwelt"],
        "Samstag 10–13 Uhr (April bis Oktober)",
        "Garten hinter der Lindenschule",
        "Birkenweg 3\n10999 Berlin",
        "Thomas Lang",
        "",
        "garten@lindenkiez.example",
        "Kommen Sie samstags vorbei; ein eigenes Beet vergeben wir im Frühjahr.",
        [("Gartentag", "Samstag 10–13 Uhr", "Gießen, jäten, ernten – Werkzeug ist da.")],
        [("Gießdienst im Sommer", "eine Woche pro Sommer", "Die Beete in den Ferien gießen.")],
        ["Garten", "Natur"],
    ),
]


def _at(day, hour):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def _events(today):
    """slug of the club, event slug, title, teaser, start, hours"""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    return [
        (
            DEMO_CLUB_SLUG,
            "sommerfest-sv",
            "Sommerfest des SV Lindenkiez",
            "Turniere, Grill und Kinderspiele.",
            in_season(today, 7, 4, 5),
            12,
            6,
        ),
        (
            "lindenchor",
            "chorkonzert",
            "Konzert des Lindenchors",
            "Lieder aus aller Welt, Eintritt frei.",
            saturday + timedelta(weeks=2, days=1),
            17,
            2,
        ),
        (
            "gemeinschaftsgarten-lindenbeet",
            "erntefest",
            "Erntefest im Lindenbeet",
            "Suppe aus dem Garten für alle.",
            in_season(today, 9, 26, 5),
            14,
            3,
        ),
    ]


def _categories(locale):
    found = {c.slug: c for c in Category.objects.filter(locale=locale)}
    position = max((c.sort_order for c in found.values()), default=0)
    for slug, name, short in EXTRA_CATEGORIES:
        if slug not in found:
            position += 1
            found[slug] = Category.objects.create(
                slug=slug, name=name, short_label=short, sort_order=position, locale=locale
            )
    return found


def build(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = Locale.get_default()
    today = timezone.localdate()
    categories = _categories(locale)
    index = publish_child(
        home,
        ClubIndexPage,
        "vereine",
        title="Vereine und Initiativen",
        show_in_menus=True,
        intro="Sport, Musik, Glaube, Garten oder Nachbarschaftshilfe: Hier stellen sich die Vereine "
        "und Initiativen des Lindenkiezes selbst vor. Machen Sie mit!",
        volunteering_intro="Diese Vereine suchen Unterstützung. Schon ein paar Stunden im Monat helfen.",
        search_description="Vereine und Initiativen im Lindenkiez finden und mitmachen.",
    )
    pages = {}
    for position, row in enumerate(CLUBS):
        slug, name, summary, cats, times, place, address, contact, phone, email, join, activities, roles, tags = row
        page = ClubPage.objects.child_of(index).filter(slug=slug).first()
        fields = {
            "title": name,
            "summary": summary,
            # The summary is the page's lead: the description goes on from there.
            "description": "<p>Wir freuen uns auf neue Gesichter aus dem Kiez.</p>",
            "meeting_times": times,
            "place_name": place,
            "address": address,
            "contact_name": contact,
            "phone": phone,
            "email": email,
            "how_to_join": join,
            # One club is overdue, so that "Needs attention" has a club item to show.
            "review_by": today - timedelta(days=10) if position == 3 else today + timedelta(days=200 + position),
            "activities": [ClubActivity(title=t, when=w, description=d) for t, w, d in activities],
            "volunteer_roles": [VolunteerRole(title=t, time_needed=w, description=d) for t, w, d in roles],
            "links": [ClubLink(title="Website", url=f"https://{slug}.example/")],
        }
        page = publish_child(index, ClubPage, slug, **fields)
        page.categories.set([categories[c] for c in cats])
        page.tags.set(tags)
        page.save_revision().publish()
        pages[slug] = page

    for club_slug, slug, title, teaser, day, hour, hours in _events(today):
        publish_child(
            pages[club_slug],
            EventPage,
            slug,
            title=title,
            teaser=teaser,
            start=_at(day, hour),
            end=_at(day, hour + hours),
            place_name=pages[club_slug].place_name,
            address=pages[club_slug].address,
            is_free=True,
        )

    club = pages[DEMO_CLUB_SLUG]
    if not GroupPagePermission.objects.filter(page=club).exists():
        grant_club_access(club, DEMO_CLUB_EMAIL, contact_name="Murat Yilmaz", invite=False)
    if stdout is not None:
        accounts = get_user_model().objects.filter(email=DEMO_CLUB_EMAIL).count()
        stdout.write(f"  clubs: {len(CLUBS)} clubs, {len(_events(today))} club events, {accounts} demo club account")
