"""What a new deal on this form of agreement starts with: the classes of securities it creates,
named generically (a deal renames them to its own), and no party, date or figure of any deal.

The rules engine reads the 2003 form (``periods_applied``), whose securities are a convertible
preferred stock, two series of warrants, Placement Agent Warrants and the Common Stock they
become; ledger rows name them by these codes.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.model import SecurityClass, SecurityKind

FORM_SECURITIES = (
    SecurityClass("PREF", "Convertible Preferred Stock", SecurityKind.PREFERRED),
    SecurityClass("D1", "Series 1 Warrants", SecurityKind.WARRANT),
    SecurityClass("D2", "Series 2 Warrants", SecurityKind.WARRANT),
    SecurityClass("PAW", "Placement Agent Warrants", SecurityKind.WARRANT),
    SecurityClass("COMMON", "Common Stock", SecurityKind.COMMON),
)


def deal_title(company: str, agreement_date: dt.date) -> str:
    """"Acme Corp. — Registration Rights Agreement dated as of March 3, 2004"."""
    when = f"{agreement_date:%B} {agreement_date.day}, {agreement_date.year}"
    return f"{company} — Registration Rights Agreement dated as of {when}"
