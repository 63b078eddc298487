"""Seeding the benchmark's large neighbourhood fast (benchmarks/site.py runs it): providers
and offers with bulk_create, news and event pages as rows written in bulk with their tree
paths computed the way treebeard does (Page.save() per page would take an hour), clubs,
then a full search reindex. Sizes come from the environment (SIZES)."""

import os
import random
import time
import uuid
from datetime import date, timedelta

SIZES = {
    "providers": int(os.environ.get("BENCH_PROVIDERS", "2000")),
    "offers": int(os.environ.get("BENCH_OFFERS", "10000")),
    "news": int(os.environ.get("BENCH_NEWS", "5000")),
    "events": int(os.environ.get("BENCH_EVENTS", "2000")),
    "clubs": int(os.environ.get("BENCH_CLUBS", "200")),
}
BATCH = 1000

# What the seeded texts are about: each text has two of these topics, so that a search
# for one matches a few percent of the offers, as on a real site. (Until 2026-11-22 every
# text cycled through all of them, and every search matched every offer; the benchmark
# keeps that worst case as its own row, a search for a word in every offer.)
WORDS = (  # noqa: SIM905 -- easier to read and extend than a list
    "Nachbarschaft Garten Fahrdienst Einkauf Begleitung Beratung Reparatur Fahrrad Kinder "
    "Familie Senioren Sprachcafé Hausaufgaben Lesen Musik Sport Kochen Mittagstisch Umzug Möbel "
    "Computer Smartphone Pflege Gesundheit Bewegung Tanz Theater Kunst Flohmarkt Tausch Spiel "
    "Hof Straße Platz"
).split()
# The rest of each text: German as offers write it, drawn from the word lists below with
# the commonest words most often (Zipf), so that the index and the search vocabulary
# hold thousands of words of uneven frequency, as a real site's do. (Until issue 25 the
# rest was one sentence of 30 words, the same in every text.)
FILLER = (  # noqa: SIM905 -- the little words between the others
    "wir laden alle herzlich ein jeden Dienstag im mit und ohne auch für gern wenn etwas "
    "uns auf viele neue aus dem ganzen Viertel die der das bei nach oder von zum zur"
).split()
# The first parts of compounds (with their linking s) and the last parts, singular and
# plural: every pair is a compound the texts may use ("Nachbarschaftshilfe").
HEADS = (  # noqa: SIM905
    "Nachbarschafts Garten Fahrrad Kinder Senioren Familien Sprach Haus Miet Computer Handy "
    "Koch Näh Musik Tanz Sport Lern Hausaufgaben Schulden Energie Spiel Tausch Jugend Frauen "
    "Eltern Kiez Stadtteil Umwelt Wohn Arzt Pflege Sozial Rechts Bewerbungs Freizeit Lese "
    "Theater Strick Holz Einkaufs Besuchs Müll Bücher Kleider Werkzeug Hof Trauer Mal Foto"
).split()
TAILS = [
    pair.split("/")
    for pair in (  # noqa: SIM905
        "hilfe/hilfen beratung/beratungen gruppe/gruppen kurs/kurse treff/treffs "
        "werkstatt/werkstätten dienst/dienste café/cafés stunde/stunden "
        "sprechstunde/sprechstunden begleitung/begleitungen runde/runden abend/abende fest/feste "
        "markt/märkte laden/läden projekt/projekte verein/vereine zentrum/zentren börse/börsen "
        "küche/küchen raum/räume tag/tage angebot/angebote initiative/initiativen "
        "nachmittag/nachmittage frühstück/frühstücke tisch/tische reparatur/reparaturen"
    ).split()
]
NOUNS = [
    pair.split("/")
    for pair in (  # noqa: SIM905
        "Nachbar/Nachbarn Nachbarin/Nachbarinnen Hilfe/Hilfen Arzt/Ärzte Termin/Termine "
        "Wohnung/Wohnungen Miete/Mieten Brief/Briefe Formular/Formulare Behörde/Behörden "
        "Antrag/Anträge Schule/Schulen Kind/Kinder Enkel/Enkel Hund/Hunde Balkon/Balkone "
        "Pflanze/Pflanzen Beet/Beete Baum/Bäume Heizung/Heizungen Fenster/Fenster Tür/Türen "
        "Lampe/Lampen Steckdose/Steckdosen Regal/Regale Schrank/Schränke Kiste/Kisten "
        "Rad/Räder Reifen/Reifen Kette/Ketten Bremse/Bremsen Bus/Busse Bahn/Bahnen "
        "Rollstuhl/Rollstühle Rollator/Rollatoren Brille/Brillen Rezept/Rezepte Suppe/Suppen "
        "Kuchen/Kuchen Brot/Brote Gemüse/Gemüse Kaffee/Kaffees Lied/Lieder Chor/Chöre "
        "Gitarre/Gitarren Buch/Bücher Zeitung/Zeitungen Sprache/Sprachen Gespräch/Gespräche "
        "Abend/Abende Woche/Wochen Monat/Monate Sommer/Sommer Winter/Winter Ferien/Ferien "
        "Nachmittag/Nachmittage Treffen/Treffen Ausflug/Ausflüge Spaziergang/Spaziergänge "
        "Verein/Vereine Ehrenamt/Ehrenämter Spende/Spenden Kleidung/Kleidung Werkzeug/Werkzeuge "
        "Bohrmaschine/Bohrmaschinen Leiter/Leitern Nähmaschine/Nähmaschinen Strom/Strom "
        "Rechnung/Rechnungen Vertrag/Verträge Versicherung/Versicherungen Bewerbung/Bewerbungen "
        "Hitze/Hitze Sperrmüll/Sperrmüll Hebamme/Hebammen Turnhalle/Turnhallen Spielplatz/Spielplätze"
    ).split()
]
VERBS = (  # noqa: SIM905 -- several forms each, as texts use them
    "helfen hilft geholfen reparieren repariert repariere kochen kocht gekocht backen backt "
    "begleiten begleitet begleiten fahren fährt gefahren einkaufen kauft tauschen tauscht "
    "lernen lernt gelernt lesen liest vorlesen singen singt spielen spielt basteln bastelt "
    "nähen näht gärtnern pflanzen pflanzt gießen gießt besuchen besucht beraten berät "
    "ausfüllen füllt übersetzen übersetzt erklären erklärt zeigen zeigt tragen trägt "
    "umziehen zieht aufbauen baut streichen streicht bohren bohrt putzen putzt teilen teilt "
    "verleihen verleiht leihen leiht schenken schenkt sammeln sammelt feiern feiert "
    "turnen turnt tanzen tanzt wandern wandert treffen trifft kommen kommt bringen bringt"
).split()
ADJECTIVES = (  # noqa: SIM905
    "kostenlos kostenlose kostenlosen barrierefrei barrierefreie freundlich freundliche "
    "erfahren erfahrene ehrenamtlich ehrenamtliche ehrenamtlichen gemeinsam gemeinsame "
    "regelmäßig regelmäßige wöchentlich wöchentliche monatlich kleine kleinen große großen "
    "neue neuen alte alten offen offene geduldig geduldige zuverlässig zuverlässige schnell "
    "schnelle einfach einfache günstig günstige mehrsprachig mehrsprachige türkisch arabisch "
    "englisch ukrainisch deutsch gesund gesunde warm warme leicht leichte praktisch praktische"
).split()


