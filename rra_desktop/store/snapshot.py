"""Reading a whole deal: Core ``select()`` row tuples straight into the model's dataclasses.

No ORM objects are loaded: for a deal of 10,000 Holders and 100,000 ledger rows that is the
difference between a fraction of a second and several seconds (and hundreds of MB).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from rra_desktop.domain.model import AgreementTerms, CalendarName, Deal, Party
from rra_desktop.store.codec import RECORD_TABLES, TERMS, RecordTable


def read_records(conn, spec: RecordTable) -> tuple:
    cols = [spec.table.c[f] for f in spec.fields]
    build = spec.from_values
    result = conn.execute(select(*cols).order_by(spec.table.c.seq))
    return tuple(map(build, result))


def read_deal(conn) -> Deal:
    """The whole deal as stored (one read transaction, so the parts agree with each other)."""
    cols = [TERMS.table.c[f] for f in TERMS.fields]
    row = conn.execute(select(*cols).where(TERMS.table.c.id == 1)).first()
    terms = TERMS.from_values(row) if row else empty_terms()
    return Deal(terms, **{spec.name: read_records(conn, spec) for spec in RECORD_TABLES})


def empty_terms(today: dt.date | None = None) -> AgreementTerms:
    """Terms for a new, empty deal: blank parties and today's date for the agreement dates
    (the paralegal edits them first); the Section 2 figures keep the model's defaults."""
    today = today or dt.date.today()
    blank = Party(name="")
    return AgreementTerms(
        title="New deal",
        agreement_date=today,
        purchase_agreement_date=today,
        closing_date=None,
        company=blank,
        company_counsel=blank,
        holders_counsel=blank,
        calendar=CalendarName.FEDERAL_RESERVE,
    )
