"""The serif the letters are set in, embedded in every PDF.

Liberation Serif (SIL Open Font License, shipped in ``resources/fonts`` with its licence) has
Times New Roman's metrics, so a letter reads as a law firm's word processor would set it, and it
covers accented Latin, Greek and Cyrillic names ("Société Générale", "Ωmega Фонд"). ReportLab
embeds a subset of a registered TrueType font, so the PDF prints the same everywhere.

Liberation Serif has no Chinese, Japanese or Korean glyphs: a Holder named "Müller 株式会社" would
print blank. Runs of characters the serif lacks are set in Droid Sans Fallback (Apache-2.0,
shipped beside it with its licence), registered only when first needed (it is 4 MB):
``escape_text`` for Paragraph markup, ``draw_text``/``text_width`` for text drawn on the canvas.

Arabic and Hebrew names ("شركة الخليج", "בנק הפועלים") are shaped and ordered before they are set:
Arabic letters take their joined forms (``arabic_reshaper``) and a right-to-left run is written
in visual order (``visual``), since a PDF shows glyphs left to right as given. What neither the
serif nor the fallback draws (Arabic, and the Hebrew the serif lacks) is set in DejaVu Sans
(shipped with its licence). Choice: a name is ordered as one line whose direction is its first
strong letter's; digits and Latin inside a right-to-left name keep their own order. A character
none of the three faces has is reported by ``undrawable`` and the letter is refused, rather
than printed as a blank.
"""

from __future__ import annotations

import re
import threading
import unicodedata
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
SCRIPTS = "RRAScripts"  # Arabic and Hebrew
SCRIPTS_FILE = "DejaVuSans.ttf"
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
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


def _scripts() -> str:
    with _lock:
        if SCRIPTS not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(SCRIPTS, str(resource("fonts", SCRIPTS_FILE))))
    return SCRIPTS


def visual(text: str) -> str:
    """``text`` as it must be drawn left to right: Arabic joined, right-to-left runs reversed.
    Text with no Hebrew or Arabic is returned as it is (the common case costs one search)."""
    if not _RTL.search(text):
        return text
    import arabic_reshaper

    text = arabic_reshaper.reshape(text)
    kinds = [unicodedata.bidirectional(c) for c in text]
    base = next(("R" if k in ("R", "AL") else "L" for k in kinds if k in ("R", "AL", "L")), "L")
    dirs = ["R" if k in ("R", "AL") else "L" if k in ("L", "EN", "AN") else "" for k in kinds]
    resolved = []
    for i, d in enumerate(dirs):  # a space or mark between two letters of one direction takes it
        if not d:
            before = next((dirs[j] for j in range(i - 1, -1, -1) if dirs[j]), base)
            after = next((dirs[j] for j in range(i + 1, len(dirs)) if dirs[j]), base)
            d = before if before == after else base
        resolved.append(d)
    runs: list[tuple[str, list[str]]] = []
    for c, d in zip(text, resolved, strict=True):
        if runs and runs[-1][0] == d:
            runs[-1][1].append(c)
        else:
            runs.append((d, [c]))
    pieces = ["".join(reversed(cs)) if d == "R" else "".join(cs) for d, cs in runs]
    return "".join(reversed(pieces)) if base == "R" else "".join(pieces)


def undrawable(text: str) -> str:
    """The characters of ``text`` that none of the faces can draw (after shaping), each once."""
    register_fonts()
    faces = (_cmap(FAMILY), _cmap(_fallback()), _cmap(_scripts()))
    missing = []
    for c in visual(text):
        if c.isspace() or unicodedata.category(c) in ("Cc", "Cf") or c in missing:
            continue
        if not any(ord(c) in face for face in faces):
            missing.append(c)
    return "".join(missing)


def font_runs(text: str, font: str = FAMILY) -> list[tuple[str, str]]:
    """``text`` (already in visual order) cut into ``(run, face)``: ``font`` where it has the
    glyph, else the fallback, else the Arabic and Hebrew face (where none has it, ``font``, so
    nothing is lost silently; ``undrawable`` refuses such text before it is set)."""
    register_fonts()
    main = _cmap(font)
    if all(ord(c) in main for c in text):  # the common case: one run, no lookup in the fallback
        return [(text, font)] if text else []
    spare, scripts = _cmap(_fallback()), _cmap(_scripts())
    runs: list[tuple[str, str]] = []
    for c in text:
        face = font if ord(c) in main else FALLBACK if ord(c) in spare else SCRIPTS if ord(c) in scripts else font
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + c, face)
        else:
            runs.append((c, face))
    return runs


def escape_text(text: str) -> str:
    """``text`` as Paragraph markup: XML-escaped, runs the serif lacks wrapped in the fallback face."""
    return "".join(escape(run) if face not in (FALLBACK, SCRIPTS) else f'<font name="{face}">{escape(run)}</font>'
                   for run, face in font_runs(visual(text)))


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, face, size) for run, face in font_runs(visual(text), font))


def draw_text(canv, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """``canv.drawString`` in ``font`` with the fallback for what it lacks; ``align`` "right" or
    "centre" places the text's end or middle at ``x``. Leaves ``font`` set on the canvas."""
    text = visual(text)
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
