"""Demo translations, made through wagtail-localize's own machinery.

Each translation is a wagtail-localize Translation filled through its PO export and
import, exactly what an editor's "Translate" and "Upload PO file" do. Editors can
therefore open them in the translation editor and "Sync translated pages" when the
German source changes. Strings not in the dictionaries below keep the German text
(save_target falls back to the source), e.g. the slugs, so that addresses stay the same
in every language.
"""

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

HOME = {
    "en": {
        "Willkommen im Lindenkiez": "Welcome to Lindenkiez",
        "Ihr Nachbarschaftsportal": "Your neighbourhood portal",
        "Neuigkeiten, Hilfe und Angebote aus dem Lindenkiez.": "News, help and offers from Lindenkiez.",
        "Hier finden Sie, was in Ihrer Nachbarschaft los ist, wer im Alltag hilft und wie Sie mitmachen können. "
        "Und wenn Sie lieber mit einem Menschen sprechen: Rufen Sie uns an.": "Find out what is going on in your "
        "neighbourhood, who helps with everyday life and how you can join in. And if you would rather talk to a "
        "person: give us a call.",
        "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein": "Drawing of a row of houses with "
        "trees along a street in the sunshine",
        "Gut zu wissen": "Good to know",
        "Die wichtigsten Seiten für den Einstieg.": "The most important pages to start with.",
        "Sie brauchen Hilfe im Alltag?": "Do you need help with everyday life?",
        "Einkaufen, Fahrdienst, Begleitung zum Amt: Wir vermitteln Ihnen Hilfe aus der Nachbarschaft.": "Shopping, "
        "lifts, someone to go to the authorities with you: we put you in touch with help from the neighbourhood.",
        "So erreichen Sie uns": "How to reach us",
    },
    "tr": {
        "Willkommen im Lindenkiez": "Lindenkiez'e hoş geldiniz",
        "Ihr Nachbarschaftsportal": "Mahalle portalınız",
        "Neuigkeiten, Hilfe und Angebote aus dem Lindenkiez.": "Lindenkiez'den haberler, yardım ve hizmetler.",
        "Hier finden Sie, was in Ihrer Nachbarschaft los ist, wer im Alltag hilft und wie Sie mitmachen können. "
        "Und wenn Sie lieber mit einem Menschen sprechen: Rufen Sie uns an.": "Burada mahallenizde neler olduğunu, "
        "günlük hayatta kimin yardım ettiğini ve nasıl katılabileceğinizi bulursunuz. Bir insanla konuşmayı tercih "
        "ederseniz: Bizi arayın.",
        "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein": "Güneşli bir sokakta ağaçlı bir sıra "
        "evin çizimi",
        "Gut zu wissen": "Bilmekte fayda var",
        "Die wichtigsten Seiten für den Einstieg.": "Başlamak için en önemli sayfalar.",
        "Sie brauchen Hilfe im Alltag?": "Günlük hayatta yardıma mı ihtiyacınız var?",
        "Einkaufen, Fahrdienst, Begleitung zum Amt: Wir vermitteln Ihnen Hilfe aus der Nachbarschaft.": "Alışveriş, "
        "ulaşım, resmi dairelere refakat: Size mahalleden yardım buluyoruz.",
        "So erreichen Sie uns": "Bize nasıl ulaşırsınız",
    },
    "ar": {
        "Willkommen im Lindenkiez": "أهلاً بكم في ليندنكيتس",
        "Ihr Nachbarschaftsportal": "بوابة حيّكم",
        "Neuigkeiten, Hilfe und Angebote aus dem Lindenkiez.": "أخبار ومساعدة وعروض من ليندنكيتس.",
        "Hier finden Sie, was in Ihrer Nachbarschaft los ist, wer im Alltag hilft und wie Sie mitmachen können. "
        "Und wenn Sie lieber mit einem Menschen sprechen: Rufen Sie uns an.": "هنا تجدون ما يحدث في حيّكم، ومن "
        "يساعد في الحياة اليومية، وكيف يمكنكم المشاركة. وإذا كنتم تفضّلون التحدث مع شخص: اتصلوا بنا.",
        "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein": "رسم لصفّ من البيوت والأشجار على "
        "شارع مشمس",
        "Gut zu wissen": "من المفيد أن تعرفوا",
        "Die wichtigsten Seiten für den Einstieg.": "أهم الصفحات للبداية.",
        "Sie brauchen Hilfe im Alltag?": "هل تحتاجون إلى مساعدة في الحياة اليومية؟",
        "Einkaufen, Fahrdienst, Begleitung zum Amt: Wir vermitteln Ihnen Hilfe aus der Nachbarschaft.": "التسوّق، "
        "خدمة التوصيل، المرافقة إلى الدوائر الرسمية: نصلكم بمساعدة من الجيران.",
        "So erreichen Sie uns": "كيف تتواصلون معنا",
    },
    "uk": {
        "Willkommen im Lindenkiez": "Ласкаво просимо до Лінденкіцу",
        "Ihr Nachbarschaftsportal": "Ваш сусідський портал",
        "Neuigkeiten, Hilfe und Angebote aus dem Lindenkiez.": "Новини, допомога та пропозиції з Лінденкіцу.",
        "Hier finden Sie, was in Ihrer Nachbarschaft los ist, wer im Alltag hilft und wie Sie mitmachen können. "
        "Und wenn Sie lieber mit einem Menschen sprechen: Rufen Sie uns an.": "Тут ви дізнаєтеся, що відбувається "
        "у вашому районі, хто допомагає в повсякденному житті і як долучитися. А якщо хочете поговорити з "
        "людиною: зателефонуйте нам.",
        "Gezeichnete Häuserzeile mit Bäumen an einer Straße im Sonnenschein": "Малюнок ряду будинків з деревами "
        "на сонячній вулиці",
        "Gut zu wissen": "Корисно знати",
        "Die wichtigsten Seiten für den Einstieg.": "Найважливіші сторінки для початку.",
        "Sie brauchen Hilfe im Alltag?": "Вам потрібна допомога в повсякденному житті?",
        "Einkaufen, Fahrdienst, Begleitung zum Amt: Wir vermitteln Ihnen Hilfe aus der Nachbarschaft.": "Покупки, "
        "перевезення, супровід до установ: ми знайдемо вам допомогу від сусідів.",
        "So erreichen Sie uns": "Як з нами зв'язатися",
    },
}

