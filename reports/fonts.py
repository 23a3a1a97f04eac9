"""The serif the letters are set in, embedded in every PDF.

Liberation Serif (SIL Open Font License, shipped in ``resources/fonts`` with its licence) has
Times New Roman's metrics, so a letter reads as a law firm's word processor would set it, and it
covers accented Latin, Greek and Cyrillic names ("Société Générale", "Ωmega Фонд"). ReportLab
embeds a subset of a registered TrueType font, so the PDF prints the same everywhere.
"""

from __future__ import annotations

import threading

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
DOCX_FONT = "Times New Roman"  # what a firm's Word has; LibreOffice substitutes Liberation Serif

_lock = threading.Lock()


def font_path(face: str = FAMILY):
    return resource("fonts", FILES[face])


def register_fonts() -> str:
    """Register the four faces and the family once (thread-safe: batches run on a worker thread);
    returns the family name to use in styles. <b> and <i> in a Paragraph pick the right face."""
    with _lock:
        if FAMILY not in pdfmetrics.getRegisteredFontNames():
            for face in FILES:
                pdfmetrics.registerFont(TTFont(face, str(font_path(face))))
            pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            for bold, italic, face in ((0, 0, FAMILY), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
                addMapping(FAMILY, bold, italic, face)
    return FAMILY
