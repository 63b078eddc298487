import factory

from django.utils import timezone

from wagtail.models import Locale

from directory.models import Category, ConsentMethod, Offer, PriceModel, Provider, ProviderKind


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Category


class ProviderFactory(factory.django.DjangoModelFactory):
    """A public provider: live, with consent on record."""

    name = factory.Sequence(lambda n: f"Anbieter {n}")
    slug = factory.Sequence(lambda n: f"anbieter-{n}")
    kind = ProviderKind.VOLUNTEER
    summary = "Hilft im Kiez."
    email = factory.Sequence(lambda n: f"anbieter{n}@example.org")
    phone = "030 23125 999"
    street = "Teststraße 1"
    postcode = "10999"
    city = "Berlin"
    consent_given_at = factory.LazyFunction(timezone.localdate)
    consent_method = ConsentMethod.WRITTEN
    consent_recorded_by = "Test"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Provider


class OfferFactory(factory.django.DjangoModelFactory):
    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")
    summary = "Ein Angebot aus dem Kiez."
    price_model = PriceModel.FREE
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Offer
