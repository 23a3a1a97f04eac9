"""5(c) fee payments and 3(n) blackout limits, worked to the day: who pays (the Indemnifying
Party by clause: a 5(d) contribution names the Company in any spelling), when a fee notice is
given on a deal with its own closure day, and what the blackout's note says on its first day,
on the as-of day it ends and one day over the limit."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    FactKind,
    FeeNotice,
    TimelineFact,
)
from rra_desktop.domain.parties import COMPANY, holder
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
CLOSED = D(2004, 3, 15)  # a Monday the deal records as an ad hoc closure (a bank holiday ordered that day)


AS_OF = D(2004, 1, 2)
ONE_NOTICE = (FeeNotice(D(2003, 12, 19), Decimal(1000)),)


def _deadlines(as_of=AS_OF, closure=False, **records):
    terms = replace(SAMPLE.terms, closure_days=(CLOSED,)) if closure else SAMPLE.terms
    return {d.key: d for d in compute_deadlines(replace(SAMPLE, terms=terms, **records), as_of)}


def _claim(clause, named, notices=ONE_NOTICE, holder_id="h-ota"):
    return Claim("c1", clause, "Otago Partners", named, "Smith v. Spectrum", holder_id=holder_id, fee_notices=notices)


@pytest.mark.parametrize(("clause", "named", "roles", "text"), [
    (ClaimClause.COMPANY_INDEMNIFIES, "Spectrum", (COMPANY,), "Company (Indemnifying Party)"),
    (ClaimClause.HOLDER_INDEMNIFIES, "Otago Partners", (holder("h-ota"),), "Otago Partners (Indemnifying Party)"),
    (ClaimClause.HOLDER_INDEMNIFIES, "the Company", (holder("h-ota"),), "the Company (Indemnifying Party)"),
    (ClaimClause.HOLDER_INDEMNIFIES, "", (holder("h-ota"),), "Holder (Indemnifying Party)"),
    (ClaimClause.CONTRIBUTION, "Company", (COMPANY,), "Company (Indemnifying Party)"),
    (ClaimClause.CONTRIBUTION, "  The Company ", (COMPANY,), "The Company (Indemnifying Party)"),
    (ClaimClause.CONTRIBUTION, "SPECTRUM PHARMACEUTICALS, INC.", (COMPANY,),
     "SPECTRUM PHARMACEUTICALS, INC. (Indemnifying Party)"),
    (ClaimClause.CONTRIBUTION, "Otago Partners", (holder("h-ota"),), "Otago Partners (Indemnifying Party)"),
])
def test_the_indemnifying_party_pays_the_fees(clause, named, roles, text):
    d = _deadlines(claims=(_claim(clause, named),))["indemnity_fee_payment:c1:1"]
    assert (d.party.roles, d.party.text) == (roles, text)
    # Fri Dec 19, 2003 + 10 Business Days (Christmas and New Year's Day skipped) = Tue Jan 6, 2004
    assert (d.trigger_date, d.due) == (D(2003, 12, 19), D(2004, 1, 6))


def test_a_fee_notice_after_hours_is_given_after_the_deals_own_closure_day():
    # faxed Fri Mar 12, 2004 at 6 p.m.: given the next Business Day, which the closure day is not
    late_fax = FeeNotice(D(2004, 3, 12), Decimal(500), method="fax", sent_at=T(2004, 3, 12, 18))
    claim = _claim(ClaimClause.COMPANY_INDEMNIFIES, "Spectrum", (late_fax,))
    closed = _deadlines(closure=True, claims=(claim,))["indemnity_fee_payment:c1:1"]
    assert closed.trigger_date == D(2004, 3, 16) and closed.due == D(2004, 3, 30)
    assert _deadlines(claims=(claim,))["indemnity_fee_payment:c1:1"].trigger_date == D(2004, 3, 15)


def test_a_fee_notice_fact_by_courier_counts_from_the_business_day_after_it_is_handed_over():
    courier = TimelineFact("fee-1", FactKind.FEE_NOTICE, D(2004, 3, 12), method="courier")
    d = _deadlines(closure=True, facts=(courier,))["indemnity_fee_payment:fee-1"]
    assert d.trigger_date == D(2004, 3, 16)  # Monday the 15th is closed
    assert "date of mailing Fri Mar 12, 2004" in d.explanation
    received = replace(courier, received_on=D(2004, 3, 12))  # received the day it went: the earlier day counts
    assert _deadlines(closure=True, facts=(received,))["indemnity_fee_payment:fee-1"].trigger_date == D(2004, 3, 12)
    faxed = replace(courier, method="fax", at=T(2004, 3, 12, 18))
    assert _deadlines(closure=True, facts=(faxed,))["indemnity_fee_payment:fee-1"].trigger_date == D(2004, 3, 16)


def _blackout(start, end=None):
    return BlackoutPeriod("b1", start, end, BlackoutBasis.MNPI, "a pending acquisition")


def _note(b, as_of):
    return _deadlines(as_of, blackouts=(b,))["blackout_limit:b1"].explanation


def test_a_blackout_on_its_first_day_is_in_force_not_upcoming():
    start = D(2004, 2, 2)
    assert "upcoming" not in _note(_blackout(start), start)
    assert "upcoming: starts Mon Feb 2, 2004" in _note(_blackout(start), start - dt.timedelta(days=1))
    planned = _blackout(start, D(2004, 2, 10))
    assert "active, planned to end Tue Feb 10, 2004: within the limit" in _note(planned, start)
    assert "upcoming: starts Mon Feb 2, 2004, planned to end" in _note(planned, D(2004, 2, 1))


def test_a_blackout_one_day_over_the_limit_says_so_and_one_on_its_20th_day_is_within():
    start = D(2004, 2, 2)  # its 20th day is Sat Feb 21, 2004
    over = _note(_blackout(start, D(2004, 2, 22)), D(2004, 3, 1))
    assert "ended Sun Feb 22, 2004: 1 day over the 20-day limit" in over
    assert "ended Sat Feb 21, 2004: within the limit" in _note(_blackout(start, D(2004, 2, 21)), D(2004, 3, 1))
    # a recorded end is a fact only once its day has come: on that day it has ended
    assert "ended Sat Feb 21, 2004" in _note(_blackout(start, D(2004, 2, 21)), D(2004, 2, 21))
