"""Bad input on the board's forms: a clear message in the reader's language, a 4xx,
and nothing stored."""

import io

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from core.models import OutgoingMail
from exchange.models import SwapPost
from participation.models import Report, Resident

from .helpers import NEW, message_data, post_data, post_url, public_post

pytestmark = pytest.mark.django_db


def image_upload(format_="PNG", size=(40, 30), name="foto.png", mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new(mode, size, "white").save(buffer, format=format_)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def nothing_stored(before):
    return SwapPost.objects.count() == before and not OutgoingMail.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse ein"),
        ({"email": "lena@"}, "email", "Diese E-Mail-Adresse ist nicht gültig"),
        ({"title": "x" * 81}, "title", "höchstens 80 Zeichen"),
        ({"description": "x" * 2001}, "description", "höchstens 2000 Zeichen"),
        ({"category": "gibt-es-nicht"}, "category", "eine der gezeigten Kategorien"),
        ({"area": "Hauptstraße 5"}, "area", "eines der gezeigten Gebiete"),
        ({"direction": "sell"}, "direction", "Bitte wählen Sie"),
        ({"consent": ""}, "consent", "Bitte stimmen Sie zu"),
    ],
)
def test_invalid_posts_are_refused_with_a_message_and_nothing_stored(client, overrides, field, message):
    before = SwapPost.objects.count()
    response = client.post(NEW, post_data(**overrides))
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert nothing_stored(before)


def test_messages_are_in_the_readers_language(client):
    response = client.post("/en" + NEW.removeprefix("/de"), post_data(email=""))
    assert response.status_code == 400
    assert "Please enter your e-mail address" in response.content.decode()


def test_control_and_direction_override_characters_are_removed(client, send):
    send(NEW, post_data(title="Rechnung\u202efdp.exe\x07", description="Zeile eins\nZeile\x1b zwei"))
    post = SwapPost.objects.get(title="Rechnungfdp.exe")
    assert post.description == "Zeile eins\nZeile zwei"


def test_a_nul_character_is_refused_with_a_message(client):
    response = client.post(NEW, post_data(description="Zeile\x00 zwei"))
    assert response.status_code == 400
    assert "description" in response.context["form"].errors


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("foto.jpg", b"kein Bild, nur Text", content_type="image/jpeg"), "kein Foto"),
        (
            SimpleUploadedFile(
                "zeichnung.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                content_type="image/svg+xml",
            ),
            "kein Foto",
        ),
        (image_upload(format_="BMP", name="bild.bmp"), "Bitte wählen Sie ein Foto"),
        # 10,000 x 10,000 one-bit pixels: a few kilobytes that would decode to 100 megapixels.
        (image_upload(size=(10_000, 10_000), mode="1", name="bombe.png"), "zu viele Bildpunkte"),
    ],
    ids=["not an image", "svg", "bmp", "decompression bomb"],
)
def test_photos_that_are_not_safe_images_are_refused(client, upload, message):
    before = SwapPost.objects.count()
    response = client.post(NEW, {**post_data(photo_alt="Foto"), "photo": upload})
    assert response.status_code == 400
    assert message in str(response.context["form"].errors["photo"])
    assert nothing_stored(before)


def test_a_huge_photo_is_refused(client, monkeypatch):
    monkeypatch.setattr("core.photos.MAX_UPLOAD_BYTES", 1000)
    response = client.post(NEW, {**post_data(photo_alt="Foto"), "photo": image_upload(size=(400, 400))})
    assert response.status_code == 400
    assert "zu groß" in str(response.context["form"].errors["photo"])


def test_a_photo_is_stored_small_and_without_its_metadata(client, send):
    from PIL import Image

    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    Image.new("RGB", (3000, 2000), "red").save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    send(NEW, {**post_data(photo_alt="Ein rotes Bild"), "photo": upload})
    post = SwapPost.objects.get(title="Nähmaschine")
    with post.photo.open("rb") as handle, Image.open(handle) as stored:
        assert max(stored.size) == 1200
        assert not stored.getexif()
    assert post.photo.name.startswith("exchange/") and "foto" not in post.photo.name
    post.delete()  # and its file with it (exchange/apps.py)


