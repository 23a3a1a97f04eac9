"""Small rules at their edges: 7(i) assignments effective on the day a condition is met, 7(f)
signed by every Holder and the Company, the reminders' horizon and party names, fee notices by
7(g), and the lookups every layer uses."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.assignments import (
    AUTOMATIC,
    CONSENT,
    MISSING_CONSENT,
    MISSING_TRANSFEREE_NOTICE,
    MISSING_WRITTEN_ASSIGNMENT,
    assignment_status,
)
from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.fact_kinds import fact_label
from rra_desktop.domain.form_of_agreement import deal_title
from rra_desktop.domain.indemnification import fee_notice_given, fee_payment_due, holder_cap
from rra_desktop.domain.letter_kinds import LETTERS, LetterKind, letter
from rra_desktop.domain.majority import COMPANY, company_and_each_holder, majority_count
from rra_desktop.domain.model import Assignment, FactKind, FeeNotice
from rra_desktop.domain.parties import TRANSFER_AGENT, Parties, watch_groups
from rra_desktop.domain.reminders import due_soon, horizon_end, reminders
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
CAL = BusinessCalendar()


def _assignment(**dates):
    return Assignment("a1", "h-ota", "h-new", "PREF", 5, D(2004, 1, 5), **dates)


def test_an_assignment_is_effective_when_the_last_condition_is_met():
    s = assignment_status(_assignment(transferee_notice_on=D(2004, 1, 6),
                                      written_assignment_furnished_on=D(2004, 1, 9)))
    assert (s.effective, s.effective_on, s.route) == (True, D(2004, 1, 9), AUTOMATIC)


def test_consent_given_on_the_assignments_day_is_prior_consent():
    s = assignment_status(_assignment(company_consent_on=D(2004, 1, 5)))
    assert (s.effective_on, s.route) == (D(2004, 1, 5), CONSENT)
    assert s.explanation == ("Effective Mon Jan 5, 2004 (Company consent): Company's prior written consent of "
                             "Mon Jan 5, 2004.")
    later = assignment_status(_assignment(company_consent_on=D(2004, 1, 6)))
    assert later.effective_on == D(2004, 1, 6) and "read as ratification" in later.explanation


def test_a_condition_met_on_the_as_of_day_is_not_missing():
    written_first = _assignment(written_assignment_furnished_on=D(2004, 1, 9), transferee_notice_on=D(2004, 1, 12))
    assert assignment_status(written_first, D(2004, 1, 9)).missing == (MISSING_TRANSFEREE_NOTICE, MISSING_CONSENT)
    notice_first = _assignment(written_assignment_furnished_on=D(2004, 1, 12), transferee_notice_on=D(2004, 1, 9))
    assert assignment_status(notice_first, D(2004, 1, 9)).missing == (MISSING_WRITTEN_ASSIGNMENT, MISSING_CONSENT)


def test_7f_needs_the_company_and_each_holder_on_the_register_and_no_one_else():
    count = majority_count(SAMPLE, D(2003, 6, 1), [])
    everyone = {p.holder_id for p in count.counted + count.excluded}
    assert company_and_each_holder([*everyone, COMPANY], count)  # exactly the register and the Company
    assert company_and_each_holder([*everyone, COMPANY, "h-someone-else"], count)
    assert not company_and_each_holder(everyone, count)
    assert not company_and_each_holder([*sorted(everyone)[1:], COMPANY], count)


def test_the_reminder_horizon_is_the_number_of_business_days_asked_for():
    friday = D(2003, 6, 13)
    assert horizon_end(friday, CAL, 2) == D(2003, 6, 17)
    assert due_soon(D(2003, 6, 17), friday, CAL, 2) and not due_soon(D(2003, 6, 18), friday, CAL, 2)
    assert due_soon(D(2003, 6, 20), friday, CAL) and not due_soon(D(2003, 6, 23), friday, CAL)
    r = reminders([], friday, CAL, 2)
    assert (r.today, r.horizon, r.horizon_end) == (friday, 2, D(2003, 6, 17))


def test_a_party_may_be_named_in_the_singular_but_not_made_up():
    from rra_desktop.domain.deadlines import compute_deadlines

    deadlines = compute_deadlines(SAMPLE, D(2003, 6, 1))
    assert reminders(deadlines, D(2003, 6, 18), CAL, parties=["Holder"]) == reminders(
        deadlines, D(2003, 6, 18), CAL, parties=["Holders"])
    with pytest.raises(ValueError, match=r"Unknown party 'Agent'; expected one of Company, Holders, counsel$"):
        reminders(deadlines, D(2003, 6, 18), CAL, parties=["Agent"])


def test_the_transfer_agents_deadline_is_the_companys_to_watch():
    assert watch_groups(Parties((TRANSFER_AGENT,), "Transfer agent")) == frozenset({"Company"})


def test_a_fee_notice_is_given_by_its_method_and_time_or_else_its_receipt_or_date():
    cal = BusinessCalendar(closure_days=(D(2004, 3, 15),))
    faxed = FeeNotice(D(2004, 3, 12), Decimal(1), method="fax", sent_at=T(2004, 3, 12, 18))
    assert fee_notice_given(faxed, cal)[0] == D(2004, 3, 16)
    # received the day it was faxed, after hours: 7(g)(iv) actual receipt is earlier than the rule date
    assert fee_notice_given(replace(faxed, received_on=D(2004, 3, 12)), cal)[0] == D(2004, 3, 12)
    no_time = replace(faxed, sent_at=None)
    assert fee_notice_given(no_time, cal) == (
        D(2004, 3, 12), "no method and time recorded: the notice's date is taken as the date given")
    assert fee_notice_given(replace(no_time, received_on=D(2004, 3, 12)), cal)[1].startswith("no method")
    assert fee_notice_given(replace(no_time, received_on=D(2004, 3, 11)), cal) == (
        D(2004, 3, 11), "actual receipt recorded (7(g)(iv))")
    assert fee_payment_due(D(2004, 3, 12), cal).due == D(2004, 3, 29)  # the closure day is skipped
    assert fee_payment_due(D(2004, 3, 12)).due == D(2004, 3, 26)


def test_a_holder_with_no_sales_has_a_cap_of_no_dollars():
    cap = holder_cap(SAMPLE, "h-ota")
    assert cap.cap == 0 and isinstance(cap.cap, Decimal)


def test_lookups_by_name():
    assert fact_label(FactKind.RS_EFFECTIVE) == fact_label("rs_effective") == "Declared effective (date and time)"
    assert fact_label("board_meeting") == "Board meeting"
    kind = next(iter(LETTERS))
    assert letter(kind.value) is LETTERS[kind] and letter(kind) is LETTERS[LetterKind(kind)]
    assert letter("no_such_letter") is None
    assert deal_title("Acme Corp.", D(2004, 3, 3)) == (
        "Acme Corp. — Registration Rights Agreement dated as of March 3, 2004")


def test_a_holder_is_found_by_its_id():
    assert SAMPLE.holder("h-ota").id == "h-ota"
    assert SAMPLE.holder(SAMPLE.holders[-1].id) is SAMPLE.holders[-1]
    with pytest.raises(KeyError, match="h-nobody"):
        SAMPLE.holder("h-nobody")
