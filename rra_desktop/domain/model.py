"""What a deal records: the frozen dataclasses every layer shares.

The store reads and writes these, the rules engine computes from them, the exchange file
serialises them, and the GUI and the letters display them. They hold facts only; everything
derived (deadlines, counts, violations) is computed by the rules in ``rra_desktop.domain``.

Identifiers are short strings (``"h-ota"``, a UUID, ...) so that a deal exchanged as JSON and
imported again keeps every cross-reference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from rra_desktop.domain.model_parts import AddressChange as AddressChange
from rra_desktop.domain.model_parts import AddressOf as AddressOf
from rra_desktop.domain.model_parts import BlackoutScope as BlackoutScope  # re-exported: the data contract
from rra_desktop.domain.model_parts import Objection as Objection
from rra_desktop.domain.security_classes import WARRANT_KINDS as WARRANT_KINDS
from rra_desktop.domain.security_classes import SecurityClass as SecurityClass
from rra_desktop.domain.security_classes import SecurityKind as SecurityKind
from rra_desktop.domain.terms_parts import PermittedPiggyback as PermittedPiggyback
from rra_desktop.domain.terms_parts import PrintedSchedule as PrintedSchedule
from rra_desktop.domain.terms_parts import PrintedShares as PrintedShares


class CalendarName(StrEnum):
    """The Business Day calendars a deal may choose (Section 1, "Business Day")."""

    FEDERAL_RESERVE = "federal_reserve"  # default: the Federal Reserve holiday schedule
    NEW_YORK_STRICT = "new_york_strict"  # also closes on New York State legal holidays


@dataclass(frozen=True)
class Party:
    """A person who gives or receives notices under 7(g)."""

    name: str
    address_lines: tuple[str, ...] = ()
    attention: str = ""
    fax: str = ""
    email: str = ""
    phone: str = ""
    salutation: str = ""  # "Dear Sir or Madam:" when empty


@dataclass(frozen=True)
class Letterhead:
    """The firm whose letterhead the notices carry (configurable per deal)."""

    firm_name: str
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    fax: str = ""
    signer_name: str = ""
    signer_title: str = ""


@dataclass(frozen=True)
class AgreementTerms:
    """The agreement's fixed terms and parties, editable because the source is imperfect."""

    title: str
    agreement_date: dt.date
    purchase_agreement_date: dt.date
    closing_date: dt.date | None
    company: Party
    company_counsel: Party
    holders_counsel: Party
    transfer_agent: Party | None = None
    letterhead: Letterhead | None = None
    calendar: CalendarName = CalendarName.FEDERAL_RESERVE
    closure_days: tuple[dt.date, ...] = ()  # ad hoc closures (government-ordered)
    fiscal_year_end_month: int = 12
    fiscal_year_end_day: int = 31
    minimum_shares: int = 4_967_600  # Section 2
    other_securities_cap: int = 10_538  # Section 2
    permitted_piggybacks: tuple[PermittedPiggyback, ...] = ()  # 7(c)
    preferred_stated_value: Decimal = Decimal("10000")
    conversion_price: Decimal = Decimal("2.35")
    dividend_rate: Decimal = Decimal("0.08")
    schedule_1_printed: PrintedSchedule | None = None  # None: no printed Schedule 1 to check against


@dataclass(frozen=True, slots=True)  # slots: a deal holds 10,000 of them, read on every open
class Holder:
    """A Holder (Section 1): a Purchaser on Schedule 1, a Placement Agent Warrant holder, or an
    assignee under 7(i). The notice address is the one first designated (Schedule 1, or the
    transferee's notice under 7(i)); a later 7(g) change is an ``AddressChange`` with its own date."""

    id: str
    name: str
    address_lines: tuple[str, ...] = ()
    attention: str = ""
    fax: str = ""
    email: str = ""
    phone: str = ""
    qib: bool = False
    affiliate: bool = False  # an Affiliate of the Company: excluded from counts under 7(o)
    notes: str = ""
    on_schedule_1: bool = False
    schedule_order: int = 0  # order on Schedule 1 (0 when not on it)
    purchase_price: Decimal | None = None


