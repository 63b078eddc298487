"""Demo content of the home app: the fictional "Lindenkiez", its start page, the pages
every German neighbourhood site has, and the contact person on site.

Telephone numbers come from the range the Bundesnetzagentur keeps for fiction
(030 23125 xxx); e-mail addresses use example.org.
"""

from wagtail.models import Page, Site

from core.models import SearchSynonyms

from .demo_images import portrait, street_scene
from .models import HomePage, SiteSettings, StandardPage


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def publish_child(parent, model, slug, **fields):
    """Create or update the child page with this slug and publish it, so that the demo
    can be loaded again without duplicates."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def add_home_teaser(page, title, text):
    """Another page in the home page's "Gut zu wissen" section, for the builders of the
    apps after this one; once, however often the demo is loaded."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    for child in home.body:
        if child.block_type != "section" or child.value["heading"] != "Gut zu wissen":
            continue
        teasers = child.value["teasers"]
        if any(teaser["page"] and teaser["page"].pk == page.pk for teaser in teasers):
            return
        item = child.block.child_blocks["teasers"].child_block
        teasers.append(item.to_python({"page": page.pk, "title": title, "text": text}))
    home.save_revision().publish()


# The words the Quartiersbüro hears for the same thing, for the site search.
SEARCH_SYNONYMS = [
    "Arzt, Ärztin, Ärzte, Hausarzt, Hausärztin, Praxis, Arztpraxis, Doktor",
    "Einkauf, Einkaufen, Einkäufe, Besorgungen, Besorgung",
    "Computer, PC, Laptop, Tablet, Smartphone, Handy, digital, Internet",
    "Tischler, Tischlerei, Schreiner, Schreinerei",
    "Elektriker, Elektro, Elektrik, Elektroinstallateur",
    "Essen auf Rädern, Mittagessen nach Hause, Mahlzeitendienst",
    "Bürgergeld, Hartz IV, Hartz 4, ALG II",
    "Grundsicherung, Sozialhilfe",
    "Fußpflege, Podologie, Pediküre",
    "Schulden, Schuldner, Geldsorgen",
    "Senioren, Seniorinnen, Ältere, Rentner, Rentnerinnen",
    "Behörde, Amt, Ämter, Behördengang",
    "Vermieter, Vermieterin, Miete, Hausverwaltung",
    "Müll, Abfall",
    "Babysitter, Babysitterin, Babysitting, Kinderbetreuung",
]


