"""Names in Hebrew and Arabic are shaped and set right to left, in an embedded face; a name no
shipped face can draw is refused with a message, never printed blank; a CJK name comes back
from the PDF's text exactly."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from reports.catalog import build_letters
from reports.fonts import SCRIPTS, escape_text, undrawable, visual
from reports.letters import NoticeRefused, NoticeRequest
from reports.pdf_letter import write_letters_pdf
from tests.reports.conftest import letter_deal, pdf_text

HEBREW = "בנק הפועלים"
ARABIC = "شركة الخليج"
CJK = "株式会社 Tokyo"


def _deal(name: str):
    d = letter_deal()
    holders = list(d.holders)
    holders[0] = dc.replace(holders[0], name=name)
    return dc.replace(d, holders=tuple(holders))


def _letter_text(name: str) -> str:
    d = _deal(name)
    letters = build_letters(d, NoticeRequest("blackout", dt.datetime(2003, 9, 3, 10), "courier", (d.holders[0].id,)))
    buffer = io.BytesIO()
    write_letters_pdf(letters, buffer)
    return pdf_text(buffer.getvalue())


def test_hebrew_is_written_in_visual_order_and_latin_and_digits_keep_theirs():
    assert visual(HEBREW) == "םילעופה קנב"
    assert visual("Fund קנב 2003")[:5] == "Fund "
    assert visual("Müller") == "Müller"  # no right-to-left text: untouched


def test_arabic_is_joined_and_set_in_the_scripts_face():
    shown = visual(ARABIC)
    assert all("\ufe70" <= c <= "\ufeff" or c == " " for c in shown)  # presentation forms: joined letters
    assert f'<font name="{SCRIPTS}">' in escape_text(ARABIC)


@pytest.mark.parametrize("name", [CJK, HEBREW, ARABIC])
def test_a_name_in_any_shipped_script_is_in_the_letters_text(name):
    import arabic_reshaper

    text = _letter_text(name)
    # a PDF reader puts right-to-left words back in reading order, each in its joined forms
    assert all(word in text or word[::-1] in text for word in arabic_reshaper.reshape(name).split())


def test_a_cjk_name_comes_back_exactly():
    assert CJK in _letter_text(CJK)


def test_a_name_no_font_can_draw_is_refused_not_printed_blank():
    pharaoh = "𓀀𓁐 Holdings"  # Egyptian hieroglyphs: in none of the shipped faces
    assert undrawable(pharaoh) == "𓀀𓁐"
    d = _deal(pharaoh)
    with pytest.raises(NoticeRefused, match="cannot print"):
        build_letters(d, NoticeRequest("blackout", dt.datetime(2003, 9, 3, 10), "courier", (d.holders[0].id,)))


def test_every_face_used_for_hebrew_and_arabic_is_embedded():
    d = _deal(ARABIC)
    letters = build_letters(d, NoticeRequest("blackout", dt.datetime(2003, 9, 3, 10), "courier", (d.holders[0].id,)))
    buffer = io.BytesIO()
    write_letters_pdf(letters, buffer)
    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