def _zipf(count):
    """Cumulative weights 1/rank: the first of a list is drawn most often."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank
        cumulative.append(total)
    return cumulative


_COMPOUNDS = [
    (head + singular.lower(), head + plural.lower())
    for position in range(max(len(HEADS), len(TAILS)))
    # Diagonals first: the commonest compounds spread over all heads and tails.
    for head, (singular, plural) in [
        (HEADS[(position + shift) % len(HEADS)], TAILS[shift % len(TAILS)]) for shift in range(len(TAILS))
    ]
]
_KINDS = (  # (list, cumulative Zipf weights), the little words most often
    (FILLER, _zipf(len(FILLER))),
    (FILLER, _zipf(len(FILLER))),
    (_COMPOUNDS, _zipf(len(_COMPOUNDS))),
    (NOUNS, _zipf(len(NOUNS))),
    (VERBS, _zipf(len(VERBS))),
    (ADJECTIVES, _zipf(len(ADJECTIVES))),
)


def words(number, count):
    """`count` words: the two topics of `number`, then varied text, the same for the
    same `number` and `count` on every run."""
    topics = [WORDS[number % len(WORDS)], WORDS[(number * 7 + 3) % len(WORDS)]]
    generator = random.Random(number * 1009 + count)  # noqa: S311 -- the same text on every run
    text = []
    for _ in range(max(count - 2, 0)):
        choices, weights = generator.choice(_KINDS)
        word = generator.choices(choices, cum_weights=weights)[0]
        if isinstance(word, (list, tuple)):  # a noun: singular or plural
            word = word[generator.random() < 0.3]
        text.append(word)
    return " ".join((topics + text)[:count])


def timed(label, timings):
    class Timer:
        def __enter__(self):
            self.start = time.perf_counter()

        def __exit__(self, *exc):
            timings[label] = time.perf_counter() - self.start
            print(f"{label}: {timings[label]:.1f} s", flush=True)

    return Timer()


def seed_providers_and_offers(locale):
    from directory.models import Category, Offer, Provider

    categories = list(Category.objects.filter(locale=locale))
    today = date.today()
    providers = [
        Provider(
            locale=locale,
            translation_key=uuid.uuid4(),
            name=f"{words(number, 2).title()} {number}",
            slug=f"bench-anbieter-{number}",
            kind=["volunteer", "business", "club", "institution"][number % 4]
            if hasattr(Provider, "kind")
            else "volunteer",
            summary=f"{words(number, 8)}.",
            description=f"<p>{words(number, 40)}.</p>",
            city="Berlin",
            street=f"Lindenstraße {number % 120 + 1}",
            postcode="10999",
            consent_given_at=today,
            live=True,
        )
        for number in range(SIZES["providers"])
    ]
    Provider.objects.bulk_create(providers, batch_size=BATCH)
    providers = list(Provider.objects.filter(slug__startswith="bench-anbieter-").order_by("pk"))
    for start in range(0, SIZES["offers"], BATCH * 10):  # 100,000 offers are not built at once
        offers = [
            Offer(
                locale=locale,
                translation_key=uuid.uuid4(),
                provider=providers[number % len(providers)],
                title=f"{words(number, 2).title()} {number}",
                slug=f"bench-angebot-{number}",
                summary=f"{words(number, 10)}.",
                description=f"<p>{words(number, 60)}.</p>",
                category=categories[number % len(categories)] if categories else None,
                price_model="free" if number % 3 else "hourly",
                price_amount=None if number % 3 else 12,
                for_seniors=number % 2 == 0,
                for_families=number % 3 == 0,
                area_served="Lindenkiez",
                live=True,
            )
            for number in range(start, min(start + BATCH * 10, SIZES["offers"]))
        ]
        Offer.objects.bulk_create(offers, batch_size=BATCH)


def bulk_add_pages(parent, model, rows):
    """Insert child pages of `parent` in bulk: the wagtailcore_page rows with paths as
    treebeard computes them, then the specific rows. `rows` are dicts with title, slug
    and the specific model's fields."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    start = parent.numchild
    specific_fields = [field for field in model._meta.local_concrete_fields]
    for offset in range(0, len(rows), BATCH):
        chunk = rows[offset : offset + BATCH]
        pages = []
        for index, row in enumerate(chunk, start=start + offset + 1):
            pages.append(
                Page(
                    title=row["title"],
                    draft_title=row["title"],
                    slug=row["slug"],
                    path=Page._get_path(parent.path, parent.depth + 1, index),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{row['slug']}/",
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    show_in_menus=False,
                )
            )
        created = Page.objects.bulk_create(pages)
        specifics = []
        for page, row in zip(created, chunk, strict=True):
            specific = model(page_ptr_id=page.pk)
            for name, value in row.items():
                if name not in ("title", "slug"):
                    setattr(specific, name, value)
            specifics.append(specific)
        # bulk_create refuses multi-table models; this is the INSERT it would do for
        # the child table, the same one Model.save() runs.
        model._base_manager._insert(specifics, fields=specific_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(rows))


