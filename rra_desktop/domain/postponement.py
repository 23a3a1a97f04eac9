"""3(n) postpones: how a Blackout Period moves the filing or the effectiveness deadline.

3(n) lets the Company "postpone or suspend filing or effectiveness of a Registration Statement"
for up to 20 consecutive days, "notwithstanding anything to the contrary in this Agreement". The
product's reading (DOMAIN.md, "Second reading"):

* A blackout records what it postpones (``BlackoutPeriod.postpones``). Where the record leaves it
  unset, ``scope_of`` reads it from the facts: a blackout that starts before the shelf is filed
  postpones the filing; one that starts after the filing but before the shelf is declared
  effective postpones effectiveness; one that starts later suspends the use of the Prospectus.
* A blackout that postpones filing (effectiveness) and is in force on that deadline's act-by date
  moves it to the first EDGAR filing day (for effectiveness: the first day that is both a
  Business Day and an EDGAR day, since the Commission must be open to declare it effective) after
  the blackout's last permitted day.
* The last permitted day is the earliest of the blackout's recorded end, its 20th day, and the
  day before the one on which the blackout days in a 12-month window would exceed 40. A blackout
  still waiting for its end (or Advice) is read as running to that limit.
* A blackout that ended before the act-by date moves nothing: 3(n) allows a postponement, not a
  tolling. Days beyond the 20th, or beyond the 40, postpone nothing.
* Several blackouts in force one after another postpone in turn (each once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from rra_desktop.domain.calendar import BusinessCalendar, EdgarCalendar
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import BlackoutPeriod, BlackoutScope

MAX_DAYS = 20
MAX_IN_12_MONTHS = 40
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Postponement:
    """The date in force after a blackout: ``date``, the ``blackout`` that set it, its
    ``last_permitted`` day and one line of working."""

    date: dt.date
    contractual: dt.date
    blackout: BlackoutPeriod
    last_permitted: dt.date
    explanation: str

    @property
    def description(self) -> str:
        b = self.blackout
        return f"Blackout Period ({b.basis.value}) from {fmt(b.start)} under 3(n)"


def scope_of(b: BlackoutPeriod, filed_on: dt.date | None, effective_on: dt.date | None) -> BlackoutScope:
    """What ``b`` postpones: as recorded, else read from the shelf's filing and effectiveness."""
    if b.postpones is not None:
        return b.postpones
    if filed_on is None or b.start < filed_on:
        return BlackoutScope.FILING
    if effective_on is None or b.start <= effective_on:  # from the filing day on
        return BlackoutScope.EFFECTIVENESS
    return BlackoutScope.PROSPECTUS


def _days(b: BlackoutPeriod) -> set[dt.date]:
    last = b.end if b.end is not None else b.start + dt.timedelta(days=MAX_DAYS - 1)
    return {b.start + dt.timedelta(days=i) for i in range((last - b.start).days + 1)}


def last_permitted_day(b: BlackoutPeriod, others: Iterable[BlackoutPeriod]) -> tuple[dt.date, str]:
    """The last day ``b`` may postpone anything, and which limit fixed it (the day before
    ``b.start`` when the 12-month allowance is already used up)."""
    twentieth = b.start + dt.timedelta(days=MAX_DAYS - 1)
    last, why = twentieth, f"its 20th day {fmt(twentieth)}"
    if b.end is not None and b.end < twentieth:
        last, why = b.end, f"its end {fmt(b.end)}"
    # the other periods' days before b.start (b's own days are all from b.start on; a day two
    # periods share counts once)
    earlier = {d for o in others for d in _days(o) if d < b.start}
    day = b.start
    while day <= last:
        window_start = day + ONE_DAY - relativedelta(months=12)  # the 12 months to ``day``, both ends counted
        used = sum(1 for d in earlier if d >= window_start) + (day - b.start).days + 1
        if used > MAX_IN_12_MONTHS:
            return day - ONE_DAY, (f"the 40-day allowance in the 12 months to {fmt(day)} "
                                   f"(used up after {fmt(day - ONE_DAY)})")
        day += ONE_DAY
    return last, why


def _next_open(after: dt.date, edgar: EdgarCalendar, cal: BusinessCalendar | None) -> dt.date:
    d = edgar.next_filing_day(after)
    while cal is not None and not cal.is_business_day(d):
        d = edgar.next_filing_day(d)
    return d


def postpone(act_by: dt.date, what: BlackoutScope, blackouts: Iterable[BlackoutPeriod], edgar: EdgarCalendar,
             cal: BusinessCalendar | None, filed_on: dt.date | None = None,
             effective_on: dt.date | None = None) -> Postponement | None:
    """The postponement of a deadline whose act-by date is ``act_by`` by the blackouts that
    postpone ``what`` (None when none is in force on that day). ``cal`` is the Business Day
    calendar for effectiveness, None for a filing (EDGAR days only)."""
    periods = sorted(blackouts, key=lambda b: (b.start, b.id))
    mine = [b for b in periods if scope_of(b, filed_on, effective_on) == what]
    used: set[str] = set()
    date, result = act_by, None
    while True:
        hit = None
        for b in mine:
            if b.id in used or b.start > date:
                continue
            last, why = last_permitted_day(b, periods)
            if last >= date:
                hit = (b, last, why)
                break
        if hit is None:
            return result
        b, last, why = hit
        used.add(b.id)
        new = _next_open(last, edgar, cal)
        kind = "EDGAR filing day" if cal is None else "Business Day the Commission is open"
        text = (f"postponed under 3(n) by the Blackout Period from {fmt(b.start)} ({b.basis.value}), in force on "
                f"{fmt(date)}: its last permitted day is {why}; first {kind} after it: {fmt(new)}")
        if result is not None:
            text = f"{result.explanation}; then {text}"
        result = Postponement(new, act_by, b, last, text)
        date = new
