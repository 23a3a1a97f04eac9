"""Draws the application icon (resources/icons/): PNG sizes for Linux and the window, .ico for
Windows, .icns for macOS. Run again only when the design changes; the files are committed.

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Bold.ttf"
NAVY, GOLD, PAPER = (24, 43, 77, 255), (201, 162, 39, 255), (250, 248, 240, 255)


def draw(size: int = 1024) -> Image.Image:
    """A sheet of paper on a navy tile: "RRA" over a gold rule, as on the letterhead."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 1024
    d.rounded_rectangle((40 * s, 40 * s, 984 * s, 984 * s), radius=180 * s, fill=NAVY)
    d.rounded_rectangle((220 * s, 150 * s, 804 * s, 874 * s), radius=36 * s, fill=PAPER)
    font = ImageFont.truetype(str(FONT), int(250 * s))
    d.text((512 * s, 400 * s), "RRA", font=font, fill=NAVY, anchor="mm")
    d.rectangle((290 * s, 540 * s, 734 * s, 566 * s), fill=GOLD)
    for i, width in enumerate((444, 444, 300)):
        y = (640 + 70 * i) * s
        d.rectangle((290 * s, y, (290 + width) * s, y + 18 * s), fill=(150, 158, 175, 255))
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    for px in (16, 32, 48, 64, 128, 256, 512):
        big.resize((px, px), Image.LANCZOS).save(OUT / f"rra-desk-{px}.png", optimize=True)
    big.save(OUT / "rra-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(OUT / "rra-desk.icns")


if __name__ == "__main__":
    main()
