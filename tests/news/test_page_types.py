"""Where news and event pages may live, that editors can create them with every field,
preview them, and find them in the admin listings."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clubs.models import ClubPage
from home.models import HomePage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.news.factories import NewsPageFactory


class NewsPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.news_index = NewsIndexPage.objects.get(slug="neuigkeiten")
        cls.calendar = EventIndexPage.objects.get(slug="veranstaltungen")

    def setUp(self):
        self.user = self.login()

    def test_allowed_parents_and_children(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, ClubPage})
        self.assertAllowedSubpageTypes(EventPage, {})
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsPage)

    def test_editor_creates_an_article_with_tags_and_body(self):
        self.assertCanCreate(
            self.news_index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Neuer Spielplatz",
                    "slug": "neuer-spielplatz",
                    "date": timezone.localdate().isoformat(),
                    "relevant_until": "",
                    "teaser": "Der Spielplatz in der Parkstraße ist fertig.",
                    "image_alt": "",
                    "tags": "Kinder, Familie",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Eröffnung", "level": "h2"}),
                            ("paragraph", rich_text("<p>Am Samstag wird gefeiert.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = NewsPage.objects.get(slug="neuer-spielplatz")
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["Familie", "Kinder"])

    def test_editor_creates_a_repeating_event_with_a_cancelled_date(self):
        start = timezone.localtime() + timedelta(days=7)
        self.assertCanCreate(
            self.calendar,
            EventPage,
            nested_form_data(
                {
                    "title": "Lauftreff",
                    "slug": "lauftreff",
                    "teaser": "Gemeinsam laufen, jedes Tempo ist willkommen.",
                    "start": start.strftime("%Y-%m-%d 18:00"),
                    "end": start.strftime("%Y-%m-%d 19:00"),
                    "all_day": "",
                    "repeat": "weekly",
                    "repeat_interval": "1",
                    "repeat_until": "",
                    "repeat_count": "10",
                    "exceptions": inline_formset(
                        [{"date": (start + timedelta(weeks=2)).strftime("%Y-%m-%d"), "reason": "Stadtlauf"}]
                    ),
                    "place_name": "Parkeingang",
                    "address": "",
                    "organiser_name": "Lauftreff Lindenkiez",
                    "organiser_url": "",
                    "is_free": "on",
                    "price": "",
                    "price_note": "",
                    "registration_info": "",
                    "accessibility": "",
                    "image_alt": "",
                    "tags": "Sport",
                    "body": streamfield([]),
                }
            ),
        )
        page = EventPage.objects.get(slug="lauftreff")
        self.assertEqual(page.repeat_count, 10)
        self.assertEqual([exception.reason for exception in page.exceptions.all()], ["Stadtlauf"])
        self.assertEqual(page.local_start.hour, 18)
        self.assertIsNotNone(page.series_ends_at)

    def test_every_page_type_renders_and_previews(self):
        article = NewsPage.objects.get(slug="neue-baenke-lindenplatz")
        event = EventPage.objects.get(slug="nachbarschaftscafe")
        for page in [self.news_index, self.calendar, article, event]:
            self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(self.news_index)
        self.assertPageIsPreviewable(self.calendar)
        # The edit form's StreamField is drawn by JavaScript, so the test cannot read
        # it from the HTML: the preview gets the data an editor would send.
        self.assertPageIsPreviewable(
            article,
            post_data=nested_form_data(
                {
                    "title": "Vorschau der Bänke",
                    "slug": article.slug,
                    "date": article.date.isoformat(),
                    "teaser": article.teaser,
                    "tags": "Lindenplatz",
                    "body": streamfield([("paragraph", rich_text("<p>Entwurf</p>"))]),
                }
            ),
        )
        self.assertPageIsPreviewable(
            event,
            post_data=nested_form_data(
                {
                    "title": "Vorschau Café",
                    "slug": event.slug,
                    "teaser": event.teaser,
                    "start": event.local_start.strftime("%Y-%m-%d %H:%M"),
                    "end": event.local_end.strftime("%Y-%m-%d %H:%M"),
                    "repeat": "weekly",
                    "repeat_interval": "1",
                    "exceptions": inline_formset([]),
                    "is_free": "on",
                    "tags": "",
                    "body": streamfield([]),
                }
            ),
        )

    def test_admin_listings_show_dates_tags_and_expiry(self):
        response = self.client.get("/admin/news_articles/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Hitzewarnung: Hier finden Sie kühle Orte im Kiez", html)
        self.assertIn("nicht mehr aktuell seit", html)
        self.assertIn("abgelaufen", html)
        self.assertIn("Lindenplatz, Senioren", html)

        expired = self.client.get("/admin/news_articles/", {"relevance": "expired"}).content.decode()
        self.assertIn("kühle Orte", expired)
        self.assertNotIn("Neue Bänke auf dem Lindenplatz", expired)

        events = self.client.get("/admin/events/", {"timing": "past"})
        self.assertEqual(events.status_code, 200)
        self.assertIn("Kiezputz", events.content.decode())
        self.assertNotIn("Flohmarkt auf dem Lindenplatz", events.content.decode())
        self.assertIn("jeden Dienstag", self.client.get("/admin/events/").content.decode())

    def test_admin_listing_reads_tags_once_for_all_rows(self):
        """Wagtail and wagtail-localize add per-row queries of their own to page listings
        (translation buttons); the tag column must not add more."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def tag_queries():
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/admin/news_articles/")
            return [query for query in queries if "taggit_tag" in query["sql"]]

        tag_queries()
        small = tag_queries()
        for _ in range(20):
            NewsPageFactory(parent=self.news_index, tags=["Umwelt", "Kinder"])
        self.assertEqual(len(small), len(tag_queries()))

    def test_expired_article_is_flagged_in_its_admin_title(self):
        page = NewsPage.objects.get(slug="kuehle-orte-im-kiez")
        self.assertIn("(nicht mehr aktuell seit", page.get_admin_display_title())
        self.assertNotIn("nicht mehr aktuell", NewsPage.objects.get(slug="repair-cafe-100").get_admin_display_title())


def test_articles_and_events_do_not_offer_the_stored_data_table():
    """The generated table of stored personal data belongs on the privacy statement (a
    standard page); in an article's or event's form it was only a trap."""
    for model in (NewsPage, EventPage):
        assert "stored_data" not in model._meta.get_field("body").stream_block.child_blocks, model
    assert "stored_data" in StandardPage._meta.get_field("body").stream_block.child_blocks
