"""What every service shares: the refusal, the write, and the checks that name a field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from rra_desktop.store.errors import ChangeConflict, LockedRecord, ReadOnlyDeal
from rra_desktop.store.transaction import Change, Transaction


class Refused(Exception):
    """An action refused with a message a person can act on; nothing was written.

    ``field`` names the input at fault (the model's field name) so a dialog can point at it;
    ``problems`` lists further messages (for example each 3(n) rule a period breaks);
    ``reloaded`` says the store read the deal again because someone else had changed it (a
    server deal's stale edit), so a window shows the deal afresh."""

    def __init__(self, message: str, field: str | None = None, problems: tuple[str, ...] = (),
                 reloaded: bool = False):
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems = tuple(problems)
        self.reloaded = reloaded


@contextmanager
def write(store, label: str, reason: str = "") -> Iterator[Transaction]:
    """One user action in one transaction; the store's own refusals become ``Refused``.
    Every record written is checked for values no deal may hold (``entries.check_values``:
    dates outside 1900-2199, numbers too large to store, control characters) before anything
    is committed, whichever service wrote it."""
    from rra_desktop.services.entries import check_each

    try:
        with store.transaction(label, reason) as tx:
            yield tx
            check_each(row.after for row in tx.rows if row.after is not None and row.after is not row.before)
    except (ChangeConflict, LockedRecord, ReadOnlyDeal) as exc:
        raise Refused(str(exc), reloaded=getattr(exc, "reloaded", False)) from None


def text(value: str, field: str, what: str) -> str:
    """A required piece of text, stripped; refused when blank."""
    value = (value or "").strip()
    if not value:
        raise Refused(f"Enter the {what}.", field=field)
    return value


def whole(value: int, field: str, what: str, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise Refused(f"The {what} must be a whole number of at least {minimum:,}.", field=field)
    return value


def ordered(first: dt.date | None, later: dt.date | None, field: str, message: str) -> None:
    if first is not None and later is not None and later < first:
        raise Refused(message, field=field)


def find(records, key: str, value, what: str, field: str = "id"):
    """The record whose ``key`` equals ``value``; refused when there is none."""
    for record in records:
        if getattr(record, key) == value:
            return record
    raise Refused(f"There is no {what} {value!r} in this deal (removed meanwhile?).", field=field)


def holder_exists(deal, holder_id: str | None, field: str = "holder_id") -> None:
    if holder_id is not None and all(h.id != holder_id for h in deal.holders):
        raise Refused(f"There is no Holder {holder_id!r} in this deal.", field=field)


def unused_id(records, record_id: str, what: str) -> None:
    if not (record_id or "").strip():
        raise Refused(f"The {what} needs an identifier.", field="id")
    if any(r.id == record_id for r in records):
        raise Refused(f"This deal already has a {what} with the identifier {record_id!r}.", field="id")


def day(d: dt.date) -> str:
    """A date in a message or an undo label as the screens write it: "Tue Sep 2, 2003"."""
    from rra_desktop.domain.counting import fmt

    return fmt(d)


def clock(t: dt.datetime | dt.time) -> str:
    """A time as the agreement and the screens write it: "4:30 p.m."."""
    from rra_desktop.domain.counting import clock as written

    return written(t)


def obligation_title(deadline_key: str) -> str:
    """How a message names the obligation a deadline key stands for: its title in the rules
    engine's registry ("notice_of_effectiveness:shelf" reads "Notify the transfer agent ..."),
    never the key itself."""
    from rra_desktop.domain.obligations.registry import kind_of_key, spec

    kind = kind_of_key(deadline_key)
    return spec(kind).title if kind is not None else "the obligation"


def span(start: dt.date, end: dt.date | None) -> str:
    """How a label names a period: "Tue Sep 2, 2003 – Sun Sep 21, 2003" (open: "... – Advice")."""
    return f"{day(start)} – {day(end) if end else 'Advice'}"


def add_record(store, record, collection: str, what: str, label: str, reason: str = ""):
    """Add a record with a new id to ``Deal.<collection>`` in one audited action."""
    unused_id(getattr(store.deal(), collection), record.id, what)
    with write(store, label, reason) as tx:
        tx.add(record)
    return tx.change


def edit_record(store, record, collection: str, what: str, label: str, reason: str = ""):
    """Replace the stored record with the same id."""
    find(getattr(store.deal(), collection), "id", record.id, what)
    with write(store, label, reason) as tx:
        tx.update(record)
    return tx.change


def remove_record(store, collection: str, record_id: str, what: str, label: str):
    record = find(getattr(store.deal(), collection), "id", record_id, what)
    with write(store, label) as tx:
        tx.remove(type(record), record_id)
    return tx.change


def write_records(store, label: str, pairs, reason: str = ""):
    """Write ``(before, after)`` pairs of id-keyed records in one audited action: add where
    ``before`` is None, remove where ``after`` is None, replace otherwise."""
    with write(store, label, reason) as tx:
        for before, after in pairs:
            if before is None:
                tx.add(after)
            elif after is None:
                tx.remove(type(before), before.id)
            else:
                tx.update(after)
    return tx.change


def set_closed(store, collection: str, record_id: str, reason: str, closed: bool, what: str, name) -> Change:
    """Close or reopen an assignment or a claim: the reason is required and the audit
    trail keeps it; ``name(deal, record)`` says which record in the label."""
    verb = "Close" if closed else "Reopen"
    reason = text(reason, "reason", f"reason to {verb.lower()} the {what}")
    deal = store.deal()
    record = find(getattr(deal, collection), "id", record_id, what)
    if record.closed == closed:
        raise Refused(f"The {what} is already {'closed' if closed else 'open'}.", field="closed")
    with write(store, f"{verb} {what} {name(deal, record)}", reason) as tx:
        tx.update(dataclasses.replace(record, closed=closed))
    return tx.change
