"""The calendars the agreement's dates are counted on, each shown to the user by name.

* ``BusinessCalendar``: "Business Day" (Section 1) — not a Saturday or Sunday, and not a day on
  which banks in New York are authorized or required to close. Default: the Federal Reserve
  holiday schedule; optionally the stricter New York calendar that also closes on New York State
  legal holidays; either with a deal's ad hoc (government-ordered) closure days.
* ``EdgarCalendar``: the days the SEC's EDGAR system accepts filings, with the 5:30 p.m. Eastern
  cut-off of Regulation S-T Rule 13(a)(2).
* ``ny_gcl_extended``: New York General Construction Law §25, which lets a contractual act due on
  a Saturday, Sunday or §24 public holiday be performed on the next day that is none of these.

Why the holiday rules are written out here rather than taken from ``holidays``: the app then
ships no holiday library (the rules are a few lines, the library is thousands of countries), and
the table below is precomputed for counting speed. The tests check it day by day against the
library's own Federal Reserve schedule (``holidays.financial_holidays("XFED")``, 0.109 and later)
for 1999-2100; its ``US`` calendar differs on purpose (it moves Saturday holidays to Friday,
right for federal offices, wrong for the Federal Reserve Banks). Every calendar precomputes its
open days for 1990-2100 once, so counting Business Days is index arithmetic; dates outside that
span fall back to a day-by-day walk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from rra_desktop.domain.federal_closures import FEDERAL_CLOSURES
from rra_desktop.domain.model import AgreementTerms, CalendarName

__all__ = [
    "FEDERAL_CLOSURES",
    "BusinessCalendar",
    "CalendarName",
    "DeemedFiling",
    "EdgarCalendar",
    "FilingCheck",
    "calendar_for",
    "eastern_wall_time",
    "ny_gcl_extended",
    "ny_public_holiday",
]

EASTERN = ZoneInfo("America/New_York")
FIRST_YEAR, LAST_YEAR = 1990, 2100  # the precomputed span; outside it, a day-by-day walk

# --- Holiday rules ---------------------------------------------------------------------------

MON, THU, SUN = 0, 3, 6

def _nth(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The nth ``weekday`` of the month (n = -1: the last)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _federal_days(year: int, juneteenth_from: int) -> dict[dt.date, str]:
    """The eleven federal legal holidays on their actual dates (5 U.S.C. §6103)."""
    days = {
        dt.date(year, 1, 1): "New Year's Day",
        _nth(year, 1, MON, 3): "Martin Luther King Jr. Day",
        _nth(year, 2, MON, 3): "Washington's Birthday",
        _nth(year, 5, MON, -1): "Memorial Day",
        dt.date(year, 7, 4): "Independence Day",
        _nth(year, 9, MON, 1): "Labor Day",
        _nth(year, 10, MON, 2): "Columbus Day",
        dt.date(year, 11, 11): "Veterans Day",
        _nth(year, 11, THU, 4): "Thanksgiving Day",
        dt.date(year, 12, 25): "Christmas Day",
    }
    if year >= juneteenth_from:
        days[dt.date(year, 6, 19)] = "Juneteenth National Independence Day"
    return days


def _observe(days: dict[dt.date, str], saturday_to_friday: bool) -> dict[dt.date, str]:
    out: dict[dt.date, str] = {}
    for d, name in days.items():
        if d.weekday() == SUN:
            out[d + dt.timedelta(days=1)] = f"{name} (observed)"
        elif d.weekday() == 5:
            if saturday_to_friday:
                out[d - dt.timedelta(days=1)] = f"{name} (observed)"
        else:
            out[d] = name
    return out


def fed_closed(first: int, last: int) -> dict[dt.date, str]:
    """Federal Reserve Bank holidays, first..last: the federal holidays, Juneteenth from 2022 (the
    Banks first closed on it in 2022), a Sunday holiday closing the Monday, a Saturday holiday
    leaving the Friday open."""
    out: dict[dt.date, str] = {}
    for y in range(first, last + 1):
        out.update(_observe(_federal_days(y, 2022), saturday_to_friday=False))
    return out


def federal_observed(first: int, last: int) -> dict[dt.date, str]:
    """Federal holidays as federal offices (and EDGAR) observe them: Saturday -> Friday,
    Sunday -> Monday; Juneteenth from 2021 (observed Fri Jun 18, 2021)."""
    out: dict[dt.date, str] = {}
    for y in range(first - 1, last + 2):
        out.update(_observe(_federal_days(y, 2021), saturday_to_friday=True))
    return {d: n for d, n in out.items() if first <= d.year <= last}


def ny_public_holidays(year: int) -> dict[dt.date, str]:
    """New York General Construction Law §24 public holidays of ``year``: the federal list plus
    Lincoln's Birthday (Feb 12) and each general election day (the Tuesday after the first Monday
    of November), Juneteenth from 2021; a holiday on a Sunday makes the Monday a holiday too
    (Flag Day, always a Sunday, excepted). No Saturday rule."""
    days = _federal_days(year, 2021)
    days[dt.date(year, 2, 12)] = "Lincoln's Birthday"
    days[_nth(year, 11, MON, 1) + dt.timedelta(days=1)] = "General Election Day"
    out = dict(days)
    out.update((d + dt.timedelta(days=1), f"{n} (observed)") for d, n in days.items() if d.weekday() == SUN)
    return out


def closed_days(name: CalendarName, closures: tuple[dt.date, ...], first: int, last: int) -> dict[dt.date, str]:
    """Every weekday a Business Day calendar closes in first..last, with the reason."""
    out = fed_closed(first, last)
    if name == CalendarName.NEW_YORK_STRICT:
        for y in range(first, last + 1):
            for d, n in ny_public_holidays(y).items():
                out.setdefault(d, n)
    out.update((d, "ad hoc closure") for d in closures if first <= d.year <= last)
    return out


class _DayTable:
    """Open days over FIRST_YEAR..LAST_YEAR as a sorted list of ordinals plus a running count,
    so that "the nth open day after d" is one list lookup."""

    __slots__ = ("base", "closed", "days", "is_open", "rank")

    def __init__(self, closed: dict[dt.date, str]) -> None:
        self.closed = {d.toordinal(): why for d, why in closed.items()}
        self.base = dt.date(FIRST_YEAR, 1, 1).toordinal()
        end = dt.date(LAST_YEAR, 12, 31).toordinal()
        is_open = bytearray(end - self.base + 1)
        days: list[int] = []
        rank: list[int] = []  # rank[i] = number of open days with ordinal <= base + i
        for o in range(self.base, end + 1):
            if o % 7 not in (6, 0) and o not in self.closed:  # ordinal % 7: 6 = Saturday, 0 = Sunday
                is_open[o - self.base] = 1
                days.append(o)
            rank.append(len(days))
        self.is_open, self.days, self.rank = is_open, days, rank


class _Counted:
    """Counting over a ``_DayTable``; subclasses supply ``_closed_in(year)`` for the slow path and
    ``_build_table()`` for the table. The table (two centuries of days) is built the first time a
    day is counted, not when the calendar is made: naming a calendar, or reading a deal whose
    7(g) addresses have no recorded change, counts nothing (the window's first paint does both)."""

    __slots__ = ("_days",)
    _days: _DayTable | None

    def _closed_in(self, year: int) -> dict[dt.date, str]:
        raise NotImplementedError

    def _build_table(self) -> _DayTable:
        raise NotImplementedError

    @property
    def _table(self) -> _DayTable:
        days = self._days
        if days is None:
            days = self._days = self._build_table()
        return days

    def closed_reason(self, d: dt.date) -> str | None:
        """Why ``d`` is not an open day ("Saturday", "Independence Day (observed)", ...), or None."""
        if d.weekday() >= 5:
            return d.strftime("%A")
        return self._closed_in(d.year).get(d)

    def _is_open(self, d: dt.date) -> bool:
        i = d.toordinal() - self._table.base
        if 0 <= i < len(self._table.is_open):
            return bool(self._table.is_open[i])
        return self.closed_reason(d) is None

    def _add(self, d: dt.date, n: int) -> dt.date:
        t = self._table
        i = d.toordinal() - t.base
        if n == 0:
            return d
        if 0 <= i < len(t.rank):
            # nth after: index rank-1+n; nth before: (open days strictly before d) + n
            j = t.rank[i] - 1 + n if n > 0 else t.rank[i] - t.is_open[i] + n
            if 0 <= j < len(t.days):
                return dt.date.fromordinal(t.days[j])
        step = dt.timedelta(days=1 if n > 0 else -1)
        left = abs(n)
        while left:
            d += step
            if self.closed_reason(d) is None:
                left -= 1
        return d

    def _previous_or_same(self, d: dt.date) -> dt.date:
        return d if self._is_open(d) else self._add(d, -1)

    def _next_or_same(self, d: dt.date) -> dt.date:
        return d if self._is_open(d) else self._add(d, 1)

    def _count_between(self, start: dt.date, end: dt.date) -> int:
        """Open days in (start, end]: the count the product means by "N Business Days after"."""
        t = self._table
        i, j = start.toordinal() - t.base, end.toordinal() - t.base
        if 0 <= i < len(t.rank) and 0 <= j < len(t.rank):
            return t.rank[j] - t.rank[i]
        sign, (lo, hi) = (1, (start, end)) if start <= end else (-1, (end, start))
        count, d = 0, lo
        while d < hi:
            d += dt.timedelta(days=1)
            count += self.closed_reason(d) is None
        return sign * count


@lru_cache(maxsize=32)
def _business_table(name: CalendarName, closures: tuple[dt.date, ...]) -> _DayTable:
    return _DayTable(closed_days(name, closures, FIRST_YEAR, LAST_YEAR))


class BusinessCalendar(_Counted):
    """Business Days under Section 1 of the agreement, on a named calendar.

    ``name`` is ``CalendarName.FEDERAL_RESERVE`` (the default: Federal Reserve Bank holidays;
    Good Friday is a Business Day; Juneteenth closes from 2022; a holiday on a Saturday leaves
    the Friday open; one on a Sunday closes the Monday) or ``CalendarName.NEW_YORK_STRICT``
    (also every New York State legal holiday under General Construction Law §24, e.g.
    Lincoln's Birthday and general Election Day). ``closure_days`` are ad hoc closures a deal
    records (a government-ordered bank closure)."""

    __slots__ = ("closure_days", "name")

    def __init__(self, name: CalendarName | str = CalendarName.FEDERAL_RESERVE,
                 closure_days: tuple[dt.date, ...] | list[dt.date] = ()) -> None:
        self.name = CalendarName(name)
        self.closure_days = tuple(sorted(set(closure_days)))
        self._days = None

    def _build_table(self) -> _DayTable:
        return _business_table(self.name, self.closure_days)

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.name.value!r}, closure_days={self.closure_days!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BusinessCalendar) and (self.name, self.closure_days) == (
            other.name, other.closure_days)

    def __hash__(self) -> int:
        return hash((self.name, self.closure_days))

    @property
    def display_name(self) -> str:
        """The calendar's name as shown on screen and in reports."""
        return calendar_display_name(self.name, self.closure_days)

    def _closed_in(self, year: int) -> dict[dt.date, str]:
        return closed_days(self.name, self.closure_days, year, year)

    def is_business_day(self, d: dt.date) -> bool:
        """True if ``d`` is a Business Day (Section 1) on this calendar."""
        return self._is_open(d)

    def add_business_days(self, d: dt.date, n: int) -> dt.date:
        """n > 0: the nth Business Day after ``d`` ("within n Business Days after d"); n < 0: the
        nth Business Day before ``d`` ("not less than n Business Days prior to d"); n == 0: ``d``.
        The day ``d`` itself is never counted (GCL §20)."""
        return self._add(d, n)

    def next_business_day(self, d: dt.date) -> dt.date:
        """The first Business Day strictly after ``d``."""
        return self._add(d, 1)

    def previous_or_same(self, d: dt.date) -> dt.date:
        """``d`` if it is a Business Day, else the last Business Day before it."""
        return self._previous_or_same(d)

    def next_or_same(self, d: dt.date) -> dt.date:
        """``d`` if it is a Business Day, else the first Business Day after it."""
        return self._next_or_same(d)

    def business_days_between(self, start: dt.date, end: dt.date) -> int:
        """The number of Business Days in (start, end] (negative when end < start)."""
        return self._count_between(start, end)


