"""Indemnification and contribution under Section 5.

- 5(c): fees and expenses of the Indemnified Party are paid "within ten (10) Business Days of
  written notice thereof to the Indemnifying Party": due on the 10th Business Day after the
  notice date (the day of notice not counted). Pass the date the notice was given under 7(g).
- 5(b) and 5(d): a Holder is liable, and contributes, "for only that amount as does not exceed
  the net proceeds to such Holder as a result of the sale of Registrable Securities pursuant to
  such Registration Statement". The cap is the sum of ``net_proceeds`` on the Holder's SALE rows
  in the position ledger (the ledger is where resales under the Registration Statement are
  recorded); a sale recorded without net proceeds is listed so the cap is not silently short.
- 5(c): separate counsel is at the Indemnifying Party's expense only in cases (1) to (4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import Claim, ClaimClause, Deal, FeeNotice, PositionEntry, PositionKind

FEE_PAYMENT_BUSINESS_DAYS = 10

SEPARATE_COUNSEL_BASES: dict[int, str] = {
    1: "the Indemnifying Party has agreed in writing to pay such fees and expenses",
    2: "the Indemnifying Party shall have failed promptly, diligently and appropriately to assume the defense of "
    "such Proceeding and to employ counsel reasonably satisfactory to such Indemnified Party in any such Proceeding",
    3: "the Indemnified Party shall reasonably determine that there may be legal defenses available to it which are "
    "not available to the Indemnifying Party",
    4: "the Indemnified Party shall reasonably determine that there is an actual or potential conflict of interest "
    "between it and the Indemnifying Party, including, without limitation, situations in which there are one or more "
    "legal defenses available to the Indemnified Party that are antithetical or in opposition to those available to "
    "the Indemnifying Party",
}


@dataclass(frozen=True)
class FeePaymentDue:
    """5(c): when fees noticed on ``notice_on`` must be paid, and how that was counted."""

    notice_on: dt.date
    due: dt.date
    calendar: str
    explanation: str
    clause: str = "5(c)"


def fee_notice_given(fee: FeeNotice, calendar: BusinessCalendar | None = None) -> tuple[dt.date | None, str]:
    """5(c) with 7(g): the day a fee notice is deemed given: from its method and time when
    recorded (a fax after 5:00 p.m. Eastern is given the next Business Day), else its recorded
    receipt where earlier than its date, else its date (and the rule line says so). None while a
    method 7(g) fixes only by receipt (mail, personal delivery) awaits a recorded receipt."""
    from rra_desktop.domain.notices import deemed_given

    if fee.method and fee.sent_at is not None:
        given = deemed_given(fee.method, fee.sent_at, fee.received_on, calendar)
        return given.date, given.rule
    if fee.received_on is not None and fee.received_on < fee.on:
        return fee.received_on, "actual receipt recorded (7(g)(iv))"
    return fee.on, "no method and time recorded: the notice's date is taken as the date given"


def fee_payment_due(notice_on: dt.date, calendar: BusinessCalendar | None = None) -> FeePaymentDue:
    """Section 5(c): the last day to pay fees and expenses noticed in writing on ``notice_on``:
    the 10th Business Day after the notice."""
    cal = calendar if calendar is not None else BusinessCalendar()
    due = cal.add_business_days(notice_on, FEE_PAYMENT_BUSINESS_DAYS)
    explanation = (
        f"5(c): within ten (10) Business Days of written notice given {fmt(notice_on)}: the 10th Business Day "
        f"after it is {fmt(due)} ({cal.display_name})."
    )
    return FeePaymentDue(notice_on, due, cal.display_name, explanation)


@dataclass(frozen=True)
class HolderCap:
    """5(b)/5(d): a Holder's liability cap, the sales it comes from, and sales missing proceeds."""

    holder_id: str
    cap: Decimal
    sales: tuple[PositionEntry, ...]
    sales_without_proceeds: tuple[PositionEntry, ...]
    explanation: str


