"""The public pages of the demo site, listed once for every test that visits them all.

PAGE_TYPES has one address per page type and state a resident sees; the browser checks,
the query budget and the CSP check visit each of them. VIEWS has one address per view
that reads a path or a query string, for the bad-input sweep: a view is swept once,
not once per page it serves. An app that adds a page type or a view adds it here."""

PAGE_TYPES = {
    "home": "/de/",
    "standard page": "/de/ueber-uns/",
    "easy language page": "/de/kontakt/kontakt-leichte-sprache/",
    "helpful links": "/de/hilfreiches/",
    "search results": "/de/search/?q=Kiez",
    "search without results": "/de/search/?q=Quarkstrudel",
    "not found": "/de/gibt-es-nicht/",
    "news index": "/de/neuigkeiten/",
    "news index by tag": "/de/neuigkeiten/?tag=verkehr",
    "news archive": "/de/neuigkeiten/archive/",
    "news article": "/de/neuigkeiten/baustelle-kastanienallee/",
    "calendar": "/de/veranstaltungen/",
    "calendar this week": "/de/veranstaltungen/?period=week",
    "calendar archive": "/de/veranstaltungen/archive/",
    "repeating event": "/de/veranstaltungen/nachbarschaftscafe/",
    "directory": "/de/hilfe-und-angebote/",
    "directory volunteer area": "/de/hilfe-und-angebote/nachbarschaftshilfe/",
    "directory business area": "/de/hilfe-und-angebote/gewerbe/",
    "directory filtered": "/de/hilfe-und-angebote/?q=Fahrdienst&free=on",
    "provider": "/de/hilfe-und-angebote/anbieter/elterninitiative-kleine-linden/",
    "offer with enquiry form": "/de/hilfe-und-angebote/angebot/babysitting/",
    "club index": "/de/vereine/",
    "club index filtered": "/de/vereine/?category=umwelt&q=Garten",
    "club page": "/de/vereine/sv-lindenkiez/",
    "volunteering": "/de/vereine/ehrenamt/",
    "club event": "/de/vereine/sv-lindenkiez/sommerfest-sv/",
    "printable overview": "/de/hilfe-und-angebote/wegweiser/",
    "translated page": "/de/kontakt/",
    "swap board": "/de/tauschboerse/",
    "swap board filtered": "/de/tauschboerse/?direction=offer&category=kinder&q=Fahrrad",
    # The demo's first post (exchange/demo.py), published, with a photo; the demo's event
    # proposal (news/demo.py) is the first contribution.
    "swap post": "/de/tauschboerse/2/",
    "swap post form": "/de/tauschboerse/neu/",
    "swap board sheet": "/de/tauschboerse/aushang/",
    "my posts": "/de/mein-quartier/",
    "event proposal form": "/de/veranstaltungen/melden/",
    # The first volunteer role of the demo (clubs/demo.py).
    "volunteer interest form": "/de/vereine/ehrenamt/1/mitmachen/",
    "general volunteer form": "/de/vereine/ehrenamt/mitmachen/",
    "letter archive": "/de/quartiersbrief/",
    "letter subscription form": "/de/quartiersbrief/abonnieren/",
    # The demo's sent issue (letters/demo.py).
    "letter issue": "/de/quartiersbrief/herbst/",
    "community rooms": "/de/raeume/",
    "community house": "/de/raeume/nachbarschaftshaus-linde/",
    # The demo's large hall: a group's fixed time, a request waiting for a decision.
    "room week": "/de/raeume/nachbarschaftshaus-linde/saal/",
    "room month": "/de/raeume/nachbarschaftshaus-linde/saal/monat/",
    "room request form": "/de/raeume/nachbarschaftshaus-linde/saal/anfragen/",
    "room door sheet": "/de/raeume/nachbarschaftshaus-linde/saal/aushang/",
}
# German, English and Arabic (right to left). The demo has the home page and a few
# pages translated, so each language sees translated and untranslated pages.
LANGUAGES = ["de", "en", "ar"]


def in_language(path, language):
    return f"/{language}/{path.removeprefix('/de/')}"


# Views beside the page types: feeds, calendars, open data, the Wegweiser's PDF and the
# language-neutral addresses.
OTHER_VIEWS = [
    "/de/neuigkeiten/feed/rss/",
    "/de/neuigkeiten/feed/atom/",
    "/de/veranstaltungen/ical/",
    "/de/veranstaltungen/nachbarschaftscafe/ical/",
    "/de/hilfe-und-angebote/wegweiser/pdf/",
    "/de/hilfe-und-angebote/angebot/babysitting/danke/",
    "/de/hilfe-und-angebote/offene-daten/hsds/organizations/",
    "/de/hilfe-und-angebote/offene-daten/hsds/services/",
    "/de/tauschboerse/feed/",
    "/de/tauschboerse/aushang/pdf/",
    "/de/tauschboerse/neu/danke/",
    "/de/tauschboerse/2/gesendet/",
    "/de/tauschboerse/2/gemeldet/",
    "/de/tauschboerse/2/aendern/",
    "/de/mein-quartier/not-a-token/",
    "/de/raeume/nachbarschaftshaus-linde/saal/kalender/",
    "/de/raeume/nachbarschaftshaus-linde/saal/anfragen/danke/",
    "/de/raeume/termine/not-a-key/",
    "/de/veranstaltungen/melden/danke/",
    "/de/vereine/ehrenamt/danke/",
    "/de/veranstaltungen/melden/1/aendern/",
    "/de/bestaetigen/not-a-token/",
    "/de/quartiersbrief/abonnieren/danke/",
    "/de/quartiersbrief/herbst/pdf/",
    "/de/brief/abmelden/not-a-token/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/robots.txt",
    "/healthz",
    "/print-origin.css",
]
VIEWS = sorted({path.split("?")[0] for path in PAGE_TYPES.values()} | set(OTHER_VIEWS))
