from wagtail.models import Locale

from clubs.models import ClubIndexPage, ClubPage, VolunteerRole

CLUBS = "/de/vereine/"
VOLUNTEERING = "/de/vereine/ehrenamt/"


def club_index():
    return ClubIndexPage.objects.get(slug="vereine", locale=Locale.get_default())


def club(slug):
    return ClubPage.objects.get(slug=slug)


def add_clubs(count, start=0, categories=()):
    """Live club pages with a role each, through Wagtail's tree (pages cannot be bulk-created)."""
    index = club_index()
    for number in range(start, start + count):
        page = ClubPage(
            title=f"Zählverein {number:04d}",
            slug=f"zaehlverein-{number}",
            summary="Ein Verein zum Zählen.",
            live=True,
        )
        index.add_child(instance=page)
        page.categories.set(categories)
        page.save()
        VolunteerRole.objects.create(page=page, title=f"Kassenwart {number}", description="Zahlen prüfen.")
