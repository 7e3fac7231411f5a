"""Images and PDFs for the demo content, generated locally (no downloads), deterministically."""

import datetime
import io
import random
from pathlib import Path

from anyascii import anyascii
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

AREA_COLOURS = {
    "education-and-training": ((31, 111, 67), (214, 238, 222)),
    "employment-and-skills": ((138, 75, 0), (250, 232, 205)),
    "health": ((163, 18, 58), (250, 220, 228)),
    "housing": ((75, 46, 131), (230, 222, 245)),
    "cross-cutting": ((0, 95, 115), (210, 236, 240)),
}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# A fixed creation date: otherwise every PDF (and its /ID) changes with the clock.
REPORT_DATE = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def illustration(seed, area_code, size=(1200, 675)):
    """An abstract, friendly picture in the action area's colours, as PNG bytes."""
    rng = random.Random(seed)
    dark, light = AREA_COLOURS.get(area_code, ((11, 61, 145), (232, 238, 249)))
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = size
    for _ in range(14):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(-radius, width), rng.randint(-radius, height)
        alpha = rng.randint(40, 120)
        colour = (*dark, alpha) if rng.random() < 0.6 else (255, 204, 0, alpha)
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + radius, y + radius), fill=colour)
        else:
            draw.rounded_rectangle((x, y, x + radius * 1.6, y + radius), radius // 4, fill=colour)
    # A row of "people": heads and shoulders, the portal's motif.
    count = rng.randint(3, 6)
    step = width // (count + 1)
    for index in range(1, count + 1):
        cx = index * step + rng.randint(-20, 20)
        scale = rng.uniform(0.8, 1.15)
        head = int(42 * scale)
        top = int(height * 0.58 - head * 2)
        tone = rng.choice([(94, 60, 40), (160, 110, 80), (205, 160, 120), (240, 200, 165)])
        draw.ellipse((cx - head, top, cx + head, top + 2 * head), fill=(*tone, 255))
        draw.rounded_rectangle(
            (cx - head * 2, top + head * 2 + 8, cx + head * 2, height + 40),
            head,
            fill=(*rng.choice([dark, (255, 204, 0), (255, 255, 255)]), 235),
        )
    return _png(image)


def logo(seed, name):
    """A square logo with the organisation's initials, as PNG bytes."""
    rng = random.Random(seed)
    background = rng.choice(list(AREA_COLOURS.values()))[0]
    image = Image.new("RGB", (320, 320), background)
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.split() if word[:1].isalpha())[:3].upper()
    font = ImageFont.load_default(size=120)
    box = draw.textbbox((0, 0), initials, font=font)
    position = ((320 - (box[2] - box[0])) / 2 - box[0], (320 - (box[3] - box[1])) / 2 - box[1])
    draw.text(position, initials, font=font, fill=(255, 255, 255))
    draw.rectangle((0, 296, 320, 320), fill=(255, 204, 0))
    return _png(image)


def report_pdf(title, organisation, text):
    """A short one-page report as PDF bytes."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(REPORT_DATE)
    pdf.set_title(title)
    pdf.set_author(organisation)
    pdf.add_page()
    if DEJAVU.exists():
        pdf.add_font("DejaVu", "", str(DEJAVU))
        family, clean = "DejaVu", str
    else:  # the core fonts only know Latin-1
        family, clean = "Helvetica", _latin1
    pdf.set_font(family, size=20)
    pdf.multi_cell(0, 10, clean(title))
    pdf.ln(2)
    pdf.set_font(family, size=11)
    pdf.multi_cell(0, 6, clean(organisation))
    pdf.ln(6)
    pdf.set_font(family, size=12)
    pdf.multi_cell(0, 7, clean(text))
    pdf.ln(8)
    pdf.set_font(family, size=9)
    pdf.multi_cell(0, 5, clean("Demo document generated for the Integra portal."))
    return bytes(pdf.output())


def _latin1(text):
    return "".join(ch if ord(ch) < 256 else anyascii(ch) for ch in text)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