class PositionKind(StrEnum):
    ISSUANCE = "issuance"
    CONVERSION = "conversion"  # preferred out (negative) and common in (positive), same date
    EXERCISE_CASH = "exercise_cash"
    EXERCISE_CASHLESS = "exercise_cashless"
    DIVIDEND = "dividend"
    SALE = "sale"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"


@dataclass(frozen=True, slots=True)  # slots: a deal holds 100,000 of them (half the memory, no __dict__)
class PositionEntry:
    """One row of a Holder's position ledger: ``quantity`` is signed (+ in, - out)."""

    id: str
    holder_id: str
    security: str  # SecurityClass.code
    kind: PositionKind
    quantity: int
    on: dt.date
    acquired_on: dt.date | None = None  # for Rule 144 holding periods (tacking)
    net_proceeds: Decimal | None = None  # for sales: caps the Holder's 5(b)/5(d) liability
    document: str = ""
    assignment_id: str | None = None


class FactKind(StrEnum):
    """The timeline facts the deadlines depend on (DOMAIN.md, "Timed obligations")."""

    # RS_FILED / RS_EFFECTIVE are derived from the registration record, never stored as facts
    RS_FILED = "rs_filed"  # at: date and time filed (EDGAR cut-off check)
    SEC_NO_REVIEW = "sec_no_review"  # the Commission said it will not review
    RS_EFFECTIVE = "rs_effective"  # at: time and date declared effective
    RS_PLANNED = "rs_planned"  # planned filing of an RS or prospectus (3(a): 5 BD copies)
    AMENDMENT_PLANNED = "amendment_planned"  # planned amendment/supplement (3(a): 2 BD)
    REVIEW_COPIES_RECEIVED = "review_copies_received"  # Holders' receipt of review copies
    PIGGYBACK_NOTICE = "piggyback_notice"  # 7(d) notice; holder_id = recipient
    PLANNED_SALE = "planned_sale"  # 3(i): a Holder's planned sale
    FEE_NOTICE = "fee_notice"  # 5(c) written notice of fees; claim_id set
    COMMISSION_COMMENTS = "commission_comments"  # 3(c)(B)
    STOP_ORDER = "stop_order"  # 3(c)(ii)


@dataclass(frozen=True)
class TimelineFact:
    """A dated event that triggers deadlines. ``at`` is set where the time matters
    (filings, effectiveness, notices); naive datetimes are US Eastern wall time."""

    id: str
    kind: FactKind
    on: dt.date
    at: dt.datetime | None = None
    holder_id: str | None = None
    registration_id: str | None = None
    claim_id: str | None = None
    received_on: dt.date | None = None  # recorded actual receipt, where it matters
    method: str = ""  # delivery method for a notice: fax, courier, mail, personal, email
    document: str = ""  # the document the fact came from
    note: str = ""


class BlackoutBasis(StrEnum):
    MNPI = "3(n)(i)"  # material non-public information
    BUSINESS_OPPORTUNITY = "3(n)(ii)"
    SUSPENSION_EVENT = "3(m)(iii)"  # after notice of a 3(c)(ii)-(iv) event; ends on Advice


@dataclass(frozen=True)
class BlackoutPeriod:
    """A Blackout Period (3(n)): ``start`` and ``end`` both counted. ``end`` is None while a
    suspension runs until Advice. ``confidential_reason`` never leaves the ledger."""

    id: str
    start: dt.date
    end: dt.date | None
    basis: BlackoutBasis
    facts: str  # label of the set of facts, circumstances or transactions it arises from
    confidential_reason: str = ""
    notice_sent_on: dt.date | None = None
    advice_sent_on: dt.date | None = None
    override_reason: str = ""  # recorded when the user accepts a 3(n) violation
    postpones: BlackoutScope | None = None  # None: read from the facts (``blackouts.scope_of``)


