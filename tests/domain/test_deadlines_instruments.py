"""Only a recorded instrument moves a date, recalculation never overwrites it, and a
changed trigger is previewed first."""

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines, preview_change
from rra_desktop.domain.model import Instrument, InstrumentKind, RegistrationKind, RegistrationStatement
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()
EXTENSION = Instrument("i-1", InstrumentKind.EXTENSION, "7(f)", D(2003, 6, 10), "Holders' consent to file by Jul 15",
                       given_by=("h-ota", "company"), document="consent-2003-06-10.pdf", deadline_key="filing_date",
                       new_date=D(2003, 7, 15))
WAIVER = Instrument("i-2", InstrumentKind.WAIVER, "3(a)", D(2003, 6, 9), "Special Counsel waives review period",
                    deadline_key="holder_review_copies:initial")


AS_OF = D(2003, 6, 25)


def by_key(deal, as_of=AS_OF):
    return {d.key: d for d in compute_deadlines(deal, as_of)}


def test_extension_sets_date_in_force_beside_contractual_dates():
    d = by_key(replace(SAMPLE, instruments=(EXTENSION,)))["filing_date"]
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 6, 21), D(2003, 6, 20), D(2003, 6, 23))
    assert d.in_force == D(2003, 7, 15) and d.instrument == EXTENSION
    assert d.status == DeadlineStatus.OPEN  # would be overdue on Jun 25 without it
    assert "Holders' consent" in d.explanation and "consent-2003-06-10.pdf" in d.explanation
    assert d.set_by == ("extension of Tue Jun 10, 2003 under 7(f) (Holders' consent to file by Jul 15, "
                        "consent-2003-06-10.pdf)")


def test_waiver_sets_status_waived():
    d = by_key(replace(SAMPLE, instruments=(WAIVER,)))["holder_review_copies:initial"]
    assert d.status == DeadlineStatus.WAIVED and d.in_force is None and d.instrument == WAIVER
    assert d.due == D(2003, 6, 13)  # the contractual date is still shown
    assert d.explanation.endswith("; waived by waiver of Mon Jun 9, 2003 under 3(a) (Special Counsel waives review "
                                  "period)")  # no document recorded: none named


def test_later_instrument_wins_and_extension_without_date_is_ignored():
    later = replace(EXTENSION, id="i-3", on=D(2003, 7, 1), new_date=D(2003, 7, 31))
    blank = replace(EXTENSION, id="i-4", on=D(2003, 7, 2), new_date=None)
    d = by_key(replace(SAMPLE, instruments=(later, EXTENSION, blank)))["filing_date"]
    assert d.in_force == D(2003, 7, 31) and d.instrument == later


def test_trigger_change_moves_dependents_but_not_the_extended_date():
    before = replace(SAMPLE, instruments=(EXTENSION,))
    after = replace(before, terms=replace(before.terms, closing_date=D(2003, 5, 9)))
    moves = {m.key: m for m in preview_change(before, after, D(2003, 6, 1))}
    filing = moves["filing_date"]
    assert (filing.old_due, filing.new_due) == (D(2003, 6, 21), D(2003, 6, 23))
    assert filing.old_in_force == filing.new_in_force == D(2003, 7, 15)
    assert filing.protected and filing.protected_by == EXTENSION
    assert "stays in force" in filing.message
    eff = moves["effectiveness_date"]
    assert (eff.old_in_force, eff.new_in_force) == (D(2003, 8, 5), D(2003, 8, 7)) and not eff.protected
    assert by_key(after)["filing_date"].in_force == D(2003, 7, 15)  # recalculation never overwrote it


def test_preview_lists_added_deadlines_and_nothing_when_unchanged():
    assert preview_change(SAMPLE, SAMPLE, D(2003, 6, 1)) == []
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 18, 9),
                                  effective_at=dt.datetime(2003, 8, 1, 9))
    moves = {m.key: m for m in preview_change(SAMPLE, replace(SAMPLE, registrations=(shelf,)), D(2003, 6, 1))}
    assert moves["notice_of_effectiveness:rs-1"].old_status is None
    assert moves["notice_of_effectiveness:rs-1"].new_in_force == D(2003, 8, 5)
    assert moves["filing_date"].new_status == DeadlineStatus.DONE
    assert "new" in moves["earnings_statement:rs-1"].message
