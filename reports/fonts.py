"""The serif the letters are set in, embedded in every PDF.

Liberation Serif (SIL Open Font License, shipped in ``resources/fonts`` with its licence) has
Times New Roman's metrics, so a letter reads as a law firm's word processor would set it, and it
covers accented Latin, Greek and Cyrillic names ("Société Générale", "Ωmega Фонд"). ReportLab
embeds a subset of a registered TrueType font, so the PDF prints the same everywhere.

Liberation Serif has no Chinese, Japanese or Korean glyphs: a Holder named "Müller 株式会社" would
print blank. Runs of characters the serif lacks are set in Droid Sans Fallback (Apache-2.0,
shipped beside it with its licence), registered only when first needed (it is 4 MB):
``escape_text`` for Paragraph markup, ``draw_text``/``text_width`` for text drawn on the canvas.
"""

from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rra_desktop.resources import resource

FAMILY = "RRASerif"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
FILES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
FALLBACK = "RRAFallback"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"
DOCX_FONT = "Times New Roman"  # what a firm's Word has; LibreOffice substitutes Liberation Serif

_lock = threading.Lock()
_ready: list[bool] = []  # non-empty once the serif is registered


def font_path(face: str = FAMILY):
    return resource("fonts", FILES[face])


def register_fonts() -> str:
    """Register the four faces and the family once (thread-safe: batches run on a worker thread);
    returns the family name to use in styles. <b> and <i> in a Paragraph pick the right face."""
    if _ready:  # called for every line drawn: no lock once done
        return FAMILY
    with _lock:
        if FAMILY not in pdfmetrics.getRegisteredFontNames():
            for face in FILES:
                pdfmetrics.registerFont(TTFont(face, str(font_path(face))))
            pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            for bold, italic, face in ((0, 0, FAMILY), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
                addMapping(FAMILY, bold, italic, face)
        _ready.append(True)
    return FAMILY


def _cmap(face: str) -> dict[int, int]:
    return pdfmetrics.getFont(face).face.charToGlyph


def _fallback() -> str:
    """Register the fallback face on first use (parsing 4 MB costs a fraction of a second)."""
    with _lock:
        if FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FALLBACK, str(resource("fonts", FALLBACK_FILE))))
    return FALLBACK


def font_runs(text: str, font: str = FAMILY) -> list[tuple[str, str]]:
    """``text`` cut into ``(run, face)``: ``font`` where it has the glyph, else the fallback (where
    neither has it, ``font``, so nothing is lost silently to a third face)."""
    register_fonts()
    main = _cmap(font)
    if all(ord(c) in main for c in text):  # the common case: one run, no lookup in the fallback
        return [(text, font)] if text else []
    spare = _cmap(_fallback())
    runs: list[tuple[str, str]] = []
    for c in text:
        face = FALLBACK if ord(c) not in main and ord(c) in spare else font
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + c, face)
        else:
            runs.append((c, face))
    return runs


def escape_text(text: str) -> str:
    """``text`` as Paragraph markup: XML-escaped, runs the serif lacks wrapped in the fallback face."""
    return "".join(escape(run) if face != FALLBACK else f'<font name="{FALLBACK}">{escape(run)}</font>'
                   for run, face in font_runs(text))


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, face, size) for run, face in font_runs(text, font))


def draw_text(canv, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """``canv.drawString`` in ``font`` with the fallback for what it lacks; ``align`` "right" or
    "centre" places the text's end or middle at ``x``. Leaves ``font`` set on the canvas."""
    runs = font_runs(text, font)
    x -= {"right": 1.0, "centre": 0.5}.get(align, 0.0) * text_width(text, font, size)
    canv.setFont(font, size)
    if len(runs) <= 1:  # the common case: all in the serif
        canv.drawString(x, y, text)
        return
    line = canv.beginText(x, y)  # one text object: a PDF reader extracts the runs as one line
    for run, face in runs:
        line.setFont(face, size)
        line.textOut(run)
    canv.drawText(line)
    canv.setFont(font, size)
