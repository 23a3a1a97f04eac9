"""Letters use the 7(g) address in force on their sending date: a letter dated before a change of
address takes effect goes to the old address, one dated on or after it to the new one; the
copies and the Exhibit A's transfer agent alike. The PDF's and the .docx's own text is checked."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import io

from docx import Document

from reports.batch import letter_bytes
from reports.catalog import build_letters
from reports.letters import NoticeRequest
from rra_desktop.domain.model import AddressChange, AddressOf
from tests.reports.conftest import letter_deal, pdf_text

T = dt.datetime
# OTA LLC's notice of its new address, faxed Wed Jul 9, 2003 at 2:00 p.m.: given (in force) that day
OTA_MOVES = AddressChange("ac-ota", AddressOf.HOLDER, ("One Penn Plaza, Suite 4100", "New York, New York 10119"),
                          "fax", T(2003, 7, 9, 14, 0), holder_id="h-ota", attention="Mr. Ira Gostin",
                          fax="212-555-0199")
# Holders' counsel moves by a notice sent by courier Thu Jul 3, 2003: Fri Jul 4 is a holiday, so Mon Jul 7
COUNSEL_MOVES = AddressChange("ac-kk", AddressOf.HOLDERS_COUNSEL, ("600 Third Avenue", "New York, New York 10016"),
                              "courier", T(2003, 7, 3, 16, 0), attention="Robert L. Lawrence, Esq.",
                              fax="(212) 555-3009")


def ota_letter(deal, sent_at, method="fax"):
    [letter] = build_letters(deal, NoticeRequest("effectiveness", sent_at, method, ("h-ota",)))
    return letter


def docx_text(letter) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(letter_bytes(letter, docx=True))).paragraphs)


def test_a_letter_sent_the_day_before_the_change_goes_to_the_schedule_1_address():
    deal = dc.replace(letter_deal(), address_changes=(OTA_MOVES,))
    letter = ota_letter(deal, T(2003, 7, 8, 10, 0))
    text = pdf_text(letter_bytes(letter))
    assert "1 Manhattanville Road" in text and "Purchase, New York 10577" in text
    assert "Via Facsimile (914) 694-6335" in text and "Attention: Mr. Richard M. Cayne" in text
    assert "One Penn Plaza" not in text and "555-0199" not in text
    assert "1 Manhattanville Road" in docx_text(letter) and "One Penn Plaza" not in docx_text(letter)


def test_a_letter_sent_on_the_day_the_change_takes_effect_goes_to_the_new_address():
    deal = dc.replace(letter_deal(), address_changes=(OTA_MOVES,))
    for sent_at in (T(2003, 7, 9, 16, 0), T(2003, 7, 10, 9, 0)):
        letter = ota_letter(deal, sent_at)
        text = pdf_text(letter_bytes(letter))
        assert "One Penn Plaza, Suite 4100" in text and "New York, New York 10119" in text
        assert "Via Facsimile (212) 555-0199" in text and "Attention: Mr. Ira Gostin" in text
        assert "Dear Mr. Gostin:" in text
        assert "Manhattanville" not in text
        assert "One Penn Plaza, Suite 4100" in docx_text(letter)


def test_the_copy_to_holders_counsel_goes_where_counsel_is_on_the_sending_date():
    deal = dc.replace(letter_deal(), address_changes=(COUNSEL_MOVES,))
    before = pdf_text(letter_bytes(ota_letter(deal, T(2003, 7, 4, 10, 0), "courier"))).split("cc:")[1]
    after = pdf_text(letter_bytes(ota_letter(deal, T(2003, 7, 7, 10, 0), "courier"))).split("cc:")[1]
    assert "1350 Avenue of the Americas" in before and "600 Third Avenue" not in before
    assert "600 Third Avenue" in after and "1350 Avenue of the Americas" not in after


def test_the_exhibit_a_goes_to_the_transfer_agents_address_in_force():
    agent = AddressChange("ac-ta", AddressOf.TRANSFER_AGENT, ("1 Brand Boulevard", "Glendale, California 91203"),
                          "fax", T(2003, 6, 20, 11, 0), attention="Compliance Department", fax="818-555-0101")
    deal = dc.replace(letter_deal(), address_changes=(agent,))
    [old] = build_letters(deal, NoticeRequest("notice-of-effectiveness", T(2003, 6, 19, 10), "courier"))
    [new] = build_letters(deal, NoticeRequest("notice-of-effectiveness", T(2003, 6, 23, 10), "fax"))
    assert "1745 Gardena Avenue" in pdf_text(letter_bytes(old))
    text = pdf_text(letter_bytes(new))
    assert "1 Brand Boulevard" in text and "Via Facsimile (818) 555-0101" in text and "Gardena" not in text
