"""The deadline calendar for a date range: every deadline whose date in force (or due date)
falls in the range, with clause, party, the three contractual dates, status and working; the
Business Day calendar in force is named at the head."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reports.letters import long_date
from reports.report_pdf import ReportHead, note, table, write_report
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.deadlines import Deadline, compute_deadlines
from rra_desktop.domain.model import Deal

HEADER = ("Date in force", "Clause", "Obligation", "Party", "Due / act by / extended to", "Status", "Working")


def _d(d: dt.date | None) -> str:
    return "—" if d is None else f"{d:%a %b} {d.day}, {d.year}"


def in_range(deal: Deal, first: dt.date, last: dt.date, as_of: dt.date) -> list[Deadline]:
    def when(d: Deadline) -> dt.date | None:
        return d.in_force or d.due

    return sorted((d for d in compute_deadlines(deal, as_of) if when(d) and first <= when(d) <= last),
                  key=lambda d: (when(d), d.clause, d.key))


def write_calendar(deal: Deal, first: dt.date, last: dt.date, as_of: dt.date, target: str | Path,
                   trail: str = "") -> None:
    if last < first:
        raise ValueError(f"The range ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    rows = [[_d(d.in_force or d.due), d.clause, d.title, str(d.party),
             f"{_d(d.due)}\n{_d(d.act_by)}\n{_d(d.extended_to)}", d.status.value.replace("_", " "), d.explanation]
            for d in in_range(deal, first, last, as_of)]
    head = ReportHead("Deadline calendar", deal.terms.title,
                      (f"Deadlines from {long_date(first)} to {long_date(last)}; status as of {long_date(as_of)}",
                       f"Business Day calendar in force: {calendar_for(deal.terms).display_name}"), trail=trail)
    flow = [table(HEADER, rows, (1.0, 0.6, 2.0, 1.3, 1.2, 0.8, 2.9))] if rows else [
        note("No deadline falls in this range.")]
    flow.append(note("Date in force: an instrument's date where a consent, waiver or extension sets one, else the "
                     "act-by date (the last Business Day on or before a calendar-day deadline). "
                     "Extended to: NY General Construction Law §25."))
    write_report(head, flow, target)
