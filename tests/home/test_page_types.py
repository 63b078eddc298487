"""The page tree: which page may live where, and that an editor can create each type."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clubs.models import ClubIndexPage
from directory.models import DirectoryPage
from helpful_links.models import HelpfulLinksPage
from home.models import HomePage, StandardPage
from news.models import EventIndexPage, NewsIndexPage


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)

    def setUp(self):
        self.login()

    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, NewsIndexPage, EventIndexPage, DirectoryPage, ClubIndexPage, HelpfulLinksPage}
        )

    def test_standard_pages_nest_below_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, HelpfulLinksPage})

    def test_editor_creates_a_standard_page_with_every_body_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Leitbild",
                    "slug": "leitbild",
                    "intro": "Wie barrierefrei diese Website ist.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
                            ("paragraph", rich_text("<p>Diese Website ist weitgehend barrierefrei.</p>")),
                            ("quote", {"text": "Endlich kann ich alles lesen.", "attribution": "Ein Nachbar"}),
                            (
                                "call_to_action",
                                {
                                    "title": "Barriere gefunden?",
                                    "text": "Schreiben Sie uns.",
                                    "link": {"page": self.home.pk, "url": ""},
                                    "button_label": "Kontakt",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="leitbild")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph", "quote", "call_to_action"])

    def test_call_to_action_needs_a_target(self):
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Ohne Ziel",
                    "slug": "ohne-ziel",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {"title": "Hier", "text": "", "link": {"page": "", "url": ""}, "button_label": "Los"},
                            )
                        ]
                    ),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StandardPage.objects.filter(slug="ohne-ziel").exists())

    def test_home_page_image_needs_a_description(self):
        from wagtail.images.models import Image

        image = Image.objects.first()
        image.description = ""  # the library's description would stand in for the page's
        image.save()
        self.home.image = image
        self.home.image_alt = " "
        with self.assertRaises(Exception) as raised:
            self.home.full_clean()
        self.assertIn("image_alt", raised.exception.message_dict)

    def test_every_page_type_renders(self):
        self.assertPageIsRenderable(self.home)
        for page in StandardPage.objects.live():
            self.assertPageIsRenderable(page)
