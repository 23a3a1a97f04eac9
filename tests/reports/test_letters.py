"""Each letter's text proves the addressee, the dates, the clause and the copies."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

import pytest

from reports.catalog import KINDS, build_letters
from reports.letters import NoticeRefused, NoticeRequest
from reports.pdf_letter import letter_pdf_bytes
from rra_desktop.domain.model import FactKind, TimelineFact
from tests.reports.conftest import FACTS_LABEL, ODD_NAMES, SECRET, page_texts, pdf_text

WED_330PM = dt.datetime(2003, 6, 4, 15, 30)  # a Wednesday, before the 5:00 p.m. fax cut-off


def letters(deal, kind, holders=None, method="fax", sent_at=WED_330PM, **kw):
    ids = tuple(deal.holders[i].id for i in holders) if holders is not None else ()
    return build_letters(deal, NoticeRequest(kind, sent_at, method, ids, **kw))


def test_exhibit_a_states_the_form_facts_and_copies_every_included_holder(deal):
    [letter] = letters(deal, "notice-of-effectiveness", method="courier", sent_at=dt.datetime(2003, 6, 23, 10))
    text = pdf_text(letter_pdf_bytes(letter))
    for expected in ("U.S. Stock Transfer Corporation", "1745 Gardena Avenue", "Attention: Compliance Department",
                     "Ladies and Gentlemen:", "SPECTRUM PHARMACEUTICALS, INC.", "dated as of April 29, 2003",
                     "on June 11, 2003, the Company filed a Registration Statement on Form S-3",
                     "(File No. 333-105797)", "at 4:30 p.m. (Eastern Time) on June 20, 2003", "Via Overnight Courier",
                     "June 23, 2003", "Latham & Watkins LLP", "Allan W. Pettis", "Page 2 of 2"):
        assert expected in text, expected
    cc = text.split("cc:")[1]
    for h in deal.holders:  # all nine hold Registrable Securities on June 20, 2003
        assert h.name in cc
    assert "Kane Kessler, P.C." in cc
    assert "Esq. By" not in text  # the signer is not styled "Esq." by himself


def test_review_copies_state_the_engines_objection_deadline(deal):
    # fax Wed Jun 4 3:30 p.m. -> deemed given Jun 4 (7(g)(i)) -> 3 Business Days -> Mon Jun 9
    [letter] = letters(deal, "review-copies", [0])
    text = pdf_text(letter_pdf_bytes(letter))
    assert "no later than Monday, June 9, 2003" in text
    assert "deemed given on June 4, 2003 under Section 7(g)" in text
    assert "on or about June 11, 2003" in text  # the planned filing recorded
    assert "Via Facsimile (203) 967-5701" in text
    assert "Attention: Mr. Andrew Wilder, Chief Financial Officer" in text
    assert "Dear Mr. Wilder:" in text


@pytest.mark.parametrize(("method", "sent_at", "expected"), [
    ("fax", dt.datetime(2003, 6, 4, 17, 30), "Tuesday, June 10, 2003"),  # after 5 p.m.: next Business Day
    ("courier", WED_330PM, "Tuesday, June 10, 2003"),  # courier: Business Day after sending
    ("fax", dt.datetime(2003, 7, 3, 11, 0), "Wednesday, July 9, 2003"),  # Thu Jul 3 + 3, skipping July 4
])
def test_objection_deadline_follows_7g(deal, method, sent_at, expected):
    [letter] = letters(deal, "review-copies", [1], method=method, sent_at=sent_at)
    assert f"no later than {expected}" in pdf_text(letter_pdf_bytes(letter))


def test_mail_leaves_the_deadline_to_actual_receipt(deal):
    [letter] = letters(deal, "review-copies", [1], method="mail")
    text = pdf_text(letter_pdf_bytes(letter))
    assert ("delivered by first class mail, under Section 7(g) of the Agreement it is deemed given only upon its "
            "actual receipt") in text
    assert "no later than" not in text


def test_piggyback_gives_each_holder_its_own_response_date(deal):
    sent = dt.datetime(2003, 6, 9, 10, 0)  # Monday; +20 days = Sunday June 29 -> act by Friday June 27
    fax, courier = (letters(deal, "piggyback", [i], method=m, sent_at=sent)[0] for i, m in ((0, "fax"), (5, "courier")))
    assert "no later than Friday, June 27, 2003" in pdf_text(letter_pdf_bytes(fax))
    # courier: deemed given Tue June 10 -> +20 = Mon June 30
    assert "no later than Monday, June 30, 2003" in pdf_text(letter_pdf_bytes(courier))
    assert "underwritten" in pdf_text(letter_pdf_bytes(fax))


def test_blackout_notice_never_carries_the_confidential_reason(deal):
    for letter in letters(deal, "blackout", sent_at=dt.datetime(2003, 9, 3, 10)):
        text = pdf_text(letter_pdf_bytes(letter))
        assert SECRET not in text and "ZEBRA" not in text and FACTS_LABEL not in text
        assert "has suspended" in text and "September 2, 2003, on which date the Blackout Period began" in text
        assert "no later than September 21, 2003" in text  # start + 19 days (blackout_limit)
        assert "forty (40) days in the aggregate" in text


def test_a_blackout_notice_sent_before_the_period_starts_speaks_of_the_future(deal):
    """Letter of Aug 1 for a period starting Sep 2: "will begin", not "began"."""
    [letter] = letters(deal, "blackout", [0], sent_at=dt.datetime(2003, 8, 1, 10))
    text = pdf_text(letter_pdf_bytes(letter))
    assert "The Company will suspend" in text and "September 2, 2003, on which date the Blackout Period will begin" \
        in text
    assert "began" not in text and "has suspended" not in text


def test_suspension_events_ii_to_iv_instruct_discontinuance_but_i_does_not(deal):
    for event in ("stop-order", "iii", "iv"):
        [letter] = letters(deal, "suspension-event", [0], event=event, on=dt.date(2003, 8, 1))
        text = pdf_text(letter_pdf_bytes(letter))
        assert "forthwith discontinue disposition" in text and "Section 3(m)(iii)" in text
    text = pdf_text(letter_pdf_bytes(letters(deal, "suspension-event", [0], event="i")[0]))
    assert "discontinue" not in text and "Section 3(c)(i)" in text


def test_a_3cii_letter_states_the_event_that_happened_not_both(deal):
    def text_of(d, **kw):
        return pdf_text(letter_pdf_bytes(letters(d, "suspension-event", [0], **kw)[0]))

    stop = dc.replace(deal, facts=(*deal.facts, TimelineFact("s1", FactKind.STOP_ORDER, dt.date(2003, 8, 1))))
    text = text_of(stop)  # the recorded fact: a stop order
    assert "On August 1, 2003, the Securities and Exchange Commission issued a stop order suspending" in text
    assert "Proceedings" not in text.split("Section 3(c)(ii)")[0].split("notify you as follows")[1]
    text = text_of(deal, event="ii", on=dt.date(2003, 8, 4), document="Order instituting proceedings under 8(d)")
    assert "On August 4, 2003, the Securities and Exchange Commission initiated Proceedings" in text
    assert "stop order" not in text
    assert "initiated Proceedings" in text_of(deal, event="proceedings", on=dt.date(2003, 8, 4))
    with pytest.raises(NoticeRefused, match="issued a stop order"):
        letters(deal, "suspension-event", [0], event="ii", on=dt.date(2003, 8, 4))


def test_names_with_markup_accents_and_other_scripts_print_unchanged(deal):
    picked = list(ODD_NAMES)
    for letter in letters(deal, "effectiveness", picked):
        text = pdf_text(letter_pdf_bytes(letter))
        assert letter.recipient in text
    assert {letter.recipient for letter in letters(deal, "effectiveness", picked)} == set(ODD_NAMES.values())


def test_every_holder_letter_copies_holders_counsel_and_refers_to_its_clause(deal):
    clause_words = {"review-copies": "Section 3(a)", "filing-notice": "Section 3(c)(A)", "sec-review": "3(c)(B)",
                    "effectiveness": "Section 3(c)(C)", "suspension-event": "Section 3(c)", "blackout": "Section 3(n)",
                    "advice": "Section 3(m)(iii)", "piggyback": "Section 7(d)", "rule144-certification": "Section 6",
                    "proceeding": "Section 5(a)", "assignment-acknowledgement": "Section 7(i)"}
    for kind, clause in clause_words.items():
        extra = {"event": "iv"} if kind == "suspension-event" else {}
        for letter in letters(deal, kind, [5], **extra):
            text = pdf_text(letter_pdf_bytes(letter))
            assert clause in text, kind
            assert "Kane Kessler, P.C." in text.split("cc:")[1], kind
            assert "$" not in text.replace("$0.001", ""), kind  # no placeholder left


def test_assignment_acknowledgement_goes_to_the_transferee_and_copies_the_transferor(deal):
    [letter] = letters(deal, "assignment-acknowledgement")
    text = pdf_text(letter_pdf_bytes(letter))
    assert letter.recipient == deal.holders[1].name
    assert deal.holders[0].name in text.split("cc:")[1]
    assert "automatically, effective July 3, 2003" in text


def test_refusals_say_what_to_record(deal):
    with pytest.raises(NoticeRefused, match="facsimile"):
        letters(deal, "notice-of-effectiveness", method="fax")
    with pytest.raises(NoticeRefused, match="event"):
        letters(deal, "suspension-event", [0])
    assert set(KINDS) >= {"notice-of-effectiveness", "blackout", "piggyback"}


def test_multi_page_letters_are_numbered_and_carry_a_continuation_header(deal):
    [letter] = letters(deal, "notice-of-effectiveness", method="courier")
    pages = page_texts(letter_pdf_bytes(letter))
    assert len(pages) == 2
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "U.S. Stock Transfer Corporation June 4, 2003 Page 2" in pages[1]  # drawn after the body


def test_a_missing_fact_is_refused_in_words_not_internal_kinds(deal):
    bare = dc.replace(deal, facts=())
    with pytest.raises(NoticeRefused) as refused:
        letters(bare, "review-copies", [0])
    assert str(refused.value).startswith("No planned filing of a registration statement, amendment or supplement is "
                                         "recorded on the Timeline")
    with pytest.raises(NoticeRefused) as refused:
        letters(bare, "suspension-event", [0], event="ii")
    assert "No stop order of the Commission" in str(refused.value) and "_" not in str(refused.value)
