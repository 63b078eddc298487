import factory
import wagtail_factories

from wagtail.models import Locale

from helpful_links.models import HelpfulLink, HelpfulLinksPage, LinkCategory


class LinkCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    sort_order = factory.Sequence(int)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = LinkCategory


class HelpfulLinksPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Linksammlung {n}")
    slug = factory.Sequence(lambda n: f"links-{n}")
    intro = "Nützliches für den Alltag."

    class Meta:
        model = HelpfulLinksPage


class HelpfulLinkFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(HelpfulLinksPageFactory)
    category = factory.SubFactory(LinkCategoryFactory)
    title = factory.Sequence(lambda n: f"Link {n}")
    url = factory.Sequence(lambda n: f"https://service-{n}.example.org/")
    description = "Eine Zeile Beschreibung."
    sort_order = factory.Sequence(int)

    class Meta:
        model = HelpfulLink