class RegistrationKind(StrEnum):
    SECTION_2_SHELF = "section_2_shelf"
    AMENDMENT = "amendment"
    COMPANY_REGISTRATION = "company_registration"  # triggers 7(d) piggy-back rights


@dataclass(frozen=True)
class OtherSecurities:
    name: str  # e.g. "Jefferies Warrant"
    shares: int


@dataclass(frozen=True)
class RegistrationStatement:
    """A registration statement. ``filed_at`` / ``effective_at`` (with the documents they come
    from) are the deal's one record of its filing and effectiveness: the Timeline's RS_FILED /
    RS_EFFECTIVE facts are derived from them (``domain.registration_facts``)."""

    id: str
    kind: RegistrationKind
    form: str = "S-3"
    file_no: str = ""  # "333-…"
    filed_at: dt.datetime | None = None  # Eastern wall time
    effective_at: dt.datetime | None = None
    shares_registered: int = 0
    other_securities: tuple[OtherSecurities, ...] = ()
    parent_id: str | None = None  # the shelf an amendment amends
    underwritten: bool = False
    underwriter_limit: int | None = None  # shares the underwriter allows the Holders (7(d))
    note: str = ""
    filed_document: str = ""  # e.g. the EDGAR filing receipt
    effective_document: str = ""  # e.g. the Commission's order declaring it effective


@dataclass(frozen=True)
class SellingStockholderInfo:
    """3(m)(i): a Holder's information for the registration statement, received or not."""

    registration_id: str
    holder_id: str
    received_on: dt.date | None = None


@dataclass(frozen=True)
class PiggybackRequest:
    """7(d): a Holder's written request to include shares in a Company registration."""

    id: str
    registration_id: str
    holder_id: str
    shares: int
    requested_on: dt.date
    rule_144k_eligible_shares: int = 0  # not counted in a cutback
    late_accepted_on: dt.date | None = None  # the Company accepted a request made after the 20 days


class InstrumentKind(StrEnum):
    CONSENT = "consent"
    WAIVER = "waiver"
    EXTENSION = "extension"


@dataclass(frozen=True)
class Instrument:
    """A consent, waiver or agreed extension (3(a), 3(e), 7(b), 7(f)). Only an instrument
    moves a deadline: ``deadline_key`` names it, ``new_date`` is the date it sets (None for a
    waiver that removes the obligation)."""

    id: str
    kind: InstrumentKind
    clause: str  # "3(a)", "3(e)", "7(b)", "7(f)"
    on: dt.date
    description: str
    given_by: tuple[str, ...] = ()  # holder ids; "company" for the Company
    document: str = ""
    deadline_key: str | None = None
    new_date: dt.date | None = None


@dataclass(frozen=True)
class Assignment:
    """An assignment of registration rights under 7(h)/7(i)."""

    id: str
    transferor_id: str
    transferee_id: str
    security: str  # SecurityClass.code
    quantity: int
    on: dt.date
    written_assignment_furnished_on: dt.date | None = None  # condition (i)
    transferee_notice_on: dt.date | None = None  # condition (ii): name, address, securities
    company_consent_on: dt.date | None = None  # the alternative route
    documents: tuple[str, ...] = ()
    closed: bool = False


@dataclass(frozen=True)
class FeeNotice:
    """5(c): written notice of fees to the Indemnifying Party; paid within 10 Business Days."""

    on: dt.date
    amount: Decimal
    paid_on: dt.date | None = None
    paid_amount: Decimal | None = None
    method: str = ""  # 7(g) delivery method; the 10 Business Days count from the deemed-given date
    sent_at: dt.datetime | None = None  # naive: Eastern wall time
    received_on: dt.date | None = None  # recorded actual receipt (7(g)(iv))


