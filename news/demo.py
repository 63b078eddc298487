"""Demo content of the news app: a dozen articles from the last weeks and a calendar
with one-off and repeating events, all relative to today so that the demo never looks
stale. Safe to run again: pages are found by slug and updated."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Site

from home.demo import paragraph, publish_child
from home.demo_images import street_scene

from .demo_dates import at, in_season, next_weekday, nth_weekday_of_month
from .demo_proposal import build_proposal
from .models import EventException, EventIndexPage, EventPage, EventPageTag, NewsIndexPage, NewsPage, NewsPageTag
from .recurrence import Repeat

NACHBARSCHAFTSHAUS = "Nachbarschaftshaus Lindenkiez"
NACHBARSCHAFTSHAUS_ADDRESS = "Lindenstraße 12\n10999 Berlin"
LINDENPLATZ_ADDRESS = "Lindenplatz\n10999 Berlin"


def _tags(through, names):
    from taggit.models import Tag

    tags = []
    for name in names:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        tags.append(through(tag=tag))
    return tags


ARTICLES = [
    # (slug, days ago, title, teaser, tags, relevant for days after its date or None, paragraphs)
    (
        "neue-baenke-lindenplatz",
        2,
        "Neue Bänke auf dem Lindenplatz",
        "Acht neue Bänke mit Armlehnen stehen seit Montag auf dem Lindenplatz. Die Idee kam aus der "
        "Seniorenrunde des Nachbarschaftscafés.",
        ["Lindenplatz", "Senioren"],
        None,
        [
            "<p>Wer auf dem Weg zum Markt eine Pause braucht, findet jetzt auf dem Lindenplatz acht neue "
            "Bänke. Sie haben Armlehnen, damit das Aufstehen leichter fällt, und stehen im Schatten der "
            "großen Linden.</p>",
            "<p>Den Vorschlag hatte die Seniorenrunde im Nachbarschaftscafé gemacht. Das Bezirksamt hat ihn "
            "aus dem Kiezfonds bezahlt. Vielen Dank an alle, die mitgeplant haben!</p>",
        ],
    ),
    (
        "baustelle-kastanienallee",
        4,
        "Baustelle in der Kastanienallee: Bus fährt Umleitung",
        "Wegen Arbeiten an den Wasserleitungen ist die Kastanienallee zwischen Lindenplatz und "
        "Parkstraße gesperrt. Der Bus 247 hält so lange in der Parkstraße.",
        ["Verkehr"],
        14,
        [
            "<p>Die Berliner Wasserbetriebe erneuern in der Kastanienallee die Leitungen. Die Straße ist "
            "zwischen Lindenplatz und Parkstraße für Autos gesperrt; zu Fuß und mit dem Rollstuhl kommen "
            "Sie auf dem östlichen Gehweg durch.</p>",
            "<p>Der Bus 247 fährt eine Umleitung. Die Haltestelle „Kastanienallee“ entfällt; bitte nutzen "
            "Sie die Ersatzhaltestelle in der Parkstraße vor Hausnummer 20.</p>",
        ],
    ),
    (
        "helfer-fuer-das-kiezfest",
        6,
        "Helferinnen und Helfer für das Kiezfest gesucht",
        "Für das Kiezfest suchen wir Menschen, die zwei Stunden beim Auf- und Abbau, am Kuchenstand "
        "oder beim Kinderprogramm helfen.",
        ["Kiezfest", "Mitmachen"],
        35,
        [
            "<p>Das Kiezfest lebt von den Nachbarinnen und Nachbarn. Wir suchen noch Unterstützung beim "
            "Aufbau am Freitag, am Kuchenstand und beim Kinderprogramm am Samstag.</p>",
            "<p>Sie haben zwei Stunden Zeit? Rufen Sie im Quartiersbüro an oder kommen Sie in die "
            "Sprechstunde. Alle Helferinnen und Helfer sind zum Abschlussessen eingeladen.</p>",
        ],
    ),
    (
        "repair-cafe-100",
        9,
        "Repair-Café feiert den 100. Reparaturtermin",
        "Toaster, Fahrräder, Lieblingshosen: Seit 2017 reparieren Ehrenamtliche im Nachbarschaftshaus, "
        "was andere wegwerfen würden. Jetzt gab es den 100. Termin.",
        ["Repair-Café", "Umwelt"],
        None,
        [
            "<p>Über 2.000 Geräte haben die Ehrenamtlichen des Repair-Cafés in den letzten Jahren "
            "angeschaut, mehr als die Hälfte davon funktioniert wieder. Zum 100. Termin gab es Kuchen "
            "und eine kleine Ausstellung der kuriosesten Fälle.</p>",
            "<p>Das Repair-Café findet jeden zweiten Samstag im Monat statt. Wer selbst mitreparieren "
            "möchte, ist herzlich willkommen.</p>",
        ],
    ),
    (
        "mieterberatung-mehrsprachig",
        12,
        "Mieterberatung jetzt auch auf Türkisch und Arabisch",
        "Die kostenlose Mieterberatung im Quartiersbüro bietet ab sofort Beratung in drei Sprachen an.",
        ["Beratung", "Wohnen"],
        None,
        [
            "<p>Eine Betriebskostenabrechnung ist schon auf Deutsch schwer zu verstehen. Deshalb berät "
            "das Team der Mieterberatung ab sofort auch auf Türkisch und Arabisch.</p>",
            "<p>Die Beratung ist kostenlos und findet jeden Monat am 15. im Quartiersbüro statt. Bitte "
            "melden Sie sich vorher telefonisch an.</p>",
        ],
    ),
    (
        "sprechstunde-mittwoch",
        15,
        "Sprechstunde im Quartiersbüro: jetzt auch mittwochs",
        "Das Quartiersbüro hat jetzt auch mittwochs von 15 bis 18 Uhr geöffnet – für alle, die vormittags arbeiten.",
        ["Quartiersbüro"],
        None,
        [
            "<p>Viele von Ihnen haben gefragt, ob das Quartiersbüro auch nachmittags geöffnet sein kann. "
            "Ab sofort sind wir mittwochs von 15 bis 18 Uhr für Sie da, auch telefonisch.</p>",
        ],
    ),
    (
        "kuehle-orte-im-kiez",
        18,
        "Hitzewarnung: Hier finden Sie kühle Orte im Kiez",
        "Während der Hitzetage öffnen Bibliothek, Nachbarschaftshaus und die Kirche am Lindenplatz ihre "
        "Räume als kühle Orte zum Ausruhen.",
        ["Gesundheit", "Senioren"],
        3,
        [
            "<p>Bei Temperaturen über 30 Grad sind ältere Menschen, Kranke und kleine Kinder besonders "
            "gefährdet. Trinken Sie genug und meiden Sie die Mittagssonne.</p>",
            "<p>Kühle Orte mit Sitzplätzen und Wasser: die Stadtteilbibliothek (Mo–Sa 10–19 Uhr), das "
            "Nachbarschaftshaus (Mo–Fr 9–17 Uhr) und die Kirche am Lindenplatz (täglich 10–18 Uhr).</p>",
        ],
    ),
    (
        "giesspaten-gesucht",
        21,
        "Nachbarschaftsgarten sucht Gießpatinnen und Gießpaten",
        "Die Hochbeete im Nachbarschaftsgarten brauchen im Sommer jeden Tag Wasser. Wer übernimmt eine Woche?",
        ["Mitmachen", "Umwelt"],
        None,
        [
            "<p>Im Nachbarschaftsgarten hinter dem Nachbarschaftshaus wachsen Tomaten, Kräuter und "
            "Sonnenblumen. Damit das so bleibt, suchen wir Menschen, die eine Woche lang abends gießen.</p>",
            "<p>Eine Liste zum Eintragen hängt im Nachbarschaftshaus aus. Sie können sich auch im "
            "Quartiersbüro melden.</p>",
        ],
    ),
    (
        "buecherzelle-spielplatz",
        25,
        "Bücherzelle am Spielplatz eröffnet",
        "In der alten Telefonzelle am Spielplatz Parkstraße stehen jetzt Bücher zum Tauschen – für "
        "Kinder und Erwachsene.",
        ["Kultur", "Kinder"],
        None,
        [
            "<p>Bringen Sie ein Buch, nehmen Sie ein Buch: Die Bücherzelle am Spielplatz Parkstraße ist "
            "rund um die Uhr offen. Die Kinderbücher stehen unten, damit auch die Kleinen drankommen.</p>",
        ],
    ),
    (
        "umfrage-ergebnisse",
        29,
        "Was Sie sich für den Kiez wünschen: die Ergebnisse der Umfrage",
        "Mehr Bänke, mehr Grün, ein Treffpunkt für Jugendliche: 412 Nachbarinnen und Nachbarn haben bei "
        "unserer Umfrage mitgemacht.",
        ["Quartiersbüro", "Mitmachen"],
        None,
        [
            "<p>Vielen Dank an alle, die mitgemacht haben! Die häufigsten Wünsche waren mehr "
            "Sitzgelegenheiten, mehr Bäume und Beete und ein Ort, an dem sich Jugendliche treffen können.</p>",
            "<p>Die ersten Bänke stehen schon. Über die anderen Ideen sprechen wir beim nächsten "
            "Kiezrat – kommen Sie gern dazu.</p>",
        ],
    ),
    (
        "sperrmuelltag",
        33,
        "Sperrmülltag im Lindenkiez: Das müssen Sie wissen",
        "Am Samstag holt die Stadtreinigung im Lindenkiez kostenlos Sperrmüll ab. Was an die Straße darf "
        "und was nicht.",
        ["Sauberkeit"],
        4,
        [
            "<p>Stellen Sie Möbel und große Gegenstände erst am Samstag ab 6 Uhr an die Straße. Elektrogeräte, "
            "Farben und Bauschutt nimmt die Stadtreinigung nicht mit.</p>",
        ],
    ),
    (
        "smartphone-sprechstunde",
        38,
        "Smartphone-Sprechstunde für Seniorinnen und Senioren",
        "Schülerinnen und Schüler der Lindenschule erklären jeden Mittwoch, wie Videoanrufe, Fotos und "
        "der Fahrplan auf dem Handy funktionieren.",
        ["Senioren", "Digitales"],
        None,
        [
            "<p>Bringen Sie Ihr Handy oder Tablet mit – und Ihre Fragen. Die Schülerinnen und Schüler "
            "nehmen sich Zeit und erklären es so oft wie nötig.</p>",
        ],
    ),
]


def build_news(home, today):
    index = publish_child(
        home,
        NewsIndexPage,
        "neuigkeiten",
        title="Neuigkeiten",
        show_in_menus=True,
        intro="Was im Lindenkiez passiert – aus dem Quartiersbüro, von Vereinen und aus der Nachbarschaft.",
        search_description="Aktuelle Nachrichten aus dem Lindenkiez.",
    )
    images = {
        "neue-baenke-lindenplatz": ("Neue Bänke am Lindenplatz", "Gezeichnete Häuserzeile am Lindenplatz", 11),
        "repair-cafe-100": ("Repair-Café Nachbarschaftshaus", "Gezeichnetes Nachbarschaftshaus mit Bäumen", 12),
        "giesspaten-gesucht": ("Nachbarschaftsgarten", "Gezeichnete Häuser mit Bäumen im Sommer", 13),
        "buecherzelle-spielplatz": ("Bücherzelle Parkstraße", "Gezeichnete Straße an einem sonnigen Tag", 14),
    }
    for slug, days_ago, title, teaser, tag_names, relevant_days, paragraphs in ARTICLES:
        date = today - timedelta(days=days_ago)
        image, image_alt = None, ""
        if slug in images:
            image_title, image_alt, seed = images[slug]
            image = street_scene(image_title, image_alt, seed=seed, size=(1200, 750))
        publish_child(
            index,
            NewsPage,
            slug,
            title=title,
            date=date,
            teaser=teaser,
            image=image,
            image_alt=image_alt,
            relevant_until=date + timedelta(days=relevant_days) if relevant_days is not None else None,
            body=[paragraph(html) for html in paragraphs],
            tagged_items=_tags(NewsPageTag, tag_names),
        )
    return index


def build_events(home, today):
    calendar = publish_child(
        home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        show_in_menus=True,
        intro="Alle Termine im Lindenkiez an einem Ort: vom Nachbarschaftscafé bis zum Kiezfest.",
        search_description="Veranstaltungskalender für den Lindenkiez.",
        proposal_criteria=(
            "<ul><li>Offen für alle aus dem Kiez, nicht nur für Mitglieder.</li>"
            "<li>Im Lindenkiez oder gleich nebenan.</li>"
            "<li>Keine Werbung für Geschäfte, keine Parteiveranstaltungen im Wahlkampf.</li></ul>"
        ),
    )
    this_tuesday = next_weekday(today, 1)
    saturday = next_weekday(today, 5)
    months_ago = (today.replace(day=1) - timedelta(days=70)).replace(day=1)
    events = [
        {
            "slug": "nachbarschaftscafe",
            "title": "Nachbarschaftscafé",
            "teaser": "Kaffee, Kuchen und Gespräche: Jeden Dienstag treffen sich Nachbarinnen und Nachbarn "
            "im Nachbarschaftshaus. Alle sind willkommen.",
            "start": at(this_tuesday - timedelta(weeks=8), 15),
            "end": at(this_tuesday - timedelta(weeks=8), 17, 30),
            "repeat": Repeat.WEEKLY,
            "exceptions": [EventException(date=this_tuesday + timedelta(weeks=2), reason="Der Saal wird renoviert")],
            "place_name": NACHBARSCHAFTSHAUS,
            "address": NACHBARSCHAFTSHAUS_ADDRESS,
            "organiser_name": "Nachbarschaftsverein Lindenkiez e. V.",
            "is_free": True,
            "price_note": "Kaffee und Kuchen gegen Spende",
            "accessibility": "Ebenerdiger Eingang, barrierefreie Toilette.",
            "tags": ["Begegnung", "Senioren"],
        },
        {
            "slug": "repair-cafe",
            "title": "Repair-Café",
            "teaser": "Kaputter Toaster, wackliger Stuhl, Loch in der Jacke? Gemeinsam mit Ehrenamtlichen "
            "reparieren Sie, was noch zu retten ist.",
            "start": at(nth_weekday_of_month(months_ago.year, months_ago.month, 5, 2), 11),
            "end": at(nth_weekday_of_month(months_ago.year, months_ago.month, 5, 2), 15),
            "repeat": Repeat.MONTHLY_WEEKDAY,
            "place_name": NACHBARSCHAFTSHAUS,
            "address": NACHBARSCHAFTSHAUS_ADDRESS,
            "organiser_name": "Repair-Café Lindenkiez",
            "is_free": True,
            "accessibility": "Ebenerdiger Eingang. Schwere Geräte tragen wir Ihnen gern hinein.",
            "tags": ["Umwelt", "Repair-Café"],
        },
        {
            "slug": "seniorentreff",
            "title": "Seniorentreff",
            "teaser": "Alle zwei Wochen am Donnerstag: Gedächtnistraining, Spiele und Zeit zum Erzählen.",
            "start": at(next_weekday(today, 3) - timedelta(weeks=6), 14),
            "end": at(next_weekday(today, 3) - timedelta(weeks=6), 16),
            "repeat": Repeat.WEEKLY,
            "repeat_interval": 2,
            "repeat_count": 26,
            "place_name": "Gemeindesaal der Kirche am Lindenplatz",
            "address": "Lindenplatz 1\n10999 Berlin",
            "organiser_name": "Kirchengemeinde am Lindenplatz",
            "is_free": True,
            "accessibility": "Rampe am Seiteneingang, Hörschleife im Saal.",
            "tags": ["Senioren", "Begegnung"],
        },
        {
            "slug": "mieterberatung",
            "title": "Mieterberatung",
            "teaser": "Kostenlose Beratung zu Mieterhöhung, Nebenkosten und Mängeln – auf Deutsch, Türkisch "
            "und Arabisch.",
            "start": at(months_ago.replace(day=15), 17),
            "end": at(months_ago.replace(day=15), 19),
            "repeat": Repeat.MONTHLY_DATE,
            "repeat_until": today + timedelta(days=300),
            "place_name": "Quartiersbüro Lindenkiez",
            "address": "Am Lindenplatz 4\n10999 Berlin",
            "organiser_name": "Mieterberatung Kreuzberg-Süd",
            "is_free": True,
            "registration_required": True,
            "registration_info": "Bitte melden Sie sich telefonisch im Quartiersbüro an: 030 23125 417.",
            "accessibility": "Ebenerdig, mit dem Rollstuhl erreichbar.",
            "tags": ["Beratung", "Wohnen"],
        },
        {
            "slug": "smartphone-sprechstunde",
            "title": "Smartphone-Sprechstunde",
            "teaser": "Schülerinnen und Schüler der Lindenschule erklären Handy und Tablet – geduldig und "
            "so oft wie nötig.",
            "start": at(next_weekday(today, 2) - timedelta(weeks=5), 10),
            "end": at(next_weekday(today, 2) - timedelta(weeks=5), 12),
            "repeat": Repeat.WEEKLY,
            "repeat_until": today + timedelta(days=60),
            "place_name": "Stadtteilbibliothek Lindenkiez",
            "address": "Parkstraße 8\n10999 Berlin",
            "organiser_name": "Lindenschule und Stadtteilbibliothek",
            "is_free": True,
            "accessibility": "Aufzug vorhanden.",
            "tags": ["Senioren", "Digitales"],
        },
        {
            "slug": "flohmarkt-lindenplatz",
            "title": "Flohmarkt auf dem Lindenplatz",
            "teaser": "Stöbern, handeln, Nachbarn treffen: Der Kiezflohmarkt mit über 60 Ständen und "
            "Kaffee vom Nachbarschaftscafé.",
            "start": at(saturday + timedelta(weeks=1), 10),
            "end": at(saturday + timedelta(weeks=1), 16),
            "place_name": "Lindenplatz",
            "address": LINDENPLATZ_ADDRESS,
            "organiser_name": "Nachbarschaftsverein Lindenkiez e. V.",
            "is_free": True,
            "price_note": "Standgebühr für Verkäuferinnen und Verkäufer: 5 Euro",
            "accessibility": "Ebener, gepflasterter Platz. Eine barrierefreie Toilette gibt es im Nachbarschaftshaus.",
            "tags": ["Flohmarkt", "Lindenplatz"],
        },
        {
            "slug": "lesung-geschichten-aus-dem-kiez",
            "title": "Lesung: Geschichten aus dem Kiez",
            "teaser": "Nachbarinnen und Nachbarn lesen Erinnerungen an 70 Jahre Lindenkiez vor – mit alten "
            "Fotos und Musik.",
            "start": at(next_weekday(today, 4) + timedelta(weeks=1), 19),
            "end": at(next_weekday(today, 4) + timedelta(weeks=1), 21),
            "place_name": "Stadtteilbibliothek Lindenkiez",
            "address": "Parkstraße 8\n10999 Berlin",
            "organiser_name": "Geschichtswerkstatt Lindenkiez",
            "is_free": False,
            "price": "5.00",
            "price_note": "ermäßigt 3 Euro",
            "registration_required": True,
            "registration_info": "Die Plätze sind begrenzt. Bitte melden Sie sich per E-Mail an "
            "geschichtswerkstatt@example.org oder im Quartiersbüro an.",
            "accessibility": "Aufzug vorhanden, Hörschleife im Lesesaal.",
            "tags": ["Kultur"],
        },
        {
            "slug": "laternenumzug",
            "title": "Laternenumzug",
            "teaser": "Mit Laternen und Liedern vom Spielplatz Parkstraße zum Lindenplatz. Danach gibt es "
            "Punsch und Brezeln.",
            "start": at(in_season(today, 11, 11, 4), 17, 30),
            "end": at(in_season(today, 11, 11, 4), 19),
            "place_name": "Spielplatz Parkstraße",
            "address": "Parkstraße 20\n10999 Berlin",
            "organiser_name": "Kita Sonnenblume und Elternrat",
            "is_free": True,
            "accessibility": "Der Weg ist eben und für Kinderwagen und Rollstühle geeignet.",
            "tags": ["Kinder", "Familie"],
        },
        {
            "slug": "erste-hilfe-am-kind",
            "title": "Erste Hilfe am Kind",
            "teaser": "Was tun bei Fieberkrampf, Verschlucken oder Sturz? Ein Kurs für Eltern, Großeltern "
            "und alle, die auf Kinder aufpassen.",
            "start": at(saturday + timedelta(weeks=4), 9),
            "end": at(saturday + timedelta(weeks=4), 16),
            "place_name": NACHBARSCHAFTSHAUS,
            "address": NACHBARSCHAFTSHAUS_ADDRESS,
            "organiser_name": "Familienzentrum Lindenkiez",
            "is_free": False,
            "price": "25.00",
            "price_note": "Mit Berlinpass kostenlos",
            "registration_required": True,
            "registration_info": "Anmeldung im Familienzentrum, Telefon 030 23125 433.",
            "accessibility": "Ebenerdiger Eingang, barrierefreie Toilette.",
            "tags": ["Familie", "Kinder"],
        },
        {
            "slug": "kiezfest",
            "title": "Kiezfest Lindenkiez",
            "teaser": "Drei Tage Musik, Essen aus aller Welt, Spiele für Kinder und Führungen durch den Kiez.",
            "start": at(in_season(today, 6, 19, 4), 0),
            "end": at(in_season(today, 6, 19, 4) + timedelta(days=2), 0),
            "all_day": True,
            "place_name": "Lindenplatz und Lindenstraße",
            "address": LINDENPLATZ_ADDRESS,
            "organiser_name": "Nachbarschaftsverein Lindenkiez e. V.",
            "is_free": True,
            "accessibility": "Barrierefreie Toiletten am Nachbarschaftshaus. Die Bühne hat eine "
            "Gebärdensprach-Dolmetscherin am Samstagabend.",
            "tags": ["Kiezfest", "Kultur", "Familie"],
        },
        {
            "slug": "kiezputz",
            "title": "Kiezputz",
            "teaser": "Gemeinsam räumen wir Lindenplatz und Parkstraße auf. Handschuhe und Zangen werden gestellt.",
            "start": at(saturday - timedelta(weeks=2), 10),
            "end": at(saturday - timedelta(weeks=2), 13),
            "place_name": "Treffpunkt: Brunnen auf dem Lindenplatz",
            "address": LINDENPLATZ_ADDRESS,
            "organiser_name": "Nachbarschaftsverein Lindenkiez e. V.",
            "is_free": True,
            "tags": ["Umwelt", "Mitmachen"],
        },
    ]
    for spec in events:
        fields = {
            "repeat": "",
            "repeat_interval": 1,
            "repeat_until": None,
            "repeat_count": None,
            "exceptions": [],
            "all_day": False,
            "price": None,
            "price_note": "",
            "registration_required": False,
            "registration_info": "",
            "accessibility": "",
            **spec,
        }
        slug = fields.pop("slug")
        tag_names = fields.pop("tags")
        publish_child(
            calendar,
            EventPage,
            slug,
            # The teaser is the page's lead; the facts (time, place, cost) follow it.
            body=[paragraph("<p>Kommen Sie vorbei – wir freuen uns auf Sie.</p>")],
            tagged_items=_tags(EventPageTag, tag_names),
            **fields,
        )
    return calendar


def build(stdout=None):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    today = timezone.localdate()
    index = build_news(home, today)
    calendar = build_events(home, today)
    build_proposal(today)
    if stdout is not None:
        stdout.write(
            f"  news: {NewsPage.objects.child_of(index).count()} articles, "
            f"{EventPage.objects.child_of(calendar).count()} events"
        )
