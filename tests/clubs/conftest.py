import pytest

from django.contrib.auth import get_user_model

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from clubs.demo import DEMO_CLUB_EMAIL
from clubs.onboarding import grant_club_access

from .helpers import club


@pytest.fixture
def club_member(client, db):
    """The demo club account of the SV Lindenkiez, logged in."""
    client.force_login(get_user_model().objects.get(email=DEMO_CLUB_EMAIL))
    return client


@pytest.fixture
def other_club(db):
    """The choir, onboarded with its own group and collection, and an image in it."""
    page = club("lindenchor")
    result = grant_club_access(page, "chor-konto@example.org", contact_name="Anna Berger", invite=False)
    image = Image.objects.create(
        title="Chorfoto", file=get_test_image_file(), collection=Collection.objects.get(pk=result.collection.pk)
    )
    return {"page": page, "event": page.get_children().get(slug="chorkonzert"), "image": image, **vars(result)}
