"""Demo content: "Hilfreiches auf einen Blick" for the Lindenkiez.

Real Berlin-wide services keep their real numbers and addresses (a resident of the demo
would need exactly these); neighbourhood places are fictional and use example.org.
"""

import datetime

from django.utils import timezone

from wagtail.models import Locale, Site

from home.demo import publish_child

from .models import HelpfulLink, HelpfulLinksPage, LinkCategory

CATEGORIES = ["Notfall und Gesundheit", "Abfall und Umwelt", "Ämter und Verwaltung", "Unterwegs", "Essen und Freizeit"]

LINKS = [
    # category, title, url, phone, description, opening hours, at a glance
    ("Notfall und Gesundheit", "Polizei", "", "110", "Im Notfall, rund um die Uhr", "", True),
    (
        "Notfall und Gesundheit",
        "Feuerwehr und Rettungsdienst",
        "",
        "112",
        "Bei Feuer und medizinischen Notfällen",
        "",
        True,
    ),
    (
        "Notfall und Gesundheit",
        "Ärztlicher Bereitschaftsdienst",
        "https://www.116117.de/",
        "116 117",
        "Wenn die Praxis geschlossen ist und es nicht bis morgen warten kann",
        "rund um die Uhr",
        True,
    ),
    ("Notfall und Gesundheit", "Giftnotruf Berlin", "", "030 19240", "Bei Vergiftungen, auch bei Kindern", "", False),
    (
        "Notfall und Gesundheit",
        "Telefonseelsorge",
        "https://www.telefonseelsorge.de/",
        "0800 111 0 111",
        "Anonym und kostenlos, wenn Sie reden möchten",
        "rund um die Uhr",
        False,
    ),
    (
        "Abfall und Umwelt",
        "Abfuhrkalender der BSR",
        "https://www.bsr.de/abfuhrkalender-20520.php",
        "",
        "Wann welche Tonne im Lindenkiez geleert wird",
        "",
        True,
    ),
    (
        "Abfall und Umwelt",
        "Sperrmüll anmelden",
        "https://www.bsr.de/sperrmuell-20455.php",
        "030 7592 4900",
        "Abholung von Möbeln und großen Gegenständen",
        "Mo–Fr 7–19 Uhr, Sa 8–14 Uhr",
        False,
    ),
    (
        "Ämter und Verwaltung",
        "Termin beim Bürgeramt",
        "https://service.berlin.de/terminvereinbarung/",
        "115",
        "Ausweis, Anmeldung, Führungszeugnis",
        "",
        True,
    ),
    (
        "Ämter und Verwaltung",
        "Sozialberatung im Quartiersbüro",
        "https://lindenkiez.example.org/sozialberatung/",
        "030 23125 418",
        "Hilfe bei Anträgen, Wohngeld und Bescheiden",
        "Mi 15–18 Uhr",
        False,
    ),
    (
        "Unterwegs",
        "Fahrinfo der BVG",
        "https://www.bvg.de/de/verbindungen/verbindungssuche",
        "030 19449",
        "Bus, Tram und U-Bahn: Verbindungen und Störungen",
        "",
        True,
    ),
    (
        "Essen und Freizeit",
        "Mittagstisch im Gemeindehaus",
        "https://lindenkiez.example.org/mittagstisch/",
        "030 23125 420",
        "Warmes Mittagessen für 3,50 €, Speiseplan der Woche",
        "Mo–Fr 12–14 Uhr",
        False,
    ),
    (
        "Essen und Freizeit",
        "Kino Lichtspiele am Lindenplatz",
        "https://lindenkiez.example.org/kino/",
        "",
        "Programm der Woche, mittwochs Seniorenkino",
        "",
        False,
    ),
]


def build(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page.specific
    locale = Locale.get_default()
    categories = {}
    for position, name in enumerate(CATEGORIES):
        category, _created = LinkCategory.objects.update_or_create(
            name=name, locale=locale, defaults={"sort_order": position}
        )
        categories[name] = category

    today = timezone.localdate()
    links = [
        HelpfulLink(
            category=categories[category],
            title=title,
            url=url,
            phone=phone,
            description=description,
            opening_hours=hours,
            show_at_a_glance=at_a_glance,
            # Staggered so the editors' dashboard has something to show from day one.
            review_by=today + datetime.timedelta(days=90 - 40 * (position % 4)),
            sort_order=position,
        )
        for position, (category, title, url, phone, description, hours, at_a_glance) in enumerate(LINKS)
    ]
    page = publish_child(
        home,
        HelpfulLinksPage,
        "hilfreiches",
        title="Hilfreiches auf einen Blick",
        show_in_menus=True,
        intro="Wichtige Nummern und Links für den Alltag im Lindenkiez – zum Nachschlagen und Ausdrucken.",
        search_description="Notrufnummern, Abfuhrkalender, Bürgeramt, Nahverkehr und mehr für den Lindenkiez.",
        links=links,
    )
    if stdout is not None:
        stdout.write(f"  helpful_links: {page.links.count()} links in {len(categories)} categories")
