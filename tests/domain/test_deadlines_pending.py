"""Obligations whose trigger has not occurred show once each as not yet triggered, so the docket
shows what is still to come (sample deal, Closing May 7, 2003, no facts recorded)."""

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines, preview_change
from rra_desktop.domain.model import Completion, FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.obligations import OBLIGATIONS
from rra_desktop.domain.obligations.registry import ObligationKind
from rra_desktop.sample import load_sample_deal

D = dt.date
AS_OF = D(2003, 6, 1)
BARE = replace(load_sample_deal(), facts=())
EFFECTIVE_SHELF = RegistrationStatement("shelf", RegistrationKind.SECTION_2_SHELF,
                                        effective_at=dt.datetime(2003, 7, 15, 16, 0))
WAITING = {s.kind for s in OBLIGATIONS.values() if s.pending}  # the kinds listed in test_obligation_registry


def pending(deal, as_of=AS_OF):
    return {d.kind: d for d in compute_deadlines(deal, as_of) if d.key.endswith(":pending")}


def test_one_placeholder_per_kind_not_yet_triggered():
    got = pending(BARE)
    assert set(got) == WAITING
    for kind, d in got.items():
        assert d.key == f"{kind}:pending"
        assert d.status == DeadlineStatus.NOT_YET_TRIGGERED
        assert (d.due, d.act_by, d.in_force, d.trigger_date, d.holder_id) == (None, None, None, None, None)
        assert d.trigger.startswith("when ") and d.trigger in d.explanation
    assert "declared effective" in got["notice_of_effectiveness"].trigger
    assert "amendment or supplement" in got["holder_review_copies"].title
    # the initial shelf's review copies keep their own dated row
    keys = {d.key for d in compute_deadlines(BARE, D(2003, 6, 1))}
    assert "holder_review_copies:initial" in keys


def test_a_trigger_replaces_its_placeholder_with_the_dated_deadline():
    deal = replace(BARE, registrations=(EFFECTIVE_SHELF,))
    got = pending(deal, D(2003, 7, 15))
    assert "notice_of_effectiveness" not in got and "earnings_statement" not in got
    by_key = {d.key: d for d in compute_deadlines(deal, D(2003, 7, 15))}
    assert by_key["notice_of_effectiveness:shelf"].due == D(2003, 7, 17)
    amendment = TimelineFact("f-am", FactKind.AMENDMENT_PLANNED, D(2003, 9, 10))
    assert "holder_review_copies" not in pending(replace(BARE, facts=(amendment,)))


def test_the_preview_does_not_list_placeholders_as_moves():
    moves = preview_change(BARE, replace(BARE, registrations=(EFFECTIVE_SHELF,)), D(2003, 7, 15))
    assert moves and not any(m.key.endswith(":pending") for m in moves)
    assert "notice_of_effectiveness:shelf" in {m.key for m in moves}


def test_a_placeholder_marked_done_shows_done_on_the_day_recorded():
    # Marking done takes any obligation's key, a placeholder's included: the earnings statement
    # recorded as made generally available on Fri Jun 20, 2003 shows done that day on Jul 1, with no
    # date of its own (nothing recorded started it); the other placeholders stay not yet triggered
    done = replace(BARE, completions=(Completion("earnings_statement:pending", D(2003, 6, 20), "press release"),))
    got = pending(done, D(2003, 7, 1))
    earnings = got.pop(ObligationKind.EARNINGS_STATEMENT)
    assert (earnings.status, earnings.done_on, earnings.in_force) == (DeadlineStatus.DONE, D(2003, 6, 20), None)
    assert {d.status for d in got.values()} == {DeadlineStatus.NOT_YET_TRIGGERED}
