import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
from rra_desktop.services import Refused
from rra_desktop.services import blackouts as service
from tests.services.conftest import assert_undo_redo

TODAY = dt.date(2004, 6, 1)


def period(pid, start, end, facts="New facts"):
    return BlackoutPeriod(pid, start, end, BlackoutBasis.MNPI, facts)


def test_add_blackout_and_undo(store):
    before = store.deal()
    change = service.add_blackout(store, period("b-3", dt.date(2004, 7, 1), dt.date(2004, 7, 10)), today=TODAY)
    assert change.label == "Add blackout Thu Jul 1, 2004 – Sat Jul 10, 2004"
    assert_undo_redo(store, change, before)


def test_breach_of_3n_is_refused_without_override_and_kept_with_one(store):
    too_long = period("b-3", dt.date(2004, 7, 1), dt.date(2004, 7, 21))  # 21 days counted
    before = store.deal()
    with pytest.raises(Refused) as exc:
        service.add_blackout(store, too_long, today=TODAY)
    assert exc.value.problems and exc.value.problems[0].startswith("more than 20 consecutive days: ")
    assert store.deal() == before
    change = service.add_blackout(store, too_long, override_reason="Holders' waiver of 2004-06-30", today=TODAY)
    assert store.deal().blackouts[-1].override_reason == "Holders' waiver of 2004-06-30"
    assert store.audit_entries()[-1].reason == "Holders' waiver of 2004-06-30"
    assert change.reason == "Holders' waiver of 2004-06-30"


def test_status_locks(store):
    service.add_blackout(store, period("b-3", dt.date(2004, 7, 1), dt.date(2004, 7, 10)), today=TODAY)
    active = dt.date(2004, 7, 5)
    stored = store.deal().blackouts[-1]
    with pytest.raises(Refused, match="active") as exc:
        service.edit_blackout(store, dataclasses.replace(stored, facts="Other"), today=active)
    assert exc.value.field == "facts"
    service.end_blackout(store, "b-3", dt.date(2004, 7, 8), today=active)
    service.record_blackout_notice(store, "b-3", dt.date(2004, 7, 1), today=active)
    assert store.deal().blackouts[-1].end == dt.date(2004, 7, 8)
    with pytest.raises(Refused, match="started"):
        service.remove_blackout(store, "b-3", today=active)
    ended = dt.date(2004, 8, 1)
    with pytest.raises(Refused, match="ended"):
        service.end_blackout(store, "b-3", dt.date(2004, 7, 9), today=ended)


def test_an_ended_period_still_takes_its_notice_and_advice_dates_and_nothing_else(store):
    """Entered on Aug 1, 2004 for Jul 1-10: ended at once. The notice (Jul 1) and the Advice
    (Jul 12) are recorded and corrected; its end and facts are refused, naming the field."""
    ended = dt.date(2004, 8, 1)
    service.add_blackout(store, period("b-3", dt.date(2004, 7, 1), dt.date(2004, 7, 10)), today=ended)
    service.record_blackout_notice(store, "b-3", dt.date(2004, 7, 1), today=ended)
    service.record_advice(store, "b-3", dt.date(2004, 7, 13), today=ended)
    service.record_advice(store, "b-3", dt.date(2004, 7, 12), today=ended)  # corrected
    stored = store.deal().blackouts[-1]
    assert (stored.notice_sent_on, stored.advice_sent_on, stored.end) == (
        dt.date(2004, 7, 1), dt.date(2004, 7, 12), dt.date(2004, 7, 10))
    with pytest.raises(Refused, match="only the dates its notice and its Advice") as exc:
        service.edit_blackout(store, dataclasses.replace(stored, facts="Other"), today=ended)
    assert exc.value.field == "facts"
    with pytest.raises(Refused, match="Advice cannot be sent before"):
        service.record_advice(store, "b-3", dt.date(2004, 6, 30), today=ended)
