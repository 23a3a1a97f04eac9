"""Who a notice to "the Holders" goes to, and the one loop that writes a letter to each.

Without a selection, a notice goes to every Holder with Registrable Securities on the register
on the day it is sent (``register_as_of``), in register order; a selection names Holders by id
and is honoured even for a Holder that holds none today (a paralegal may be re-sending).
"""

from __future__ import annotations

from collections.abc import Callable

from reports.document import Letter
from reports.letters import Context, NoticeRefused, common_values, compose, holder_copies, template_for
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import find_holder as services_find_holder


def select_holders(ctx: Context) -> list[Holder]:
    by_id = {h.id: h for h in ctx.deal.holders}
    if ctx.request.holder_ids:
        unknown = [i for i in ctx.request.holder_ids if i not in by_id]
        if unknown:
            raise NoticeRefused(f"No Holder with id {', '.join(unknown)} in this deal")
        return [by_id[i] for i in ctx.request.holder_ids]
    held = [by_id[p.holder_id] for p in register_as_of(ctx.deal, ctx.sent_on, rights=True) if p.registrable > 0]
    if not held:
        raise NoticeRefused("No Holder has Registrable Securities on the sending date")
    return held


def find_holder(deal, name_or_id: str) -> Holder:
    """A Holder by id, exact name, or the one name starting so (``services.holders.find_holder``);
    several or none refuse the letter."""
    return services_find_holder(deal, name_or_id, NoticeRefused)


def to_each_holder(ctx: Context, template: str, shared: dict[str, object],
                   per_holder: Callable[[Holder], dict[str, object]] | None = None,
                   extra: Callable[[Holder], dict] | None = None) -> list[Letter]:
    """One letter per selected Holder from ``template`` (a letter kind, see ``template_for``),
    copies as 7(g) requires."""
    if not ctx.recipients:
        ctx.recipients = select_holders(ctx)
    tpl = template_for(ctx, template)
    base = {**common_values(ctx), **shared}
    cc = holder_copies(ctx)
    letters = []
    for h in ctx.recipients:
        values = {**base, "holder": h.name, **(per_holder(h) if per_holder else {})}
        letters.append(compose(ctx, tpl, values, to=h, cc=cc, extra={"holder_id": h.id, **(extra(h) if extra else {})}))
    return letters
