"""The Blackout Period ledger under Section 3(n) (and 3(m)(iii) suspensions).

3(n) lets the Company postpone or suspend "for a period not to exceed 20 consecutive days",
"not ... for more than 40 days in the aggregate during any 12 month period", and never "for
consecutive 20 day periods, arising out of the same set of facts, circumstances or transactions".
The product reads these as three named violations (DOMAIN.md, "Blackout ledger"):

- ``max_consecutive_days``: one period longer than 20 days (first and last day both counted);
- ``aggregate_days_in_12_months``: more than 40 blackout days in any window from a day D through
  the day before D + 12 months (``relativedelta(months=12)``, so a window opening on February 29
  closes on February 27 of the next year: every such window lies inside the one opening the day
  before, so nothing is missed). A day covered by two overlapping periods counts once;
- ``consecutive_periods_same_facts``: two periods from the same facts (labels compared without
  regard to case or surrounding spaces) where the later starts on or before the day after the
  earlier ends.

An open-ended period (a 3(m)(iii) suspension still waiting for the Advice) is counted through an
``as_of`` date the caller passes: the engine never reads the clock itself, so a result can be
reproduced. It counts at least its first day. A 3(m)(iii) suspension ends on the day the Advice
is sent (that day counted: the Holders cannot use the prospectus until they have the Advice).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod

MAX_CONSECUTIVE_DAYS = 20
MAX_DAYS_IN_12_MONTHS = 40
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A blackout as the ledger counts it: ``start`` and ``end`` both counted; ``end`` None while
    it runs until Advice, in which case ``counted_through`` is the ``as_of`` date used."""

    start: dt.date
    end: dt.date | None
    facts: str
    id: str = ""
    basis: str = ""
    counted_through: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        if self.end is not None:
            return self.end
        return max(self.start, self.counted_through or self.start)

    @property
    def days(self) -> int:
        return (self.last_day - self.start).days + 1

    @property
    def label(self) -> str:
        """The period as a person names it: by its dates (the internal id means nothing to a reader)."""
        end = fmt(self.end) if self.end else f"open (until Advice; counted through {fmt(self.last_day)})"
        return f"{fmt(self.start)} – {end}"


# The three named violations of 3(n), as the ledger and the dialogs title them.
RULE_TITLES = {
    "max_consecutive_days": "more than 20 consecutive days",
    "aggregate_days_in_12_months": "more than 40 days in a 12-month period",
    "consecutive_periods_same_facts": "consecutive periods arising from the same facts",
    "same_facts_short_gap": "a period from the same facts within 20 days (warning)",
}


@dataclass(frozen=True)
class BlackoutViolation:
    """One breach of 3(n): the rule broken, the periods concerned and a readable message. For
    the aggregate rule, ``window`` is the worst window of a run of offending windows whose start
    days run from ``window_starts[0]`` to ``window_starts[1]``."""

    rule: str
    periods: tuple[Period, ...]
    message: str
    days: int
    clause: str = "3(n)"
    window: tuple[dt.date, dt.date] | None = None
    window_starts: tuple[dt.date, dt.date] | None = None
    severity: str = "error"  # "warning" for the conservative reading (``short_gaps``)


def year_later(d: dt.date) -> dt.date:
    """``d + relativedelta(months=12)``: February 29 goes to February 28."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return dt.date(d.year + 1, 2, 28)


def window_end(start: dt.date) -> dt.date:
    """The last day of the 12-month period that begins on ``start``."""
    return year_later(start) - ONE_DAY


def as_period(item: Period | BlackoutPeriod | tuple[Any, ...], as_of: dt.date | None = None,
              position: int = 0) -> Period:
    """One ledger entry as a :class:`Period`; a 3(m)(iii) suspension ends on its Advice, and an
    open-ended entry is counted through ``as_of`` (required for it)."""
    if isinstance(item, Period):
        period = item
    elif isinstance(item, BlackoutPeriod):
        end = item.end
        if item.basis == BlackoutBasis.SUSPENSION_EVENT and item.advice_sent_on is not None:
            end = item.advice_sent_on
        period = Period(item.start, end, item.facts, item.id, item.basis.value)
    else:
        start, end, facts = item
        period = Period(start, end, str(facts), f"#{position + 1}")
    if period.end is not None:
        if period.end < period.start:
            raise ValueError(f"Blackout period {period.label} ends before it starts")
        return period
    if as_of is None:
        raise ValueError(f"Blackout period {period.label} is open-ended: pass as_of to count it")
    return replace(period, counted_through=as_of)


def as_periods(items: Iterable[Any], as_of: dt.date | None = None) -> list[Period]:
    return [as_period(item, as_of, i) for i, item in enumerate(items)]


class DayCounts:
    """Blackout days (overlaps counted once) as prefix sums over day ordinals, so that any
    window's count is two lookups."""

    def __init__(self, periods: Sequence[Period]):
        self.lo = min((p.start.toordinal() for p in periods), default=0)
        hi = max((p.last_day.toordinal() for p in periods), default=-1)
        marks = bytearray(max(0, hi - self.lo + 1))
        for p in periods:
            a = p.start.toordinal() - self.lo
            marks[a : a + p.days] = b"\x01" * p.days
        self.prefix = [0, *accumulate(marks)]

    def count(self, first: dt.date, last: dt.date) -> int:
        """Blackout days from ``first`` to ``last``, both counted."""
        n = len(self.prefix) - 1
        a = min(max(first.toordinal() - self.lo, 0), n)
        b = min(max(last.toordinal() - self.lo + 1, 0), n)
        return max(0, self.prefix[b] - self.prefix[a])


