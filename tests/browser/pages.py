"""The public page types of the demo site, one address each. Later apps add theirs."""

PAGE_TYPES = {
    "home": "/de/",
    "standard page": "/de/ueber-uns/",
    "helpful links": "/de/hilfreiches/",
    "search results": "/de/search/?q=Kiez",
    "search without results": "/de/search/?q=Quarkstrudel",
    "not found": "/de/gibt-es-nicht/",
}
LANGUAGES = ["de", "en"]


def in_language(path, language):
    return f"/{language}/{path.removeprefix('/de/')}"
