"""Demo content of the directory: the providers and offers a real neighbourhood has,
in the fictional "Lindenkiez". Every provider has its consent on record, as a real
listing must. Safe to run again: entries are found by slug and updated. The data is in
`providers.py` (categories and providers) and `offers.py`.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Site, Workflow, WorkflowContentType

from home.demo import publish_child

from ..models import Category, ConsentMethod, DirectoryPage, Offer, Provider, ProviderKind
from ..onboarding import onboard_provider
from .offers import OFFERS
from .providers import CATEGORIES, PROVIDERS

# The demo provider account: it may edit the Repair-Café's entry and offers.
DEMO_PROVIDER_EMAIL = "anbieter@lindenkiez.example"
DEMO_PROVIDER_SLUG = "repair-cafe-lindenkiez"


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
        # The summary is the page's lead: the description goes on from there.
        provider.description = "<p>Sprechen Sie uns an – wir freuen uns auf Sie.</p>"
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
        offer.description = "<p>Fragen Sie einfach an – per Formular oder Telefon.</p>"
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
