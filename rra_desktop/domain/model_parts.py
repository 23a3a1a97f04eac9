"""Parts of the data contract (``rra_desktop.domain.model``) written in a module of their own:
what a Blackout Period postpones (3(n)), a 3(a) written objection and a 7(g) notice of a change
of address. ``model`` re-exports them, so every layer names them as ``model.BlackoutScope``,
``model.Objection``, ``model.AddressChange`` and ``model.AddressOf``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class BlackoutScope(StrEnum):
    """What a Blackout Period postpones or suspends (3(n)); ``postponement.scope_of`` reads it
    from the facts when the record leaves it unset."""

    FILING = "filing"
    EFFECTIVENESS = "effectiveness"
    PROSPECTUS = "prospectus"  # after effectiveness: the use of the Prospectus


@dataclass(frozen=True)
class Objection:
    """3(a): a written objection to a document proposed to be filed. ``objectors`` are Holder ids
    and/or ``"special_counsel"``; ``received_on`` is when the Company received it."""

    id: str
    document: str
    objectors: tuple[str, ...]
    received_on: dt.date
    registration_id: str | None = None
    copies_fact_id: str | None = None  # the review copies' receipt it answers (3 Business Days)
    withdrawn_on: dt.date | None = None
    note: str = ""


class AddressOf(StrEnum):
    """Whose notice address a 7(g) change designates: a Holder (``holder_id`` names it), the
    Company, the counsel its copies go to, Holders' counsel, or the transfer agent."""

    HOLDER = "holder"
    COMPANY = "company"
    COMPANY_COUNSEL = "company_counsel"
    HOLDERS_COUNSEL = "holders_counsel"
    TRANSFER_AGENT = "transfer_agent"


@dataclass(frozen=True)
class AddressChange:
    """7(g): a written notice designating "such other address or addresses or facsimile number".

    The change is itself a notice, so it takes effect on the day it is deemed given under 7(g)
    (from ``method``, ``sent_at`` and the recorded ``received_on``), or on the later day the
    notice names (``effective_from``); ``withdrawn_on`` is the day a withdrawal of it took effect.
    The address a Holder or party record carries is the one designated first (Schedule 1, the
    agreement, a transferee's 7(i) notice): in force until the first change takes effect
    (``domain.addresses``)."""

    id: str
    of: AddressOf
    address_lines: tuple[str, ...]
    method: str  # how the notice of the change was given (7(g)): fax, courier, mail, personal, email
    sent_at: dt.datetime  # naive: Eastern wall time
    holder_id: str | None = None  # the Holder, when ``of`` is HOLDER
    attention: str = ""
    fax: str = ""
    received_on: dt.date | None = None  # recorded actual receipt (7(g)(iv))
    effective_from: dt.date | None = None  # a later day the notice itself names
    withdrawn_on: dt.date | None = None
    document: str = ""  # the notice of the change (a file name, a description)
    note: str = ""
