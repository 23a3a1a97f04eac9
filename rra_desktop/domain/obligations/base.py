"""What every obligation builder works from (``Facts``) and returns (``Draft``).

A builder reads the deal's recorded facts and returns the contractual side of a deadline: its
dates, trigger and working. ``rra_desktop.domain.deadlines`` then applies what only the record can
change — completions and instruments (waivers, consents, extensions) — and the status as of a date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from rra_desktop.domain.calendar import BusinessCalendar, EdgarCalendar, calendar_for
from rra_desktop.domain.counting import Counted
from rra_desktop.domain.model import BlackoutScope, Deal, FactKind, RegistrationKind, TimelineFact
from rra_desktop.domain.notices import DeliveryMethod, deemed_given
from rra_desktop.domain.obligations.registry import ObligationKind
from rra_desktop.domain.parties import Parties
from rra_desktop.domain.postponement import Postponement, postpone
from rra_desktop.domain.registration_facts import effective_on, filed_on


@dataclass(frozen=True, slots=True)
class Obligation:
    """What names an obligation and its trigger: the head shared by the builders' ``Draft`` and
    the engine's ``Deadline`` (``rra_desktop.domain.deadlines``)."""

    key: str
    kind: ObligationKind
    clause: str
    title: str
    party: Parties
    trigger: str
    trigger_date: dt.date | None


class Draft(NamedTuple):
    """A deadline as the agreement and the facts fix it, before instruments and completions: the
    ``Obligation`` head (``key`` .. ``trigger_date``), then what the builder found.

    An immutable named tuple rather than a frozen dataclass: a 10,000-Holder deal builds one per
    Holder and per piggy-back notice, and ``deadlines`` turns each straight into a ``Deadline``;
    building a frozen dataclass twice per deadline was a quarter of the engine's running time.
    ``typing.NamedTuple`` makes the same class as ``collections.namedtuple``, with its fields typed."""

    key: str
    kind: ObligationKind
    clause: str
    title: str
    party: Parties
    trigger: str
    trigger_date: dt.date | None
    counted: Counted | None  # None while not yet triggered
    explanation: str = ""  # why not yet triggered (or the rule, for a Holder's window)
    holder_id: str | None = None
    registration_id: str | None = None
    claim_id: str | None = None
    satisfied_on: dt.date | None = None  # a recorded fact shows the obligation performed
    note: str = ""  # appended to the working, e.g. "filed late"
    ends_itself: bool = False  # the end of a period, not an act: once past it is simply over
    postponed: Postponement | None = None  # a 3(n) postponement of the date in force
    late_request: dt.date | None = None  # an option exercised after its window: the date, not a performance
    not_applicable: bool = False  # the clause does not apply on the facts; ``explanation`` says why
    covered: str = ""  # what excuses a late act, e.g. the Company's acceptance of a late 7(d) request


@dataclass(frozen=True, slots=True)
class Registration:
    """A registration statement's filing and effectiveness, as its record holds them."""

    id: str
    kind: RegistrationKind
    filed_at: dt.datetime | None = None
    filed_on: dt.date | None = None
    effective_on: dt.date | None = None


@dataclass
class Facts:
    """The deal's facts indexed once, so each builder is one pass over what concerns it."""

    deal: Deal
    cal: BusinessCalendar
    edgar: EdgarCalendar
    by_kind: dict[FactKind, list[TimelineFact]] = field(default_factory=dict)
    registrations: list[Registration] = field(default_factory=list)
    holder_names: dict[str, str] = field(default_factory=dict)
    as_of: dt.date = dt.date.max  # the date statuses are computed for (a builder reads "ended by then")
    # each notice's receipt, worked out once (fact id -> the fact and its answer): the review copies
    # of 3(a) are read for every filing they may precede, 20 years of them for each of 20 filings
    receipts: dict[str, tuple[TimelineFact, tuple[dt.date | None, str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # a cache: never passed in

    @classmethod
    def of(cls, deal: Deal, as_of: dt.date | None = None) -> Facts:
        by_kind: dict[FactKind, list[TimelineFact]] = defaultdict(list)
        for f in sorted(deal.facts, key=lambda f: (f.on, f.id)):
            by_kind[f.kind].append(f)
        facts = cls(deal, calendar_for(deal.terms), EdgarCalendar(), by_kind, as_of=as_of or dt.date.max)
        facts.holder_names = {h.id: h.name for h in deal.holders}
        facts.registrations = _registrations(deal)
        return facts

    def of_kind(self, kind: FactKind) -> list[TimelineFact]:
        return self.by_kind.get(kind, [])

    @property
    def shelf(self) -> Registration | None:
        """The Section 2 shelf: the first one recorded."""
        return next((r for r in self.registrations if r.kind == RegistrationKind.SECTION_2_SHELF), None)

    def postpone(self, act_by: dt.date, what: BlackoutScope) -> Postponement | None:
        """The 3(n) postponement of a filing or effectiveness act-by date (``postponement``)."""
        if not self.deal.blackouts:
            return None
        shelf = self.shelf
        return postpone(act_by, what, self.deal.blackouts, self.edgar,
                        None if what == BlackoutScope.FILING else self.cal,
                        shelf.filed_on if shelf else None, shelf.effective_on if shelf else None)

    def receipt(self, fact: TimelineFact) -> tuple[dt.date | None, str]:
        """When a notice recorded as ``fact`` was received for counting purposes: the date it is
        deemed given under 7(g), or the recorded actual receipt where that is earlier."""
        known = self.receipts.get(fact.id)
        if known is not None and known[0] is fact:
            return known[1]
        answer = self._receipt(fact)
        self.receipts[fact.id] = (fact, answer)
        return answer

    def _receipt(self, fact: TimelineFact) -> tuple[dt.date | None, str]:
        if fact.method and fact.at is not None:
            given = deemed_given(fact.method, fact.at, fact.received_on, self.cal)
            return given.date, given.rule
        if fact.method == DeliveryMethod.COURIER:
            # a courier is given the Business Day after it is handed over, whatever the hour
            given = deemed_given(DeliveryMethod.COURIER, dt.datetime.combine(fact.on, dt.time.min), fact.received_on,
                                 self.cal)
            return given.date, given.rule
        if fact.received_on is not None:
            return fact.received_on, "actual receipt recorded (7(g)(iv))"
        return fact.on, "no delivery time recorded: the fact's date is taken as the date of receipt"


def _registrations(deal: Deal) -> list[Registration]:
    """Each registration's filing and effectiveness as the registration record holds them (the
    one record of both: ``domain.registration_facts``)."""
    out: list[Registration] = []
    for reg in deal.registrations:
        out.append(Registration(reg.id, reg.kind, reg.filed_at, filed_on(reg), effective_on(reg)))
    return out
