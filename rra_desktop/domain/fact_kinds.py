"""The registry of timeline fact kinds: what each ``FactKind`` is called and what it records.

One entry per kind says how a paralegal names it, whether its time of day matters (a filing's
EDGAR cut-off, an effectiveness order, a notice's 7(g) deemed-given time), whether it concerns a
Holder or a registration statement, and whether it records a delivery method. The fact dialog,
the timeline and the command line read these entries rather than lists of their own. The entries
are in the order events happen in a deal, the order the fact dialog lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rra_desktop.domain.model import FactKind


@dataclass(frozen=True)
class FactSpec:
    kind: FactKind
    label: str
    timed: bool = False  # recorded with its time (Eastern); the date is the time's
    for_holder: bool = False  # names the Holder concerned (the recipient of a notice)
    for_registration: bool = False  # names the registration statement
    with_method: bool = False  # records the delivery method (7(g) deemed given)
    recorded_here: bool = True  # False: recorded elsewhere (a fee notice, on its claim)


FACTS: dict[FactKind, FactSpec] = {s.kind: s for s in (
    FactSpec(FactKind.RS_PLANNED, "Registration statement or prospectus planned (3(a))", for_registration=True),
    FactSpec(FactKind.AMENDMENT_PLANNED, "Amendment or supplement planned (3(a))", for_registration=True),
    FactSpec(FactKind.REVIEW_COPIES_RECEIVED, "Review copies received by the Holders (3(a))", for_holder=True),
    FactSpec(FactKind.RS_FILED, "Registration statement filed (date and time)", timed=True, for_registration=True),
    FactSpec(FactKind.SEC_NO_REVIEW, "SEC notice: no review (2)", for_registration=True),
    FactSpec(FactKind.COMMISSION_COMMENTS, "Commission comments received (3(c))", for_registration=True),
    FactSpec(FactKind.RS_EFFECTIVE, "Declared effective (date and time)", timed=True, for_registration=True),
    FactSpec(FactKind.STOP_ORDER, "Stop order (3(c)(ii))", for_registration=True),
    FactSpec(FactKind.PIGGYBACK_NOTICE, "Piggy-back notice to a Holder (7(d))", timed=True, for_holder=True,
             with_method=True),
    FactSpec(FactKind.PLANNED_SALE, "A Holder's planned sale (3(i))", for_holder=True),
    FactSpec(FactKind.FEE_NOTICE, "Fee notice", recorded_here=False),
)}


def fact_label(kind: FactKind | str) -> str:
    """How a fact kind reads ("Declared effective (date and time)"); an unknown kind is spelled out."""
    value = str(kind)  # a FactKind is a StrEnum: its str is its value
    try:
        return FACTS[FactKind(value)].label
    except ValueError:
        return value.replace("_", " ").capitalize()
