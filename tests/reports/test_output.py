"""PDF fonts and metadata, the editable .docx, templates, the batch and the reports."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from reports.batch import write_batch
from reports.blackout_ledger import write_blackout_ledger
from reports.calendar_report import write_calendar
from reports.catalog import build_letters
from reports.docx_writer import write_letter_docx
from reports.letters import NoticeRequest
from reports.pdf_letter import letter_pdf_bytes
from reports.register import register_rows, widths, write_register
from reports.templates import TemplateError, parse
from tests.reports.conftest import SECRET, page_texts, pdf_text

SENT = dt.datetime(2003, 6, 4, 15, 30)


def _fonts(reader: PdfReader) -> dict[str, object]:
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[font["/BaseFont"]] = font
    return found


def test_fonts_are_embedded_truetype_and_metadata_is_set(deal):
    [letter] = build_letters(deal, NoticeRequest("blackout", SENT, "fax", (deal.holders[6].id,)))
    reader = PdfReader(io.BytesIO(letter_pdf_bytes(letter)))
    fonts = _fonts(reader)
    assert fonts, "no fonts"
    for name, font in fonts.items():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} not embedded"
    meta = reader.metadata
    assert meta.title == f"Notice of Blackout Period under Section 3(n) — {deal.holders[6].name}"
    assert meta.author == "Latham & Watkins LLP"
    assert "Section 3(n)" in meta.subject


def test_docx_has_the_same_addressee_and_body(deal):
    [letter] = build_letters(deal, NoticeRequest("piggyback", SENT, "fax", (deal.holders[3].id,)))
    buffer = io.BytesIO()
    write_letter_docx(letter, buffer)
    text = "\n".join(p.text for p in Document(io.BytesIO(buffer.getvalue())).paragraphs)
    assert "Smith & Co. <Fund>" in text
    assert "Via Facsimile (914) 694-6335" in text
    assert "no later than Tuesday, June 24, 2003" in text
    assert "Kane Kessler, P.C." in text
    assert letter.body[0].text in text


def test_template_values_cannot_inject_markup_and_unknown_placeholders_are_named():
    tpl = parse("title: T $name\n---\n?flag **Bold** $name.\n\nPlain $$5 for $name.\n", "t.txt")
    [first, second] = tpl.body({"name": "A **B** <c> & d", "flag": "yes"})
    assert first.runs[0].bold and first.runs[0].text == "Bold"
    assert first.runs[1].text == " A **B** <c> & d." and not first.runs[1].bold
    assert second.text == "Plain $5 for A **B** <c> & d."
    assert tpl.body({"name": "x", "flag": ""})[0].text == "Plain $5 for x."
    with pytest.raises(TemplateError, match=r"\$nme"):
        parse("---\nHello $nme\n", "bad.txt").body({"name": "x"})


def test_firm_templates_override_the_shipped_ones(deal, tmp_path):
    (tmp_path / "advice.txt").write_text("title: Our Advice\nre: $company\n---\nResume now, $holder.\n")
    [letter] = build_letters(deal, NoticeRequest("advice", SENT, "courier", (deal.holders[0].id,),
                                                 templates_dir=tmp_path))
    assert letter.body[0].text == f"Resume now, {deal.holders[0].name}."


def test_batch_writes_one_letter_per_selected_holder_and_a_combined_pdf(deal, tmp_path):
    ids = tuple(h.id for h in deal.holders[:3])
    letters = build_letters(deal, NoticeRequest("blackout", SENT, "courier", ids))
    seen = []
    result = write_batch(letters, tmp_path, "2003-06-04", progress=lambda d, t, text="": seen.append((d, t)) and False)
    assert [m.letter.recipient for m in result.made] == [h.name for h in deal.holders[:3]]
    assert len(list(tmp_path.glob("*.pdf"))) == 4
    assert len(PdfReader(result.combined).pages) == sum(len(PdfReader(m.path).pages) for m in result.made)
    assert seen[-1] == (4, 4)


def test_batch_stops_on_cancel(deal, tmp_path):
    letters = build_letters(deal, NoticeRequest("blackout", SENT, "courier", tuple(h.id for h in deal.holders)))
    result = write_batch(letters, tmp_path, "2003-06-04", progress=lambda d, t, text="": d >= 2)
    assert result.cancelled and len(result.made) == 2 and result.combined is None


def test_register_report_totals_match_schedule_1(deal, tmp_path):
    rows = register_rows(deal, dt.date(2003, 6, 20))
    total = rows[-1]
    assert total[0] == "Total (9 Holders)"
    assert total[2:6] == ["$4,440,000", "444", "944,681", "944,681"] and total[6] == "188,936"
    assert total[-1] == "100.0000%"
    xmark = next(r for r in rows if r[0].startswith("Xmark Fund Ltd."))
    assert "Fax: 212-247-1329" in xmark[1] and "Attn: " in xmark[1]
    write_register(deal, dt.date(2003, 6, 20), tmp_path / "r.pdf")
    text = pdf_text(str(tmp_path / "r.pdf"))
    assert "Société Générale" in text and "As of June 20, 2003" in text and "Business Day calendar in force" in text
    assert "$4,440,000" in text and "212-247-1329" in text
    assert sum(widths(deal)) <= 9.8  # Schedule 1 whole fits the landscape frame (11 in less 0.6 in margins)
    assert len(PdfReader(str(tmp_path / "r.pdf")).pages) <= 2


def test_calendar_names_the_calendar_and_lists_the_7p_deadline(deal, tmp_path):
    write_calendar(deal, dt.date(2003, 6, 1), dt.date(2003, 6, 30), dt.date(2003, 6, 20), tmp_path / "c.pdf")
    text = pdf_text(str(tmp_path / "c.pdf"))
    assert "Business Day calendar in force" in text
    assert "7(p)" in text and "Tue Jun 24, 2003" in text  # effective Fri Jun 20 + 2 Business Days


def test_blackout_ledger_shows_reasons_and_is_confidential_on_every_page(deal, tmp_path):
    write_blackout_ledger(deal, dt.date(2003, 10, 1), tmp_path / "b.pdf")
    pages = page_texts(str(tmp_path / "b.pdf"))
    assert SECRET in " ".join(pages)
    assert all(p.count("CONFIDENTIAL") >= 2 for p in pages)
