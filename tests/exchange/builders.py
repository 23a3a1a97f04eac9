"""A richly populated deal: the sample plus one of everything a deal file can hold, so that a
round trip through any format exercises every field (dates, times, decimals, enums, tuples)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    Completion,
    Deal,
    Expense,
    ExpenseCategory,
    FactKind,
    FeeNotice,
    Holder,
    Instrument,
    InstrumentKind,
    Letterhead,
    NoticeDirection,
    NoticeRecord,
    OtherSecurities,
    PermittedPiggyback,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    SellingStockholderInfo,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal

SECRET = "ZEBRA-7731 merger talks with Acme (MNPI)"  # a blackout reason that must never leak


def rich_deal() -> Deal:
    base = load_sample_deal()
    terms = dataclasses.replace(
        base.terms,
        letterhead=Letterhead("Smith & Jones LLP", ("1 Main Street", "New York, NY 10001"), signer_name="A. Smith"),
        closure_days=(dt.date(2003, 8, 15),),
        permitted_piggybacks=(PermittedPiggyback("Jefferies Warrant", 5_270), PermittedPiggyback("LTII Warrant", 538)),
    )
    assignee = Holder(
        "h-assignee", "Assignee Fund L.P.", ("9 Elm Street", "Boston, MA 02110"), attention="Ms. Roe",
        fax="617-555-0100", email="roe@example.com", phone="617-555-0101", affiliate=True, notes="joined by 7(i)",
    )
    return dataclasses.replace(
        base,
        terms=terms,
        holders=(*base.holders, assignee),
        positions=(
            *base.positions,
            PositionEntry("p-x-out", "h-xmark-fund", "PREF", PositionKind.TRANSFER_OUT, -10, dt.date(2003, 9, 1),
                          assignment_id="a-1"),
            PositionEntry("p-x-in", "h-assignee", "PREF", PositionKind.TRANSFER_IN, 10, dt.date(2003, 9, 1),
                          acquired_on=dt.date(2003, 5, 7), assignment_id="a-1"),
            PositionEntry("p-sale", "h-ota", "D1", PositionKind.SALE, -1_000, dt.date(2004, 2, 2),
                          net_proceeds=Decimal("4321.09"), document="broker confirm"),
        ),
        facts=(
            TimelineFact("f-pb", FactKind.PIGGYBACK_NOTICE, dt.date(2004, 1, 5), holder_id="h-ota",
                         received_on=dt.date(2004, 1, 6), method="fax", note="by fax"),
        ),
        blackouts=(
            BlackoutPeriod("b-1", dt.date(2003, 9, 2), dt.date(2003, 9, 21), BlackoutBasis.MNPI, "facts A",
                           confidential_reason=SECRET, notice_sent_on=dt.date(2003, 9, 2)),
            BlackoutPeriod("b-2", dt.date(2004, 3, 1), None, BlackoutBasis.SUSPENSION_EVENT, "stop order",
                           override_reason="counsel advised"),
        ),
        registrations=(
            RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-106000",
                                  filed_at=dt.datetime(2003, 6, 20, 17, 45), effective_at=dt.datetime(2003, 7, 1, 16),
                                  shares_registered=4_967_600, filed_document="EDGAR receipt",
                                  effective_document="SEC order",
                                  other_securities=(OtherSecurities("Jefferies Warrant", 5_270),)),
            RegistrationStatement("rs-2", RegistrationKind.COMPANY_REGISTRATION, underwritten=True,
                                  underwriter_limit=100_000, note="follow-on"),
        ),
        selling_info=(SellingStockholderInfo("rs-1", "h-ota", dt.date(2003, 6, 1)),
                      SellingStockholderInfo("rs-1", "h-xmark-fund")),
        piggyback_requests=(PiggybackRequest("pb-1", "rs-2", "h-ota", 20_000, dt.date(2004, 1, 20), 5_000),),
        instruments=(
            Instrument("i-1", InstrumentKind.EXTENSION, "7(f)", dt.date(2003, 6, 15), "Filing Date extended",
                       given_by=("h-xmark-fund", "h-sds-merchant-fund", "company"), document="consent.pdf",
                       deadline_key="filing_date", new_date=dt.date(2003, 7, 7)),
        ),
        assignments=(
            Assignment("a-1", "h-xmark-fund", "h-assignee", "PREF", 10, dt.date(2003, 9, 1),
                       written_assignment_furnished_on=dt.date(2003, 9, 2), documents=("assignment.pdf",)),
        ),
        claims=(
            Claim("c-1", ClaimClause.COMPANY_INDEMNIFIES, "OTA LLC", "Spectrum Pharmaceuticals, Inc.", "Doe v. OTA",
                  holder_id="h-ota", notice_sent_at=dt.datetime(2004, 4, 1, 10, 30), notice_method="courier",
                  separate_counsel_bases=(1, 3),
                  fee_notices=(FeeNotice(dt.date(2004, 5, 3), Decimal("12500.50"), dt.date(2004, 5, 10),
                                         Decimal("12500.50")),
                               FeeNotice(dt.date(2004, 6, 1), Decimal("300"))),
                  settlement_consents=("company",), exposure=Decimal("1000000")),
        ),
        notices=(
            NoticeRecord("n-1", NoticeDirection.SENT, "notice_of_effectiveness", "OTA LLC", "fax",
                         dt.datetime(2003, 7, 2, 16, 59), deemed_given_on=dt.date(2003, 7, 2),
                         file_name="noe-ota.pdf", sha256="ab" * 32, annotations=("confirmed by phone",)),
        ),
        completions=(Completion("notice_of_effectiveness:rs-1", dt.date(2003, 7, 2), "noe.pdf"),),
        expenses=(
            Expense("e-1", dt.date(2003, 6, 20), "SEC", ExpenseCategory.REGISTRATION_FILING, Decimal("401.87"),
                    invoice="fee", paid_on=dt.date(2003, 6, 20)),
        ),
    )