def build(stdout=None):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")

    site.site_name = "Lindenkiez"
    site.save()

    about = publish_child(
        home,
        StandardPage,
        "ueber-uns",
        title="Über uns",
        show_in_menus=True,
        intro="Das Quartiersbüro am Lindenplatz bringt Nachbarinnen und Nachbarn zusammen.",
        search_description="Wer hinter dem Lindenkiez-Portal steht und was das Quartiersbüro macht.",
        body=[
            heading("Wer wir sind"),
            paragraph(
                "<p>Das Quartiersbüro ist ein Projekt des Nachbarschaftsvereins Lindenkiez e.&nbsp;V. "
                "Seit 2019 sind wir Anlaufstelle für alle, die im Kiez wohnen, arbeiten oder sich "
                "engagieren wollen. Wir vermitteln Hilfe im Alltag, bringen Vereine zusammen und "
                "halten dieses Portal aktuell.</p>"
            ),
            heading("Was wir machen"),
            paragraph(
                "<ul><li>Sprechstunde im Quartiersbüro, ohne Anmeldung</li>"
                "<li>Vermittlung von Nachbarschaftshilfe: Einkaufen, Fahrdienst, Begleitung</li>"
                "<li>Veranstaltungskalender für den ganzen Kiez</li>"
                "<li>Beratung für Vereine und Initiativen</li></ul>"
            ),
            {
                "type": "quote",
                "value": {
                    "text": "Seit ich das Portal kenne, weiß ich, wo im Kiez etwas los ist – "
                    "und wen ich fragen kann, wenn ich Hilfe brauche.",
                    "attribution": "Helga W., 78 Jahre, wohnt seit 1971 in der Lindenstraße",
                },
            },
            heading("Mitmachen"),
            paragraph(
                "<p>Das Portal lebt davon, dass Vereine, Initiativen und Betriebe ihre Angebote "
                "selbst eintragen. Sprechen Sie uns an – wir richten Ihnen gern einen Zugang ein.</p>"
            ),
        ],
    )
    contact = publish_child(
        home,
        StandardPage,
        "kontakt",
        title="Kontakt und Sprechstunde",
        show_in_menus=True,
        intro="Rufen Sie an, schreiben Sie uns oder kommen Sie vorbei – wir helfen gern weiter.",
        search_description="Telefon, E-Mail, Adresse und Sprechzeiten des Quartiersbüros.",
        body=[
            heading("So erreichen Sie uns"),
            paragraph(
                "<p>Sabine Kaya ist Ihre Ansprechpartnerin im Quartiersbüro am Lindenplatz 4. "
                "Sie erreichen sie telefonisch unter 030 23125 417 oder per E-Mail an "
                '<a href="mailto:quartiersbuero@example.org">quartiersbuero@example.org</a>.</p>'
            ),
            heading("Sprechstunde"),
            paragraph(
                "<p>Dienstag und Donnerstag von 10 bis 13 Uhr, Mittwoch von 15 bis 18 Uhr. "
                "Das Büro ist ebenerdig und mit dem Rollstuhl erreichbar. Wenn Sie nicht "
                "kommen können, rufen wir Sie gern zurück.</p>"
            ),
            heading("Hilfe anfragen"),
            paragraph(
                "<p>Sie brauchen Unterstützung beim Einkaufen, eine Fahrt zum Arzt oder jemanden, "
                "der mit Ihnen ein Formular ausfüllt? Rufen Sie uns an. Wir vermitteln Ihnen "
                "Nachbarinnen und Nachbarn oder Dienste aus dem Kiez, die helfen können.</p>"
            ),
        ],
    )
    imprint = publish_child(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        show_in_menus=False,
        body=[
            heading("Angaben gemäß § 5 DDG"),
            paragraph(
                "<p>Nachbarschaftsverein Lindenkiez e.&nbsp;V.<br/>Am Lindenplatz 4<br/>10999 Berlin</p>"
                "<p>Vertreten durch den Vorstand: Dr. Jens Albrecht, Aylin Demir</p>"
                "<p>Registergericht: Amtsgericht Charlottenburg, VR 00000 (fiktiv)</p>"
            ),
            heading("Kontakt"),
            paragraph(
                '<p>Telefon: 030 23125 417<br/>E-Mail: <a href="mailto:quartiersbuero@example.org">'
                "quartiersbuero@example.org</a></p>"
            ),
            heading("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
            paragraph("<p>Sabine Kaya, Am Lindenplatz 4, 10999 Berlin</p>"),
            paragraph(
                "<p><em>Dies ist eine Demonstrationsseite. Personen, Anschriften und "
                "Registereinträge sind frei erfunden.</em></p>"
            ),
        ],
    )
    privacy = publish_child(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutzerklärung",
        show_in_menus=False,
        intro="Wir erheben nur die Daten, die für den Betrieb dieses Portals nötig sind.",
        body=[
            heading("Verantwortliche Stelle"),
            paragraph(
                "<p>Nachbarschaftsverein Lindenkiez e.&nbsp;V., Am Lindenplatz 4, 10999 Berlin, "
                '<a href="mailto:datenschutz@example.org">datenschutz@example.org</a></p>'
            ),
            heading("Beim Besuch der Website"),
            paragraph(
                "<p>Diese Website lädt keine Inhalte von anderen Servern, setzt keine "
                "Analyse-Werkzeuge ein und verwendet nur technisch notwendige Cookies "
                "(Schutz von Formularen und die Anmeldung der Redaktion); die Sprache steht in der "
                "Adresse, nicht in einem Cookie. Einen Cookie-Hinweis braucht es deshalb nicht.</p>"
            ),
            heading("Welche Daten wir speichern"),
            {"type": "stored_data", "value": None},
            heading("Ihre Rechte"),
            paragraph(
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
                "der Verarbeitung Ihrer Daten sowie das Recht auf Beschwerde bei der "
                "Aufsichtsbehörde. Schreiben Sie uns einfach.</p>"
            ),
        ],
    )

    help_page = publish_child(
        home,
        StandardPage,
        "hilfe-bekommen",
        title="So bekommen Sie Hilfe",
        show_in_menus=False,
        intro="Sie brauchen Unterstützung im Alltag? So einfach geht es.",
        search_description="Hilfe im Alltag anfragen: per Telefon, im Quartiersbüro oder über das Portal.",
        body=[
            heading("1. Sagen Sie uns, was Sie brauchen"),
            paragraph(
                "<p>Rufen Sie das Quartiersbüro an (030 23125 417), kommen Sie in die Sprechstunde "
                "oder schreiben Sie über das Formular bei einem Angebot im Verzeichnis.</p>"
            ),
            heading("2. Wir suchen die passende Hilfe"),
            paragraph(
                "<p>Wir fragen bei Nachbarinnen, Vereinen und Diensten im Kiez nach, wer helfen "
                "kann. Viele Angebote sind kostenlos.</p>"
            ),
            heading("3. Sie werden angerufen"),
            paragraph("<p>Wer helfen kann, meldet sich bei Ihnen – meist innerhalb von zwei Werktagen.</p>"),
        ],
    )
    easy_versions = {}
    for source, slug, title, lines in (
        (
            about,
            "ueber-uns-leichte-sprache",
            "Über uns in Leichter Sprache",
            [
                "Wir sind das Quartiers·büro.",
                "Das Büro ist am Linden·platz 4.",
                "Wir helfen den Menschen im Linden·kiez.",
                "Zum Beispiel beim Einkaufen oder bei Briefen vom Amt.",
                "Auf dieser Internet·seite stehen Neuigkeiten aus dem Kiez.",
                "Und wer im Kiez hilft.",
            ],
        ),
        (
            contact,
            "kontakt-leichte-sprache",
            "Kontakt in Leichter Sprache",
            [
                "Sie wollen mit uns sprechen?",
                "Rufen Sie Sabine Kaya an.",
                "Die Telefon·nummer ist: 030 23125 417.",
                "Oder kommen Sie in das Quartiers·büro.",
                "Am Dienstag und am Donnerstag von 10 bis 13 Uhr.",
                "Am Mittwoch von 15 bis 18 Uhr.",
                "Das Büro hat keine Stufen.",
            ],
        ),
        (
            help_page,
            "hilfe-bekommen-leichte-sprache",
            "Hilfe bekommen in Leichter Sprache",
            [
                "Sie brauchen Hilfe?",
                "Zum Beispiel beim Einkaufen.",
                "Oder Sie brauchen eine Fahrt zum Arzt.",
                "Dann rufen Sie uns an: 030 23125 417.",
                "Wir suchen eine Person, die Ihnen hilft.",
                "Die Person ruft Sie dann an.",
                "Viele Hilfen kosten kein Geld.",
            ],
        ),
    ):
        easy_versions[source.pk] = publish_child(
            source,
            StandardPage,
            slug,
            title=title,
            show_in_menus=False,
            is_easy_language=True,
            body=[paragraph("".join(f"<p>{line}</p>" for line in lines))],
        )
    for source in (about, contact, help_page):
        source.easy_language_version = easy_versions[source.pk]
        source.save_revision().publish()
    # The home page's own, leading to the others: the easy-language sign at the top of
    # the home page is the way in for people who read easy language.
    links = "".join(
        f'<p><a linktype="page" id="{easy_versions[source.pk].pk}">{easy_versions[source.pk].title}</a></p>'
        for source in (help_page, contact, about)
    )
    home.easy_language_version = publish_child(
        home,
        StandardPage,
        "leichte-sprache",
        title="Willkommen in Leichter Sprache",
        show_in_menus=False,
        is_easy_language=True,
        body=[
            paragraph(
                "<p>Das ist die Internet·seite vom Linden·kiez.</p>"
                "<p>Hier finden Sie Hilfe im Kiez.</p>"
                "<p>Sie brauchen Hilfe? Rufen Sie uns an: 030 23125 417.</p>"
                "<p>Diese Seiten sind in Leichter Sprache:</p>" + links
            )
        ],
    )

    accessibility = publish_child(
        home,
        StandardPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        show_in_menus=False,
        intro="Wir möchten, dass alle Menschen im Lindenkiez diese Website nutzen können.",
        body=[
            heading("Stand der Vereinbarkeit mit den Anforderungen"),
            paragraph(
                "<p>Diese Website soll die Anforderungen der Barrierefreie-Informationstechnik-"
                "Verordnung (BITV 2.0) und der WCAG 2.1 auf Stufe AA erfüllen. Jede Seitenart wird "
                "bei jeder Änderung automatisch geprüft: mit dem Prüfwerkzeug axe-core, mit der "
                "Tastatur allein, bei 320 Pixel Breite und bei 200 % Vergrößerung.</p>"
            ),
            heading("Was noch nicht barrierefrei ist"),
            paragraph(
                "<ul><li>Nicht alle Seiten gibt es in Leichter Sprache. Wichtige Seiten wie "
                "„Über uns“, „Kontakt“ und „So bekommen Sie Hilfe“ gibt es in Leichter Sprache.</li>"
                "<li>Einige ältere PDF-Dokumente von Vereinen sind nicht barrierefrei. Auf Wunsch "
                "lesen wir sie Ihnen am Telefon vor.</li></ul>"
            ),
            heading("Barriere melden"),
            paragraph(
                "<p>Sie sind auf eine Barriere gestoßen? Sagen Sie es uns: telefonisch unter "
                '030 23125 417 oder per E-Mail an <a href="mailto:barrierefrei@example.org">'
                "barrierefrei@example.org</a>. Wir antworten innerhalb von zwei Wochen.</p>"
            ),
            heading("Schlichtungsverfahren"),
            paragraph(
                "<p>Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
                "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden "
                '(<a href="https://www.schlichtungsstelle-bgg.de/">www.schlichtungsstelle-bgg.de</a>).</p>'
            ),
            paragraph("<p>Diese Erklärung wurde am 21. November 2026 erstellt.</p>"),
        ],
    )

    hero = street_scene(
        "Lindenkiez Straßenzug",
        "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein",
    )
    home.title = "Willkommen im Lindenkiez"
    home.draft_title = home.title
    home.seo_title = "Ihr Nachbarschaftsportal"
    home.search_description = "Neuigkeiten, Hilfe und Angebote aus dem Lindenkiez."
    home.intro = (
        "Hier finden Sie, was in Ihrer Nachbarschaft los ist, wer im Alltag hilft und wie Sie "
        "mitmachen können. Und wenn Sie lieber mit einem Menschen sprechen: Rufen Sie uns an."
    )
    home.image = hero
    home.image_alt = "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein"
    home.body = [
        {
            "type": "section",
            "value": {
                "heading": "Gut zu wissen",
                "intro": "Die wichtigsten Seiten für den Einstieg.",
                "teasers": [
                    {
                        "page": about.pk,
                        "title": "",
                        "text": "Wer hinter dem Portal steht und was das Quartiersbüro für Sie tun kann.",
                    },
                    {
                        "page": contact.pk,
                        "title": "Hilfe anfragen",
                        "text": "Telefon, Sprechstunde und wie wir Ihnen Hilfe im Alltag vermitteln.",
                    },
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Sie brauchen Hilfe im Alltag?",
                "text": "Einkaufen, Fahrdienst, Begleitung zum Amt: Wir vermitteln Ihnen Hilfe aus der Nachbarschaft.",
                "link": {"page": contact.pk, "url": ""},
                "button_label": "So erreichen Sie uns",
            },
        },
    ]
    home.save_revision().publish()

    settings = SiteSettings.for_site(site)
    settings.contact_name = "Sabine Kaya"
    settings.contact_role = "Quartiersmanagerin"
    settings.contact_photo = portrait("Sabine Kaya", "Gezeichnetes Porträt einer Frau")
    settings.contact_phone = "030 23125 417"
    settings.contact_email = "quartiersbuero@example.org"
    settings.contact_address = "Quartiersbüro Lindenkiez\nAm Lindenplatz 4\n10999 Berlin"
    settings.office_hours = [
        {
            "type": "slot",
            "value": {"days": "Dienstag und Donnerstag", "opens": "10:00:00", "closes": "13:00:00", "note": ""},
        },
        {
            "type": "slot",
            "value": {"days": "Mittwoch", "opens": "15:00:00", "closes": "18:00:00", "note": "auch telefonisch"},
        },
    ]
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.accessibility_page = accessibility
    settings.save()
    for words in SEARCH_SYNONYMS:
        SearchSynonyms.objects.get_or_create(language="de", words=words)

    if stdout is not None:
        stdout.write(f"  home: {Page.objects.descendant_of(home).count()} pages below the home page")