ABOUT_EN = {
    "Über uns": "About us",
    "Wer hinter dem Lindenkiez-Portal steht und was das Quartiersbüro macht.": "Who is behind the Lindenkiez "
    "portal and what the neighbourhood office does.",
    "Das Quartiersbüro am Lindenplatz bringt Nachbarinnen und Nachbarn zusammen.": "The neighbourhood office on "
    "Lindenplatz brings neighbours together.",
    "Wer wir sind": "Who we are",
    "Das Quartiersbüro ist ein Projekt des Nachbarschaftsvereins Lindenkiez e.\xa0V. Seit 2019 sind wir "
    "Anlaufstelle für alle, die im Kiez wohnen, arbeiten oder sich engagieren wollen. Wir vermitteln Hilfe im "
    "Alltag, bringen Vereine zusammen und halten dieses Portal aktuell.": "The neighbourhood office is a project "
    "of the Lindenkiez neighbourhood association. Since 2019 we have been the place to go for everyone who lives, "
    "works or wants to get involved in the neighbourhood. We arrange help with everyday life, bring clubs together "
    "and keep this portal up to date.",
    "Was wir machen": "What we do",
    "Sprechstunde im Quartiersbüro, ohne Anmeldung": "Drop-in hours at the neighbourhood office, no appointment needed",
    "Vermittlung von Nachbarschaftshilfe: Einkaufen, Fahrdienst, Begleitung": "Arranging help from neighbours: "
    "shopping, lifts, accompaniment",
    "Veranstaltungskalender für den ganzen Kiez": "An events calendar for the whole neighbourhood",
    "Beratung für Vereine und Initiativen": "Advice for clubs and initiatives",
    "Seit ich das Portal kenne, weiß ich, wo im Kiez etwas los ist – und wen ich fragen kann, wenn ich Hilfe "
    "brauche.": "Since I have known the portal, I know what is going on in the neighbourhood – and whom to ask "
    "when I need help.",
    "Helga W., 78 Jahre, wohnt seit 1971 in der Lindenstraße": "Helga W., 78, has lived in Lindenstraße since 1971",
    "Mitmachen": "Join in",
    "Das Portal lebt davon, dass Vereine, Initiativen und Betriebe ihre Angebote selbst eintragen. Sprechen Sie "
    "uns an – wir richten Ihnen gern einen Zugang ein.": "The portal lives from clubs, initiatives and businesses "
    "entering their offers themselves. Talk to us – we will gladly set up an account for you.",
}

CONTACT_EN = {
    "Kontakt und Sprechstunde": "Contact and office hours",
    "Telefon, E-Mail, Adresse und Sprechzeiten des Quartiersbüros.": "Phone, e-mail, address and office hours of "
    "the neighbourhood office.",
    "Rufen Sie an, schreiben Sie uns oder kommen Sie vorbei – wir helfen gern weiter.": "Call us, write to us or "
    "drop by – we are happy to help.",
    "So erreichen Sie uns": "How to reach us",
    "Sabine Kaya ist Ihre Ansprechpartnerin im Quartiersbüro am Lindenplatz 4. Sie erreichen sie telefonisch unter "
    '030 23125 417 oder per E-Mail an <a id="a1">quartiersbuero@example.org</a>.': "Sabine Kaya is your contact "
    "person at the neighbourhood office, Lindenplatz 4. You can reach her by phone on 030 23125 417 or by e-mail "
    'at <a id="a1">quartiersbuero@example.org</a>.',
    "Sprechstunde": "Office hours",
    "Dienstag und Donnerstag von 10 bis 13 Uhr, Mittwoch von 15 bis 18 Uhr. Das Büro ist ebenerdig und mit dem "
    "Rollstuhl erreichbar. Wenn Sie nicht kommen können, rufen wir Sie gern zurück.": "Tuesday and Thursday from "
    "10 am to 1 pm, Wednesday from 3 pm to 6 pm. The office is step-free and wheelchair accessible. If you cannot "
    "come, we will gladly call you back.",
    "Hilfe anfragen": "Asking for help",
    "Sie brauchen Unterstützung beim Einkaufen, eine Fahrt zum Arzt oder jemanden, der mit Ihnen ein Formular "
    "ausfüllt? Rufen Sie uns an. Wir vermitteln Ihnen Nachbarinnen und Nachbarn oder Dienste aus dem Kiez, die "
    "helfen können.": "Do you need support with shopping, a lift to the doctor or someone to fill in a form with "
    "you? Call us. We put you in touch with neighbours or local services who can help.",
}

