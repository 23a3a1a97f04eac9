"""The deals the approved scenarios run on: the sample as recorded, a deal on which every row of
the timed-obligations table arises, and an eventful one (instruments, late acts, assignments,
blackouts, a 5(b) claim)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from zoneinfo import ZoneInfo

from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    Completion,
    FactKind,
    FeeNotice,
    Instrument,
    InstrumentKind,
    OtherSecurities,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
PACIFIC = ZoneInfo("America/Los_Angeles")


def _shelf(filed_at, effective_at=None, **more):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-105837",
                                 filed_at=filed_at, effective_at=effective_at, **more)


def every_row_deal():
    """A deal on which every row of the timed-obligations table arises."""
    return replace(
        SAMPLE,
        facts=(
            TimelineFact("nr", FactKind.SEC_NO_REVIEW, D(2003, 7, 1)),
            TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 13), method="fax"),
            TimelineFact("am", FactKind.AMENDMENT_PLANNED, D(2003, 9, 10)),
            TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota"),
            TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=T(2004, 3, 1, 16, 30), method="fax",
                         holder_id="h-ota", registration_id="co-1"),
        ),
        registrations=(_shelf(T(2003, 6, 20, 10), T(2003, 8, 28, 16), shares_registered=6_000_000),
                       RegistrationStatement("co-1", RegistrationKind.COMPANY_REGISTRATION, form="S-1",
                                             filed_at=T(2004, 4, 1, 10), underwritten=True,
                                             underwriter_limit=15)),
        blackouts=(BlackoutPeriod("b1", D(2003, 9, 2), None, BlackoutBasis.MNPI, "deal talks"),),
        piggyback_requests=(PiggybackRequest("r1", "co-1", "h-ota", 10, D(2004, 3, 10)),),
        claims=(Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "company", "Smith v. Spectrum",
                      holder_id="h-ota", fee_notices=(FeeNotice(D(2003, 12, 19), Decimal(1000)),)),),
    )


def eventful_deal():
    """Instruments, late and timely acts, a 3(m)(iii) suspension, assignments and a 5(b) claim."""
    base = SAMPLE
    return replace(
        base,
        facts=(TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 27), method="courier"),),
        registrations=(_shelf(T(2003, 6, 30, 17, 45), T(2003, 9, 12, 16), shares_registered=4_000_000,
                              other_securities=(OtherSecurities("Jefferies Warrant", 6_000),
                                                OtherSecurities("Other Warrant", 5_000))),),
        instruments=(
            Instrument("i1", InstrumentKind.EXTENSION, "7(f)", D(2003, 6, 18), "Extension of the Filing Date",
                       given_by=("h-north-sound-legacy-institutional", "h-ota"), document="Extension letter",
                       deadline_key="filing_date", new_date=D(2003, 6, 27)),
            Instrument("i2", InstrumentKind.WAIVER, "7(f)", D(2003, 8, 1), "Waiver of the Effectiveness Date",
                       given_by=("company", *(h.id for h in base.holders)), document="Waiver",
                       deadline_key="effectiveness_date"),
        ),
        completions=(Completion("notice_of_effectiveness:rs-1", D(2003, 9, 19), document="Exhibit A"),),
        blackouts=(
            BlackoutPeriod("b1", D(2003, 10, 1), D(2003, 10, 20), BlackoutBasis.MNPI, "merger talks"),
            BlackoutPeriod("b2", D(2003, 10, 21), D(2003, 10, 30), BlackoutBasis.MNPI, "Merger  Talks"),
            BlackoutPeriod("b3", D(2004, 2, 2), None, BlackoutBasis.SUSPENSION_EVENT, "stop order"),
        ),
        assignments=(
            Assignment("a1", "h-ota", "h-xmark-fund", "PREF", 10, D(2003, 8, 1),
                       written_assignment_furnished_on=D(2003, 8, 5), transferee_notice_on=D(2003, 8, 18)),
            Assignment("a2", "h-promed-partners", "h-ota", "PREF", 5, D(2003, 9, 1), company_consent_on=D(2003, 9, 9)),
            Assignment("a3", "h-sds-merchant-fund", "h-ota", "PREF", 1, D(2003, 9, 1)),
        ),
        claims=(Claim("c2", ClaimClause.HOLDER_INDEMNIFIES, "company", "h-ota", "In re Spectrum", holder_id="h-ota",
                      separate_counsel_bases=(2,), exposure=Decimal(500),
                      fee_notices=(FeeNotice(D(2003, 6, 13), Decimal(2500), method="fax",
                                             sent_at=T(2003, 6, 13, 17, 30), paid_on=D(2003, 7, 2)),)),),
        positions=(*base.positions,
                   PositionEntry("s1", "h-ota", "COMMON", PositionKind.SALE, -100, D(2004, 3, 10),
                                 net_proceeds=Decimal(250)),
                   PositionEntry("s2", "h-ota", "COMMON", PositionKind.SALE, -50, D(2004, 3, 11))),
    )
