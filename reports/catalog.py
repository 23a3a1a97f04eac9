"""Every kind of notice letter by the name the command line and the dialog use.

``log_kind`` is the ``NoticeRecord.kind`` the notice log records (the deadline builders look
for "notice_of_effectiveness"); ``completes`` names the obligation a sent letter performs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports import exhibit_a, holder_notices, holder_rights
from reports.document import Letter
from reports.letters import Context, NoticeRefused, NoticeRequest, context_for
from rra_desktop.domain.model import Deal


@dataclass(frozen=True)
class LetterKind:
    name: str
    label: str  # for the dialog's list
    clause: str
    log_kind: str
    build: Callable[[Context], list[Letter]]
    to_holders: bool = True  # one letter per selected Holder
    completes: str = ""  # deadline kind marked done when the letter is sent


KINDS: dict[str, LetterKind] = {k.name: k for k in (
    LetterKind("notice-of-effectiveness", "Notice of Effectiveness to the transfer agent (Exhibit A)", "7(p)",
               "notice_of_effectiveness", exhibit_a.notice_of_effectiveness, to_holders=False,
               completes="notice_of_effectiveness"),
    LetterKind("review-copies", "Documents for review, with the objection deadline", "3(a)", "review_copies",
               holder_notices.review_copies),
    LetterKind("filing-notice", "Notice of proposed filing", "3(c)(A)", "filing_notice", holder_notices.filing_notice),
    LetterKind("sec-review", "Notice regarding Commission review or comments", "3(c)(B)", "sec_review",
               holder_notices.sec_review),
    LetterKind("effectiveness", "Notice of effectiveness to the Holders", "3(c)(C)", "effectiveness",
               holder_notices.effectiveness_notice),
    LetterKind("suspension-event", "Notice of a 3(c)(i)-(iv) event", "3(c)", "suspension_event",
               holder_notices.suspension_event),
    LetterKind("blackout", "Notice of Blackout Period", "3(n)", "blackout", holder_notices.blackout),
    LetterKind("advice", "Advice that use of the Prospectus may be resumed", "3(m)(iii)", "advice",
               holder_notices.advice),
    LetterKind("piggyback", "Piggy-back registration notice", "7(d)", "piggyback", holder_rights.piggyback),
    LetterKind("rule144-certification", "Rule 144 compliance certification", "6", "rule144_certification",
               holder_rights.rule144_certification),
    LetterKind("proceeding", "Notice of a Proceeding", "5(a)", "proceeding", holder_rights.proceeding),
    LetterKind("assignment-acknowledgement", "Acknowledgement of an assignment", "7(i)",
               "assignment_acknowledgement", holder_rights.assignment_acknowledgement, to_holders=False),
)}


def kind_of(name: str) -> LetterKind:
    if name not in KINDS:
        raise NoticeRefused(f"Unknown notice {name!r}; choose one of: {', '.join(KINDS)}")
    return KINDS[name]


def build_letters(deal: Deal, request: NoticeRequest) -> list[Letter]:
    """The letters ``request`` asks for, one per recipient, in register order."""
    kind = kind_of(request.kind)
    return kind.build(context_for(deal, request))
