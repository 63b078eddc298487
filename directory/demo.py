"""Demo content of the directory: the providers and offers a real neighbourhood has,
in the fictional "Lindenkiez". Every provider has its consent on record, as a real
listing must. Safe to run again: entries are found by slug and updated.

Telephone numbers come from the range kept for fiction (030 23125 xxx); e-mail
addresses use example.org.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Site, Workflow, WorkflowContentType

from home.demo import publish_child

from .models import Category, ConsentMethod, DirectoryPage, Offer, PriceModel, Provider, ProviderKind
from .onboarding import onboard_provider

# The demo provider account: it may edit the Repair-Café's entry and offers.
DEMO_PROVIDER_EMAIL = "anbieter@lindenkiez.example"
DEMO_PROVIDER_SLUG = "repair-cafe-lindenkiez"

CATEGORIES = [
    ("mobilitaet", "Mobilität und Begleitung", "Mobil"),
    ("alltag", "Einkaufen und Alltag", "Alltag"),
    ("gesundheit", "Pflege und Gesundheit", "Gesundheit"),
    ("familie", "Kinder und Familie", "Familie"),
    ("handwerk", "Handwerk und Reparatur", "Handwerk"),
    ("essen", "Essen und Treffpunkte", "Essen"),
    ("beratung", "Beratung", "Beratung"),
    ("lernen", "Lernen und Sprache", "Lernen"),
    ("digitales", "Digitales", "Digital"),
]

V, C, INST, B = ProviderKind.VOLUNTEER, ProviderKind.CLUB, ProviderKind.INSTITUTION, ProviderKind.BUSINESS

# slug, name, kind, summary, e-mail, phone, street, hours, accessibility, languages, categories, tags
PROVIDERS = [
    (
        "nachbarschaftshilfe-lindenkiez",
        "Nachbarschaftshilfe Lindenkiez e. V.",
        V,
        "Ehrenamtliche aus dem Kiez helfen älteren und kranken Nachbarinnen und Nachbarn im Alltag.",
        "hilfe@nachbarschaftshilfe.example.org",
        "030 23125 420",
        "Am Lindenplatz 4",
        "Dienstag und Donnerstag 10–13 Uhr\nMittwoch 15–18 Uhr",
        "Ebenerdiger Zugang, barrierefreie Toilette",
        "Deutsch, Türkisch, Polnisch",
        ["mobilitaet", "alltag"],
        ["Ehrenamt", "Senioren"],
    ),
    (
        "elterninitiative-kleine-linden",
        "Elterninitiative Kleine Linden",
        C,
        "Eltern aus dem Kiez organisieren Kinderbetreuung, Spielgruppen und gegenseitige Hilfe.",
        "kontakt@kleine-linden.example.org",
        "030 23125 431",
        "Birkenweg 12",
        "Montag bis Freitag 8–16 Uhr",
        "Kinderwagengerechter Eingang über den Hof",
        "Deutsch, Englisch, Arabisch",
        ["familie"],
        ["Kinder", "Eltern"],
    ),
    (
        "fusspflege-albers",
        "Fußpflege Petra Albers",
        B,
        "Medizinische Fußpflege in der Praxis und bei Ihnen zu Hause.",
        "praxis@fusspflege-albers.example.org",
        "030 23125 442",
        "Lindenstraße 38",
        "Montag bis Donnerstag 9–17 Uhr\nFreitag 9–13 Uhr",
        "Praxis im Erdgeschoss, eine Stufe mit Rampe",
        "Deutsch",
        ["gesundheit"],
        ["Fußpflege", "Hausbesuch"],
    ),
    (
        "tischlerei-brandt",
        "Tischlerei Brandt",
        B,
        "Familienbetrieb seit 1987: Reparaturen rund um Möbel, Türen und Fenster.",
        "",
        "030 23125 453",
        "Hinterhof Kastanienallee 7",
        "Montag bis Freitag 7–16 Uhr",
        "Werkstatt im Hof, ebenerdig",
        "Deutsch",
        ["handwerk"],
        ["Reparatur", "Holz"],
    ),
    (
        "lernwerkstatt-lindenkiez",
        "Lernwerkstatt Lindenkiez",
        V,
        "Studierende und Ruheständler helfen Schulkindern bei den Hausaufgaben.",
        "lernen@lernwerkstatt.example.org",
        "030 23125 464",
        "Schulstraße 3",
        "Montag bis Donnerstag 14–17 Uhr",
        "Raum im 1. Stock, Aufzug vorhanden",
        "Deutsch, Englisch, Russisch",
        ["lernen", "familie"],
        ["Schule", "Nachhilfe"],
    ),
    (
        "repair-cafe-lindenkiez",
        "Repair-Café Lindenkiez",
        C,
        "Gemeinsam reparieren statt wegwerfen: Elektrogeräte, Kleidung, Fahrräder.",
        "repair@lindenkiez.example.org",
        "030 23125 475",
        "Am Lindenplatz 4",
        "Jeden ersten und dritten Samstag 11–15 Uhr",
        "Ebenerdiger Zugang",
        "Deutsch, Englisch",
        ["handwerk"],
        ["Reparatur", "Nachhaltigkeit"],
    ),
    (
        "kirchengemeinde-st-markus",
        "Evangelische Kirchengemeinde St. Markus",
        INST,
        "Offene Gemeinde mit Mittagstisch, Seniorenfrühstück und Besuchsdienst.",
        "buero@st-markus.example.org",
        "030 23125 486",
        "Markusplatz 1",
        "Gemeindebüro: Dienstag 10–12 Uhr, Donnerstag 15–18 Uhr",
        "Gemeindesaal stufenlos über den Seiteneingang",
        "Deutsch",
        ["essen"],
        ["Mittagstisch", "Treffpunkt"],
    ),
    (
        "sozialberatung-diakonie",
        "Sozialberatung der Diakonie im Lindenkiez",
        INST,
        "Kostenlose Beratung bei Geldsorgen, Anträgen, Wohnungsproblemen und Schulden.",
        "sozialberatung@diakonie-lindenkiez.example.org",
        "030 23125 497",
        "Ulmenstraße 21",
        "Montag 9–12 Uhr offene Sprechstunde\nMittwoch 13–17 Uhr nach Vereinbarung",
        "Aufzug, barrierefreie Toilette, Induktionsschleife im Beratungsraum",
        "Deutsch, Türkisch, Arabisch, Englisch",
        ["beratung"],
        ["Anträge", "Schulden"],
    ),
    (
        "mieterberatung-lindenkiez",
        "Mieterinitiative Lindenkiez",
        C,
        "Nachbarinnen und Nachbarn beraten sich gegenseitig zu Mieterhöhung, Nebenkosten und Mängeln.",
        "mieten@lindenkiez.example.org",
        "030 23125 508",
        "Am Lindenplatz 4",
        "Jeden zweiten Dienstag 18–20 Uhr",
        "Ebenerdiger Zugang",
        "Deutsch, Türkisch",
        ["beratung"],
        ["Miete", "Wohnen"],
    ),
    (
        "stadtteilbibliothek",
        "Stadtteilbibliothek am Lindenplatz",
        INST,
        "Bücher, Medien, ruhige Arbeitsplätze und Hilfe rund um Smartphone und Internet.",
        "bibliothek-lindenplatz@example.org",
        "030 23125 519",
        "Lindenplatz 9",
        "Dienstag bis Freitag 10–19 Uhr\nSamstag 10–14 Uhr",
        "Stufenloser Eingang, Aufzug, Großdruckbücher und Vorlesegerät",
        "Deutsch, Englisch",
        ["digitales", "lernen"],
        ["Bücher", "Internet"],
    ),
    (
        "pflegedienst-lindenhof",
        "Pflegedienst Lindenhof",
        B,
        "Ambulanter Pflegedienst mit Haushaltshilfe und Beratung für Angehörige.",
        "info@pflegedienst-lindenhof.example.org",
        "030 23125 520",
        "Eschenweg 5",
        "Montag bis Freitag 8–18 Uhr, Bereitschaft rund um die Uhr",
        "Büro im Erdgeschoss",
        "Deutsch, Polnisch, Russisch",
        ["gesundheit", "alltag"],
        ["Pflege", "Senioren"],
    ),
    (
        "elektro-yilmaz",
        "Elektro Yılmaz",
        B,
        "Elektromeisterbetrieb für kleine und große Aufträge im Haushalt.",
        "auftrag@elektro-yilmaz.example.org",
        "030 23125 531",
        "Kastanienallee 19",
        "Montag bis Freitag 7:30–16:30 Uhr",
        "Ladengeschäft mit einer Stufe",
        "Deutsch, Türkisch",
        ["handwerk"],
        ["Elektrik", "Reparatur"],
    ),
    (
        "cafe-linde",
        "Café Linde – Inklusionsbetrieb",
        B,
        "Café mit Mittagstisch, in dem Menschen mit und ohne Behinderung zusammenarbeiten.",
        "hallo@cafe-linde.example.org",
        "030 23125 542",
        "Lindenstraße 2",
        "Montag bis Samstag 9–18 Uhr",
        "Stufenlos, barrierefreie Toilette, Speisekarte in Großdruck",
        "Deutsch, Englisch",
        ["essen"],
        ["Café", "Mittagessen"],
    ),
    (
        "willkommen-im-kiez",
        "Willkommensinitiative Lindenkiez",
        V,
        "Ehrenamtliche begleiten Menschen, die neu im Kiez sind – bei Behörden, beim Deutschlernen, im Alltag.",
        "willkommen@lindenkiez.example.org",
        "030 23125 553",
        "Am Lindenplatz 4",
        "Donnerstag 16–19 Uhr",
        "Ebenerdiger Zugang",
        "Deutsch, Arabisch, Farsi, Ukrainisch, Englisch",
        ["lernen", "mobilitaet"],
        ["Sprache", "Begleitung"],
    ),
    (
        "familienzentrum-lindenkiez",
        "Familienzentrum Lindenkiez",
        INST,
        "Treffpunkt und Beratung für Familien mit kleinen Kindern, getragen vom Bezirk.",
        "familienzentrum@example.org",
        "030 23125 564",
        "Birkenweg 20",
        "Montag bis Freitag 9–17 Uhr",
        "Stufenlos, Wickelraum, Kinderwagenstellplatz",
        "Deutsch, Türkisch, Arabisch",
        ["familie", "beratung"],
        ["Familie", "Beratung"],
    ),
]

FREE, HOURLY, FLAT, DONATION, ON_REQUEST = (
    PriceModel.FREE,
    PriceModel.HOURLY,
    PriceModel.FLAT,
    PriceModel.DONATION,
    PriceModel.ON_REQUEST,
)

# provider, slug, title, summary, category, price model, amount, price note, target groups, tags
OFFERS = [
    (
        "nachbarschaftshilfe-lindenkiez",
        "seniorenfahrdienst-lindenmobil",
        "Seniorenfahrdienst „Lindenmobil“",
        "Ehrenamtliche Fahrerinnen und Fahrer bringen Sie zum Arzt, zur Apotheke oder zum Amt und wieder nach Hause.",
        "mobilitaet",
        FREE,
        None,
        "Bitte zwei Tage vorher anmelden",
        ["seniors", "disabilities"],
        ["Fahrdienst"],
    ),
    (
        "nachbarschaftshilfe-lindenkiez",
        "einkaufshilfe-im-notfall",
        "Einkaufshilfe im Notfall",
        "Wenn Sie krank sind oder nicht aus dem Haus können, kauft jemand aus der Nachbarschaft für Sie ein.",
        "alltag",
        FREE,
        None,
        "Sie bezahlen nur den Einkauf",
        ["seniors", "everyone"],
        ["Einkaufen"],
    ),
    (
        "nachbarschaftshilfe-lindenkiez",
        "begleitung-zum-arzt",
        "Begleitung zu Arzt und Amt",
        "Jemand geht mit Ihnen zum Termin, hilft beim Ausfüllen und hört mit zu.",
        "mobilitaet",
        FREE,
        None,
        "",
        ["seniors", "newcomers"],
        ["Begleitung"],
    ),
    (
        "elterninitiative-kleine-linden",
        "babysitting",
        "Babysitting von Eltern für Eltern",
        "Geprüfte Babysitterinnen und Babysitter aus der Elterninitiative betreuen Ihr Kind am Abend.",
        "familie",
        HOURLY,
        Decimal("10.00"),
        "Für Mitglieder 8 € pro Stunde",
        ["families", "children"],
        ["Babysitter"],
    ),
    (
        "elterninitiative-kleine-linden",
        "spielgruppe",
        "Offene Spielgruppe",
        "Spielen, singen und andere Eltern kennenlernen – für Kinder von 1 bis 3 Jahren mit einem Elternteil.",
        "familie",
        FREE,
        None,
        "",
        ["families", "children"],
        ["Spielgruppe"],
    ),
    (
        "fusspflege-albers",
        "mobile-fusspflege",
        "Mobile Fußpflege",
        "Medizinische Fußpflege bei Ihnen zu Hause, auch im Pflegeheim.",
        "gesundheit",
        HOURLY,
        Decimal("42.00"),
        "zuzüglich 5 € Anfahrt",
        ["seniors", "disabilities"],
        ["Hausbesuch"],
    ),
    (
        "fusspflege-albers",
        "fusspflege-praxis",
        "Fußpflege in der Praxis",
        "Nagelpflege, Hornhaut, Hühneraugen – mit Termin, ohne lange Wartezeit.",
        "gesundheit",
        FLAT,
        Decimal("34.00"),
        "pro Behandlung, etwa 45 Minuten",
        ["everyone"],
        ["Fußpflege"],
    ),
    (
        "tischlerei-brandt",
        "kleinreparaturen",
        "Kleinreparaturen im Haushalt",
        "Klemmende Türen, lockere Scharniere, ein neues Regal: Wir kommen auch für kleine Aufträge.",
        "handwerk",
        HOURLY,
        Decimal("55.00"),
        "zuzüglich Material",
        ["everyone"],
        ["Handwerker"],
    ),
    (
        "tischlerei-brandt",
        "moebelreparatur",
        "Möbel reparieren und aufarbeiten",
        "Erbstücke und Lieblingsmöbel werden wieder stabil und schön.",
        "handwerk",
        ON_REQUEST,
        None,
        "Kostenvoranschlag kostenlos",
        ["everyone"],
        ["Möbel"],
    ),
    (
        "lernwerkstatt-lindenkiez",
        "hausaufgabenhilfe",
        "Hausaufgabenhilfe",
        "Nach der Schule gemeinsam Hausaufgaben machen, in kleinen Gruppen mit festen Betreuern.",
        "lernen",
        FREE,
        None,
        "",
        ["children", "families"],
        ["Schule"],
    ),
    (
        "lernwerkstatt-lindenkiez",
        "lesepaten",
        "Lesepatenschaft",
        "Eine Lesepatin oder ein Lesepate liest einmal pro Woche mit Ihrem Kind.",
        "lernen",
        FREE,
        None,
        "",
        ["children", "newcomers"],
        ["Lesen"],
    ),
    (
        "repair-cafe-lindenkiez",
        "repair-cafe",
        "Repair-Café",
        "Bringen Sie Ihr kaputtes Gerät mit – wir reparieren es gemeinsam mit Ihnen.",
        "handwerk",
        DONATION,
        None,
        "Kaffee und Kuchen gibt es auch",
        ["everyone"],
        ["Reparatur"],
    ),
    (
        "repair-cafe-lindenkiez",
        "fahrradwerkstatt",
        "Offene Fahrradwerkstatt",
        "Werkzeug, Ersatzteile und Menschen, die wissen, wie es geht.",
        "handwerk",
        DONATION,
        Decimal("5.00"),
        "Ersatzteile zum Selbstkostenpreis",
        ["everyone", "children"],
        ["Fahrrad"],
    ),
    (
        "kirchengemeinde-st-markus",
        "mittagstisch-st-markus",
        "Mittagstisch im Gemeindesaal",
        "Jeden Werktag ein warmes Mittagessen in Gesellschaft, vegetarisch und mit Fleisch.",
        "essen",
        FLAT,
        Decimal("3.50"),
        "Wer nicht zahlen kann, isst trotzdem mit",
        ["seniors", "everyone"],
        ["Mittagstisch"],
    ),
    (
        "kirchengemeinde-st-markus",
        "seniorenfruehstueck",
        "Seniorenfrühstück",
        "Jeden Mittwoch gemeinsam frühstücken, mit Zeitung und Gespräch.",
        "essen",
        DONATION,
        None,
        "",
        ["seniors"],
        ["Frühstück"],
    ),
    (
        "kirchengemeinde-st-markus",
        "besuchsdienst",
        "Besuchsdienst",
        "Wer allein ist, bekommt auf Wunsch regelmäßig Besuch zum Reden, Spazierengehen oder Vorlesen.",
        "alltag",
        FREE,
        None,
        "",
        ["seniors"],
        ["Besuch", "Einsamkeit"],
    ),
    (
        "sozialberatung-diakonie",
        "sozialberatung",
        "Sozialberatung",
        "Hilfe bei Anträgen auf Bürgergeld, Wohngeld, Grundsicherung und bei Briefen vom Amt.",
        "beratung",
        FREE,
        None,
        "",
        ["everyone", "newcomers"],
        ["Beratung", "Anträge"],
    ),
    (
        "sozialberatung-diakonie",
        "schuldnerberatung",
        "Schuldnerberatung",
        "Vertraulich und kostenlos: gemeinsam einen Weg aus den Schulden finden.",
        "beratung",
        FREE,
        None,
        "Wartezeit etwa drei Wochen",
        ["everyone"],
        ["Schulden"],
    ),
    (
        "mieterberatung-lindenkiez",
        "mieterberatung",
        "Mieterberatung von Nachbarn",
        "Mieterhöhung, Nebenkostenabrechnung, Schimmel? Wir schauen gemeinsam auf Ihre Unterlagen.",
        "beratung",
        FREE,
        None,
        "Für eine Rechtsberatung vermitteln wir an den Mieterverein",
        ["everyone"],
        ["Miete"],
    ),
    (
        "stadtteilbibliothek",
        "digitalsprechstunde",
        "Digitalsprechstunde",
        "Fragen zu Smartphone, Tablet, E-Mail oder Online-Terminen? Ehrenamtliche Digitallotsen helfen.",
        "digitales",
        FREE,
        None,
        "",
        ["seniors", "newcomers"],
        ["Smartphone", "Internet"],
    ),
    (
        "stadtteilbibliothek",
        "vorlesestunde",
        "Vorlesestunde für Kinder",
        "Jeden Freitag um 16 Uhr: Geschichten für Kinder von 4 bis 8 Jahren.",
        "familie",
        FREE,
        None,
        "",
        ["children", "families"],
        ["Vorlesen"],
    ),
    (
        "pflegedienst-lindenhof",
        "haushaltshilfe",
        "Haushaltshilfe",
        "Putzen, Wäsche, Einkaufen – abrechenbar über den Entlastungsbetrag der Pflegekasse.",
        "alltag",
        HOURLY,
        Decimal("36.50"),
        "Abrechnung mit der Pflegekasse möglich",
        ["seniors", "disabilities"],
        ["Haushalt"],
    ),
    (
        "pflegedienst-lindenhof",
        "pflegeberatung",
        "Pflegeberatung für Angehörige",
        "Beratung nach § 37.3 SGB XI und Hilfe beim Antrag auf einen Pflegegrad.",
        "gesundheit",
        FREE,
        None,
        "",
        ["seniors", "families"],
        ["Pflege"],
    ),
    (
        "elektro-yilmaz",
        "elektroreparatur",
        "Elektroreparaturen im Haushalt",
        "Steckdosen, Lampen, Sicherungen: schnelle Hilfe vom Meisterbetrieb.",
        "handwerk",
        HOURLY,
        Decimal("58.00"),
        "Anfahrt im Kiez kostenlos",
        ["everyone"],
        ["Elektrik"],
    ),
    (
        "elektro-yilmaz",
        "rauchmelder-service",
        "Rauchmelder einbauen und prüfen",
        "Wir bringen Rauchmelder an und prüfen sie jährlich.",
        "handwerk",
        FLAT,
        Decimal("25.00"),
        "pro Melder inklusive Gerät",
        ["seniors", "everyone"],
        ["Sicherheit"],
    ),
    (
        "cafe-linde",
        "mittagstisch-cafe-linde",
        "Mittagstisch im Café Linde",
        "Täglich ein frisch gekochtes Gericht, auch vegan, in einem Café, das Inklusion lebt.",
        "essen",
        FLAT,
        Decimal("7.90"),
        "Suppe vorab inklusive",
        ["everyone", "disabilities"],
        ["Mittagessen"],
    ),
    (
        "cafe-linde",
        "essen-auf-raedern",
        "Mittagessen nach Hause",
        "Wir bringen Ihnen das Mittagessen warm bis an die Wohnungstür.",
        "essen",
        FLAT,
        Decimal("9.40"),
        "inklusive Lieferung im Kiez",
        ["seniors", "disabilities"],
        ["Lieferung"],
    ),
    (
        "willkommen-im-kiez",
        "sprachcafe",
        "Sprachcafé",
        "Deutsch sprechen üben bei Tee und Gebäck – alle Niveaus willkommen.",
        "lernen",
        FREE,
        None,
        "",
        ["newcomers", "everyone"],
        ["Deutsch", "Sprache"],
    ),
    (
        "willkommen-im-kiez",
        "begleitung-behoerden",
        "Begleitung zu Behörden",
        "Wir begleiten Sie zu Bürgeramt, Jobcenter oder Ausländerbehörde und übersetzen, wenn nötig.",
        "mobilitaet",
        FREE,
        None,
        "",
        ["newcomers"],
        ["Begleitung", "Dolmetschen"],
    ),
    (
        "familienzentrum-lindenkiez",
        "familienberatung",
        "Familien- und Erziehungsberatung",
        "Wenn es zu Hause schwierig wird: vertrauliche Beratung für Eltern und Jugendliche.",
        "beratung",
        FREE,
        None,
        "",
        ["families", "children"],
        ["Erziehung"],
    ),
    (
        "familienzentrum-lindenkiez",
        "krabbelgruppe",
        "Krabbelgruppe",
        "Für Babys bis 12 Monate und ihre Eltern, mit Hebammensprechstunde.",
        "familie",
        FREE,
        None,
        "",
        ["families"],
        ["Baby"],
    ),
]


def _moderate_providers_and_offers():
    """Put providers and offers through the same approval as pages: volunteers submit,
    the neighbourhood manager approves (Settings → Workflows in the admin)."""
    workflow = (
        Workflow.objects.filter(active=True, workflow_pages__page__depth=1).first()
        or Workflow.objects.filter(active=True).first()
    )
    if workflow is None:
        return
    for model in (Provider, Offer):
        WorkflowContentType.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )


def _publish(snippet):
    snippet.save()
    snippet.save_revision().publish()
    return snippet


def build(stdout=None):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    locale = Locale.get_default()
    today = timezone.localdate()

    publish_child(
        home,
        DirectoryPage,
        "hilfe-und-angebote",
        title="Hilfe und Angebote",
        show_in_menus=True,
        intro=(
            "Wer im Lindenkiez hilft womit? Hier finden Sie Nachbarschaftshilfe, Vereine, "
            "Beratungsstellen und Betriebe aus dem Kiez – und können direkt eine Anfrage stellen."
        ),
        community_intro="Ehrenamtliche, Vereine und soziale Einrichtungen: oft kostenlos oder gegen eine Spende.",
        business_intro="Betriebe aus dem Kiez mit festen Preisen. Sie haben der Aufnahme ausdrücklich zugestimmt.",
        search_description="Nachbarschaftshilfe, Beratung und Betriebe im Lindenkiez finden und anfragen.",
    )

    categories = {}
    for position, (slug, name, short_label) in enumerate(CATEGORIES):
        category = Category.objects.filter(slug=slug, locale=locale).first() or Category(slug=slug, locale=locale)
        category.name, category.short_label, category.sort_order = name, short_label, position
        category.save()
        categories[slug] = category

    providers = {}
    for index, row in enumerate(PROVIDERS):
        slug, name, kind, summary, email, phone, street, hours, access, languages, cats, tags = row
        provider = Provider.objects.filter(slug=slug, locale=locale).first() or Provider(slug=slug, locale=locale)
        provider.name, provider.kind, provider.summary = name, kind, summary
        provider.description = f"<p>{summary}</p><p>Sprechen Sie uns an – wir freuen uns auf Sie.</p>"
        provider.email, provider.phone, provider.street = email, phone, street
        provider.postcode, provider.city = "10999", "Berlin"
        provider.contact_name = ""
        provider.opening_hours, provider.accessibility, provider.languages = hours, access, languages
        provider.consent_given_at = today - timedelta(days=30 + 7 * index)
        provider.consent_method = ConsentMethod.WRITTEN if kind == ProviderKind.BUSINESS else ConsentMethod.EMAIL
        provider.consent_recorded_by = "Sabine Kaya"
        provider.review_due = today + timedelta(days=180 - 20 * index)
        provider.categories.set([categories[c] for c in cats])
        provider.tags.set(tags)
        providers[slug] = _publish(provider)

    for provider_slug, slug, title, summary, category, model, amount, note, groups, tags in OFFERS:
        offer = Offer.objects.filter(slug=slug, locale=locale).first() or Offer(slug=slug, locale=locale)
        offer.provider = providers[provider_slug]
        offer.title, offer.summary, offer.category = title, summary, categories[category]
        offer.description = f"<p>{summary}</p><p>Fragen Sie einfach an – per Formular oder Telefon.</p>"
        offer.price_model, offer.price_amount, offer.price_note = model, amount, note
        for group in ("seniors", "families", "children", "disabilities", "newcomers", "everyone"):
            setattr(offer, f"for_{group}", group in groups)
        offer.area_served = "Lindenkiez und Umgebung"
        offer.tags.set(tags)
        _publish(offer)

    _moderate_providers_and_offers()

    provider = providers[DEMO_PROVIDER_SLUG]
    if not provider.accounts.filter(email=DEMO_PROVIDER_EMAIL).exists():
        onboard_provider(provider, DEMO_PROVIDER_EMAIL, contact_name="Peter Schulz", invite=False)

    if stdout is not None:
        stdout.write(
            f"  directory: {len(PROVIDERS)} providers, {len(OFFERS)} offers, {len(CATEGORIES)} categories, "
            "1 demo provider account"
        )
