"""The blackout ledger (3(n)): an internal report that shows the confidential reasons, so it
is marked CONFIDENTIAL at the head and foot of every page, and is never sent to a Holder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reports.letters import long_date
from reports.report_pdf import ReportHead, note, table, write_report
from rra_desktop.domain.blackouts import check_blackouts, days_remaining, short_gaps, status
from rra_desktop.domain.model import Deal

HEADER = ("Start", "End", "Days", "Basis", "Facts", "Confidential reason", "Notice sent", "Advice sent", "Status")


def _d(d: dt.date | None) -> str:
    return "—" if d is None else d.isoformat()


def ledger_rows(deal: Deal, as_of: dt.date) -> list[list[object]]:
    rows = []
    for b in sorted(deal.blackouts, key=lambda b: b.start):
        end = b.end or as_of
        days = (end - b.start).days + 1 if end >= b.start else 0
        rows.append([_d(b.start), _d(b.end) if b.end else "until Advice", days, b.basis.value, b.facts,
                     b.confidential_reason or "—", _d(b.notice_sent_on), _d(b.advice_sent_on), status(b, as_of)])
    return rows


def write_blackout_ledger(deal: Deal, as_of: dt.date, target: str | Path, trail: str = "") -> None:
    head = ReportHead("Blackout ledger (Section 3(n))", deal.terms.title,
                      (f"As of {long_date(as_of)}", "Contains material non-public information: internal use only"),
                      confidential=True, trail=trail)
    rows = ledger_rows(deal, as_of)
    flow = [table(HEADER, rows, (0.8, 0.8, 0.45, 0.7, 1.6, 2.6, 0.8, 0.8, 0.7), (2,))] if rows else [
        note("No Blackout Period is recorded.")]
    flow.append(note(days_remaining(deal.blackouts, as_of).explanation))
    for v in check_blackouts(deal.blackouts, as_of):
        flow.append(note(f"Violation ({v.rule}): {v.message}"))
    for v in short_gaps(deal.blackouts, as_of):
        flow.append(note(f"Warning ({v.rule}): {v.message}"))
    write_report(head, flow, target)
