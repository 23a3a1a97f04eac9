"""One-off federal closures: the days EDGAR was closed because the SEC's offices shut by
executive order or for a national day of mourning (``calendar.EdgarCalendar`` skips them)."""

from __future__ import annotations

import datetime as dt

# One-off federal closures (EDGAR closed; the SEC's offices shut by executive order or for a
# national day of mourning). They are NOT Business Days closures: banks in New York were not
# authorized to close, and the Federal Reserve Banks stayed open; a deal that treats one as a
# bank closure adds it to its ad hoc closure days.
FEDERAL_CLOSURES: tuple[tuple[dt.date, str], ...] = (
    (dt.date(1994, 4, 27), "National Day of Mourning for President Richard M. Nixon"),
    (dt.date(2001, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2003, 12, 26), "Day after Christmas (Executive Order)"),
    (dt.date(2004, 6, 11), "National Day of Mourning for President Ronald Reagan"),
    (dt.date(2007, 1, 2), "National Day of Mourning for President Gerald R. Ford"),
    (dt.date(2007, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2008, 12, 26), "Day after Christmas (Executive Order)"),
    (dt.date(2012, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2014, 12, 26), "Day after Christmas (Executive Order)"),
    (dt.date(2015, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2018, 12, 5), "National Day of Mourning for President George H. W. Bush"),
    (dt.date(2018, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2019, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2020, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2024, 12, 24), "Christmas Eve (Executive Order)"),
    (dt.date(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"),
    (dt.date(2025, 12, 24), "Christmas Eve (Executive Order 14371)"),
    (dt.date(2025, 12, 26), "Day after Christmas (Executive Order 14371)"),
)
