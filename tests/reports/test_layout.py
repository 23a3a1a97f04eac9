"""Where things fall on the page: the signature never alone, the body not pushed off a half-empty
page, the cc list whole, and a batch set once (its letters cut from one layout)."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import io

from pypdf import PdfReader

from reports.batch import write_batch
from reports.catalog import build_letters
from reports.document import Para, Run
from reports.letters import NoticeRequest
from reports.pdf_letter import letter_pdf_bytes
from tests.reports.conftest import page_texts, pdf_text

SENT = dt.datetime(2003, 6, 23, 10)


def exhibit_a(deal):
    [letter] = build_letters(deal, NoticeRequest("notice-of-effectiveness", SENT, "courier"))
    return letter


def test_exhibit_a_keeps_its_body_and_signature_on_page_one_and_the_cc_list_whole_on_page_two(deal):
    # before: the last paragraph moved whole to page 2 with the signature, page 1 ~40% empty
    pages = page_texts(letter_pdf_bytes(exhibit_a(deal)))
    assert len(pages) == 2
    assert "pursuant to the Registration Statement." in pages[0]  # the last words of the body
    assert "Very truly yours," in pages[0] and "Allan W. Pettis" in pages[0]
    assert "cc:" not in pages[0]
    cc = pages[1].split("cc:")[1]
    assert all(h.name in cc for h in deal.holders) and "Kane Kessler, P.C." in cc


def test_a_long_last_paragraph_splits_and_at_least_two_lines_go_with_the_signature(deal):
    letter = exhibit_a(deal)
    words = " ".join(f"word{i}" for i in range(300))  # the last paragraph runs past page 1
    long_letter = dc.replace(letter, body=(*letter.body[:-1], Para((Run(words + " THE-END."),))), cc=())
    pages = page_texts(letter_pdf_bytes(long_letter))
    assert len(pages) == 2
    assert "word0 " in pages[0]  # the paragraph began on page 1 (not moved whole)
    body_on_2 = pages[1].split("Very truly yours,")[0]  # (page furniture is drawn last)
    assert "THE-END." in body_on_2 and len(body_on_2.split()) >= 12  # two lines or more above the closing
    assert "Very truly yours," in pages[1]


def test_a_batch_is_set_once_and_each_letter_file_is_that_letter_alone(deal, tmp_path):
    ids = tuple(h.id for h in deal.holders[:4])
    letters = build_letters(deal, NoticeRequest("blackout", SENT, "fax", ids))
    result = write_batch(letters, tmp_path, "2003-06-23", workers=1)
    for made, holder in zip(result.made, deal.holders[:4], strict=True):
        reader = PdfReader(made.path)
        assert reader.metadata.title == made.letter.title and reader.metadata.author == "Latham & Watkins LLP"
        text = pdf_text(str(made.path))
        assert holder.name in text and all(h.name not in text for h in deal.holders[:4] if h is not holder)
        fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
        assert fonts and all("+" in str(f) for f in fonts)  # embedded subsets only
    combined = PdfReader(result.combined)
    assert len(combined.pages) == len(letters)
    assert [deal.holders[i].name in combined.pages[i].extract_text() for i in range(4)] == [True] * 4


def test_a_parallel_batch_joins_its_parts_in_register_order(deal, tmp_path):
    letters = build_letters(deal, NoticeRequest("blackout", SENT, "fax", tuple(h.id for h in deal.holders)))
    result = write_batch(letters * 8, tmp_path, "2003-06-23", workers=2)  # 72 letters: more than one part
    combined = PdfReader(io.BytesIO(result.combined.read_bytes()))
    assert len(combined.pages) == 72 and len(result.made) == 72
    names = [h.name for h in deal.holders] * 8
    assert all(names[i] in combined.pages[i].extract_text() for i in (0, 25, 26, 50, 71))
