"""The Holder register (Schedule 1 whole) as of a date, with totals: the same table as the CSV
and Excel exports (``rra_desktop.exchange.register_export.register_table``), laid out to fit a
landscape page. The notice address lines, attention line and fax of 7(g) share one cell, one
per line; QIB and Affiliate are marks after the Holder's name. One column per class of security
the deal defines, headed by its label, sharing the width the 2003 sample's five classes had."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from reports.letters import long_date
from reports.report_pdf import ReportHead, note, table, write_report
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.model import Deal, SecurityKind
from rra_desktop.domain.security_classes import class_in_role
from rra_desktop.exchange.register_export import class_headings, register_table

FRAME = 9.8  # inches: the landscape frame (11 in less 0.6 in margins)
DETAIL_WIDTHS = (1.6, 2.1, 0.85)  # Holder, notice address, purchase price
COMPUTED = (("Conversion Shares", 0.7), ("Registrable Securities", 0.75), ("Percent", 0.6))
_COUNTS_AFTER = ("Conversion Shares", "Registrable Securities (as converted)")


def header(deal: Deal) -> tuple[str, ...]:
    return ("Holder", "Notice address (7(g))", "Purchase Price", *class_headings(deal.securities).values(),
            *(h for h, _ in COMPUTED))


def widths(deal: Deal) -> tuple[float, ...]:
    """Column widths in inches, adding to the frame: the classes share what the details and the
    computed columns leave."""
    left = FRAME - sum(DETAIL_WIDTHS) - sum(w for _, w in COMPUTED)
    n = max(len(deal.securities), 1)
    share = int(left / n * 100) / 100
    return (*DETAIL_WIDTHS, *(share,) * len(deal.securities), *(w for _, w in COMPUTED))


def _money(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"${value:,.0f}" if value == value.to_integral() else f"${value:,.2f}"


def _name(row: dict) -> str:
    marks = [m for m, flag in (("QIB", row["QIB"]), ("Affiliate, 7(o)", row["Affiliate"])) if flag == "yes"]
    return row["Holder"] + (f" ({'; '.join(marks)})" if marks else "")


def _notice(row: dict) -> str:
    lines = [line for line in str(row["Address"]).split("\n") if line]
    if row["Attention"]:
        lines.append(f"Attn: {row['Attention']}")
    if row["Fax"]:
        lines.append(f"Fax: {row['Fax']}")
    return "\n".join(lines) or "—"


def register_rows(deal: Deal, on: dt.date) -> list[list[object]]:
    """One row per Holder on the register, then the totals row."""
    t = register_table(deal, on)
    counts = (*(h for _, h in t.class_columns), *_COUNTS_AFTER)
    rows: list[list[object]] = []
    for values in t.rows:
        row = dict(zip(t.headings, values, strict=True))
        rows.append([_name(row), _notice(row), _money(row["Purchase Price"]), *(f"{row[c]:,}" for c in counts),
                     f"{row['%'] * 100:.4f}%"])
    totals = dict(zip(t.headings, t.totals, strict=True))
    rows.append([f"Total ({len(t.rows)} Holders)", "", _money(totals["Purchase Price"]),
                 *(f"{totals[c]:,}" for c in counts), f"{totals['%'] * 100:.4f}%" if t.rows else "—"])
    return rows


def write_register(deal: Deal, on: dt.date, target: str | Path, trail: str = "") -> None:
    calendar = calendar_for(deal.terms).display_name
    head = ReportHead("Register of Holders", deal.terms.title,
                      (f"As of {long_date(on)}", f"Business Day calendar in force: {calendar}"), trail=trail)
    t = deal.terms
    preferred = class_in_role(deal.securities, SecurityKind.PREFERRED)
    explain = (f"Registrable Securities are counted as converted and exercised: one share of "
               f"{preferred.heading if preferred else 'Preferred'} = "
               f"${t.preferred_stated_value:,} / ${t.conversion_price} Conversion Shares, rounded down per Holder; "
               "each warrant is one Warrant Share; Common Stock already issued counts share for share. Percentages "
               "are rounded to four places so that they add to 100%. Notices go to the address, attention line "
               "and fax shown (Section 7(g)).")
    cols = widths(deal)
    write_report(head, [table(header(deal), register_rows(deal, on), cols, tuple(range(2, len(cols))),
                              total_row=True), note(explain)], target)
