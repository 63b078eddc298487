"""Judged queries for the site search (issue 25, "Search that finds what residents mean").

Each judgement is what a resident of the demo neighbourhood types into the search box,
the way older residents, second-language speakers and phone keyboards type it, and the
addresses of the results a careful person would expect for it. A judgement is met when
at least one of them is among the first five result links of the search page
(tests/core/test_search_quality.py measures that against the German demo content that
tests/conftest.py loads).

Only content that is really in the demo is judged: offers (directory/demo/offers.py),
clubs and their events (clubs/demo.py), news and events (news/demo.py), pages
(home/demo.py) and the helpful links (helpful_links/demo.py). Providers have no result
of their own in the site search (it shows their offers), and posts on the swap board are
addressed by their database id, which changes with every change to the demo, so neither
is named here.

The synonym judgements rely on the synonym groups the demo's editors keep
(SEARCH_SYNONYMS in home/demo.py).
"""

from dataclasses import dataclass

KINDS = ("word form", "compound", "typo", "several words", "synonym", "umlaut", "plain")


@dataclass(frozen=True)
class Judgement:
    query: str
    kind: str
    expected: tuple[str, ...]
    note: str


def offer(slug):
    return f"/de/hilfe-und-angebote/angebot/{slug}/"


def club(slug, event=None):
    return f"/de/vereine/{slug}/{event}/" if event else f"/de/vereine/{slug}/"


def event(slug):
    return f"/de/veranstaltungen/{slug}/"


def news(slug):
    return f"/de/neuigkeiten/{slug}/"


FAHRDIENST = offer("seniorenfahrdienst-lindenmobil")
ARZTBEGLEITUNG = offer("begleitung-zum-arzt")
EINKAUFSHILFE = offer("einkaufshilfe-im-notfall")
HAUSHALTSHILFE = offer("haushaltshilfe")
DIGITALSPRECHSTUNDE = offer("digitalsprechstunde")
SOZIALBERATUNG = offer("sozialberatung")
SCHULDNERBERATUNG = offer("schuldnerberatung")
MIETERBERATUNG = offer("mieterberatung")
FUSSPFLEGE = (offer("mobile-fusspflege"), offer("fusspflege-praxis"))
ESSEN_NACH_HAUSE = offer("essen-auf-raedern")
FAHRRADWERKSTATT = offer("fahrradwerkstatt")
REPAIR_CAFE = (offer("repair-cafe"), club("repair-cafe"))
SENIORENTREFF = club("seniorentreff-lindenkiez")
SMARTPHONE_SPRECHSTUNDE = (event("smartphone-sprechstunde"), news("smartphone-sprechstunde"))
HILFREICHES = "/de/hilfreiches/"

