"""Image uploads in the admin are checked for type, file size (10 MB) and dimensions
(40 megapixels): anything else is refused with the form's message and nothing is stored."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Collection

ADD_URL = "/admin/images/add/"


def png(width, height, padding=0):
    """A PNG of that size; one bit per pixel keeps a large canvas cheap to make, and
    bytes after the end chunk make the file big without making the image big."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload(client, content, name="foto.png"):
    data = {
        "title": "Hoffest",
        "file": SimpleUploadedFile(name, content, content_type="image/png"),
        "collection": Collection.get_first_root_node().pk,
    }
    with translation.override("en"):
        return client.post(ADD_URL, data, HTTP_ACCEPT_LANGUAGE="en")


def file_errors(response):
    assert response.status_code == 200  # the form again
    return " ".join(response.context["form"].errors.get("file", []))


def test_limits(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


@pytest.mark.django_db
def test_a_normal_image_is_stored(editor_client):
    count = get_image_model().objects.count()
    response = upload(editor_client, png(1200, 800))
    assert response.status_code == 302
    assert get_image_model().objects.count() == count + 1


@pytest.mark.django_db
def test_a_file_over_ten_megabytes_is_refused(editor_client):
    count = get_image_model().objects.count()
    response = upload(editor_client, png(100, 100, padding=10 * 1024 * 1024))
    assert "too big" in file_errors(response)
    assert get_image_model().objects.count() == count


@pytest.mark.django_db
def test_an_image_over_forty_megapixels_is_refused(editor_client):
    count = get_image_model().objects.count()
    response = upload(editor_client, png(8000, 5001))
    assert "too many pixels" in file_errors(response)
    assert get_image_model().objects.count() == count


@pytest.mark.django_db
def test_a_file_that_is_no_image_is_refused(editor_client):
    count = get_image_model().objects.count()
    response = upload(editor_client, b"#!/bin/sh\necho hello\n", name="foto.png")
    assert file_errors(response)
    response = upload(editor_client, png(10, 10), name="skript.svg")
    assert file_errors(response)
    assert get_image_model().objects.count() == count