HELP_EN = {
    "So bekommen Sie Hilfe": "How to get help",
    "Hilfe im Alltag anfragen: per Telefon, im Quartiersbüro oder über das Portal.": "Asking for help with "
    "everyday life: by phone, at the neighbourhood office or through the portal.",
    "Sie brauchen Unterstützung im Alltag? So einfach geht es.": "Do you need support with everyday life? It is "
    "this simple.",
    "1. Sagen Sie uns, was Sie brauchen": "1. Tell us what you need",
    "Rufen Sie das Quartiersbüro an (030 23125 417), kommen Sie in die Sprechstunde oder schreiben Sie über das "
    "Formular bei einem Angebot im Verzeichnis.": "Call the neighbourhood office (030 23125 417), come to the "
    "office hours or write to us with the form on an offer in the directory.",
    "2. Wir suchen die passende Hilfe": "2. We look for the right help",
    "Wir fragen bei Nachbarinnen, Vereinen und Diensten im Kiez nach, wer helfen kann. Viele Angebote sind "
    "kostenlos.": "We ask neighbours, clubs and local services who can help. Many offers are free of charge.",
    "3. Sie werden angerufen": "3. You get a call",
    "Wer helfen kann, meldet sich bei Ihnen – meist innerhalb von zwei Werktagen.": "Whoever can help gets in "
    "touch with you – usually within two working days.",
}

# Directory categories (translatable snippets), by slug: name and short label.
CATEGORIES = {
    "mobilitaet": {
        "en": ("Mobility and accompaniment", "Mobility"),
        "tr": ("Ulaşım ve refakat", "Ulaşım"),
        "ar": ("التنقّل والمرافقة", "التنقّل"),
        "uk": ("Мобільність і супровід", "Мобільність"),
    },
    "alltag": {
        "en": ("Shopping and everyday life", "Everyday life"),
        "tr": ("Alışveriş ve günlük hayat", "Günlük hayat"),
        "ar": ("التسوّق والحياة اليومية", "الحياة اليومية"),
        "uk": ("Покупки й побут", "Побут"),
    },
    "gesundheit": {
        "en": ("Care and health", "Health"),
        "tr": ("Bakım ve sağlık", "Sağlık"),
        "ar": ("الرعاية والصحة", "الصحة"),
        "uk": ("Догляд і здоров'я", "Здоров'я"),
    },
    "familie": {
        "en": ("Children and family", "Family"),
        "tr": ("Çocuk ve aile", "Aile"),
        "ar": ("الأطفال والعائلة", "العائلة"),
        "uk": ("Діти й родина", "Родина"),
    },
    "beratung": {
        "en": ("Advice", "Advice"),
        "tr": ("Danışmanlık", "Danışmanlık"),
        "ar": ("الاستشارة", "الاستشارة"),
        "uk": ("Консультації", "Консультації"),
    },
}


def translate(instance, language_code, strings):
    """Create or update the translation of `instance` into the language, with the
    strings found in `strings` (German source text -> translation), and publish it.
    Returns the translated object."""
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, tool_name="Quartier demo content")
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return source.get_translated_instance(locale)
    # save_target(publish=True) publishes when the transaction commits, which for the
    # demo is after every page is built: the revision then restores the page as it was
    # before its translated children were added (numchild 0) and hides them. Saving a
    # draft and publishing it at once, as the editor's "Publish" in a request does,
    # avoids that.
    translation.save_target(publish=False)
    translated = source.get_translated_instance(locale)
    translated.get_latest_revision().publish()
    return translated


def build(stdout=None):
    from directory.models import Category

    home = Site.objects.get(is_default_site=True).root_page
    for language_code, strings in HOME.items():
        translate(home, language_code, strings)
    for slug, strings in (("ueber-uns", ABOUT_EN), ("kontakt", CONTACT_EN), ("hilfe-bekommen", HELP_EN)):
        page = Page.objects.get(slug=slug, locale__language_code="de", depth=3)
        translate(page, "en", strings)
    for category in Category.objects.filter(locale__language_code="de", slug__in=CATEGORIES):
        for language_code, (name, short_label) in CATEGORIES[category.slug].items():
            translate(category, language_code, {category.name: name, category.short_label: short_label})
    if stdout:
        stdout.write("Demo translations: home page in English, Turkish, Arabic and Ukrainian; about, contact and")
        stdout.write("'So bekommen Sie Hilfe' in English; five directory categories in all four languages.")