def holder_cap(deal: Deal, holder_id: str, on: dt.date | None = None) -> HolderCap:
    """Sections 5(b) and 5(d): the most ``holder_id`` can be liable for or contribute: its net
    proceeds from sales of Registrable Securities under the Registration Statement (to ``on``)."""
    sales = tuple(
        row for row in deal.positions
        if row.holder_id == holder_id and row.kind == PositionKind.SALE and (on is None or row.on <= on)
    )
    priced = tuple(row for row in sales if row.net_proceeds is not None)
    missing = tuple(row for row in sales if row.net_proceeds is None)
    cap = sum((row.net_proceeds for row in priced if row.net_proceeds is not None), Decimal(0))
    explanation = f"5(b)/5(d): capped at net proceeds of ${cap:,.2f} from {len(priced)} recorded {_sales(len(priced))}"
    if missing:
        explanation += (f"; {len(missing)} {_sales(len(missing))} {'has' if len(missing) == 1 else 'have'} no net "
                        "proceeds recorded, so the cap may be understated")
    return HolderCap(holder_id, cap, sales, missing, explanation + ".")


@dataclass(frozen=True)
class CapCheck:
    """A claim's exposure against the Holder's cap (None where no cap applies)."""

    claim_id: str
    cap: HolderCap | None
    exposure: Decimal | None
    within_cap: bool | None  # None when there is no cap or no exposure recorded
    excess: Decimal  # exposure above the cap (0 when within it)
    explanation: str


def cap_check(deal: Deal, claim: Claim) -> CapCheck:
    """Sections 5(b)/5(d): whether a claim against a Holder stays within that Holder's net-proceeds
    cap; a 5(a) claim against the Company is not capped."""
    uncapped = None
    if claim.clause == ClaimClause.COMPANY_INDEMNIFIES:
        uncapped = "5(a): the Company's indemnity is not capped."
    elif claim.holder_id is None:
        uncapped = f"{claim.clause.value}: no Holder is named on the claim, so no net-proceeds cap applies."
    if uncapped:
        return CapCheck(claim.id, None, claim.exposure, None, Decimal(0), uncapped)
    cap = holder_cap(deal, claim.holder_id or "")  # a claim without a Holder returned above
    if claim.exposure is None:
        return CapCheck(claim.id, cap, None, None, Decimal(0), f"No exposure recorded. {cap.explanation}")
    excess = max(Decimal(0), claim.exposure - cap.cap)
    verdict = "within the cap" if not excess else f"${excess:,.2f} above the cap"
    text = f"Exposure ${claim.exposure:,.2f} is {verdict} ({claim.clause.value}). {cap.explanation}"
    return CapCheck(claim.id, cap, claim.exposure, not excess, excess, text)


class CounselExpense(NamedTuple):
    """5(c): whether separate counsel is at the Indemnifying Party's expense, and why."""

    at_indemnifying_party_expense: bool
    reason: str


def separate_counsel_at_indemnifying_party_expense(bases: Iterable[int]) -> CounselExpense:
    """Section 5(c): separate counsel of the Indemnified Party is at the Indemnifying Party's
    expense only in cases (1) to (4); otherwise at the Indemnified Party's own expense."""
    bases = sorted(set(bases))
    unknown = [b for b in bases if b not in SEPARATE_COUNSEL_BASES]
    if unknown:
        raise ValueError(f"5(c) has separate-counsel cases (1) to (4) only, not {unknown}")
    if not bases:
        return CounselExpense(False, "5(c): none of cases (1)-(4) applies: separate counsel is at the Indemnified "
                                     "Party's own expense.")
    cases = "; ".join(f"({b}) {SEPARATE_COUNSEL_BASES[b]}" for b in bases)
    return CounselExpense(True, f"5(c): at the Indemnifying Party's expense because {cases}.")


def _sales(n: int) -> str:
    return "sale" if n == 1 else "sales"