def calendar_display_name(name: CalendarName | str, closure_days: tuple[dt.date, ...] | list[dt.date] = ()) -> str:
    """``BusinessCalendar(name, closure_days).display_name`` without building the calendar's day
    table (the window's status bar names the calendar before anything is counted)."""
    base = {CalendarName.FEDERAL_RESERVE: "Federal Reserve holidays",
            CalendarName.NEW_YORK_STRICT: "Federal Reserve + New York State legal holidays"}[CalendarName(name)]
    n = len(set(closure_days))
    return base if not n else f"{base} + {n} ad hoc closure{'s' if n > 1 else ''}"


def calendar_for(terms: AgreementTerms) -> BusinessCalendar:
    """The Business Day calendar a deal's terms choose (name and ad hoc closure days)."""
    return BusinessCalendar(terms.calendar, terms.closure_days)


# --- EDGAR -----------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _edgar_table(extra: tuple[dt.date, ...]) -> _DayTable:
    closed = federal_observed(FIRST_YEAR, LAST_YEAR)
    closed.update((d, name) for d, name in FEDERAL_CLOSURES)
    closed.update((d, "ad hoc federal closure") for d in extra)
    return _DayTable(closed)


@dataclass(frozen=True, slots=True)
class DeemedFiling:
    """When EDGAR deems a submission filed, and the rule that says so."""

    date: dt.date
    rule: str
    at_eastern: dt.datetime


