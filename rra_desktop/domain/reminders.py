"""Reminders: what is overdue, and what falls due within a horizon of Business Days,
for the parties the user watches (Company, Holders, counsel).

Choices: "due within N Business Days" means a date in force from today through the Nth Business
Day after today, inclusive. A Holder's option window that closed unexercised (a lapsed 7(d) or
3(a) right) is not overdue work for anyone and is left out. A deadline belongs to every party
it names (``Deadline.party.roles``: the 7(p) notice, "through Company counsel if the transfer
agent asks", is both the Company's and counsel's); the party line shown is never searched, so a
Holder named "... Company LLC" is a Holder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.deadlines import OPTION_WINDOWS, Deadline, DeadlineStatus
from rra_desktop.domain.parties import WATCH_GROUPS, watch_groups

PARTY_GROUPS = tuple(WATCH_GROUPS)


def party_groups(deadline: Deadline) -> frozenset[str]:
    """The watch lists ("Company", "Holders", "counsel") of the parties a deadline names."""
    return watch_groups(deadline.party)


@dataclass(frozen=True, slots=True)
class Reminders:
    """Overdue items (oldest first) and items due from ``today`` through ``horizon_end``."""

    today: dt.date
    horizon: int
    horizon_end: dt.date
    overdue: tuple[Deadline, ...]
    due_soon: tuple[Deadline, ...]
    calendar: str

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon)

    @property
    def summary(self) -> str:
        days = f"{self.horizon} Business Day{'' if self.horizon == 1 else 's'}"
        return (f"{len(self.overdue)} overdue; {len(self.due_soon)} due within {days} "
                f"(through {fmt(self.horizon_end)}, {self.calendar})")


def horizon_end(today: dt.date, calendar: BusinessCalendar, horizon: int = 5) -> dt.date:
    """The last day "due within ``horizon`` Business Days" of ``today`` covers: the ``horizon``-th
    Business Day after it (inclusive)."""
    return calendar.add_business_days(today, horizon)


def due_soon(in_force: dt.date | None, today: dt.date, calendar: BusinessCalendar, horizon: int = 5) -> bool:
    """A date in force from ``today`` through ``horizon_end`` (the reminders' "due soon", the
    timeline's amber marker)."""
    return in_force is not None and today <= in_force <= horizon_end(today, calendar, horizon)


def reminders(deadlines: Iterable[Deadline], today: dt.date, calendar: BusinessCalendar, horizon: int = 5,
              parties: Iterable[str] | None = None) -> Reminders:
    """Overdue deadlines and those due within ``horizon`` Business Days of ``today`` on
    ``calendar``, limited to ``parties`` (any of "Company", "Holders", "counsel"; None = all)."""
    watched = None if parties is None else {_group(p) for p in parties}
    last = horizon_end(today, calendar, horizon)
    overdue, soon = [], []
    for d in deadlines:
        if d.in_force is None or (watched is not None and not (party_groups(d) & watched)):
            continue
        if d.status not in (DeadlineStatus.OPEN, DeadlineStatus.OVERDUE):
            continue
        # the status was computed as of some day; what counts here is ``today``
        if d.in_force < today:
            if d.kind not in OPTION_WINDOWS:
                overdue.append(d)
        elif d.in_force <= last:
            soon.append(d)
    return Reminders(today, horizon, last, tuple(sorted(overdue, key=_order)),
                     tuple(sorted(soon, key=_order)), calendar.display_name)


def _order(d: Deadline) -> tuple[dt.date | None, str]:
    return d.in_force, d.key


def _group(name: str) -> str:
    low = name.strip().lower()
    for g in PARTY_GROUPS:
        if low.startswith(g.lower()[:6]):
            return g
    raise ValueError(f"Unknown party {name!r}; expected one of {', '.join(PARTY_GROUPS)}")
