"""A closed assignment or claim changes only by reopening it, with a reason."""

import dataclasses
import datetime as dt

import pytest

from rra_desktop.services import Refused, assignments, claims


def test_closed_claim_is_read_only_until_reopened_with_a_reason(store):
    claims.close_claim(store, "c-1", "Settled 2004-03-01")
    claim = store.deal().claims[0]
    with pytest.raises(Refused, match="closed"):
        claims.edit_claim(store, dataclasses.replace(claim, notes="x"))
    with pytest.raises(Refused) as exc:
        claims.reopen_claim(store, "c-1", "  ")
    assert exc.value.field == "reason"
    claims.reopen_claim(store, "c-1", "Plaintiff appealed")
    assert store.audit_entries()[-1].reason == "Plaintiff appealed"
    claims.edit_claim(store, dataclasses.replace(store.deal().claims[0], notes="appeal"))
    assert store.deal().claims[0].notes == "appeal"


def test_closed_assignment_is_read_only_until_reopened(store):
    assignments.close_assignment(store, "a-1", "All conditions met")
    a = store.deal().assignments[0]
    with pytest.raises(Refused, match="closed"):
        assignments.update_assignment(store, dataclasses.replace(a, transferee_notice_on=dt.date(2003, 10, 3)))
    with pytest.raises(Refused):
        assignments.reopen_assignment(store, "a-1", "")
    assignments.reopen_assignment(store, "a-1", "Notice received late")
    assert not store.deal().assignments[0].closed


def test_record_assignment_moves_the_securities_and_creates_the_transferee(store):
    from rra_desktop.domain.model import Assignment, Holder

    a = Assignment("a-2", "h-xmark-fund", "h-new", "PREF", 34, dt.date(2004, 1, 5))
    assignments.record_assignment(store, a, Holder("h-new", "New Fund", ("9 Elm St",)))
    deal = store.deal()
    assert deal.holder("h-new").address_lines == ("9 Elm St",)
    rows = {p.id: p for p in deal.positions if p.assignment_id == "a-2"}
    assert rows["a-2-out"].quantity == -34 and rows["a-2-in"].quantity == 34
    assert rows["a-2-in"].acquired_on == dt.date(2003, 5, 7)  # tacks to the transferor's purchase
    with pytest.raises(Refused, match="fewer than") as exc:
        assignments.record_assignment(store, dataclasses.replace(a, id="a-3", quantity=101), None)
    assert exc.value.field == "quantity"