JUDGED_QUERIES = [
    # -- word forms: plural and singular, verb and noun --------------------------------
    Judgement(
        "Fahrdienste",
        "word form",
        (FAHRDIENST,),
        "Plural of the offer's tag „Fahrdienst“.",
    ),
    Judgement(
        "fahren",
        "word form",
        (FAHRDIENST,),
        "The verb: the driving service's „Fahrerinnen und Fahrer bringen Sie zum Arzt“.",
    ),
    Judgement(
        "Einkäufe",
        "word form",
        (EINKAUFSHILFE, HAUSHALTSHILFE),
        "Plural of „Einkauf“: the shopping help „kauft für Sie ein“; the household help lists „Einkaufen“.",
    ),
    Judgement(
        "Ärzte",
        "word form",
        (ARZTBEGLEITUNG, FAHRDIENST),
        "Plural of „Arzt“: „Begleitung zu Arzt und Amt“, the driving service brings you „zum Arzt“.",
    ),
    Judgement(
        "Steckdose",
        "word form",
        (offer("elektroreparatur"),),
        "Singular of „Steckdosen“ in the electrical repairs offer.",
    ),
    Judgement(
        "Flohmärkte",
        "word form",
        (event("flohmarkt-lindenplatz"), club("elterninitiative-kleine-linden")),
        "Plural of „Flohmarkt“: the flea market event, the parents' club runs a „Kindersachen-Flohmarkt“.",
    ),
    Judgement(
        "Hochbeet",
        "word form",
        (news("giesspaten-gesucht"),),
        "Singular of „Hochbeete“ in the article looking for people who water them.",
    ),
    Judgement(
        "Mieterhöhungen",
        "word form",
        (MIETERBERATUNG, event("mieterberatung")),
        "Plural of „Mieterhöhung“ named by the tenants' advice offer and its monthly date.",
    ),
    Judgement(
        "Babysitterin",
        "word form",
        (offer("babysitting"),),
        "Singular of „Babysitterinnen“ in the babysitting offer.",
    ),
    Judgement(
        "Behörde",
        "word form",
        (offer("begleitung-behoerden"),),
        "Singular of „Behörden“: „Begleitung zu Behörden“.",
    ),
    Judgement(
        "Antrag",
        "word form",
        (SOZIALBERATUNG, offer("pflegeberatung")),
        "Singular of „Anträgen“ (social advice); the care advice helps „beim Antrag auf einen Pflegegrad“.",
    ),
    Judgement(
        "Tür klemmt",
        "word form",
        (offer("kleinreparaturen"),),
        "The data says „Klemmende Türen“ (small repairs in the household).",
    ),
    # -- compounds, both ways -------------------------------------------------------------
    Judgement(
        "Seniorenfahrdienst",
        "compound",
        (FAHRDIENST,),
        "The offer's own title „Seniorenfahrdienst „Lindenmobil““.",
    ),
    Judgement(
        "Arztbegleitung",
        "compound",
        (ARZTBEGLEITUNG,),
        "Compound of what the offer calls „Begleitung zu Arzt und Amt“.",
    ),
    Judgement(
        "Fahrradreparatur",
        "compound",
        (FAHRRADWERKSTATT, *REPAIR_CAFE),
        "Fahrrad + Reparatur: the open bicycle workshop; the Repair-Café repairs „Fahrräder“ too.",
    ),
    Judgement(
        "Handyhilfe",
        "compound",
        (DIGITALSPRECHSTUNDE, SENIORENTREFF, *SMARTPHONE_SPRECHSTUNDE),
        "Handy + Hilfe: the digital consultation hour, „Hilfe am Smartphone“ at the seniors' club.",
    ),
    Judgement(
        "Schuldenberatung",
        "compound",
        (SCHULDNERBERATUNG, SOZIALBERATUNG),
        "Common form of „Schuldnerberatung“; the social advice helps with „Schulden“ as well.",
    ),
    Judgement(
        "Hebamme",
        "compound",
        (offer("krabbelgruppe"),),
        "A part of „Hebammensprechstunde“ in the crawling group offer.",
    ),
    Judgement(
        "Hitze",
        "compound",
        (news("kuehle-orte-im-kiez"),),
        "A part of „Hitzewarnung“ and „Hitzetage“ in the article on cool places.",
    ),
    Judgement(
        "Turnen",
        "compound",
        (club("sv-lindenkiez"),),
        "A part of „Kinderturnen“ in the sports club's summary.",
    ),
    Judgement(
        "Müll",
        "compound",
        (news("sperrmuelltag"), HILFREICHES),
        "A part of „Sperrmüll“: the bulky waste day, and „Sperrmüll anmelden“ among the helpful links.",
    ),
    # -- typos of one or two letters -------------------------------------------------------
    Judgement(
        "Fahrdinst",
        "typo",
        (FAHRDIENST,),
        "„Fahrdienst“ without its e.",
    ),
    Judgement(
        "Hausaufgabenhlife",
        "typo",
        (offer("hausaufgabenhilfe"),),
        "„Hausaufgabenhilfe“ with l and i swapped.",
    ),
    Judgement(
        "Mieterberatng",
        "typo",
        (MIETERBERATUNG, event("mieterberatung")),
        "„Mieterberatung“ without its u.",
    ),
    Judgement(
        "Schuldnerbratung",
        "typo",
        (SCHULDNERBERATUNG,),
        "„Schuldnerberatung“ without the second e.",
    ),
    Judgement(
        "Digitalsprechstude",
        "typo",
        (DIGITALSPRECHSTUNDE,),
        "„Digitalsprechstunde“ without the second n.",
    ),
    Judgement(
        "Nachbarschafshilfe",
        "typo",
        (FAHRDIENST, EINKAUFSHILFE, ARZTBEGLEITUNG, "/de/hilfe-und-angebote/"),
        "„Nachbarschaftshilfe“ without its t: the offers of the Nachbarschaftshilfe Lindenkiez, the directory.",
    ),
    Judgement(
        "Krabbelgrupe",
        "typo",
        (offer("krabbelgruppe"),),
        "„Krabbelgruppe“ with one p.",
    ),
    Judgement(
        "Seniorenfrühstük",
        "typo",
        (offer("seniorenfruehstueck"),),
        "„Seniorenfrühstück“ without its c.",
    ),
    Judgement(
        "Fahradwerkstatt",
        "typo",
        (FAHRRADWERKSTATT,),
        "„Fahrradwerkstatt“ with one r.",
    ),
    # -- several words, with stop words ---------------------------------------------------
    Judgement(
        "Hilfe beim Einkaufen",
        "several words",
        (EINKAUFSHILFE, HAUSHALTSHILFE),
        "The shopping help offer; the household help does the shopping too.",
    ),
    Judgement(
        "Begleitung zum Arzt",
        "several words",
        (ARZTBEGLEITUNG,),
        "The offer „Begleitung zu Arzt und Amt“.",
    ),
    Judgement(
        "Wer hilft mir mit dem Handy",
        "several words",
        (DIGITALSPRECHSTUNDE, SENIORENTREFF, *SMARTPHONE_SPRECHSTUNDE),
        "A question as people ask it: the digital consultation hour, the smartphone help of the seniors.",
    ),
    Judgement(
        "Essen nach Hause",
        "several words",
        (ESSEN_NACH_HAUSE,),
        "The offer „Mittagessen nach Hause“ of the Café Linde.",
    ),
    Judgement(
        "Fahrt zum Arzt",
        "several words",
        (FAHRDIENST, ARZTBEGLEITUNG),
        "The driving service brings you „zum Arzt“; the escort goes with you.",
    ),
    Judgement(
        "Was tun bei Schulden",
        "several words",
        (SCHULDNERBERATUNG, SOZIALBERATUNG),
        "The debt advice „einen Weg aus den Schulden finden“; the social advice helps with debts too.",
    ),
    Judgement(
        "Hilfe im Haushalt",
        "several words",
        (HAUSHALTSHILFE,),
        "The household help offer (cleaning, laundry, shopping).",
    ),
    Judgement(
        "Besuch für meine Mutter",
        "several words",
        (offer("besuchsdienst"),),
        "The visiting service: „Wer allein ist, bekommt auf Wunsch regelmäßig Besuch“.",
    ),
    Judgement(
        "Wo kann ich mein Fahrrad reparieren",
        "several words",
        (FAHRRADWERKSTATT, *REPAIR_CAFE),
        "The open bicycle workshop; the Repair-Café repairs bicycles too.",
    ),
    Judgement(
        "Mittagessen für Senioren",
        "several words",
        (offer("mittagstisch-st-markus"), offer("mittagstisch-cafe-linde"), ESSEN_NACH_HAUSE),
        "The two lunch tables and lunch brought home, all offered for seniors.",
    ),
    # -- synonyms (home/demo.py SEARCH_SYNONYMS) -------------------------------------------------
    Judgement(
        "Hausarzt",
        "synonym",
        (ARZTBEGLEITUNG, FAHRDIENST),
        "Arzt ~ Hausarzt: the escort and the driving service to the doctor.",
    ),
    Judgement(
        "Besorgungen",
        "synonym",
        (EINKAUFSHILFE, HAUSHALTSHILFE),
        "Besorgungen ~ Einkauf: the shopping help; the household help does the shopping too.",
    ),
    Judgement(
        "PC",
        "synonym",
        (DIGITALSPRECHSTUNDE,),
        "PC ~ Computer ~ digital: the digital consultation hour. (A swap post offers computer help too.)",
    ),
    Judgement(
        "Schreiner",
        "synonym",
        (offer("moebelreparatur"), offer("kleinreparaturen")),
        "Schreiner ~ Tischler: the offers of the Tischlerei Brandt.",
    ),
    Judgement(
        "Elektriker",
        "synonym",
        (offer("elektroreparatur"), offer("rauchmelder-service")),
        "Elektriker ~ Elektro: the offers of the Elektromeisterbetrieb Elektro Yılmaz.",
    ),
    Judgement(
        "Essen auf Rädern",
        "synonym",
        (ESSEN_NACH_HAUSE,),
        "The common name of „Mittagessen nach Hause“ (whose address says so).",
    ),
    Judgement(
        "Hartz 4",
        "synonym",
        (SOZIALBERATUNG,),
        "The old name of the Bürgergeld, which the social advice helps to apply for.",
    ),
    Judgement(
        "Podologie",
        "synonym",
        FUSSPFLEGE,
        "Podologie ~ medizinische Fußpflege: both chiropody offers.",
    ),
    # -- umlauts and ß written as ae, oe, ue, ss -------------------------------------------
    Judgement(
        "Fusspflege",
        "umlaut",
        FUSSPFLEGE,
        "„Fußpflege“ with ss.",
    ),
    Judgement(
        "Fussball",
        "umlaut",
        (club("sv-lindenkiez"),),
        "„Fußball“ with ss: the sports club.",
    ),
    Judgement(
        "Seniorenfruehstueck",
        "umlaut",
        (offer("seniorenfruehstueck"),),
        "„Seniorenfrühstück“ with ue.",
    ),
    Judgement(
        "Buergeramt",
        "umlaut",
        (HILFREICHES, offer("begleitung-behoerden")),
        "„Bürgeramt“ with ue: „Termin beim Bürgeramt“ among the helpful links, the escort to it.",
    ),
    Judgement(
        "Mieterhoehung",
        "umlaut",
        (MIETERBERATUNG, event("mieterberatung")),
        "„Mieterhöhung“ with oe: the tenants' advice and its monthly date.",
    ),
    Judgement(
        "Parkstrasse",
        "umlaut",
        (
            news("baustelle-kastanienallee"),
            news("buecherzelle-spielplatz"),
            event("laternenumzug"),
            event("kiezputz"),
        ),
        "„Parkstraße“ with ss: the news and events that take place there.",
    ),
    Judgement(
        "Tauschboerse",
        "umlaut",
        ("/de/tauschboerse/",),
        "„Tauschbörse“ with oe: the swap board.",
    ),
    Judgement(
        "Aerztlicher Bereitschaftsdienst",
        "umlaut",
        (HILFREICHES,),
        "„Ärztlicher Bereitschaftsdienst“ with Ae, number 116 117 among the helpful links.",
    ),
    # -- plain queries that work today ----------------------------------------------------
    Judgement("Fahrdienst", "plain", (FAHRDIENST,), "The offer's tag."),
    Judgement("Lindenchor", "plain", (club("lindenchor"),), "The choir's name."),
    Judgement("Sperrmüll", "plain", (news("sperrmuelltag"), HILFREICHES), "The article and the helpful link."),
    Judgement("Hausaufgabenhilfe", "plain", (offer("hausaufgabenhilfe"),), "The offer's title."),
    Judgement("Flohmarkt", "plain", (event("flohmarkt-lindenplatz"),), "The event's title."),
    Judgement("Polizei", "plain", (HILFREICHES,), "The emergency number among the helpful links."),
    Judgement(
        "Mittagstisch",
        "plain",
        (offer("mittagstisch-st-markus"), offer("mittagstisch-cafe-linde")),
        "The two offers' titles.",
    ),
]
