"""Template wording prints typographic quotes and apostrophes, as a firm's word processor sets
them; values the user typed print exactly as typed."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from reports.catalog import build_letters
from reports.docx_writer import write_letter_docx
from reports.letters import NoticeRequest
from reports.pdf_letter import letter_pdf_bytes
from reports.templates import parse, typographic
from tests.reports.conftest import pdf_text

ODD = 'O\'Brien "Fund"'


def test_template_quotes_turn_typographic_around_values_typed_ones_stay():
    tpl = parse("re: $holder's \"Notice\"\n---\n| \"$holder\" is the Holder's name; the Holders' counsel.\n", "t")
    values = {"holder": ODD}
    assert tpl.header_value("re", values) == 'O\'Brien "Fund"\u2019s \u201cNotice\u201d'
    expected = '\u201cO\'Brien "Fund"\u201d is the Holder\u2019s name; the Holders\u2019 counsel.'
    assert tpl.body(values)[0].text == expected


def test_quotes_open_after_a_space_bracket_or_dash_and_close_elsewhere():
    assert typographic('(the "Agreement")') == "(the \u201cAgreement\u201d)"
    assert typographic("'Tis\u2014'quoted'") == "\u2018Tis\u2014\u2018quoted\u2019"
    assert typographic('"x"', before="a") == "\u201dx\u201d"  # after a value's last letter a quote closes


@given(st.text(alphabet="ab '\"(-", max_size=30))
def test_typographic_leaves_no_straight_quote_and_changes_nothing_else(text):
    out = typographic(text)
    assert len(out) == len(text) and '"' not in out and "'" not in out
    assert [c for c in out if c not in "\u201c\u201d\u2018\u2019"] == [c for c in text if c not in "'\""]


def test_letter_prints_typographic_quotes_and_the_holders_name_as_typed(deal, tmp_path):
    deal = dc.replace(deal, holders=(dc.replace(deal.holders[0], name=ODD), *deal.holders[1:]))
    [letter] = build_letters(deal, NoticeRequest("review-copies", dt.datetime(2003, 6, 4, 15, 30), "fax",
                                                 (deal.holders[0].id,)))
    text = pdf_text(letter_pdf_bytes(letter))
    assert "(the \u201cAgreement\u201d)" in text and "(the \u201cCompany\u201d)" in text
    assert ODD in text  # the Holder's name: straight quotes, exactly as typed
    assert text.replace(ODD, "").count('"') == 0 and text.replace(ODD, "").count("'") == 0
    write_letter_docx(letter, tmp_path / "l.docx")
    from docx import Document

    body = "\n".join(p.text for p in Document(str(tmp_path / "l.docx")).paragraphs)
    assert "\u201cCompany\u201d" in body and ODD in body
