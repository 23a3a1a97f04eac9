"""How the agreement's periods are counted (DOMAIN.md, "Counting"), each result with its working.

* The day of the event is excluded (NY General Construction Law §20).
* "the Nth day following X" / "within N days after X": X + N calendar days. Such a date may fall
  on a weekend or holiday, so it keeps three dates, all shown: ``due`` as written; ``act_by``, the
  last Business Day (for a filing, the last EDGAR filing day) on or before it — what a careful
  docket uses; ``extended_to``, the next day that is neither a weekend day nor a New York public
  holiday, under GCL §25. Nothing is rolled silently.
* "within N Business Days after X": the Nth Business Day after X. "not less than N Business Days
  prior to Y": on or before the Nth Business Day before Y. These land on Business Days, so the
  three dates coincide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from rra_desktop.domain.calendar import BusinessCalendar, EdgarCalendar, ny_gcl_extended
from rra_desktop.domain.slots import positional_constructor


@lru_cache(maxsize=8192)  # the same few dates recur across thousands of Holders
def fmt(d: dt.date | None) -> str:
    """A date as the explanations write it: "Sat Jun 21, 2003"."""
    return "—" if d is None else d.strftime("%a %b ") + f"{d.day}, {d.year}"


@dataclass(frozen=True, slots=True)
class Counted:
    """The three dates of a deadline and the one-line working that produced them."""

    due: dt.date
    act_by: dt.date
    extended_to: dt.date
    explanation: str
    calendar: str  # display name of the calendar that fixed ``act_by``


def units(n: int, word: str) -> str:
    """"1 Business Day", "2 Business Days", "1 calendar day": a count with its noun in number."""
    return f"{n:,} {word}" if n in (1, -1) else f"{n:,} {word}s"


def calendar_days_after(start: dt.date, days: int, cal: BusinessCalendar | EdgarCalendar, label: str) -> Counted:
    """``label`` ``start`` + ``days`` calendar days, with its act-by and GCL §25 dates. Pass an
    ``EdgarCalendar`` for a filing: its act-by is the last EDGAR filing day on or before."""
    due = start + dt.timedelta(days=days)
    act_by = cal.previous_or_same(due)
    extended = ny_gcl_extended(due)
    text = f"{label} {fmt(start)} + {units(days, 'calendar day')} = {fmt(due)}"
    if act_by != due:
        kind = "EDGAR filing day" if isinstance(cal, EdgarCalendar) else "Business Day"
        holiday = f" ({cal.closed_reason(due)})" if due.weekday() < 5 else ""
        text += f"{holiday}; last {kind} on or before: {fmt(act_by)}"
    if extended != due:
        text += f"; GCL §25 extension: {fmt(extended)}"
    return Counted(due, act_by, extended, text, cal.display_name)


def business_days_after(start: dt.date, n: int, cal: BusinessCalendar, label: str) -> Counted:
    """"within ``n`` Business Days after" ``start``: the nth Business Day after it."""
    due = cal.add_business_days(start, n)
    text = f"{label} {fmt(start)} + {units(n, 'Business Day')} = {fmt(due)}"
    return Counted(due, due, due, text, cal.display_name)


def business_days_before(target: dt.date, n: int, cal: BusinessCalendar, label: str) -> Counted:
    """"not less than ``n`` Business Days prior to" ``target``: on or before the nth Business Day
    before it."""
    due = cal.add_business_days(target, -n)
    text = f"{units(n, 'Business Day')} before {label} {fmt(target)}: on or before {fmt(due)}"
    return Counted(due, due, due, text, cal.display_name)


def add_years(d: dt.date, years: int) -> dt.date:
    """The anniversary ``years`` after ``d`` (Feb 29 -> Feb 28 in a common year)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def fixed_date(due: dt.date, text: str, calendar: str) -> Counted:
    """A date that is not rolled (a limit or the end of a period, not an act to perform)."""
    return _counted(due, due, due, text, calendar)


_counted = positional_constructor(Counted)  # fixed_date runs once per Holder (its Effectiveness Period end)


def clock(t: dt.datetime | dt.time, seconds: bool = False) -> str:
    """A time of day as the agreement and the screens write one: "4:30 p.m." (with ``seconds``,
    "4:30:07 p.m."; midnight and noon are "12:00 a.m." and "12:00 p.m.")."""
    sec = f":{t.second:02d}" if seconds else ""
    return f"{t.hour % 12 or 12}:{t.minute:02d}{sec} {'a.m.' if t.hour < 12 else 'p.m.'}"