def windows_touching(first: dt.date, last: dt.date) -> Iterable[tuple[dt.date, dt.date]]:
    """Every 12-month window that contains at least one day from ``first`` to ``last``."""
    d = first - dt.timedelta(days=366)
    while d <= last:
        end = window_end(d)
        if end >= first:
            yield d, end
        d += ONE_DAY


def check_blackouts(periods: Iterable[Any], as_of: dt.date | None = None) -> list[BlackoutViolation]:
    """Section 3(n): every violation in the ledger ``periods`` (each a :class:`Period`, a
    ``model.BlackoutPeriod`` or a ``(start, end, facts)`` tuple), open-ended ones counted
    through ``as_of``."""
    ledger = as_periods(periods, as_of)
    return [*too_long(ledger), *aggregate_excess(ledger), *same_facts_back_to_back(ledger)]


def too_long(ledger: Sequence[Period]) -> list[BlackoutViolation]:
    """3(n): periods longer than 20 consecutive days."""
    return [
        BlackoutViolation(
            "max_consecutive_days",
            (p,),
            f"Blackout {p.label} runs {p.days} consecutive days; 3(n) allows at most {MAX_CONSECUTIVE_DAYS}.",
            p.days,
        )
        for p in ledger
        if p.days > MAX_CONSECUTIVE_DAYS
    ]


def same_facts_back_to_back(ledger: Sequence[Period]) -> list[BlackoutViolation]:
    """3(n): a period from the same facts as an earlier one that starts on or before the day
    after the earlier one ends."""
    groups: dict[tuple[str, ...], list[Period]] = {}
    for p in ledger:
        groups.setdefault(tuple(p.facts.casefold().split()), []).append(p)  # the same words, any case or spacing
    found = []
    for group in groups.values():
        group.sort(key=lambda p: (p.start, p.last_day))
        for i, earlier in enumerate(group):
            for later in group[i + 1 :]:
                if later.start > earlier.last_day + ONE_DAY:
                    break
                gap = (later.start - earlier.last_day).days - 1
                how = "overlaps it" if gap < 0 else "starts the day after it ends"
                found.append(
                    BlackoutViolation(
                        "consecutive_periods_same_facts",
                        (earlier, later),
                        f"Blackout {later.label} arises from the same facts (“{later.facts}”) as "
                        f"{earlier.label} and {how}; 3(n) forbids consecutive periods from the same facts.",
                        earlier.days + later.days,
                    )
                )
    return found


SHORT_GAP_DAYS = 20


def short_gaps(periods: Iterable[Any], as_of: dt.date | None = None) -> list[BlackoutViolation]:
    """3(n), conservative reading of "consecutive 20 day periods": a period from the same facts
    as an earlier one that starts within 20 days after the earlier one ended (but not the day
    after: that is ``consecutive_periods_same_facts``) is a warning, severity "warning"."""
    ledger = as_periods(periods, as_of)
    groups: dict[tuple[str, ...], list[Period]] = {}
    for p in ledger:
        groups.setdefault(tuple(p.facts.casefold().split()), []).append(p)  # the same words, any case or spacing
    found = []
    for group in groups.values():
        group.sort(key=lambda p: (p.start, p.last_day))
        for earlier, later in itertools.pairwise(group):
            gap = (later.start - earlier.last_day).days - 1
            if 1 <= gap <= SHORT_GAP_DAYS:
                found.append(BlackoutViolation(
                    "same_facts_short_gap", (earlier, later),
                    f"Blackout {later.label} arises from the same facts (“{later.facts}”) as {earlier.label} and "
                    f"starts {gap} day{'s' if gap != 1 else ''} after it ended; read conservatively, 3(n)'s "
                    f"\"consecutive 20 day periods\" reaches a gap under {SHORT_GAP_DAYS + 1} days.",
                    earlier.days + later.days, severity="warning"))
    return found


