"""Every kind of notice letter by the name the command line and the dialog use: the domain's
letter registry (``rra_desktop.domain.letter_kinds.LETTERS``) paired with the function that fills
each kind's template.

``log_kind`` is the ``NoticeRecord.kind`` the notice log records; ``completes`` names the
obligation a sent letter performs (the 7(p) builder reads the log through the registry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports import exhibit_a, holder_notices, holder_rights
from reports.document import Letter
from reports.letters import Context, NoticeRefused, NoticeRequest, context_for
from rra_desktop.domain.letter_kinds import LETTERS, LetterSpec
from rra_desktop.domain.letter_kinds import LetterKind as L
from rra_desktop.domain.model import Deal
from rra_desktop.domain.obligations.registry import ObligationKind

# The function that fills each kind's template; one per entry of the registry.
BUILDERS: dict[L, Callable[[Context], list[Letter]]] = {
    L.NOTICE_OF_EFFECTIVENESS: exhibit_a.notice_of_effectiveness,
    L.REVIEW_COPIES: holder_notices.review_copies,
    L.FILING_NOTICE: holder_notices.filing_notice,
    L.SEC_REVIEW: holder_notices.sec_review,
    L.EFFECTIVENESS: holder_notices.effectiveness_notice,
    L.SUSPENSION_EVENT: holder_notices.suspension_event,
    L.BLACKOUT: holder_notices.blackout,
    L.ADVICE: holder_notices.advice,
    L.PIGGYBACK: holder_rights.piggyback,
    L.RULE144_CERTIFICATION: holder_rights.rule144_certification,
    L.PROCEEDING: holder_rights.proceeding,
    L.ASSIGNMENT_ACKNOWLEDGEMENT: holder_rights.assignment_acknowledgement,
}


@dataclass(frozen=True)
class LetterKind:
    """A registry entry (``spec``) with its builder, under the names the callers read."""

    spec: LetterSpec
    build: Callable[[Context], list[Letter]]

    @property
    def name(self) -> L:
        return self.spec.kind

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def clause(self) -> str:
        return self.spec.clause

    @property
    def log_kind(self) -> str:
        return self.spec.log_kind

    @property
    def to_holders(self) -> bool:  # one letter per selected Holder
        return self.spec.recipients.chosen_holders

    @property
    def completes(self) -> ObligationKind | None:
        return self.spec.completes


KINDS: dict[str, LetterKind] = {kind.value: LetterKind(spec, BUILDERS[kind]) for kind, spec in LETTERS.items()}


def kind_of(name: str) -> LetterKind:
    if name not in KINDS:
        raise NoticeRefused(f"Unknown notice {name!r}; choose one of: {', '.join(KINDS)}")
    return KINDS[name]


def build_letters(deal: Deal, request: NoticeRequest) -> list[Letter]:
    """The letters ``request`` asks for, one per recipient, in register order. Refused when a
    recipient's name has characters no shipped face can draw: it would print blank."""
    from reports.fonts import undrawable

    kind = kind_of(request.kind)
    letters = kind.build(context_for(deal, request))
    for letter in letters:
        missing = undrawable(letter.recipient)
        if missing:
            raise NoticeRefused(f"The letters cannot print the name “{letter.recipient}”: no font shipped with "
                                f"RRA Desk has {' '.join(missing)}. Correct the name in the Holder's record "
                                "(or write it in Latin letters) and make the letters again.")
    return letters
