"""The per-Holder builders make their drafts from every field at once (``tuple.__new__``, no
named-tuple constructor to count them): each draft must still be a whole ``Draft``, its values
in the fields they were meant for, or a field added to ``Draft`` would shift them silently."""

import dataclasses
import datetime as dt

from rra_desktop.domain.model import FactKind, TimelineFact
from rra_desktop.domain.obligations import Facts
from rra_desktop.domain.obligations import holders as holder_rules
from rra_desktop.domain.obligations.base import Draft
from rra_desktop.sample import load_sample_deal

D = dt.date


def _drafts():
    deal = load_sample_deal()
    notice = TimelineFact("pb-all", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=dt.datetime(2004, 3, 1, 10),
                          method="personal")
    facts = Facts.of(dataclasses.replace(deal, facts=(*deal.facts, notice)))  # a 7(d) notice to every Holder
    return [*holder_rules.piggyback_response(facts), *holder_rules.effectiveness_period_end(facts)]


def test_every_positional_draft_is_a_whole_draft_with_its_values_in_place():
    drafts = _drafts()
    assert len(drafts) > len(load_sample_deal().holders)  # a 7(d) window per Holder, and each Holder's end
    for d in drafts:
        assert type(d) is Draft and len(d) == len(Draft._fields)
        assert Draft(*d) == d and Draft(**d._asdict()) == d
        assert d.key.startswith(("piggyback_response:", "effectiveness_period_end:"))
        assert isinstance(d.holder_id, str) and d.key.endswith(d.holder_id)
        assert d.counted is None or d.counted.due >= (d.trigger_date or D.min)
        assert isinstance(d.ends_itself, bool) and isinstance(d.not_applicable, bool)
        assert d.ends_itself == d.key.startswith("effectiveness_period_end:")
        assert d.postponed is None and d.claim_id is None
