"""What a new deal on this form of agreement starts with: the classes of securities it creates,
named generically (a deal renames them to its own), and no party, date or figure of any deal.

The rules engine reads the 2003 form (``periods_applied``), whose securities are a convertible
preferred stock, two series of warrants, Placement Agent Warrants and the Common Stock they
become; ledger rows name them by these codes. A deal keeps its own codes, names and labels: the
rules read each class's role (``security_classes``), never these codes.

``with_form_roles`` brings classes recorded before a class carried its label and the Placement
Agent Warrant role up to date (the store's migration 0008 does the same in SQL): a class coded
as this form codes it gets the heading the register always printed for that code, and a Warrant
coded "PAW" becomes a Placement Agent Warrant. Every output of such a deal stays as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import SecurityClass, SecurityKind

FORM_SECURITIES = (
    SecurityClass("PREF", "Convertible Preferred Stock", SecurityKind.PREFERRED, "Preferred"),
    SecurityClass("D1", "Series 1 Warrants", SecurityKind.WARRANT, "Series 1 Warrants"),
    SecurityClass("D2", "Series 2 Warrants", SecurityKind.WARRANT, "Series 2 Warrants"),
    SecurityClass("PAW", "Placement Agent Warrants", SecurityKind.PLACEMENT_AGENT_WARRANT, "Placement Agent Warrants"),
    SecurityClass("COMMON", "Common Stock", SecurityKind.COMMON, "Common"),
)
# the heading the register printed for each of the form's codes before classes carried labels
FORMER_HEADINGS = {"PREF": "Series D Preferred", "D1": "D-1 Warrants", "D2": "D-2 Warrants",
                   "PAW": "Placement Agent Warrants", "COMMON": "Common"}
FORMER_PLACEMENT_AGENT_CODE = "PAW"


def with_form_roles(securities: tuple[SecurityClass, ...]) -> tuple[SecurityClass, ...]:
    """``securities`` with the form's headings and the Placement Agent Warrant role filled in
    where a class recorded before them lacks them (the same tuple when nothing is missing)."""
    out = tuple(_with_form_role(s) for s in securities)
    return securities if out == securities else out


def _with_form_role(s: SecurityClass) -> SecurityClass:
    label = s.label or FORMER_HEADINGS.get(s.code, "")
    kind = (SecurityKind.PLACEMENT_AGENT_WARRANT
            if s.code == FORMER_PLACEMENT_AGENT_CODE and s.kind == SecurityKind.WARRANT else s.kind)
    return s if (label, kind) == (s.label, s.kind) else dataclasses.replace(s, label=label, kind=kind)


def deal_title(company: str, agreement_date: dt.date) -> str:
    """"Acme Corp. — Registration Rights Agreement dated as of March 3, 2004"."""
    when = f"{agreement_date:%B} {agreement_date.day}, {agreement_date.year}"
    return f"{company} — Registration Rights Agreement dated as of {when}"