@dataclass(frozen=True, slots=True)
class FilingCheck:
    """A recorded filing time checked against the date it was due."""

    late: bool
    deemed_filed_on: dt.date
    due: dt.date
    message: str


def eastern_wall_time(at: dt.datetime) -> dt.datetime:
    """``at`` as naive US Eastern wall time (a naive value already is; an aware one is converted)."""
    return at.astimezone(EASTERN).replace(tzinfo=None) if at.tzinfo is not None else at


def _clock(t: dt.datetime) -> str:
    return t.strftime("%I:%M %p").lstrip("0").replace("AM", "a.m.").replace("PM", "p.m.")


def _day(d: dt.date) -> str:
    return d.strftime("%a %b ") + f"{d.day}, {d.year}"


class EdgarCalendar(_Counted):
    """SEC filing days: Monday to Friday except federal holidays as federal offices observe
    them (a Saturday holiday closes the Friday, a Sunday one the Monday), national days of
    mourning and other executive-order closures (``FEDERAL_CLOSURES``), and any further ad hoc
    federal closures given. EDGAR is open 6:00 a.m. to 10:00 p.m. Eastern; a filing begun after
    5:30 p.m. is deemed filed on the next filing day (Regulation S-T Rule 13(a)(2))."""

    __slots__ = ("closure_days",)
    display_name = "EDGAR filing days"
    OPENS, CUTOFF, CLOSES = dt.time(6, 0), dt.time(17, 30), dt.time(22, 0)

    def __init__(self, closure_days: tuple[dt.date, ...] | list[dt.date] = ()) -> None:
        self.closure_days = tuple(sorted(set(closure_days)))
        self._days = None

    def _build_table(self) -> _DayTable:
        return _edgar_table(self.closure_days)

    def _closed_in(self, year: int) -> dict[dt.date, str]:
        closed = {d: w for d, w in federal_observed(year - 1, year + 1).items() if d.year == year}
        closed.update((d, w) for d, w in FEDERAL_CLOSURES if d.year == year)
        closed.update((d, "ad hoc federal closure") for d in self.closure_days if d.year == year)
        return closed

    def is_filing_day(self, d: dt.date) -> bool:
        """True if EDGAR accepts filings on ``d``."""
        return self._is_open(d)

    def next_filing_day(self, d: dt.date) -> dt.date:
        return self._add(d, 1)

    def previous_or_same(self, d: dt.date) -> dt.date:
        """``d`` if it is a filing day, else the last filing day before it."""
        return self._previous_or_same(d)

    def deemed_filing_date(self, at: dt.datetime) -> DeemedFiling:
        """The date a submission begun at ``at`` is deemed filed (naive = Eastern wall time;
        an aware time is converted to Eastern first), with the rule applied."""
        local = eastern_wall_time(at)
        day, when = local.date(), _clock(local)
        if not self._is_open(day):
            nxt = self._add(day, 1)
            why = self.closed_reason(day)
            return DeemedFiling(nxt, f"{_day(day)} is not an EDGAR filing day ({why}); a submission "
                                f"at {when} is filed on the next filing day, {_day(nxt)}.", local)
        if local.time() < self.OPENS:
            return DeemedFiling(day, f"{when} is before EDGAR opens (6:00 a.m. Eastern); the submission "
                                f"is accepted when it opens and dated {_day(day)}.", local)
        if local.time() <= self.CUTOFF:
            return DeemedFiling(day, f"Begun {when} Eastern on a filing day, by the 5:30 p.m. cut-off: "
                                f"filed {_day(day)} (Regulation S-T Rule 13(a)(2)).", local)
        nxt = self._add(day, 1)
        hours = "after the 5:30 p.m. cut-off" if local.time() <= self.CLOSES else "after EDGAR closes (10:00 p.m.)"
        return DeemedFiling(nxt, f"Begun {when} Eastern on {_day(day)}, {hours}: deemed filed on the "
                            f"next filing day, {_day(nxt)} (Regulation S-T Rule 13(a)(2)).", local)

    def is_late(self, filed_at: dt.datetime, due: dt.date) -> FilingCheck:
        """Check a recorded filing time against the last day it could be filed: late when the
        deemed filing date is after ``due`` (e.g. "filed 6:05 p.m. on the Filing Date is late")."""
        deemed = self.deemed_filing_date(filed_at)
        late = deemed.date > due
        verdict = (f"late: deemed filed {_day(deemed.date)}, after {_day(due)}" if late
                   else f"on time (due {_day(due)})")
        message = f"Filed {_clock(deemed.at_eastern)} on {_day(deemed.at_eastern.date())}: {verdict}. {deemed.rule}"
        return FilingCheck(late, deemed.date, due, message)


# --- New York General Construction Law ----------------------------------------------------------

@lru_cache(maxsize=256)
def _ny_year(year: int) -> dict[dt.date, str]:
    return ny_public_holidays(year)


def ny_public_holiday(d: dt.date) -> str | None:
    """The New York public holiday (General Construction Law §24) falling on ``d``, or None."""
    return _ny_year(d.year).get(d)


def ny_gcl_extended(d: dt.date) -> dt.date:
    """General Construction Law §25: an act due on a Saturday, Sunday or §24 public holiday may be
    performed on the next day that is none of these. Returns ``d`` itself when it is such a day.
    Ad hoc bank closures are not §24 holidays and do not extend."""
    while d.weekday() >= 5 or ny_public_holiday(d) is not None:
        d += dt.timedelta(days=1)
    return d