def seed_pages():
    from django.utils import timezone

    from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    calendar = EventIndexPage.objects.get(locale__language_code="de")
    today = date.today()
    bulk_add_pages(
        news_index,
        NewsPage,
        [
            {
                "title": f"{words(number, 4).title()} ({number})",
                "slug": f"bench-nachricht-{number}",
                "date": today - timedelta(days=number // 5),
                "teaser": f"{words(number, 20)}.",
                "image_alt": "",
                "body": [("paragraph", f"<p>{words(number, 80)}.</p>")],
            }
            for number in range(SIZES["news"])
        ],
    )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    events = []
    for number in range(SIZES["events"]):
        start = now + timedelta(hours=5 * number - 2000)
        events.append(
            {
                "title": f"{words(number, 3).title()} ({number})",
                "slug": f"bench-termin-{number}",
                "teaser": f"{words(number, 15)}.",
                "start": start,
                "end": start + timedelta(hours=2),
                "series_ends_at": start + timedelta(hours=2),
                "place_name": "Nachbarschaftshaus",
                "address": "Lindenstraße 1, 10999 Berlin",
                "organiser_name": f"{words(number, 2).title()} e. V.",
                "image_alt": "",
                "body": [("paragraph", f"<p>{words(number, 50)}.</p>")],
            }
        )
    bulk_add_pages(calendar, EventPage, events)


def seed_clubs():
    """SIZES["clubs"] club pages below the demo's club index, each in a category."""
    from clubs.models import ClubIndexPage, ClubPage
    from directory.models import Category

    index = ClubIndexPage.objects.get(locale__language_code="de")
    bulk_add_pages(
        index,
        ClubPage,
        [
            {
                "title": f"{words(number, 2).title()} e. V. ({number})",
                "slug": f"bench-verein-{number}",
                "summary": f"{words(number, 12)}.",
                "description": f"<p>{words(number, 60)}.</p>",
                "meeting_times": "Dienstags 18 Uhr",
                "place_name": "Nachbarschaftshaus",
                "address": "Lindenstraße 1, 10999 Berlin",
                "contact_name": "Vorstand",
                "image_alt": "",
                "how_to_join": "Einfach vorbeikommen.",
            }
            for number in range(SIZES["clubs"])
        ],
    )
    categories = list(Category.objects.filter(locale__language_code="de"))
    clubs = ClubPage.objects.filter(slug__startswith="bench-verein-").order_by("pk")
    through = ClubPage.categories.through
    through.objects.bulk_create(
        [through(clubpage_id=club.pk, category_id=categories[n % len(categories)].pk) for n, club in enumerate(clubs)]
    )


def seed(timings):
    from django.core.management import call_command

    from wagtail.models import Locale

    with timed("migrate and demo content", timings):
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    locale = Locale.objects.get(language_code="de")
    with timed("seed", timings):
        seed_providers_and_offers(locale)
        seed_pages()
        seed_clubs()
    with timed("full reindex", timings):
        call_command("update_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from django.db import connection

    # As docs/deployment.md says after a full reindex: the reindex leaves two dead
    # copies of every entry, which a plain VACUUM marks free but does not give back.
    with timed("vacuum full of the search index", timings), connection.cursor() as cursor:
        cursor.execute("VACUUM FULL wagtailsearch_indexentry")
    with timed("search vocabulary", timings):
        call_command("rebuild_search_words", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # Bulk inserts leave the planner without statistics (and the reindex leaves dead
    # rows) until autovacuum comes by: measure the database as it would be in use.
    with timed("vacuum analyze", timings), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