def aggregate_excess(ledger: Sequence[Period]) -> list[BlackoutViolation]:
    """3(n): runs of 12-month windows holding more than 40 blackout days, one violation per run
    (reported with its worst window)."""
    if not ledger:
        return []
    counts = DayCounts(ledger)
    first = min(p.start for p in ledger)
    last = max(p.last_day for p in ledger)
    found: list[BlackoutViolation] = []
    run: list[tuple[dt.date, dt.date, int]] = []
    for start, end in windows_touching(first, last):
        n = counts.count(start, end)
        if n > MAX_DAYS_IN_12_MONTHS:
            run.append((start, end, n))
        elif run:
            found.append(_run_violation(run, ledger))
            run = []
    if run:
        found.append(_run_violation(run, ledger))
    return found


def _run_violation(run: list[tuple[dt.date, dt.date, int]], ledger: Sequence[Period]) -> BlackoutViolation:
    start, end, n = max(run, key=lambda w: (w[2], -w[0].toordinal()))
    concerned = tuple(p for p in ledger if p.start <= end and p.last_day >= start)
    return BlackoutViolation(
        "aggregate_days_in_12_months",
        concerned,
        f"{n} blackout days in the 12 months {fmt(start)} – {fmt(end)}; 3(n) allows at most "
        f"{MAX_DAYS_IN_12_MONTHS} in any 12-month period (the windows opening {fmt(run[0][0])} through "
        f"{fmt(run[-1][0])} are all over it).",
        n,
        window=(start, end),
        window_starts=(run[0][0], run[-1][0]),
    )


def status(period: Period | BlackoutPeriod | tuple[Any, ...], today: dt.date) -> str:
    """Section 3(n): whether ``period`` is "upcoming", "active" or "ended" on ``today`` (a
    3(m)(iii) suspension stays active until its Advice)."""
    p = as_period(period, today)
    if today < p.start:
        return "upcoming"
    if p.end is None or today <= p.end:
        return "active"
    return "ended"


@dataclass(frozen=True)
class WindowUse:
    """Blackout days used and still available in the worst 12-month window: the one with the
    most days among those containing ``on`` or, for a proposal, any day of the proposal."""

    on: dt.date
    window: tuple[dt.date, dt.date]
    used: int  # blackout days already in the ledger inside ``window``
    remaining: int  # 40 - used, never below 0
    proposed: Period | None = None
    used_with_proposed: int | None = None
    remaining_after: int | None = None  # 40 - used_with_proposed: negative means over the limit
    violations: tuple[BlackoutViolation, ...] = ()  # the 3(n) rules the proposal would break
    limit: int = MAX_DAYS_IN_12_MONTHS

    @property
    def allowed(self) -> bool:
        return not self.violations

    @property
    def explanation(self) -> str:
        start, end = (fmt(d) for d in self.window)
        text = f"{self.used} of {self.limit} blackout days used in the 12 months {start} – {end}"
        if self.proposed is None:
            return f"{text}; {self.remaining} remain (3(n))."
        text += f"; with {self.proposed.label} {self.used_with_proposed} would be used"
        return text + (f", {self.remaining_after} remaining." if self.allowed else "; refused under 3(n).")


def days_remaining(
    periods: Iterable[Any],
    on: dt.date,
    proposed: Period | BlackoutPeriod | tuple[Any, ...] | None = None,
    as_of: dt.date | None = None,
) -> WindowUse:
    """Section 3(n): blackout days used and left in the worst 12-month window containing ``on``
    (or touching ``proposed``), and whether ``proposed`` would break any 3(n) rule. Open-ended
    ledger entries are counted through ``as_of`` (default: ``on``)."""
    ledger = as_periods(periods, as_of or on)
    counts = DayCounts(ledger)
    if proposed is None:
        start, end = max(windows_touching(on, on), key=lambda w: counts.count(*w))
        used = counts.count(start, end)
        return WindowUse(on, (start, end), used, max(0, MAX_DAYS_IN_12_MONTHS - used))
    new = as_period(proposed, position=len(ledger))
    last = new.end
    if last is None:  # unreachable (as_period refuses an open-ended entry without as_of): no mutant can change it
        raise ValueError("A proposed blackout needs its last day")  # pragma: no mutate
    new = new if new.id else replace(new, id="proposed")
    both = DayCounts([*ledger, new])
    start, end = max(windows_touching(new.start, last), key=lambda w: (both.count(*w), counts.count(*w)))
    used, after = counts.count(start, end), both.count(start, end)
    violations = [*too_long([new])]
    violations += [v for v in same_facts_back_to_back([*ledger, new]) if new in v.periods]
    if after > MAX_DAYS_IN_12_MONTHS:
        run = [(start, end, after)]
        violations.append(_run_violation(run, [*ledger, new]))
    return WindowUse(
        on, (start, end), used, max(0, MAX_DAYS_IN_12_MONTHS - used), new, after, MAX_DAYS_IN_12_MONTHS - after,
        tuple(violations),
    )
