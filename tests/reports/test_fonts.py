"""Names in any script print as written, and every font in a PDF is embedded.

Liberation Serif has no CJK glyphs: "株式会社" is set in the shipped fallback face; a bullet once
brought ReportLab's default Helvetica into the PDF unembedded."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import io

from pypdf import PdfReader

from reports.catalog import build_letters
from reports.fonts import FALLBACK, FAMILY, escape_text, font_runs
from reports.letters import NoticeRequest
from reports.pdf_letter import write_letters_pdf
from reports.register import write_register
from tests.reports.conftest import letter_deal, pdf_text

CJK = "Müller 株式会社"
CYRILLIC = "Ωmega Фонд"


def _deal():
    d = letter_deal()
    holders = list(d.holders)
    holders[0] = dc.replace(holders[0], name=CJK)
    return dc.replace(d, holders=tuple(holders))


def _fonts(data: bytes) -> dict[str, bool]:
    """Every font the pages use: name -> embedded (its descriptor carries the TrueType program)."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    return found


def _pdf(letters) -> bytes:
    buffer = io.BytesIO()
    write_letters_pdf(letters, buffer)
    return buffer.getvalue()


def test_runs_the_serif_lacks_go_to_the_fallback_face():
    assert font_runs(CJK) == [("Müller ", FAMILY), ("株式会社", FALLBACK)]
    assert font_runs(CYRILLIC) == [(CYRILLIC, FAMILY)]
    assert escape_text("A & 株 <B>") == f'A &amp; <font name="{FALLBACK}">株</font> &lt;B&gt;'


def test_cjk_and_cyrillic_names_come_back_exactly_and_every_font_is_embedded():
    d = _deal()
    ids = (d.holders[0].id, d.holders[6].id)
    letters = build_letters(d, NoticeRequest("blackout", dt.datetime(2003, 9, 3, 10), "courier", ids))
    data = _pdf(letters)
    text = pdf_text(data)
    assert f"{CJK} c/o" in text and f"{CYRILLIC} c/o" in text
    fonts = _fonts(data)
    assert any("DroidSansFallback" in name for name in fonts) and all(fonts.values()), fonts


def test_the_bulleted_certificate_embeds_every_font():
    d = _deal()
    [letter] = build_letters(d, NoticeRequest("rule144-certification", dt.datetime(2003, 9, 3, 10), "courier",
                                              (d.holders[0].id,)))
    fonts = _fonts(_pdf([letter]))
    assert fonts and all(fonts.values()) and not any("Helvetica" in n for n in fonts), fonts


def test_the_register_prints_cjk_names_in_its_table(tmp_path):
    out = tmp_path / "register.pdf"
    write_register(_deal(), dt.date(2003, 10, 1), out)
    assert CJK in pdf_text(str(out))
    assert all(_fonts(out.read_bytes()).values())
