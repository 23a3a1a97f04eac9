"""The registry of timed obligations: one entry per kind of DOMAIN.md's table.

An entry names the kind (``ObligationKind``, whose value is the stored key's first part and the
DOMAIN.md key), its clause, title, the parties who owe it, the agreement's words, the keys it
builds, whether it is an option window (a party MAY act; once closed unexercised the right
lapses and nobody owes it), and, for a kind whose trigger may still be to come, what would start
it (the ``<kind>:pending`` placeholder of ``obligations.pending``). Its builder registers itself
with ``@builds(kind)`` beside the function (``obligations.registration`` ...), so the entry and
the builder are the two places a new kind is written; every layer (engine, reminders, check,
GUI, letters, exports, tests) reads this registry rather than a list of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from rra_desktop.domain.model import FactKind
from rra_desktop.domain.parties import COMPANY, COUNSEL, HOLDERS, Parties, parties

if TYPE_CHECKING:
    from rra_desktop.domain.obligations.base import Draft, Facts

    Builder = Callable[[Facts], Iterable[Draft]]

PENDING_SUFFIX = ":pending"


class ObligationKind(StrEnum):
    """The timed obligations of DOMAIN.md's table; the values are the stored keys' first part."""

    FILING_DATE = "filing_date"
    EFFECTIVENESS_DATE = "effectiveness_date"
    EFFECTIVENESS_DEADLINE = "effectiveness_deadline"
    HOLDER_REVIEW_COPIES = "holder_review_copies"
    HOLDER_OBJECTION_WINDOW = "holder_objection_window"
    NOTICE_OF_EFFECTIVENESS = "notice_of_effectiveness"
    CERTIFICATES_BEFORE_SALE = "certificates_before_sale"
    EARNINGS_STATEMENT = "earnings_statement"
    BLACKOUT_LIMIT = "blackout_limit"
    PIGGYBACK_RESPONSE = "piggyback_response"
    INDEMNITY_FEE_PAYMENT = "indemnity_fee_payment"
    EFFECTIVENESS_PERIOD_END = "effectiveness_period_end"
    HOLDER_EFFECTIVENESS_NOTICE = "holder_effectiveness_notice"  # 3(c)(C) (DOMAIN.md "Second reading")


K = ObligationKind
_COMPANY = parties("Company", COMPANY)
_BUILDERS: dict[ObligationKind, Builder] = {}


@dataclass(frozen=True)
class ObligationSpec:
    """One kind of timed obligation (see the module docstring). ``pending`` is what would start it
    while nothing recorded has ("" where the builder shows a not-yet-triggered row of its own);
    ``pending_started_by`` names the fact kind whose record retires the placeholder (None: any
    deadline of the kind does); ``timed``: marking it done asks the time as well (the shelf's
    filing against EDGAR's 5:30 p.m. cut-off, the 7(p) notice against the effectiveness order)."""

    kind: ObligationKind
    clause: str
    title: str
    party: Parties
    key: str
    clause_text: str
    option_window: bool = False
    pending: str = ""
    pending_title: str = ""
    pending_started_by: FactKind | None = None
    timed: bool = False  # performance is recorded with its time: the clause turns on it

    @property
    def builder(self) -> Builder:
        return _BUILDERS[self.kind]

    def key_for(self, *parts: object) -> str:
        """The key of one deadline of this kind: ``kind:part:part``."""
        return ":".join([self.kind.value, *map(str, parts)])


_spec = ObligationSpec  # the entries below read as a table: kind, clause, title, party, then by name


OBLIGATIONS: dict[ObligationKind, ObligationSpec] = {s.kind: s for s in (
    _spec(
        K.FILING_DATE, '1, 2, 3(a)', 'File the shelf Registration Statement (Filing Date)', _COMPANY,
        key='filing_date',
        timed=True,
        clause_text=(
            '"Filing Date" means the 45th day following the Closing Date. (Section 1) — "On or prior to the '
            'Filing Date, the Company shall prepare and file with the Commission a "shelf" Registration '
            'Statement covering all Registrable Securities (but in no event less than 4,967,600 shares of '
            'Common Stock) for a secondary or resale offering to be made on a continuous basis pursuant to '
            'Rule 415." (Section 2; see also 3(a))'),
    ),
    _spec(
        K.EFFECTIVENESS_DATE, '1, 2', 'Registration Statement effective (Effectiveness Date)', _COMPANY,
        key='effectiveness_date',
        clause_text=(
            '"Effectiveness Date" means with respect to the Registration Statement the 90th day following '
            "the Closing Date. (Section 1)"),
    ),
    _spec(
        K.EFFECTIVENESS_DEADLINE, '2', 'Best efforts to be declared effective', _COMPANY,
        key='effectiveness_deadline',
        clause_text=(
            'The Company shall "(ii) use its best efforts to cause the Registration Statement to be declared '
            "effective under the Securities Act ... by the earlier of (i) five (5) Business Days after the "
            "date that the Company is notified (orally or in writing, whichever is earlier) by the Commission "
            'that a Registration Statement will not be "reviewed," or not be subject to further review or '
            '(ii) the 90th day after the Closing Date, but in any event prior to the Effectiveness Date" '
            "(Section 2)"),
    ),
    _spec(
        K.HOLDER_REVIEW_COPIES, '3(a)', 'Furnish copies to the Holders and Special Counsel for review', _COMPANY,
        key='holder_review_copies:<planned filing fact id> | holder_review_copies:initial',
        pending_title="Furnish copies to the Holders and Special Counsel for review (amendment or supplement)",
        pending=("when an amendment or supplement to the Registration Statement or Prospectus is planned "
                 "(copies 2 Business Days before it is filed)"),
        pending_started_by=FactKind.AMENDMENT_PLANNED,
        clause_text=(
            '"not less than five (5) Business Days prior to the filing of the Registration Statement or any '
            "related Prospectus and not less than two (2) Business Days prior to the filing of any amendment "
            "or supplement thereto (including any document that would be incorporated therein by reference), "
            "the Company shall (i) furnish to the Holders and any Special Counsel, copies of all such "
            'documents proposed to be filed" (Section 3(a))'),
    ),
    _spec(
        K.HOLDER_OBJECTION_WINDOW, '3(a)', "Holders' window to object to the filing",
        parties("Holders or Special Counsel", HOLDERS, COUNSEL),
        key='holder_objection_window:<receipt fact id>',
        option_window=True,
        pending="when the Holders receive the review copies (3 Business Days after receipt)",
        clause_text=(
            '"The Company shall not file the Registration Statement or any such Prospectus or any amendments '
            "or supplements thereto to which the Holders of a majority of the Registrable Securities or any "
            "Special Counsel shall reasonably object in writing within three (3) Business Days after their "
            'receipt thereof." (Section 3(a))'),
    ),
    _spec(
        K.NOTICE_OF_EFFECTIVENESS, '7(p)',
        'Notice of effectiveness to the transfer agent (Exhibit A), copies to Holders',
        parties("Company (through Company counsel if the transfer agent asks)", COMPANY, COUNSEL),
        key='notice_of_effectiveness:<registration id>',
        timed=True,
        pending="when the Registration Statement is declared effective (2 Business Days after)",
        clause_text=(
            '"Within two (2) Business Days after the Registration Statement which includes the Registrable '
            "Securities is ordered effective by the Commission, the Company shall deliver, and if requested by "
            "the Company's transfer agent, shall cause legal counsel for the Company to deliver, to the "
            "transfer agent for such Registrable Securities (with copies to the Holders whose Registrable "
            "Securities are included in such Registration Statement) confirmation that the Registration "
            'Statement has been declared effective by the Commission in the form attached hereto as Exhibit A." '
            "(Section 7(p))"),
    ),
    _spec(
        K.CERTIFICATES_BEFORE_SALE, '3(i)', 'Certificate request before a planned sale (Company to cooperate)',
        parties("Holder; Company cooperates", HOLDERS, COMPANY),
        key='certificates_before_sale:<planned sale fact id>',
        pending="when a Holder plans a sale under the Registration Statement (2 Business Days before it)",
        clause_text=(
            'The Company shall "[c]ooperate with the Holders to facilitate the timely preparation and delivery '
            "of certificates representing Registrable Securities sold pursuant to a Registration Statement, "
            "which certificates shall be free of all restrictive legends, and to enable such Registrable "
            "Securities to be in such denominations and registered in such names as any Holder may request at "
            'least two (2) Business Days prior to any sale of Registrable Securities." (Section 3(i))'),
    ),
    _spec(
        K.EARNINGS_STATEMENT, '3(l)', 'Earnings statement (Section 11(a), Rule 158) made generally available', _COMPANY,
        key='earnings_statement:<registration id>',
        pending=("when the Registration Statement is declared effective (45 days after the 12 months from the first "
                 "fiscal quarter after it; 90 days where those months are a fiscal year)"),
        clause_text=(
            'The Company shall "make generally available to its security holders earning statements '
            "satisfying the provisions of Section 11(a) of the Securities Act and Rule 158 not later than 45 "
            "days after the end of any 3-month period (or 90 days after the end of any 12-month period if such "
            "period is a fiscal year) commencing on the first day of the first fiscal quarter of the Company "
            'after the effective date of the Registration Statement" (Section 3(l))'),
    ),
    _spec(
        K.BLACKOUT_LIMIT, '3(n)', 'Blackout Period must end', _COMPANY,
        key='blackout_limit:<blackout id>',
        pending="when the Company starts a Blackout Period (it may last no more than 20 consecutive days)",
        clause_text=(
            '"the Company may postpone or suspend filing or effectiveness of a Registration Statement for a '
            "period not to exceed 20 consecutive days, provided that the Company may not postpone or suspend "
            'its obligation under this Section 3(n) for more than 40 days in the aggregate during any 12 month '
            'period (each, a "Blackout Period")" (Section 3(n))'),
    ),
    _spec(
        K.PIGGYBACK_RESPONSE, '7(d)', "Piggy-back request (Holder's option)", parties("Holders", HOLDERS),
        key='piggyback_response:<notice fact id>:<holder id>',
        option_window=True,
        pending="when a Holder receives notice of a Company registration (20 days after receipt)",
        clause_text=(
            '"the Company shall send to each holder of Registrable Securities written notice of such '
            "determination and, if within twenty (20) days after receipt of such notice, any such Holder shall "
            "so request in writing (which request shall specify the Registrable Securities intended to be "
            "disposed of by the Holders), the Company will cause the registration under the Securities Act of "
            'all Registrable Securities which the Company has been so requested to register" (Section 7(d))'),
    ),
    _spec(
        K.INDEMNITY_FEE_PAYMENT, '5(c)', "Pay an Indemnified Party's fees",
        parties("Indemnifying Party", COMPANY, HOLDERS),
        key='indemnity_fee_payment:<claim id>:<n> | indemnity_fee_payment:<fee notice fact id>',
        pending="when an Indemnified Party gives written notice of its fees (10 Business Days after it)",
        clause_text=(
            '"All fees and expenses of the Indemnified Party ... shall be paid to the Indemnified Party, as '
            'incurred, within ten (10) Business Days of written notice thereof to the Indemnifying Party" '
            "(Section 5(c))"),
    ),
    _spec(
        K.HOLDER_EFFECTIVENESS_NOTICE, '3(c)(C)',
        'Notify the Holders and Special Counsel that the Registration Statement or post-effective amendment '
        'became effective', _COMPANY,
        key='holder_effectiveness_notice:<registration id>',
        pending=("when the Registration Statement or a post-effective amendment is declared effective "
                 "(as promptly as reasonably practicable: docketed for the next Business Day)"),
        clause_text=(
            'The Company shall "[n]otify the Holders of Registrable Securities to be sold and any Special Counsel '
            'as promptly as reasonably practicable ... (C) with respect to the Registration Statement or any '
            'post-effective amendment, when the same has become effective" (Section 3(c))'),
    ),
    _spec(
        K.EFFECTIVENESS_PERIOD_END, '2', 'Effectiveness Period ends for this Holder', _COMPANY,
        key='effectiveness_period_end:<holder id>',
        clause_text=(
            'The Company shall "keep such Registration Statement continuously effective under the Securities '
            "Act until such date as is the earlier of (x) the date when all Registrable Securities covered by "
            "such Registration Statement have been sold or (y) as to any particular Holder, the date on which "
            "all such Holder's Registrable Securities may be sold without any restriction pursuant to Rule "
            '144(k)" (Section 2)'),
    ),
)}

OPTION_WINDOWS = frozenset(k for k, s in OBLIGATIONS.items() if s.option_window)


_B = TypeVar("_B", bound="Builder")


def builds(kind: ObligationKind) -> Callable[[_B], _B]:
    """Register the decorated function as the builder of ``kind`` (one builder per kind); the
    function keeps its own type, so a caller of ``filing_date`` still gets a list."""

    def register(fn: _B) -> _B:
        if kind in _BUILDERS:
            raise ValueError(f"{kind} has two builders: {_BUILDERS[kind].__name__} and {fn.__name__}")
        _BUILDERS[kind] = fn  # pragma: no mutate (runs when the builders' modules are imported, before any test)
        return fn

    return register


def spec(kind: str) -> ObligationSpec:
    """The entry of ``kind`` (an ``ObligationKind`` or its stored string)."""
    return OBLIGATIONS[ObligationKind(kind)]


def kind_of_key(key: str) -> ObligationKind | None:
    """The kind a deadline key names (``"notice_of_effectiveness:shelf"``), None if no kind."""
    try:
        return ObligationKind(key.partition(":")[0])
    except ValueError:
        return None
