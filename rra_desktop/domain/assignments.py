"""Assignment of registration rights under Sections 7(h) and 7(i).

7(i) makes a Holder's rights "automatically assignable" to a transferee of all or part of its
Preferred Stock, Warrants or Registrable Securities if (i) the Holder agrees in writing with the
transferee to assign them and a copy of that agreement is furnished to the Company, and (ii) the
Company is furnished with written notice of (a) the transferee's name and address and (b) the
securities concerned. Otherwise a Holder may assign "with the prior written consent of the
Company".

Choices where the agreement is silent (shown with every result):
- The automatic route takes effect on the later of the assignment date and the date the last
  of conditions (i) and (ii) was met. "Within a reasonable time" is not measured: the dates are
  shown so a person can judge it.
- The consent route takes effect on the assignment date when the consent came on or before it
  (a "prior" consent); a consent given later is read as a ratification effective from its date,
  and the result says so.
- Where both routes are met, the earlier effective date is used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.model import Assignment

AUTOMATIC = "automatic 7(i)"
CONSENT = "Company consent"
MISSING_WRITTEN_ASSIGNMENT = "7(i)(i): a copy of the written assignment furnished to the Company"
MISSING_TRANSFEREE_NOTICE = (
    "7(i)(ii): written notice to the Company of the transferee's name and address and of the securities"
)
MISSING_CONSENT = "7(i): or instead the Company's prior written consent"


@dataclass(frozen=True)
class AssignmentStatus:
    """Whether an assignment of registration rights is effective, by which route, from when,
    and what is still missing; ``explanation`` is one line for the register."""

    effective: bool
    effective_on: dt.date | None
    route: str | None  # "automatic 7(i)" | "Company consent" | None
    missing: tuple[str, ...]
    explanation: str


def assignment_status(assignment: Assignment, on: dt.date | None = None) -> AssignmentStatus:
    """Section 7(i): is ``assignment`` effective (as of ``on`` when given, else on the facts
    recorded), by which route, from which date, and which conditions are missing."""
    from rra_desktop.domain.counting import fmt  # the register imports this module before the calendar

    a = assignment
    routes: list[tuple[dt.date, str, str]] = []
    if a.written_assignment_furnished_on and a.transferee_notice_on:
        when = max(a.on, a.written_assignment_furnished_on, a.transferee_notice_on)
        routes.append((when, AUTOMATIC, f"written assignment furnished {fmt(a.written_assignment_furnished_on)}"
                       f" and transferee notice received {fmt(a.transferee_notice_on)}"))
    if a.company_consent_on:
        if a.company_consent_on <= a.on:
            routes.append((a.on, CONSENT, f"Company's prior written consent of {fmt(a.company_consent_on)}"))
        else:
            routes.append((a.company_consent_on, CONSENT, f"Company's written consent of "
                           f"{fmt(a.company_consent_on)}, given after the assignment (read as ratification)"))
    routes = [r for r in routes if on is None or r[0] <= on]
    if routes:
        when, route, how = min(routes)
        return AssignmentStatus(True, when, route, (), f"Effective {fmt(when)} ({route}): {how}.")
    missing = []
    if not a.written_assignment_furnished_on or (on is not None and a.written_assignment_furnished_on > on):
        missing.append(MISSING_WRITTEN_ASSIGNMENT)
    if not a.transferee_notice_on or (on is not None and a.transferee_notice_on > on):
        missing.append(MISSING_TRANSFEREE_NOTICE)
    if not missing and on is not None:  # both conditions met by ``on``, but the assignment is dated later
        missing.append(f"7(i): the assignment itself is dated {fmt(a.on)}, after {fmt(on)}")
    missing.append(MISSING_CONSENT)
    return AssignmentStatus(False, None, None, tuple(missing), "Not effective: missing " + "; ".join(missing) + ".")
