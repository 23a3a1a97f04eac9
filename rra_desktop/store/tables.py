"""The deal file's tables: one per part of ``rra_desktop.domain.model.Deal``.

Columns carry the model's field names, so a record maps to a row field by field. Primary keys
are the model's own string ids: a deal exported to JSON and imported again keeps every
reference. ``seq`` keeps the order the deal lists its records in. Small tuples and nested
values (address lines, parties, fee notices) are JSON columns. References are foreign keys
checked at commit (deferred), so one user action may write its rows in any order.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from rra_desktop.store.types import TYPE_ANNOTATION_MAP


class Base(DeclarativeBase):
    type_annotation_map = TYPE_ANNOTATION_MAP


def ref(target: str, nullable: bool = True):
    """A reference to another table's key, checked when the transaction commits."""
    return mapped_column(ForeignKey(target, deferrable=True, initially="DEFERRED"), nullable=nullable)


class Meta(Base):
    """Facts about the file itself (format, created by, the audit chain's head)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class TermsRow(Base):
    __tablename__ = "terms"
    id: Mapped[int] = mapped_column(primary_key=True)  # always 1: one deal per file
    title: Mapped[str]
    agreement_date: Mapped[dt.date]
    purchase_agreement_date: Mapped[dt.date]
    closing_date: Mapped[dt.date | None]
    company: Mapped[dict]
    company_counsel: Mapped[dict]
    holders_counsel: Mapped[dict]
    transfer_agent: Mapped[dict | None]
    letterhead: Mapped[dict | None]
    calendar: Mapped[str]
    closure_days: Mapped[list]
    fiscal_year_end_month: Mapped[int]
    fiscal_year_end_day: Mapped[int]
    minimum_shares: Mapped[int]
    other_securities_cap: Mapped[int]
    permitted_piggybacks: Mapped[list]
    preferred_stated_value: Mapped[Decimal]
    conversion_price: Mapped[Decimal]
    dividend_rate: Mapped[Decimal]
    schedule_1_printed: Mapped[dict | None]


class SecurityRow(Base):
    __tablename__ = "securities"
    code: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    name: Mapped[str]
    kind: Mapped[str]
    label: Mapped[str]


class HolderRow(Base):
    __tablename__ = "holders"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    name: Mapped[str]
    address_lines: Mapped[list]
    attention: Mapped[str]
    fax: Mapped[str]
    email: Mapped[str]
    phone: Mapped[str]
    qib: Mapped[bool]
    affiliate: Mapped[bool]
    notes: Mapped[str]
    on_schedule_1: Mapped[bool]
    schedule_order: Mapped[int]
    purchase_price: Mapped[Decimal | None]


class PositionRow(Base):
    __tablename__ = "positions"
    # by Holder (its ledger), by date (as-of registers) and by order (the snapshot reads it in order)
    __table_args__ = (Index("ix_positions_holder", "holder_id"), Index("ix_positions_on", "on"),
                      Index("ix_positions_seq", "seq"))
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    holder_id: Mapped[str] = ref("holders.id", nullable=False)
    security: Mapped[str] = ref("securities.code", nullable=False)
    kind: Mapped[str]
    quantity: Mapped[int]
    on: Mapped[dt.date]
    acquired_on: Mapped[dt.date | None]
    net_proceeds: Mapped[Decimal | None]
    document: Mapped[str]
    assignment_id: Mapped[str | None] = ref("assignments.id")


class FactRow(Base):
    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    kind: Mapped[str]
    on: Mapped[dt.date]
    at: Mapped[dt.datetime | None]
    holder_id: Mapped[str | None] = ref("holders.id")
    registration_id: Mapped[str | None] = ref("registrations.id")
    claim_id: Mapped[str | None] = ref("claims.id")
    received_on: Mapped[dt.date | None]
    method: Mapped[str]
    document: Mapped[str]
    note: Mapped[str]


class BlackoutRow(Base):
    __tablename__ = "blackouts"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    start: Mapped[dt.date]
    end: Mapped[dt.date | None]
    basis: Mapped[str]
    facts: Mapped[str]
    confidential_reason: Mapped[str]
    notice_sent_on: Mapped[dt.date | None]
    advice_sent_on: Mapped[dt.date | None]
    override_reason: Mapped[str]
    postpones: Mapped[str | None]


class RegistrationRow(Base):
    __tablename__ = "registrations"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    kind: Mapped[str]
    form: Mapped[str]
    file_no: Mapped[str]
    filed_at: Mapped[dt.datetime | None]
    effective_at: Mapped[dt.datetime | None]
    shares_registered: Mapped[int]
    other_securities: Mapped[list]
    parent_id: Mapped[str | None] = ref("registrations.id")
    underwritten: Mapped[bool]
    underwriter_limit: Mapped[int | None]
    note: Mapped[str]
    filed_document: Mapped[str]
    effective_document: Mapped[str]


class SellingInfoRow(Base):
    __tablename__ = "selling_info"
    registration_id: Mapped[str] = mapped_column(
        ForeignKey("registrations.id", deferrable=True, initially="DEFERRED"), primary_key=True
    )
    holder_id: Mapped[str] = mapped_column(ForeignKey("holders.id", deferrable=True, initially="DEFERRED"),
                                           primary_key=True)
    seq: Mapped[int]
    received_on: Mapped[dt.date | None]


class PiggybackRequestRow(Base):
    __tablename__ = "piggyback_requests"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    registration_id: Mapped[str] = ref("registrations.id", nullable=False)
    holder_id: Mapped[str] = ref("holders.id", nullable=False)
    shares: Mapped[int]
    requested_on: Mapped[dt.date]
    rule_144k_eligible_shares: Mapped[int]
    late_accepted_on: Mapped[dt.date | None]


class InstrumentRow(Base):
    __tablename__ = "instruments"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    kind: Mapped[str]
    clause: Mapped[str]
    on: Mapped[dt.date]
    description: Mapped[str]
    given_by: Mapped[list]
    document: Mapped[str]
    deadline_key: Mapped[str | None]
    new_date: Mapped[dt.date | None]


class AssignmentRow(Base):
    __tablename__ = "assignments"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    transferor_id: Mapped[str] = ref("holders.id", nullable=False)
    transferee_id: Mapped[str] = ref("holders.id", nullable=False)
    security: Mapped[str] = ref("securities.code", nullable=False)
    quantity: Mapped[int]
    on: Mapped[dt.date]
    written_assignment_furnished_on: Mapped[dt.date | None]
    transferee_notice_on: Mapped[dt.date | None]
    company_consent_on: Mapped[dt.date | None]
    documents: Mapped[list]
    closed: Mapped[bool]


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    clause: Mapped[str]
    indemnified_party: Mapped[str]
    indemnifying_party: Mapped[str]
    proceeding: Mapped[str]
    holder_id: Mapped[str | None] = ref("holders.id")
    notice_sent_at: Mapped[dt.datetime | None]
    notice_method: Mapped[str]
    notice_received_on: Mapped[dt.date | None]
    defense_assumed_on: Mapped[dt.date | None]
    counsel: Mapped[str]
    separate_counsel_bases: Mapped[list]
    fee_notices: Mapped[list]  # 5(c) fee notices with their payments, in order
    settlement_consents: Mapped[list]
    exposure: Mapped[Decimal | None]
    closed: Mapped[bool]
    notes: Mapped[str]


class NoticeRow(Base):
    __tablename__ = "notices"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    direction: Mapped[str]
    kind: Mapped[str]
    recipient: Mapped[str]
    method: Mapped[str]
    sent_at: Mapped[dt.datetime]
    deemed_given_on: Mapped[dt.date | None]
    received_on: Mapped[dt.date | None]
    file_name: Mapped[str]
    sha256: Mapped[str]
    supersedes_id: Mapped[str | None] = ref("notices.id")
    annotations: Mapped[list]


class CompletionRow(Base):
    __tablename__ = "completions"
    deadline_key: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    done_on: Mapped[dt.date]
    document: Mapped[str]
    done_at: Mapped[dt.datetime | None]


class ExpenseRow(Base):
    __tablename__ = "expenses"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    on: Mapped[dt.date]
    payee: Mapped[str]
    category: Mapped[str]
    amount: Mapped[Decimal]
    invoice: Mapped[str]
    reimbursement_requested_on: Mapped[dt.date | None]
    paid_on: Mapped[dt.date | None]


class ObjectionRow(Base):
    __tablename__ = "objections"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    document: Mapped[str]
    objectors: Mapped[list]
    received_on: Mapped[dt.date]
    registration_id: Mapped[str | None] = ref("registrations.id")
    copies_fact_id: Mapped[str | None] = ref("facts.id")
    withdrawn_on: Mapped[dt.date | None]
    note: Mapped[str]


class AddressChangeRow(Base):
    __tablename__ = "address_changes"
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    of: Mapped[str]
    address_lines: Mapped[list]
    method: Mapped[str]
    sent_at: Mapped[dt.datetime]
    holder_id: Mapped[str | None] = ref("holders.id")
    attention: Mapped[str]
    fax: Mapped[str]
    received_on: Mapped[dt.date | None]
    effective_from: Mapped[dt.date | None]
    withdrawn_on: Mapped[dt.date | None]
    document: Mapped[str]
    note: Mapped[str]


class AuditRow(Base):
    """One changed row of one user action; append-only and hash-chained (see ``audit``)."""

    __tablename__ = "audit"
    seq: Mapped[int] = mapped_column(primary_key=True)
    tx: Mapped[str]  # the action's id: every row it changed shares it
    at: Mapped[str]  # UTC, ISO-8601
    user: Mapped[str]
    action: Mapped[str]
    table_name: Mapped[str]
    row_id: Mapped[str]
    before: Mapped[str | None]  # JSON
    after: Mapped[str | None]  # JSON
    reason: Mapped[str]
    prev_hash: Mapped[str]
    hash: Mapped[str]
    state: Mapped[str | None]  # the content digest of the deal after this entry (see ``digest``)
