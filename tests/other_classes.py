"""A deal whose classes of security are its own, not the 2003 sample's: "SerA" (a Preferred),
"WTS" (the Purchasers' Warrants), "AGT" (Placement Agent Warrants) and "CS" (Common Stock). Every
layer must read the roles from the deal, so this deal works as the sample does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind, SecurityClass, SecurityKind
from rra_desktop.sample import load_sample_deal

ISSUED = dt.date(2004, 1, 5)  # a Monday
CLASSES = (
    SecurityClass("SerA", "Series A Convertible Preferred Stock", SecurityKind.PREFERRED, "Series A"),
    SecurityClass("WTS", "Common Stock Purchase Warrants", SecurityKind.WARRANT, "Warrants"),
    SecurityClass("AGT", "Agent's Warrants", SecurityKind.PLACEMENT_AGENT_WARRANT, "Agent Warrants"),
    SecurityClass("CS", "Common Stock", SecurityKind.COMMON, "Common Shares"),
)
# 10 SerA = floor(10 x $10,000 / $2.35) = 42,553 Conversion Shares; 20 SerA = 85,106
ALPHA, BETA, AGENT = "h-alpha", "h-beta", "h-agent"


def other_deal() -> Deal:
    sample = load_sample_deal()
    terms = dataclasses.replace(sample.terms, title="Other Co. — Registration Rights Agreement",
                                schedule_1_printed=None)
    holders = (
        Holder(ALPHA, "Alpha Partners LP", ("1 Main Street", "New York, NY 10001"), "Ann Alpha", "212-555-0101",
               on_schedule_1=True, schedule_order=1, purchase_price=Decimal("100000")),
        Holder(BETA, "Beta Fund Ltd.", ("2 Main Street", "New York, NY 10001"), "Bob Beta", "212-555-0102",
               on_schedule_1=True, schedule_order=2, purchase_price=Decimal("200000")),
        Holder(AGENT, "Agent Securities LLC", ("3 Main Street", "New York, NY 10001"), affiliate=True),
    )
    positions = (
        PositionEntry("p-a-sera", ALPHA, "SerA", PositionKind.ISSUANCE, 10, ISSUED, ISSUED),
        PositionEntry("p-a-wts", ALPHA, "WTS", PositionKind.ISSUANCE, 5_000, ISSUED, ISSUED),
        PositionEntry("p-b-sera", BETA, "SerA", PositionKind.ISSUANCE, 20, ISSUED, ISSUED),
        PositionEntry("p-g-agt", AGENT, "AGT", PositionKind.ISSUANCE, 1_000, ISSUED, ISSUED),
    )
    return Deal(terms=terms, securities=CLASSES, holders=holders, positions=positions)
