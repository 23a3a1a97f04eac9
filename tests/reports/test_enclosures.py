"""A letter that encloses documents says so under the signature block, before the copies; and a
3(a) or 3(c)(A) notice names the document from the planned filing it is about."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from reports.catalog import build_letters
from reports.docx_writer import write_letter_docx
from reports.letters import NoticeRequest, enclosure_name
from reports.pdf_letter import letter_pdf_bytes
from reports.templates import parse
from rra_desktop.domain.model import FactKind, TimelineFact
from tests.reports.conftest import pdf_text

SENT = dt.datetime(2003, 6, 4, 15, 30)


def one(deal, kind, **kw):
    return build_letters(deal, NoticeRequest(kind, SENT, "fax", (deal.holders[0].id,), **kw))[0]


def with_planned(deal, *facts):
    return dc.replace(deal, facts=(*[f for f in deal.facts if f.kind != FactKind.RS_PLANNED], *facts))


def test_review_copies_print_the_enclosure_after_the_signature_and_before_the_copies(deal, tmp_path):
    letter = one(deal, "review-copies")
    assert letter.enclosures == ("Registration Statement",)
    text = pdf_text(letter_pdf_bytes(letter))
    signer, enclosure, cc = text.index("Very truly yours"), text.index("Enclosure: Registration Statement"), \
        text.index("cc:")
    assert signer < enclosure < cc
    assert "Enclosures" not in text
    write_letter_docx(letter, tmp_path / "l.docx")
    from docx import Document

    lines = [p.text for p in Document(str(tmp_path / "l.docx")).paragraphs]
    where = [i for i, t in enumerate(lines) if t.startswith("Enclosure: Registration Statement")]
    assert where and where[0] < next(i for i, t in enumerate(lines) if t.startswith("cc:"))


def test_review_copies_name_the_document_recorded_on_the_fact(deal):
    fact = TimelineFact("p1", FactKind.RS_PLANNED, dt.date(2003, 6, 11), document="Draft Form S-3 dated June 2, 2003")
    text = pdf_text(letter_pdf_bytes(one(with_planned(deal, fact), "review-copies")))
    assert "a copy of Draft Form S-3 dated June 2, 2003, which the Company proposes" in text
    assert "Enclosure: Draft Form S-3 dated June 2, 2003" in text


def test_advice_encloses_only_what_is_sent_with_it(deal):
    assert one(deal, "advice").enclosures == ()
    assert "Enclosure" not in pdf_text(letter_pdf_bytes(one(deal, "advice")))
    letter = one(deal, "advice", document="the Company's Current Report on Form 8-K")
    assert "Enclosure: Company's Current Report on Form 8-K" in pdf_text(letter_pdf_bytes(letter))


def test_several_enclosure_lines_print_as_enclosures(deal):
    several = dc.replace(one(deal, "review-copies"), enclosures=("Prospectus", "Form 8-K"))
    assert "Enclosures: Prospectus; Form 8-K" in pdf_text(letter_pdf_bytes(several))
    tpl = parse("enclosure: $a\nenclosure: $b\nenclosure: $c\n---\nBody.\n", "t")
    from reports.letters import enclosures

    assert enclosures(tpl, {"a": "Prospectus", "b": "", "c": "Form 8-K"}) == ("Prospectus", "Form 8-K")


def test_enclosure_name_drops_a_leading_article_only():
    assert enclosure_name("the Registration Statement") == "Registration Statement"
    assert enclosure_name("an amendment or supplement") == "Amendment or supplement"
    assert enclosure_name("Theta Fund's consent") == "Theta Fund's consent"
    assert enclosure_name("") == ""


def filing_text(deal, **kw):
    return pdf_text(letter_pdf_bytes(one(deal, "filing-notice", **kw)))


def test_filing_notice_names_the_document_of_the_fact_that_triggered_it(deal):
    # the fixture records the planned registration statement (RS_PLANNED) on June 11, 2003
    assert "proposes to file the Registration Statement with the Securities and Exchange Commission on or about " \
           "June 11, 2003" in filing_text(deal)
    assert "Prospectus supplement" not in filing_text(deal)
    amendment = TimelineFact("p2", FactKind.AMENDMENT_PLANNED, dt.date(2003, 8, 5))
    assert "proposes to file an amendment or supplement with the" in filing_text(with_planned(deal, amendment))
    recorded = dc.replace(amendment, document="Prospectus Supplement No. 1")
    text = filing_text(with_planned(deal, recorded))
    assert "proposes to file Prospectus Supplement No. 1 with the" in text and "August 5, 2003" in text
    assert "proposes to file the Form 8-K with" in filing_text(deal, document="the Form 8-K")  # --document wins


def test_filing_notice_with_on_and_no_fact_that_day_says_amendment_or_supplement(deal):
    text = filing_text(deal, on=dt.date(2003, 9, 1))
    assert "proposes to file an amendment or supplement with the" in text and "September 1, 2003" in text
