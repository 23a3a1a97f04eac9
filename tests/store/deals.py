"""Deals for the store and services tests: the sample, and the sample with every part filled."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from rra_desktop.domain import model as m
from rra_desktop.sample import load_sample_deal


def full_deal() -> m.Deal:
    """The sample deal with at least one record of every kind (dates from 2003-2004)."""
    deal = load_sample_deal()
    h1, h2 = deal.holders[0].id, deal.holders[1].id
    transferee = m.Holder("h-assignee", "Assignee Fund LP", ("1 Main St", "New York, NY 10001"), attention="GC",
                          email="gc@assignee.example", qib=True, notes="7(i) assignee")
    return dataclasses.replace(
        deal,
        holders=(*deal.holders, transferee),
        positions=(*deal.positions,
                   m.PositionEntry("p-t-out", h1, "PREF", m.PositionKind.TRANSFER_OUT, -5, dt.date(2003, 10, 1),
                                   assignment_id="a-1"),
                   m.PositionEntry("p-t-in", "h-assignee", "PREF", m.PositionKind.TRANSFER_IN, 5,
                                   dt.date(2003, 10, 1), acquired_on=dt.date(2003, 5, 7), assignment_id="a-1"),
                   m.PositionEntry("p-sale", h2, "COMMON", m.PositionKind.SALE, -100, dt.date(2003, 11, 3),
                                   net_proceeds=Decimal("412.50"), document="broker confirm")),
        facts=(m.TimelineFact("f-pb", m.FactKind.PIGGYBACK_NOTICE, dt.date(2003, 12, 1), holder_id=h1,
                              method="fax", note="7(d) notice"),),
        blackouts=(m.BlackoutPeriod("b-1", dt.date(2003, 9, 2), dt.date(2003, 9, 21), m.BlackoutBasis.MNPI,
                                    "Acquisition talks", "Project X", dt.date(2003, 9, 2)),
                   m.BlackoutPeriod("b-2", dt.date(2004, 2, 1), None, m.BlackoutBasis.SUSPENSION_EVENT, "Stop order",
                                    advice_sent_on=dt.date(2004, 2, 5))),
        registrations=(m.RegistrationStatement("rs-1", m.RegistrationKind.SECTION_2_SHELF, file_no="333-106000",
                                               filed_at=dt.datetime(2003, 6, 5, 17, 45),
                                               effective_at=dt.datetime(2003, 7, 1, 16, 0), shares_registered=4_967_600,
                                               filed_document="EDGAR receipt",
                                               other_securities=(m.OtherSecurities("Jefferies Warrant", 5270),)),
                       m.RegistrationStatement("rs-2", m.RegistrationKind.AMENDMENT, parent_id="rs-1"),
                       m.RegistrationStatement("rs-3", m.RegistrationKind.COMPANY_REGISTRATION, underwritten=True,
                                               underwriter_limit=1000)),
        selling_info=(m.SellingStockholderInfo("rs-1", h1, dt.date(2003, 5, 30)),
                      m.SellingStockholderInfo("rs-1", h2)),
        piggyback_requests=(m.PiggybackRequest("pr-1", "rs-3", h1, 5000, dt.date(2003, 12, 10), 100),),
        instruments=(m.Instrument("i-1", m.InstrumentKind.WAIVER, "7(f)", dt.date(2003, 8, 1), "Waive 3(a) copies",
                                  given_by=(h1, h2), document="waiver.pdf", deadline_key="review_copies:rs-1",
                                  new_date=dt.date(2003, 8, 15)),),
        assignments=(m.Assignment("a-1", h1, "h-assignee", "PREF", 5, dt.date(2003, 10, 1),
                                  written_assignment_furnished_on=dt.date(2003, 10, 2),
                                  documents=("assignment.pdf",)),),
        claims=(m.Claim("c-1", m.ClaimClause.COMPANY_INDEMNIFIES, h1, "Company", "Smith v. Spectrum", holder_id=h1,
                        notice_sent_at=dt.datetime(2004, 1, 5, 10, 0), notice_method="courier",
                        separate_counsel_bases=(1, 3),
                        fee_notices=(m.FeeNotice(dt.date(2004, 2, 1), Decimal("25000.00"), dt.date(2004, 2, 10),
                                                 Decimal("25000.00")),),
                        settlement_consents=("company",), exposure=Decimal("1e6")),),
        notices=(m.NoticeRecord("n-1", m.NoticeDirection.SENT, "notice_of_effectiveness", h1, "fax",
                                dt.datetime(2003, 7, 2, 9, 30), dt.date(2003, 7, 2), file_name="noe.pdf",
                                sha256="ab" * 32),
                 m.NoticeRecord("n-2", m.NoticeDirection.RECEIVED, "piggyback", h2, "mail",
                                dt.datetime(2003, 12, 8, 12, 0), received_on=dt.date(2003, 12, 10))),
        completions=(m.Completion("notice_of_effectiveness:rs-1", dt.date(2003, 7, 2), "noe.pdf"),),
        expenses=(m.Expense("e-1", dt.date(2003, 6, 5), "SEC", m.ExpenseCategory.REGISTRATION_FILING,
                            Decimal("1234.56"), "inv-1", dt.date(2003, 6, 10)),),
    )
