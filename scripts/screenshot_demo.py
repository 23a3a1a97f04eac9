"""The demo facts the README screenshots show, recorded through the real services.

The story, as of Wed Jul 16, 2003: the Section 2 shelf (Form S-3, File No. 333-106240) was filed
Fri Jun 20, 2003 at 4:12 p.m. and declared effective Tue Jul 15, 2003 at 4:00 p.m.; one Holder's
3(m)(i) questionnaire is still missing; the Company has told the Holders (7(d)) of an
underwritten offering for its own account on Form S-3 planned for September, three Holders asked
to piggy-back and the managing underwriter's limit cuts them back; OTA LLC assigned part of its
position to ProMed Partners, L.P. with both 7(i) conditions met; a 5(a) claim is open with a
fee notice; a 15-day 3(n)(i) Blackout Period is planned for August.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

TODAY = dt.date(2003, 7, 16)  # the day after effectiveness: Exhibit A is due tomorrow


def demo_edits() -> list[tuple[str, str, tuple, dict]]:
    """``(service module, function, args, kwargs)`` in the order a paralegal would record them."""
    from rra_desktop.domain import model as m

    at = dt.datetime
    # Its filed and effective times come from the two facts below: the services keep both in step.
    shelf = m.RegistrationStatement(
        "rs-shelf", m.RegistrationKind.SECTION_2_SHELF, form="S-3", file_no="333-106240", shares_registered=4_967_600,
        other_securities=(m.OtherSecurities("Jefferies Warrant", 5_270), m.OtherSecurities("LTII Warrant", 538)),
        note="Resale shelf for the Series D Preferred, D-1 and D-2 Warrants and Placement Agent Warrants")
    company = m.RegistrationStatement(
        "rs-company", m.RegistrationKind.COMPANY_REGISTRATION, form="S-3", underwritten=True,
        note="Underwritten primary offering for the Company's own account (planned for September 2003)")
    edits: list[tuple[str, str, tuple, dict]] = [
        ("registrations", "add_registration", (shelf,), {}),
        ("timeline", "record_fact", (m.TimelineFact("f-filed", m.FactKind.RS_FILED, dt.date(2003, 6, 20),
                                                     at=at(2003, 6, 20, 16, 12), registration_id="rs-shelf",
                                                     document="Form S-3, File No. 333-106240"),), {}),
        ("timeline", "record_fact", (m.TimelineFact("f-eff", m.FactKind.RS_EFFECTIVE, dt.date(2003, 7, 15),
                                                     at=at(2003, 7, 15, 16, 0), registration_id="rs-shelf",
                                                     document="SEC order of effectiveness"),), {}),
    ]
    received = {
        "h-north-sound-legacy-fund": dt.date(2003, 6, 9), "h-north-sound-legacy-international": dt.date(2003, 6, 9),
        "h-north-sound-legacy-institutional": dt.date(2003, 6, 9), "h-ota": dt.date(2003, 6, 11),
        "h-promed-partners": dt.date(2003, 6, 10), "h-sco-capital-partners": dt.date(2003, 6, 12),
        "h-sds-merchant-fund": dt.date(2003, 6, 6), "h-xmark-fund": dt.date(2003, 6, 13),
        "h-sco-financial-group": None,  # the one still missing
    }
    edits += [("registrations", "record_selling_info", ("rs-shelf", h, on), {}) for h, on in received.items()]
    edits += [
        ("registrations", "add_registration", (company,), {}),
        ("timeline", "record_fact", (m.TimelineFact("f-pb", m.FactKind.PIGGYBACK_NOTICE, dt.date(2003, 7, 1),
                                                     at=at(2003, 7, 1, 10, 30), registration_id="rs-company",
                                                     method="fax", document="7(d) notice of proposed registration"),),
         {}),
    ]
    # 625,000 shares asked for, 400,001 allowed: 160,000.4 / 160,000.4 / 80,000.2 — the odd share
    # goes to one of the two equal remainders (the tie rule: larger request, then name).
    requests = (("pb-1", "h-xmark-fund", 250_000, dt.date(2003, 7, 8)),
                ("pb-2", "h-sds-merchant-fund", 250_000, dt.date(2003, 7, 9)),
                ("pb-3", "h-sco-capital-partners", 125_000, dt.date(2003, 7, 11)))
    edits += [("registrations", "add_piggyback_request", (m.PiggybackRequest(i, "rs-company", h, n, on),), {})
              for i, h, n, on in requests]
    edits += [
        ("registrations", "record_cutback", ("rs-company", 400_001), {}),
        ("assignments", "record_assignment", (m.Assignment(
            "a-1", "h-ota", "h-promed-partners", "PREF", 2, dt.date(2003, 7, 7),
            written_assignment_furnished_on=dt.date(2003, 7, 8), transferee_notice_on=dt.date(2003, 7, 9),
            documents=("Assignment and Assumption Agreement dated Jul 7, 2003",
                       "Transferee notice letter of Jul 9, 2003")),), {}),
        ("blackouts", "add_blackout", (m.BlackoutPeriod(
            "b-1", dt.date(2003, 8, 4), dt.date(2003, 8, 18), m.BlackoutBasis.MNPI, "Pending licensing negotiations",
            confidential_reason="Term sheet with a licensee under negotiation; announcement expected mid-August",
            notice_sent_on=dt.date(2003, 7, 16)),), {"today": TODAY}),
        ("claims", "open_claim", (m.Claim(
            "c-1", m.ClaimClause.COMPANY_INDEMNIFIES, "Xmark Fund Ltd.", "Spectrum Pharmaceuticals, Inc.",
            "Purchaser inquiry: alleged misstatement in the prospectus (demand letter of Jul 2, 2003)",
            holder_id="h-xmark-fund", notice_sent_at=at(2003, 7, 3, 9, 30), notice_method="fax",
            notice_received_on=dt.date(2003, 7, 3), counsel="Kane Kessler, P.C.", exposure=Decimal("250000")),), {}),
        ("claims", "record_fee_notice", ("c-1", dt.date(2003, 7, 10), Decimal("18450.00")), {}),
    ]
    edits += [("notices", "log_notice", (n,), {}) for n in (
        m.NoticeRecord("n-1", m.NoticeDirection.SENT, "piggyback", "Xmark Fund Ltd. (and each Holder)", "fax",
                       at(2003, 7, 1, 10, 30)),
        m.NoticeRecord("n-2", m.NoticeDirection.RECEIVED, "piggyback_request", "Xmark Fund Ltd.", "courier",
                       at(2003, 7, 8, 11, 15), received_on=dt.date(2003, 7, 9)),
        m.NoticeRecord("n-3", m.NoticeDirection.SENT, "notice_of_effectiveness", "U.S. Stock Transfer Corporation",
                       "fax", at(2003, 7, 16, 10, 5)),
        m.NoticeRecord("n-4", m.NoticeDirection.SENT, "blackout", "Each Holder (9)", "fax", at(2003, 7, 16, 15, 40)),
    )]
    edits += [("expenses", "add_expense", (e,), {}) for e in (
        m.Expense("e-1", dt.date(2003, 6, 20), "Securities and Exchange Commission",
                  m.ExpenseCategory.REGISTRATION_FILING, Decimal("1127.30"), invoice="Form S-3 filing fee"),
        m.Expense("e-2", dt.date(2003, 6, 30), "Bowne of Los Angeles", m.ExpenseCategory.PRINTING,
                  Decimal("8640.00"), invoice="INV-77120", reimbursement_requested_on=dt.date(2003, 7, 2)),
        m.Expense("e-3", dt.date(2003, 7, 11), "Kane Kessler, P.C.", m.ExpenseCategory.SPECIAL_COUNSEL,
                  Decimal("12500.00"), invoice="2003-0711", reimbursement_requested_on=dt.date(2003, 7, 14),
                  paid_on=dt.date(2003, 7, 15)),
    )]
    return edits
