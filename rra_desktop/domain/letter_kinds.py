"""The registry of notice letters: one entry per kind of letter the product makes.

An entry names the kind (``LetterKind``, whose value is the name the command line, the dialog and
the template use), how it is listed, its clause, the ``NoticeRecord.kind`` the notice log records,
who receives it, its template, the recorded item it is about, what it encloses, and what a sent
letter sets in motion: the timeline fact each Holder's receipt becomes (the start of a 3(a) or
7(d) window), the obligation it performs (7(p)), the blackout ledger's notice or Advice date.

The data only: ``reports.catalog`` pairs each kind with the function that fills its template, the
notice log and the dialogs read the rest here. Adding a letter is one entry, its builder and its
template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rra_desktop.domain.model import FactKind
from rra_desktop.domain.obligations.registry import ObligationKind
from rra_desktop.domain.parties import Role


class LetterKind(StrEnum):
    NOTICE_OF_EFFECTIVENESS = "notice-of-effectiveness"
    REVIEW_COPIES = "review-copies"
    FILING_NOTICE = "filing-notice"
    SEC_REVIEW = "sec-review"
    EFFECTIVENESS = "effectiveness"
    SUSPENSION_EVENT = "suspension-event"
    BLACKOUT = "blackout"
    ADVICE = "advice"
    PIGGYBACK = "piggyback"
    RULE144_CERTIFICATION = "rule144-certification"
    PROCEEDING = "proceeding"
    ASSIGNMENT_ACKNOWLEDGEMENT = "assignment-acknowledgement"


class Recipients(StrEnum):
    """Who a letter goes to."""

    SELECTED_HOLDERS = "selected_holders"  # one letter per Holder chosen (or every Holder of record)
    REQUESTING_HOLDER = "requesting_holder"  # the Holder who asked (named; never "all")
    TRANSFER_AGENT = "transfer_agent"  # the transfer agent, copies to the Holders
    TRANSFEREE = "transferee"  # the assignee of the assignment concerned

    @property
    def role(self) -> Role:
        return Role.TRANSFER_AGENT if self is Recipients.TRANSFER_AGENT else Role.HOLDER

    @property
    def chosen_holders(self) -> bool:
        """The letter goes to Holders the user picks (the dialog's list, ``--holder``/``--all``)."""
        return self in (Recipients.SELECTED_HOLDERS, Recipients.REQUESTING_HOLDER)


class Concerns(StrEnum):
    """The recorded item a letter is about; ``field`` is the ``NoticeRequest`` field naming it."""

    SHELF = "shelf"  # a registration statement; by default the latest Section 2 shelf
    REGISTRATION = "registration"  # the Holders' shelf or an amendment; by default the latest
    COMPANY_REGISTRATION = "company_registration"  # a Company registration (7(d))
    BLACKOUT = "blackout"
    CLAIM = "claim"
    ASSIGNMENT = "assignment"

    @property
    def field(self) -> str:
        if self in (Concerns.SHELF, Concerns.REGISTRATION, Concerns.COMPANY_REGISTRATION):
            return "registration_id"
        return f"{self.value}_id"


class LedgerStep(StrEnum):
    """What a sent letter records in the blackout ledger (3(n), 3(m)(iii))."""

    BLACKOUT_NOTICE = "blackout_notice"  # the period's notice date
    ADVICE = "advice"  # the date of the Advice that use of the Prospectus may be resumed


@dataclass(frozen=True)
class LetterSpec:
    kind: LetterKind
    label: str  # how the dialog lists it
    clause: str
    log_kind: str  # NoticeRecord.kind in the notice log (stored in deal files)
    recipients: Recipients
    template: str  # the template's name (reports/templates/<template>.txt, or the firm's own)
    concerns: Concerns | None = None
    encloses: str = ""  # what goes with it, where anything does
    takes_event: bool = False  # asks which 3(c) event or Commission notice it reports
    follow_up_fact: FactKind | None = None  # each Holder's receipt, logged as this fact, starts ``opens``
    opens: ObligationKind | None = None  # the window it starts: each letter states its Holder's date
    completes: ObligationKind | None = None  # the obligation a sent letter performs
    ledger_step: LedgerStep | None = None


_H = Recipients.SELECTED_HOLDERS
LETTERS: dict[LetterKind, LetterSpec] = {s.kind: s for s in (
    LetterSpec(LetterKind.NOTICE_OF_EFFECTIVENESS, "Notice of Effectiveness to the transfer agent (Exhibit A)",
               "7(p)", "notice_of_effectiveness", Recipients.TRANSFER_AGENT, "notice-of-effectiveness",
               Concerns.SHELF, completes=ObligationKind.NOTICE_OF_EFFECTIVENESS),
    LetterSpec(LetterKind.REVIEW_COPIES, "Documents for review, with the objection deadline", "3(a)", "review_copies",
               _H, "review-copies", Concerns.REGISTRATION, encloses="the documents proposed to be filed",
               follow_up_fact=FactKind.REVIEW_COPIES_RECEIVED, opens=ObligationKind.HOLDER_OBJECTION_WINDOW),
    LetterSpec(LetterKind.FILING_NOTICE, "Notice of proposed filing", "3(c)(A)", "filing_notice", _H, "filing-notice",
               Concerns.REGISTRATION),
    LetterSpec(LetterKind.SEC_REVIEW, "Notice regarding Commission review or comments", "3(c)(B)", "sec_review", _H,
               "sec-review", Concerns.REGISTRATION, takes_event=True),
    LetterSpec(LetterKind.EFFECTIVENESS, "Notice of effectiveness to the Holders", "3(c)(C)", "effectiveness", _H,
               "effectiveness", Concerns.SHELF, completes=ObligationKind.HOLDER_EFFECTIVENESS_NOTICE),
    LetterSpec(LetterKind.SUSPENSION_EVENT, "Notice of a 3(c)(i)-(iv) event", "3(c)", "suspension_event", _H,
               "suspension-event", takes_event=True),
    LetterSpec(LetterKind.BLACKOUT, "Notice of Blackout Period", "3(n)", "blackout", _H, "blackout", Concerns.BLACKOUT,
               ledger_step=LedgerStep.BLACKOUT_NOTICE),
    LetterSpec(LetterKind.ADVICE, "Advice that use of the Prospectus may be resumed", "3(m)(iii)", "advice", _H,
               "advice", Concerns.BLACKOUT, encloses="the amended or supplemented Prospectus, where one is named",
               ledger_step=LedgerStep.ADVICE),
    LetterSpec(LetterKind.PIGGYBACK, "Piggy-back registration notice", "7(d)", "piggyback", _H, "piggyback",
               Concerns.COMPANY_REGISTRATION, follow_up_fact=FactKind.PIGGYBACK_NOTICE,
               opens=ObligationKind.PIGGYBACK_RESPONSE),
    LetterSpec(LetterKind.RULE144_CERTIFICATION, "Rule 144 compliance certification", "6", "rule144_certification",
               Recipients.REQUESTING_HOLDER, "rule144-certification"),
    LetterSpec(LetterKind.PROCEEDING, "Notice of a Proceeding", "5(a)", "proceeding", _H, "proceeding", Concerns.CLAIM),
    LetterSpec(LetterKind.ASSIGNMENT_ACKNOWLEDGEMENT, "Acknowledgement of an assignment", "7(i)",
               "assignment_acknowledgement", Recipients.TRANSFEREE, "assignment-acknowledgement",
               Concerns.ASSIGNMENT),
)}


def letter(kind: str) -> LetterSpec | None:
    """The entry of ``kind`` (a ``LetterKind`` or its name), None for a name no letter has."""
    try:
        return LETTERS[LetterKind(kind)]
    except ValueError:
        return None


def log_kinds_completing(obligation: ObligationKind) -> frozenset[str]:
    """The notice-log kinds of the letters that perform ``obligation`` once logged as sent."""
    return frozenset(s.log_kind for s in LETTERS.values() if s.completes is obligation)


def letter_completing(obligation: ObligationKind | None) -> LetterSpec | None:
    """The letter whose notice, logged as sent, performs ``obligation`` (7(p) Exhibit A, the
    3(c)(C) notice); None for an obligation no letter performs. Marking such an obligation done
    logs that notice: the log is the one record of the act."""
    return next((s for s in LETTERS.values() if obligation is not None and s.completes is obligation), None)


# the obligations a logged notice performs: no ``Completion`` is written for them
PERFORMED_BY_NOTICE = frozenset(s.completes for s in LETTERS.values() if s.completes is not None)


def notice_words(log_kind: str, count: int = 1) -> str:
    """A notice-log kind as a message names it: "blackout notice", "notice of effectiveness"
    (never "notice of effectiveness notice"), "filing notice"; with ``count`` over one, "blackout
    notices", "notices of effectiveness"."""
    words = log_kind.replace("_", " ").strip()
    if "notice" not in words.split():
        words = f"{words} notice"
    if count == 1:
        return words
    return words.replace("notice", "notices", 1) if words.startswith("notice ") else words + "s"
