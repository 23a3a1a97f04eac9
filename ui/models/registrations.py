"""Registration statements (Section 2, 7(d)), the 3(m)(i) checklist and the 7(d) cutback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from rra_desktop.domain.model import RegistrationKind, RegistrationStatement
from ui.widgets.record_table import VIOLATION_COLOR, WARNING_COLOR, Column, RecordTableModel

KIND_TEXT = {
    RegistrationKind.SECTION_2_SHELF: "Section 2 shelf",
    RegistrationKind.AMENDMENT: "Amendment",
    RegistrationKind.COMPANY_REGISTRATION: "Company registration (7(d))",
}


@dataclass(frozen=True)
class RegistrationRow:
    registration: RegistrationStatement
    edgar_text: str  # "on time" / "filed 6:05 p.m. on ...: deemed filed ... — LATE"
    late: bool = False

    @property
    def id(self) -> str:
        return self.registration.id


(COL_KIND, COL_FORM, COL_FILE_NO, COL_FILED_AT, COL_EDGAR, COL_EFFECTIVE_AT, COL_SHARES,
 COL_OTHER) = range(8)


class RegistrationsModel(RecordTableModel):
    columns = (
        Column("Kind", lambda r: KIND_TEXT[r.registration.kind]),
        Column("Form", lambda r: r.registration.form),
        Column("File No.", lambda r: r.registration.file_no),
        Column("Filed at", lambda r: r.registration.filed_at),
        Column("EDGAR 5:30 p.m. check", lambda r: r.edgar_text, tooltip=lambda r: r.edgar_text),
        Column("Effective at", lambda r: r.registration.effective_at),
        Column("Shares registered", lambda r: r.registration.shares_registered),
        Column("Other securities", lambda r: sum(o.shares for o in r.registration.other_securities)),
    )

    def highlight(self, row: RegistrationRow):
        return VIOLATION_COLOR if row.late else None


@dataclass(frozen=True)
class SellingInfoRow:
    """3(m)(i): whether a Holder has furnished its selling-stockholder information."""

    holder_id: str
    holder: str
    received_on: dt.date | None

    @property
    def id(self) -> str:
        return self.holder_id


COL_INFO_HOLDER, COL_INFO_RECEIVED = range(2)


class SellingInfoModel(RecordTableModel):
    columns = (
        Column("Holder", lambda r: r.holder),
        Column("3(m)(i) information", lambda r: r.received_on,
               text=lambda r: f"received {_fmt(r.received_on)}" if r.received_on else "MISSING"),
    )

    def highlight(self, row: SellingInfoRow):
        return None if row.received_on else WARNING_COLOR


def _fmt(d: dt.date) -> str:
    from ui.formatting import fmt_date

    return fmt_date(d)


@dataclass(frozen=True)
class CutbackRow:
    """One Holder's line of the 7(d) pro-rata cutback: floor(A x request / R), the fractional
    remainder, the extra share handed out by largest remainder, and the final number."""

    holder_id: str
    holder: str
    requested_on: dt.date | None
    requested: int
    excluded_144k: int
    counted: int
    floor: int
    remainder: Fraction
    extra: int
    final: int
    why: str = ""  # what was left out and why (late request, Rule 144 shares)

    @property
    def id(self) -> str:
        return self.holder_id


(COL_CUT_HOLDER, COL_CUT_ON, COL_CUT_REQUEST, COL_CUT_144K, COL_CUT_COUNTED, COL_CUT_FLOOR, COL_CUT_REMAINDER,
 COL_CUT_EXTRA, COL_CUT_FINAL) = range(9)


class CutbackModel(RecordTableModel):
    columns = (
        Column("Holder", lambda r: r.holder),
        Column("Requested on", lambda r: r.requested_on),
        Column("Request", lambda r: r.requested),
        Column("Not counted (Rule 144, late)", lambda r: r.excluded_144k, tooltip=lambda r: r.why),
        Column("Counted", lambda r: r.counted),
        Column("Floor", lambda r: r.floor),
        Column("Remainder", lambda r: r.remainder, text=lambda r: f"{float(r.remainder):.4f}"),
        Column("Extra", lambda r: r.extra),
        Column("Final", lambda r: r.final),
    )
