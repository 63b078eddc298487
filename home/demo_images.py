"""Illustrations for the demo site, drawn locally with Pillow so that nothing is
downloaded and no photo rights are involved."""

import io
import random

from PIL import Image as PillowImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images.models import Image


def _as_wagtail_image(canvas, title, description, filename):
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return Image.objects.create(
        title=title,
        description=description,
        file=ImageFile(buffer, name=filename),
    )


def street_scene(title, description, seed=1, size=(1600, 1000)):
    """Houses along a street with trees, in the site's palette."""
    rng = random.Random(seed)
    width, height = size
    canvas = PillowImage.new("RGB", size, "#cfe6ef")
    draw = ImageDraw.Draw(canvas)
    for row in range(height // 2):
        shade = 230 - row * 60 // (height // 2)
        draw.line([(0, row), (width, row)], fill=(shade - 20, shade, 239))
    draw.ellipse([width - 260, 80, width - 120, 220], fill="#f5c400")
    ground = int(height * 0.78)
    x = 40
    palette = ["#e07a5f", "#f2cc8f", "#81b29a", "#3d5a80", "#c9ada7", "#f4a261", "#9c6644"]
    while x < width - 60:
        house_width = rng.randint(170, 260)
        house_height = rng.randint(280, 480)
        top = ground - house_height
        draw.rectangle([x, top, x + house_width, ground], fill=rng.choice(palette), outline="#1a1a1a", width=4)
        draw.polygon([(x - 10, top), (x + house_width // 2, top - 90), (x + house_width + 10, top)], fill="#6d2e20")
        for wy in range(top + 40, ground - 110, 90):
            for wx in range(x + 25, x + house_width - 50, 70):
                draw.rectangle([wx, wy, wx + 40, wy + 55], fill="#fff7d6", outline="#1a1a1a", width=3)
        door_x = x + house_width // 2 - 25
        draw.rectangle([door_x, ground - 100, door_x + 50, ground], fill="#1a1a1a")
        x += house_width + rng.randint(30, 70)
        if rng.random() < 0.6 and x < width - 60:
            draw.rectangle([x - 22, ground - 130, x - 8, ground], fill="#5b3a29")
            draw.ellipse([x - 75, ground - 260, x + 45, ground - 110], fill="#2f6b3a")
    draw.rectangle([0, ground, width, height], fill="#8d8d8d")
    for stripe in range(0, width, 120):
        draw.rectangle([stripe, ground + 90, stripe + 60, ground + 100], fill="#ffffff")
    return _as_wagtail_image(canvas, title, description, f"{title.lower().replace(' ', '-')}.png")


def portrait(title, description, seed=2, size=(600, 600)):
    """A friendly, faceless person silhouette for the contact person."""
    rng = random.Random(seed)
    width, height = size
    background = rng.choice(["#81b29a", "#3d5a80", "#e07a5f"])
    canvas = PillowImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([width * 0.18, height * 0.62, width * 0.82, height * 1.25], fill="#f4f1de")
    draw.ellipse([width * 0.33, height * 0.2, width * 0.67, height * 0.58], fill="#e9c39b")
    draw.pieslice([width * 0.3, height * 0.14, width * 0.7, height * 0.5], 180, 360, fill="#5b3a29")
    return _as_wagtail_image(canvas, title, description, f"{title.lower().replace(' ', '-')}.png")


def logo(title, initials, colour, size=(320, 160)):
    """A plain wordmark for a demo partner: its initials on a coloured field."""
    canvas = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    draw.rounded_rectangle([8, 8, width - 8, height - 8], radius=24, outline="#ffffff", width=6)
    draw.text((width // 2, height // 2), initials, fill="#ffffff", anchor="mm", font_size=72)
    return _as_wagtail_image(canvas, title, f"Logo von {title}", f"logo-{title.lower().replace(' ', '-')}.png")


def thing(kind, seed=3, size=(800, 600)):
    """A simple drawing of a thing for a demo swap post, as JPEG bytes."""
    rng = random.Random(seed)
    canvas = PillowImage.new("RGB", size, rng.choice(["#f4f1de", "#e8f1f2", "#fdf0d5"]))
    draw = ImageDraw.Draw(canvas)
    width, height = size
    if kind == "bike":
        for x in (width * 0.3, width * 0.7):
            draw.ellipse([x - 110, height * 0.55 - 110, x + 110, height * 0.55 + 110], outline="#1a1a1a", width=12)
        draw.line(
            [(width * 0.3, height * 0.55), (width * 0.5, height * 0.35), (width * 0.7, height * 0.55)],
            fill="#c0392b",
            width=14,
        )
        draw.line([(width * 0.5, height * 0.35), (width * 0.45, height * 0.25)], fill="#1a1a1a", width=10)
    else:
        draw.rectangle(
            [width * 0.25, height * 0.3, width * 0.75, height * 0.8], fill="#3d5a80", outline="#1a1a1a", width=8
        )
        draw.rectangle(
            [width * 0.3, height * 0.2, width * 0.7, height * 0.3], fill="#98c1d9", outline="#1a1a1a", width=6
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
