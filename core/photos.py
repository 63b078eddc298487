"""A resident's photo, made safe before it is stored: only JPEG, PNG, WebP or GIF
(never SVG, which can carry scripts), checked for its size in pixels before it is
decoded (a decompression bomb is refused unread), turned upright, reduced to what a
page shows, and written anew as JPEG without its metadata (location, camera, date)."""

import secrets
import warnings
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
LONGEST_SIDE = 1200
FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}


def safe_photo(upload):
    """A JPEG ContentFile with a random name, or ValidationError in plain words."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("This photo is too large: at most 10 MB, please."), code="too_large")
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; here that is a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
        with image:
            if image.format not in FORMATS:
                raise ValidationError(_("Please choose a photo (JPEG, PNG, WebP or GIF)."), code="format")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("This photo has too many pixels. Please send a smaller one."), code="pixels")
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright = upright.convert("RGB")
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            output = BytesIO()
            # Saved without exif=...: Pillow writes no metadata it is not given.
            upright.save(output, "JPEG", quality=82, optimize=True)
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(_("This photo has too many pixels. Please send a smaller one."), code="pixels") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not a photo we can show. Please choose a JPEG or PNG."), code="invalid"
        ) from error
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(12)}.jpg")
