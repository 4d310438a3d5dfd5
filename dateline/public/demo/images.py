"""Pictures for the demo, drawn with Pillow: stylised news scenes and portrait avatars.

Nothing is downloaded; every picture is drawn from a seed, so reruns draw the same ones.
Images are found again by title, which makes `lead_images_ensure` and `portraits_ensure`
idempotent.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

LEAD_IMAGE_COUNT = 40
LEAD_SIZE = (1200, 800)
PORTRAIT_SIZE = (400, 400)
# What social networks show of a shared link (1.91:1), for articles without a photo.
EDITION_IMAGE_SIZE = (1200, 630)

# (sky top, sky bottom, accent) — dawn, noon, dusk, winter, night…
PALETTES = [
    ((32, 60, 110), (240, 170, 120), (250, 220, 150)),
    ((70, 130, 200), (190, 220, 240), (255, 245, 200)),
    ((40, 30, 80), (220, 110, 90), (255, 190, 120)),
    ((120, 150, 180), (225, 232, 240), (255, 255, 255)),
    ((10, 20, 50), (50, 70, 120), (240, 230, 170)),
    ((60, 110, 90), (200, 225, 190), (250, 240, 190)),
    ((90, 60, 110), (230, 180, 200), (255, 230, 210)),
    ((20, 80, 120), (120, 200, 210), (250, 250, 220)),
]
PORTRAIT_COLOURS = [
    (44, 95, 138),
    (139, 58, 58),
    (46, 114, 88),
    (122, 86, 150),
    (176, 112, 40),
    (60, 70, 90),
    (30, 120, 130),
    (150, 80, 110),
]


def lead_images_ensure(count: int = LEAD_IMAGE_COUNT) -> list:
    """The demo's news photos, in a fixed order, drawn and saved where missing."""
    titles = [f"Demo news photo {number:02d}" for number in range(1, count + 1)]
    existing = _by_title(titles)
    scenes = [_skyline, _fields, _hall, _arena]
    images = []
    for index, title in enumerate(titles):
        image = existing.get(title)
        if image is None:
            rng = random.Random(index)
            picture = scenes[index % len(scenes)](rng, PALETTES[index % len(PALETTES)])
            _label(picture, f"DNA demo · {index + 1:02d}")
            image = _save(picture, title, f"demo-news-{index + 1:02d}.jpg")
        images.append(image)
    return images


def portraits_ensure(people: dict[str, str]) -> dict:
    """A portrait per person, keyed like `people` (key → name in Latin letters)."""
    titles = {key: f"Portrait: {name}" for key, name in people.items()}
    existing = _by_title(list(titles.values()))
    portraits = {}
    for index, (key, name) in enumerate(people.items()):
        image = existing.get(titles[key])
        if image is None:
            picture = _portrait(name, PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)])
            image = _save(picture, titles[key], f"demo-portrait-{key}.jpg")
        portraits[key] = image
    return portraits


def edition_image_ensure(language: str):
    """An edition's default picture: the agency's card, drawn once per language. Its words are
    in Latin letters, which every font Pillow has can draw."""
    title = f"Dateline News Agency card ({language})"
    image = _by_title([title]).get(title)
    if image is None:
        image = _save(_agency_card(language), title, f"demo-agency-card-{language}.jpg")
    return image


def _agency_card(language: str) -> Image.Image:
    top, bottom, accent = PALETTES[4]
    width, height = EDITION_IMAGE_SIZE
    picture = _gradient(EDITION_IMAGE_SIZE, top, bottom)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((80, 250, 100, 380), fill=accent)
    draw.text((130, 240), "DATELINE", font=ImageFont.load_default(size=96), fill=(255, 255, 255))
    draw.text((134, 350), "News Agency", font=ImageFont.load_default(size=40), fill=accent)
    font = ImageFont.load_default(size=56)
    draw.text((width - 80, height - 70), language.upper(), font=font, anchor="rs", fill=accent)
    _label(picture, "DNA demo")
    return picture


def _by_title(titles: list[str]) -> dict:
    return {image.title: image for image in get_image_model().objects.filter(title__in=titles)}


def _save(picture: Image.Image, title: str, filename: str):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82, optimize=True)
    image = get_image_model()(title=title, file=ImageFile(buffer, name=filename))
    # What Wagtail's upload form records: file size and hash (for duplicate detection).
    image._set_image_file_metadata()
    image.save()
    return image


def _gradient(size: tuple[int, int], top, bottom) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _shade(colour, factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(channel * factor))) for channel in colour)


def _skyline(rng: random.Random, palette) -> Image.Image:
    top, bottom, accent = palette
    picture = _gradient(LEAD_SIZE, top, bottom)
    draw = ImageDraw.Draw(picture)
    width, height = LEAD_SIZE
    sun_x, sun_y = rng.randint(150, width - 150), rng.randint(120, 330)
    draw.ellipse((sun_x - 70, sun_y - 70, sun_x + 70, sun_y + 70), fill=accent)
    for layer, factor in ((0, 0.55), (1, 0.3)):
        x = -20
        while x < width:
            w = rng.randint(50, 130)
            h = rng.randint(160, 430) - layer * 90
            colour = _shade(top, factor)
            draw.rectangle((x, height - h, x + w, height), fill=colour)
            if layer:
                for wy in range(height - h + 20, height - 20, 34):
                    for wx in range(x + 10, x + w - 14, 22):
                        if rng.random() < 0.45:
                            draw.rectangle((wx, wy, wx + 9, wy + 14), fill=accent)
            x += w + rng.randint(0, 25)
    return picture


