"""Parts of the data contract (``rra_desktop.domain.model``) written in a module of their own:
what a Blackout Period postpones (3(n)) and a 3(a) written objection. ``model`` re-exports both,
so every layer names them as ``model.BlackoutScope`` and ``model.Objection``."""

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
