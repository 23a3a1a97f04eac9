"""The letter registry: every kind has its entry, builder and template, and what a sent letter
sets in motion (a Holder's window, the 7(p) completion, the ledger's dates) is read from it."""

import datetime as dt
from dataclasses import replace

from reports.catalog import BUILDERS, KINDS
from reports.notice_log import WINDOW_FACTS
from reports.templates import TEMPLATES_DIR
from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.letter_kinds import LETTERS, Concerns, LetterKind, Recipients, letter, log_kinds_completing
from rra_desktop.domain.model import FactKind, NoticeDirection, NoticeRecord, RegistrationKind, RegistrationStatement
from rra_desktop.domain.obligations import ObligationKind
from rra_desktop.sample import load_sample_deal

# The names the command line takes and the notice log's kinds, as stored in deal files.
NAMES = {"notice-of-effectiveness": "notice_of_effectiveness", "review-copies": "review_copies",
         "filing-notice": "filing_notice", "sec-review": "sec_review", "effectiveness": "effectiveness",
         "suspension-event": "suspension_event", "blackout": "blackout", "advice": "advice", "piggyback": "piggyback",
         "rule144-certification": "rule144_certification", "proceeding": "proceeding",
         "assignment-acknowledgement": "assignment_acknowledgement"}


def test_one_entry_builder_and_template_per_kind():
    assert {k.value: s.log_kind for k, s in LETTERS.items()} == NAMES
    assert set(BUILDERS) == set(LetterKind) == set(KINDS)
    for spec in LETTERS.values():
        assert (TEMPLATES_DIR / f"{spec.template}.txt").is_file(), spec.template
        assert KINDS[spec.kind].label == spec.label and KINDS[spec.kind].clause == spec.clause
    assert letter("no-such-letter") is None


def test_what_the_letters_set_in_motion():
    assert WINDOW_FACTS == {"review-copies": FactKind.REVIEW_COPIES_RECEIVED, "piggyback": FactKind.PIGGYBACK_NOTICE}
    assert {k for k, s in LETTERS.items() if s.opens} == {LetterKind.REVIEW_COPIES, LetterKind.PIGGYBACK}
    assert log_kinds_completing(ObligationKind.NOTICE_OF_EFFECTIVENESS) == {"notice_of_effectiveness"}
    assert [k for k, s in LETTERS.items() if s.ledger_step] == [LetterKind.BLACKOUT, LetterKind.ADVICE]
    assert [k for k, s in LETTERS.items() if not s.recipients.chosen_holders] == [
        LetterKind.NOTICE_OF_EFFECTIVENESS, LetterKind.ASSIGNMENT_ACKNOWLEDGEMENT]
    assert LETTERS[LetterKind.RULE144_CERTIFICATION].recipients is Recipients.REQUESTING_HOLDER
    assert LETTERS[LetterKind.PIGGYBACK].concerns is Concerns.COMPANY_REGISTRATION
    assert Concerns.SHELF.field == "registration_id" and Concerns.BLACKOUT.field == "blackout_id"


def test_the_7p_deadline_is_met_by_the_logged_exhibit_a_letter():
    """Declared effective Thu Jul 3, 2003; the Exhibit A letter logged as sent Mon Jul 7 performs
    the 7(p) notice (due within 2 Business Days: Tue Jul 8, Jul 4 a holiday)."""
    sample = load_sample_deal()
    effective = RegistrationStatement("shelf", RegistrationKind.SECTION_2_SHELF,
                                      effective_at=dt.datetime(2003, 7, 3, 16))
    sent = NoticeRecord("n1", NoticeDirection.SENT, "notice_of_effectiveness", "Transfer agent", "fax",
                        dt.datetime(2003, 7, 7, 10))
    other = replace(sent, id="n2", kind="effectiveness")  # the 3(c)(C) letter to the Holders does not
    deal = replace(sample, facts=(), registrations=(effective,), notices=(other,))
    by_key = {d.key: d for d in compute_deadlines(deal, dt.date(2003, 7, 9))}
    assert by_key["notice_of_effectiveness:shelf"].due == dt.date(2003, 7, 8)
    assert by_key["notice_of_effectiveness:shelf"].status == DeadlineStatus.OVERDUE
    by_key = {d.key: d for d in compute_deadlines(replace(deal, notices=(other, sent)), dt.date(2003, 7, 9))}
    assert by_key["notice_of_effectiveness:shelf"].status == DeadlineStatus.DONE
    assert by_key["notice_of_effectiveness:shelf"].done_on == dt.date(2003, 7, 7)


def test_logging_the_exhibit_a_letter_is_the_one_record_of_the_7p_notice(tmp_path):
    """Declared effective Thu Jul 3, 2003; the letter logged as sent Mon Jul 7 performs 7(p): the
    deadline is done from the log, and no separate Completion is written beside it."""
    from reports.letters import NoticeRequest
    from reports.notice_log import record
    from rra_desktop.store import DealStore

    shelf = RegistrationStatement("shelf", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 20, 16),
                                  effective_at=dt.datetime(2003, 7, 3, 16))
    sent_at = dt.datetime(2003, 7, 7, 10)
    with DealStore.create(tmp_path / "d.rradeal", replace(load_sample_deal(), registrations=(shelf,))) as store:
        record(store, NoticeRequest("notice-of-effectiveness", sent_at, "fax", registration_id="shelf"),
               [NoticeRecord("n1", NoticeDirection.SENT, "notice_of_effectiveness", "Transfer agent", "fax", sent_at)],
               [{"registration_id": "shelf"}])
        deal = store.deal()
    assert deal.completions == () and [n.id for n in deal.notices] == ["n1"]
    by_key = {d.key: d for d in compute_deadlines(deal, dt.date(2003, 7, 9))}
    assert by_key["notice_of_effectiveness:shelf"].status == DeadlineStatus.DONE
    assert by_key["notice_of_effectiveness:shelf"].done_on == dt.date(2003, 7, 7)
