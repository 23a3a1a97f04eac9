"""Exhibit A: the Notice of Effectiveness of Registration Statement (Section 7(p)).

Within two Business Days after the Registration Statement is ordered effective, Company counsel
confirms it to the transfer agent "with copies to the Holders whose Registrable Securities are
included". The cc list is every Holder with Registrable Securities on the register on the
effective date (``register_as_of``), by name, in register order; Holders' counsel is copied
too, since 7(g) sends it copies of every notice to a Holder (our choice: the copy to the
Holders is such a notice). The filing and effectiveness come from the registration record, the
deal's one record of both.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
from dataclasses import dataclass

from reports.document import Block, Letter
from reports.letters import (
    Context,
    NoticeRefused,
    clock,
    common_values,
    compose,
    copy_block,
    long_date,
    template_for,
)
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.letter_kinds import LetterKind as L
from rra_desktop.domain.model import RegistrationKind, RegistrationStatement
from rra_desktop.domain.registration_facts import effective_on, filed_on


@dataclass(frozen=True)
class Effectiveness:
    """The facts a notice of effectiveness states."""

    registration: RegistrationStatement
    filed_on: dt.date
    effective_at: dt.datetime

    @property
    def effective_on(self) -> dt.date:
        return effective_on(self.registration) or self.effective_at.date()


def registration_for(ctx: Context, kinds: tuple[RegistrationKind, ...]) -> RegistrationStatement:
    """The registration the request names, else the latest recorded of ``kinds``."""
    regs = ctx.deal.registrations
    rid = ctx.request.registration_id
    if rid:
        found = [r for r in regs if r.id == rid]
        if not found:
            raise NoticeRefused(f"No registration statement with id {rid!r} in this deal")
        return found[0]
    candidates = [r for r in regs if r.kind in kinds]
    if not candidates:
        raise NoticeRefused("No registration statement of this kind is recorded: record it first")
    return candidates[-1]


def effectiveness(ctx: Context) -> Effectiveness:
    reg = registration_for(ctx, (RegistrationKind.SECTION_2_SHELF,))  # another one only when named
    filed, effective = reg.filed_at, reg.effective_at
    if filed is None:
        raise NoticeRefused(f"Registration statement {reg.id} has no filing date: record the filing first")
    if effective is None:
        raise NoticeRefused(f"Registration statement {reg.id} is not recorded as declared effective")
    if not reg.file_no.strip() and reg.kind == RegistrationKind.AMENDMENT and reg.parent_id:
        # a post-effective amendment carries the File No. of the shelf it amends
        parent = next((r for r in ctx.deal.registrations if r.id == reg.parent_id), None)
        if parent is not None and parent.file_no.strip():
            reg = dc.replace(reg, file_no=parent.file_no)
    if not reg.file_no.strip():
        raise NoticeRefused(f"Registration statement {reg.id} has no File No. (333-…): record it first")
    return Effectiveness(reg, filed_on(reg) or filed.date(), effective)


def effectiveness_values(e: Effectiveness) -> dict[str, object]:
    return {
        "form": e.registration.form,
        "file_no": e.registration.file_no,
        "filing_date": long_date(e.filed_on),
        "effective_time": clock(e.effective_at),
        "effective_date": long_date(e.effective_on),
    }


def included_holders(ctx: Context, on: dt.date) -> list[str]:
    """7(p): the Holders whose Registrable Securities are included: those holding any on ``on``."""
    return [p.name for p in register_as_of(ctx.deal, on, rights=True) if p.registrable > 0]


def notice_of_effectiveness(ctx: Context) -> list[Letter]:
    """The Exhibit A letter to the transfer agent, cc every included Holder and Holders' counsel."""
    agent = ctx.deal.terms.transfer_agent
    if agent is None:
        raise NoticeRefused("No transfer agent is recorded in the deal's terms: record its name and address first")
    e = effectiveness(ctx)
    names = included_holders(ctx, e.effective_on)
    if not names:
        raise NoticeRefused("No Holder has Registrable Securities on the effective date: nobody to copy")
    cc = (*(Block((n,)) for n in names), copy_block(ctx.deal.terms.holders_counsel))
    values = effectiveness_values(e)
    template = template_for(ctx, L.NOTICE_OF_EFFECTIVENESS)
    letter = compose(ctx, template, {**common_values(ctx), **values}, to=agent, cc=cc,
                     salutation=agent.salutation or "Dear Sir or Madam:",
                     extra={"registration_id": e.registration.id, "cc_holders": tuple(names)})
    return [letter]
