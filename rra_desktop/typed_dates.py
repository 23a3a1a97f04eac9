"""Dates and times as a paralegal types them: "8/15/2003", "8/15/03", "Aug 15, 2003",
"15 Aug 2003", "2003-08-15", and the screen's own "Fri Aug 15, 2003".

Choices where nothing else decides:

* Numbers are read month first (m/d/yyyy), as the agreement and US practice write dates;
  "15/8/2003" is refused with the reason (there is no month 15) rather than read day first.
* A two-digit year is 2000-2068 for 00-68 and 1969-1999 for 69-99 (the POSIX pivot): "8/15/03"
  is 2003.
* A weekday that is typed must be the date's own ("Mon Aug 15, 2003" is refused: that day was a
  Friday), so a date copied with the wrong weekday is caught.
* A month, day or year left out is refused, never filled in from today.
* Times: "4:30 PM", "4:30 p.m.", "16:30", "4 pm"; no time at all is refused for a date-time.
  Times labelled Eastern are wall-clock times in America/New_York (``eastern_now``).

Every refusal is a ``DateProblem`` whose message says what is wrong ("June has 30 days").
The shapes are matched here rather than by ``dateutil.parser``, which fills a missing day or
year from a default: exactly the silent guess these rules refuse.
"""

from __future__ import annotations

import datetime as dt
import re

EXAMPLE = "8/15/2003, Aug 15, 2003, 15 Aug 2003 or 2003-08-15"

# English names, whatever the machine's locale (the stdlib ``calendar`` names follow LC_TIME,
# which Qt sets from the desktop: "Juni" would neither be read nor written here).
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(DAY_NAMES)}
_WEEKDAYS.update({name[:3].lower(): i for i, name in enumerate(DAY_NAMES)})
_WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})

_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4}|\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s*,?\s*(\d{4}|\d{2})")
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?")


class DateProblem(ValueError):
    """A typed date or time that cannot be read; ``str()`` says what is wrong."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 69 else 1900
    if not 1900 <= year <= 2199:
        raise DateProblem(f"The year {year} is out of range (1900-2199).")
    return year


def _month(name: str) -> int:
    month = _MONTHS.get(name.lower().rstrip("."))
    if month is None:
        raise DateProblem(f"“{name}” is not a month.")
    return month


def _make(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise DateProblem(f"There is no month {month} (dates are read month first: m/d/yyyy).")
    last = 31 if month == 12 else (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day
    if not 1 <= day <= last:
        raise DateProblem(f"{MONTH_NAMES[month]} {year} has {last} days, not {day}.")
    return dt.date(year, month, day)


def _strip_weekday(text: str) -> tuple[str, int | None]:
    match = re.match(r"([a-z]+)\.?\s*,?\s+", text)
    if match and match.group(1) in _WEEKDAYS:
        return text[match.end():], _WEEKDAYS[match.group(1)]
    return text, None


def _date_part(text: str) -> tuple[dt.date, str]:
    """The date at the start of ``text`` and what follows it."""
    text, weekday = _strip_weekday(text)
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC, "mdy"), (_MONTH_FIRST, "Mdy"), (_DAY_FIRST, "dMy")):
        match = pattern.match(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = _month(parts["M"]) if "M" in parts else int(parts["m"])
        day = _make(_year(parts["y"]), month, int(parts["d"]))
        if weekday is not None and weekday != day.weekday():
            raise DateProblem(f"{MONTH_NAMES[day.month]} {day.day}, {day.year} was a "
                              f"{DAY_NAMES[day.weekday()]}, not a {DAY_NAMES[weekday]}.")
        return day, text[match.end():].strip()
    if re.fullmatch(r"[a-z]+\.?\s+\d{1,2}|\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s+[a-z]+\.?", text):
        raise DateProblem("Add the year (for example 8/15/2003).")
    raise DateProblem(f"Type a date such as {EXAMPLE}.")


def parse_date(text: str) -> dt.date:
    """The date ``text`` names; ``DateProblem`` says what is wrong otherwise."""
    cleaned = " ".join((text or "").strip().lower().split())
    if not cleaned:
        raise DateProblem("Enter a date.")
    day, rest = _date_part(cleaned)
    if rest:
        raise DateProblem(f"“{rest}” after the date is not understood.")
    return day


def parse_time(text: str) -> dt.time:
    """"4:30 PM", "4:30 p.m.", "16:30", "4 pm" -> a wall-clock time."""
    cleaned = " ".join((text or "").strip().lower().split())
    match = _TIME.fullmatch(cleaned)
    if not match or (match.group(2) is None and match.group(4) is None):
        raise DateProblem("Type the time as 4:30 PM or 16:30.")
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    half = (match.group(4) or "").replace(".", "").replace(" ", "")
    if half:
        if not 1 <= hour <= 12:
            raise DateProblem(f"{hour} {half.upper()} is not a time (use 1-12 with AM or PM).")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateProblem(f"{match.group(0)} is not a time of day.")
    return dt.time(hour, minute, second)


def parse_datetime(text: str) -> dt.datetime:
    """A date and a time ("8/15/2003 4:30 PM", "Aug 15, 2003 at 16:30"), naive wall time."""
    cleaned = " ".join((text or "").strip().lower().split())
    if not cleaned:
        raise DateProblem("Enter a date and time.")
    day, rest = _date_part(cleaned)
    rest = re.sub(r"^(at|,)\s*", "", rest)
    if not rest:
        raise DateProblem("Add the time (for example 4:30 PM).")
    return dt.datetime.combine(day, parse_time(rest))


def eastern_now(now: dt.datetime | None = None) -> dt.datetime:
    """The wall-clock time in New York now (naive, to the minute): what a field labelled
    "(Eastern)" offers, whatever the machine's own time zone. (The zone's rules are read here,
    on first use, not when a date field is made: the window's start paints without them.)"""
    from zoneinfo import ZoneInfo

    aware = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo("America/New_York"))
    return aware.replace(tzinfo=None, second=0, microsecond=0)