class ClaimClause(StrEnum):
    COMPANY_INDEMNIFIES = "5(a)"
    HOLDER_INDEMNIFIES = "5(b)"
    CONTRIBUTION = "5(d)"


@dataclass(frozen=True)
class Claim:
    """An indemnification claim under Section 5."""

    id: str
    clause: ClaimClause
    indemnified_party: str
    indemnifying_party: str
    proceeding: str
    holder_id: str | None = None  # the Holder concerned (for the 5(b)/5(d) cap)
    notice_sent_at: dt.datetime | None = None
    notice_method: str = ""
    notice_received_on: dt.date | None = None
    defense_assumed_on: dt.date | None = None
    counsel: str = ""
    separate_counsel_bases: tuple[int, ...] = ()  # 5(c) cases (1)-(4)
    fee_notices: tuple[FeeNotice, ...] = ()
    settlement_consents: tuple[str, ...] = ()
    exposure: Decimal | None = None
    closed: bool = False
    notes: str = ""


class NoticeDirection(StrEnum):
    SENT = "sent"
    RECEIVED = "received"


@dataclass(frozen=True)
class NoticeRecord:
    """A notice in the log. Once logged as sent it is evidence: it is never edited, only
    annotated or superseded by a correcting entry (``supersedes_id``)."""

    id: str
    direction: NoticeDirection
    kind: str  # e.g. "notice_of_effectiveness", "blackout", "piggyback"
    recipient: str
    method: str  # fax, courier, mail, personal, email
    sent_at: dt.datetime
    deemed_given_on: dt.date | None = None
    received_on: dt.date | None = None
    file_name: str = ""
    sha256: str = ""
    supersedes_id: str | None = None
    annotations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Completion:
    """An obligation marked done: ``deadline_key`` as the rules engine names it."""

    deadline_key: str
    done_on: dt.date
    document: str = ""
    done_at: dt.datetime | None = None  # where the clause turns on the time (a filing's cut-off)


class ExpenseCategory(StrEnum):
    """The Section 4 list of registration expenses."""

    REGISTRATION_FILING = "registration and filing fees (4(i))"
    PRINTING = "printing expenses (4(ii))"
    DELIVERY = "messenger, telephone and delivery (4(iii))"
    INSURANCE = "Securities Act liability insurance (4(iv))"
    RETAINED_PERSONS = "accountants, counsel and other retained persons (4(v))"
    SPECIAL_COUNSEL = "Holders' Special Counsel"
    OTHER = "other"


@dataclass(frozen=True)
class Expense:
    id: str
    on: dt.date
    payee: str
    category: ExpenseCategory
    amount: Decimal
    invoice: str = ""
    reimbursement_requested_on: dt.date | None = None
    paid_on: dt.date | None = None


@dataclass(frozen=True)
class Deal:
    """A whole deal: everything one deal file holds, as plain values."""

    terms: AgreementTerms
    securities: tuple[SecurityClass, ...] = ()
    holders: tuple[Holder, ...] = ()
    positions: tuple[PositionEntry, ...] = ()
    facts: tuple[TimelineFact, ...] = ()
    blackouts: tuple[BlackoutPeriod, ...] = ()
    registrations: tuple[RegistrationStatement, ...] = ()
    selling_info: tuple[SellingStockholderInfo, ...] = ()
    piggyback_requests: tuple[PiggybackRequest, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    claims: tuple[Claim, ...] = ()
    notices: tuple[NoticeRecord, ...] = ()
    completions: tuple[Completion, ...] = ()
    expenses: tuple[Expense, ...] = ()
    objections: tuple[Objection, ...] = ()
    address_changes: tuple[AddressChange, ...] = ()

    def holder(self, holder_id: str) -> Holder:
        for h in self.holders:
            if h.id == holder_id:
                return h
        raise KeyError(holder_id)
