"""The blackout ledger as a table (3(n)): one row per Blackout Period."""

from __future__ import annotations

from dataclasses import dataclass

from rra_desktop.domain.blackouts import RULE_TITLES
from rra_desktop.domain.model import BlackoutPeriod
from ui.widgets.record_table import VIOLATION_COLOR, Column, RecordTableModel, display_text


@dataclass(frozen=True)
class BlackoutRow:
    """A period with what the ledger derives for it: status as of today, its length in days
    (None while a suspension runs until Advice) and the 3(n) rules it breaks."""

    period: BlackoutPeriod
    status: str  # "upcoming" | "active" | "ended"
    days: int | None
    violations: tuple[str, ...] = ()  # the rules' names; the column says what each forbids

    @property
    def id(self) -> str:
        return self.period.id


COL_START, COL_END, COL_DAYS, COL_BASIS, COL_FACTS, COL_STATUS, COL_NOTICE, COL_ADVICE, COL_VIOLATIONS = range(9)


class BlackoutsModel(RecordTableModel):
    # The confidential reason is deliberately not a column (it stays in the tab's detail pane).
    columns = (
        Column("Start", lambda r: r.period.start),
        Column("End", lambda r: r.period.end,
               text=lambda r: display_text(r.period.end) if r.period.end else "until the Advice"),
        Column("Days", lambda r: r.days),
        Column("Basis", lambda r: r.period.basis.value),
        Column("Facts", lambda r: r.period.facts),
        Column("Status", lambda r: r.status),
        Column("Notice sent", lambda r: r.period.notice_sent_on),
        Column("Advice sent", lambda r: r.period.advice_sent_on),
        Column("3(n) violations", lambda r: "; ".join(RULE_TITLES.get(v, v) for v in r.violations),
               tooltip=lambda r: "\n".join(RULE_TITLES.get(v, v) for v in r.violations)),
    )

    def highlight(self, row: BlackoutRow):
        return VIOLATION_COLOR if row.violations else None
