"""The public page types of the demo site, one address each. Apps add theirs here."""

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
}
# German, English and Arabic (right to left). The demo has the home page and a few
# pages translated, so each language sees translated and untranslated pages.
LANGUAGES = ["de", "en", "ar"]


def in_language(path, language):
    return f"/{language}/{path.removeprefix('/de/')}"
