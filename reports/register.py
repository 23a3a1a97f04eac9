"""The Holder register (Schedule 1) as of a date, with totals (``register_as_of``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reports.letters import long_date
from reports.report_pdf import ReportHead, note, table, write_report
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal

HEADER = ("Holder", "Series D Preferred", "D-1 Warrant Shares", "D-2 Warrant Shares", "Placement Agent Warrants",
          "Common (issued)", "Conversion Shares", "Registrable Securities", "Percent")
NUMERIC = tuple(range(1, 9))


def register_rows(deal: Deal, on: dt.date) -> list[list[object]]:
    """One row per Holder on the register, then the totals row."""
    positions = register_as_of(deal, on)
    rows: list[list[object]] = [
        [p.name + (" (Affiliate, 7(o))" if p.affiliate else ""), f"{p.preferred:,}", f"{p.d1:,}", f"{p.d2:,}",
         f"{p.paw:,}", f"{p.common:,}", f"{p.conversion_shares:,}", f"{p.registrable:,}", f"{p.percent:.4f}%"]
        for p in positions]
    sums = [sum(getattr(p, f) for p in positions)
            for f in ("preferred", "d1", "d2", "paw", "common", "conversion_shares", "registrable")]
    rows.append([f"Total ({len(positions)} Holders)", *(f"{s:,}" for s in sums), "100.0000%" if positions else "—"])
    return rows


def write_register(deal: Deal, on: dt.date, target: str | Path) -> None:
    calendar = calendar_for(deal.terms).display_name
    head = ReportHead("Register of Holders", deal.terms.title,
                      (f"As of {long_date(on)}", f"Business Day calendar in force: {calendar}"))
    t = deal.terms
    explain = (f"Registrable Securities are counted as converted and exercised: one share of Series D Preferred = "
               f"${t.preferred_stated_value:,} / ${t.conversion_price} Conversion Shares, rounded down per Holder; "
               "each warrant is one Warrant Share; Common Stock already issued counts share for share.")
    write_report(head, [table(HEADER, register_rows(deal, on), (2.6, 0.8, 0.9, 0.9, 0.9, 0.8, 0.9, 1.0, 0.7), NUMERIC,
                              total_row=True), note(explain)], target)