def _fields(rng: random.Random, palette) -> Image.Image:
    top, bottom, accent = palette
    picture = _gradient(LEAD_SIZE, top, bottom)
    draw = ImageDraw.Draw(picture)
    width, height = LEAD_SIZE
    greens = [(96, 140, 70), (120, 160, 80), (70, 110, 60), (170, 160, 80)]
    for band in range(4):
        base = 430 + band * 90
        phase, amplitude = rng.random() * 6, rng.randint(15, 45)
        outline = [
            (x, base + amplitude * math.sin(x / 180 + phase)) for x in range(0, width + 40, 40)
        ]
        draw.polygon(
            [*outline, (width, height), (0, height)], fill=greens[(band + rng.randint(0, 3)) % 4]
        )
    for _ in range(rng.randint(2, 5)):
        tx, ty = rng.randint(60, width - 60), rng.randint(430, 560)
        draw.rectangle((tx - 5, ty, tx + 5, ty + 50), fill=(70, 50, 40))
        draw.ellipse((tx - 40, ty - 70, tx + 40, ty + 15), fill=(50, 90, 50))
    barn_x = rng.randint(100, width - 300)
    draw.rectangle((barn_x, 470, barn_x + 160, 560), fill=(150, 60, 50))
    draw.polygon([(barn_x - 10, 470), (barn_x + 80, 410), (barn_x + 170, 470)], fill=(90, 40, 40))
    draw.ellipse((width - 220, 90, width - 120, 190), fill=accent)
    return picture


def _hall(rng: random.Random, palette) -> Image.Image:
    top, _bottom, accent = palette
    width, height = LEAD_SIZE
    picture = _gradient(LEAD_SIZE, _shade(top, 0.5), _shade(top, 1.2))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((300, 90, 900, 420), fill=_shade(accent, 0.9))
    draw.rectangle((330, 120, 870, 390), fill=_shade(top, 1.6))
    draw.rectangle((0, 470, width, 520), fill=_shade(top, 0.8))
    draw.rectangle((540, 380, 660, 500), fill=_shade(top, 0.35))
    draw.line((0, 470, width, 470), fill=accent, width=3)
    for row in range(3):
        y = 600 + row * 80
        offset = rng.randint(0, 60)
        for x in range(-40 + offset, width + 60, 95):
            tone = _shade(top, 0.25 + row * 0.05 + rng.random() * 0.1)
            draw.ellipse((x, y - 40, x + 54, y + 14), fill=tone)
            draw.ellipse((x - 25, y + 5, x + 80, y + 120), fill=tone)
    return picture


def _arena(rng: random.Random, palette) -> Image.Image:
    top, bottom, accent = palette
    width, height = LEAD_SIZE
    picture = _gradient(LEAD_SIZE, _shade(top, 0.6), bottom)
    draw = ImageDraw.Draw(picture)
    for row in range(8):
        y = 200 + row * 28
        for x in range(0, width, 14):
            if rng.random() < 0.8:
                colour = rng.choice([accent, _shade(top, 1.5), (200, 60, 60), (240, 240, 240)])
                draw.ellipse((x, y, x + 9, y + 9), fill=colour)
    court = (56, 120, 170) if rng.random() < 0.5 else (190, 120, 70)
    draw.polygon([(260, 440), (940, 440), (1180, height), (20, height)], fill=court)
    draw.line((600, 440, 600, height), fill=(245, 245, 245), width=5)
    draw.polygon([(260, 440), (940, 440), (1180, height), (20, height)], outline=(245, 245, 245))
    draw.ellipse((520, 560, 680, 660), outline=(245, 245, 245), width=5)
    for x in (80, width - 80):
        draw.line((x, 40, x, 200), fill=_shade(top, 0.4), width=8)
        draw.rectangle((x - 40, 20, x + 40, 60), fill=(255, 250, 220))
    return picture


def _portrait(name: str, colour) -> Image.Image:
    width, height = PORTRAIT_SIZE
    picture = _gradient(PORTRAIT_SIZE, _shade(colour, 1.3), _shade(colour, 0.8))
    draw = ImageDraw.Draw(picture)
    figure = _shade(colour, 0.45)
    draw.ellipse((130, 70, 270, 220), fill=figure)
    draw.ellipse((60, 230, 340, 520), fill=figure)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=64)
    draw.text((width / 2, 330), initials, font=font, anchor="mm", fill=(255, 255, 255))
    return picture


def _label(picture: Image.Image, text: str) -> None:
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=20)
    width, height = picture.size
    draw.text((width - 16, height - 14), text, font=font, anchor="rs", fill=(255, 255, 255))
