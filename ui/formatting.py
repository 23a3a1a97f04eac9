"""How dates, times, share counts and money read on screen ("Fri Jun 20, 2003").

Names are spelled out in English regardless of the machine's locale: the agreement and every
notice are in English, and a paralegal compares the screen with the paper.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# html.escape's five replacements, for text put into Qt's rich text (the detail panes): the html
# package itself loads its table of 2,231 entity names, a hundredth of the window's start.
_RICH_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` safe inside rich text or an attribute: exactly what ``html.escape`` returns."""
    return text.translate(_RICH_TEXT)


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(d: dt.date | None) -> str:
    """``Fri Jun 20, 2003``; an empty string for no date."""
    if d is None:
        return ""
    if isinstance(d, dt.datetime):
        d = d.date()
    return f"{_DAYS[d.weekday()]} {_MONTHS[d.month - 1]} {d.day}, {d.year}"


def fmt_time(t: dt.time | dt.datetime) -> str:
    """``5:30 p.m.``, the way the agreement and Regulation S-T write times."""
    hour = t.hour % 12 or 12
    suffix = "a.m." if t.hour < 12 else "p.m."
    return f"{hour}:{t.minute:02d} {suffix}"


def fmt_datetime(value: dt.datetime | None) -> str:
    """``Fri Jun 20, 2003 5:30 p.m.`` (US Eastern wall time, as the deal records it)."""
    if value is None:
        return ""
    return f"{fmt_date(value.date())} {fmt_time(value)}"


def plural(n: int, word: str, words: str = "") -> str:
    """"1 day", "2 days", "1 ledger row", "0 claims": the count with its noun in number."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def fmt_shares(n: int | None) -> str:
    """``1,234,567``; an empty string for no count."""
    return "" if n is None else f"{n:,}"


def fmt_money(amount: Decimal | int | float | None) -> str:
    """``$4,440,000.00``; negative amounts as ``-$1.00``."""
    if amount is None:
        return ""
    value = Decimal(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def fmt_percent(fraction: Decimal | float | None, places: int = 2) -> str:
    """A fraction (0.125) as ``12.50%``; values already in percent are the caller's concern."""
    if fraction is None:
        return ""
    return f"{float(fraction) * 100:.{places}f}%"


def fmt_bool(value: bool) -> str:
    """``Yes`` / ``No`` for table cells (check marks do not survive printing)."""
    return "Yes" if value else "No"


def trail_line(store) -> str:
    """The deal file's footer with its audit trail head digest (``DealStore.trail_footer``), as
    the Notices tab and the "Record as sent" confirmation show it; "" when no deal file is open."""
    if store is None or getattr(store, "scratch", False) or not hasattr(store, "trail_footer"):
        return ""
    return store.trail_footer()