def test_a_photo_needs_a_description(client):
    response = client.post(NEW, {**post_data(), "photo": image_upload()})
    assert response.status_code == 400
    assert "was das Foto zeigt" in str(response.context["form"].errors["photo_alt"])


def test_a_form_sent_twice_is_stored_once(client, send):
    data = post_data()
    send(NEW, data)
    send(NEW, data)
    assert SwapPost.objects.filter(title="Nähmaschine").count() == 1


def test_the_honeypot_stores_nothing_but_answers_like_success(client):
    before = SwapPost.objects.count()
    response = client.post(NEW, post_data(website="http://spam.example"))
    assert response.status_code == 302
    assert nothing_stored(before)


def test_too_many_posts_from_one_address_or_one_ip(client, send, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_ADDRESS = 2
    settings.PARTICIPATION_RATE_LIMIT_PER_IP = 3
    for number in range(2):
        assert send(NEW, post_data(title=f"Ding {number}"), REMOTE_ADDR=f"192.0.2.{number}").status_code == 302
    response = send(NEW, post_data(title="Ding 3"), REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    assert "Bitte warten Sie" in response.content.decode()
    assert not SwapPost.objects.filter(title="Ding 3").exists()
    # From one IP, whatever the addresses.
    for number in range(3):
        response = send(
            NEW, post_data(title=f"Anders {number}", email=f"a{number}@example.org"), REMOTE_ADDR="198.51.100.1"
        )
        assert response.status_code == 302
    assert send(NEW, post_data(email="c@example.org"), REMOTE_ADDR="198.51.100.1").status_code == 429


def test_too_many_messages_are_refused(client, send, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_ADDRESS = 1
    post = public_post()
    assert send(post_url(post), message_data()).status_code == 302
    response = send(post_url(post), message_data(message="Noch einmal"))
    assert response.status_code == 429
    assert OutgoingMail.objects.filter(purpose="participation.message").count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "tom"}, "nicht gültig"),
        ({"message": ""}, "Bitte schreiben Sie Ihre Nachricht"),
        ({"message": "x" * 2001}, "höchstens 2000 Zeichen"),
        ({"consent": ""}, "Bitte stimmen Sie zu"),
        ({"started": "gefälscht"}, "zu lange geöffnet"),
    ],
)
def test_invalid_messages_are_refused(client, overrides, message):
    response = client.post(post_url(public_post()), message_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OutgoingMail.objects.exists()


def test_a_report_without_a_reason_is_refused(client):
    post = public_post()
    response = client.post(post_url(post), {"action": "report", "reason": "gefällt mir nicht"})
    assert response.status_code == 400
    assert "Bitte wählen Sie, was nicht stimmt" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "address",
    ["/de/mein-quartier/abc/", "/de/mein-quartier/WzEsMV0:1x:abc/daten.json", "/de/bestaetigen/1:abc/"],
)
def test_forged_links_answer_400_with_a_way_on(client, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "Neuen Link anfordern" in response.content.decode()


def test_link_request_with_a_bad_address(client):
    response = client.post("/de/mein-quartier/", {"email": "x", "started": ""})
    assert response.status_code == 400
    assert "nicht gültig" in response.content.decode()


def test_a_post_for_the_board_from_a_stale_link_is_refused(client, monkeypatch):
    resident = Resident.objects.exclude(email=None).first()
    resident.link_version += 1
    resident.save()
    from participation.tokens import resident_token

    resident.link_version -= 1
    response = client.get(NEW + "?von=" + resident_token(resident))
    assert response.status_code == 410


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_oversized_request_is_refused_without_an_error_page(client):
    response = client.post(NEW, post_data(description="x" * 1500))
    assert response.status_code == 400
