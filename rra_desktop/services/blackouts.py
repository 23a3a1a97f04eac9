"""The Blackout Period ledger (3(n), 3(m)(iii)): add, edit, end, notice and Advice.

A period that breaks a 3(n) limit is refused unless the user gives an override reason, which
the period and the audit trail keep. The ledger's locks: an upcoming period is fully editable; once
active only its end, the notice and the Advice can be recorded; once ended the period itself (its
days, basis, facts and reason) is fixed, but the dates its notice and its Advice were sent can
still be recorded or corrected. Choice: those dates are records of letters, often found after the
period is over (a period entered after the fact is ended the moment it is entered), and recording
them changes nothing the 3(n) limits count; the audit trail keeps every value they had.
"today" is a parameter (default: the computer's date) so that the rules can be tested.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.blackouts import RULE_TITLES, check_blackouts, status
from rra_desktop.domain.model import BlackoutPeriod
from rra_desktop.services.base import Refused, find, ordered, span, text, unused_id, write
from rra_desktop.store.transaction import Change

ACTIVE_FIELDS = frozenset({"end", "notice_sent_on", "advice_sent_on", "override_reason"})
ENDED_FIELDS = frozenset({"notice_sent_on", "advice_sent_on"})


def check_period(period: BlackoutPeriod) -> BlackoutPeriod:
    """The period's own fields: its facts named, an end and an Advice not before its start."""
    text(period.facts, "facts", "facts, circumstances or transactions the period arises from")
    ordered(period.start, period.end, "end", "The period cannot end before it starts.")
    ordered(period.start, period.advice_sent_on, "advice_sent_on",
            "The Advice cannot be sent before the period starts.")
    return period


def _checked(period: BlackoutPeriod, others: tuple[BlackoutPeriod, ...], override_reason: str,
             today: dt.date) -> BlackoutPeriod:
    check_period(period)
    broken = [v for v in check_blackouts([*others, period], as_of=today)
              if any(p.id == period.id for p in v.periods)]
    if broken and not override_reason.strip():
        raise Refused("This period breaks Section 3(n): " + "; ".join(v.message.rstrip(".") for v in broken)
                      + ". Record an override reason (for example the Holders' written waiver) to keep it anyway.",
                      field="end", problems=tuple(f"{RULE_TITLES.get(v.rule, v.rule)}: {v.message}" for v in broken))
    return dataclasses.replace(period, override_reason=override_reason.strip()) if broken else period


def add_blackout(store, period: BlackoutPeriod, override_reason: str = "", today: dt.date | None = None) -> Change:
    """Record a Blackout Period; refused if it breaks 3(n) and no override reason is given."""
    today = today or dt.date.today()
    deal = store.deal()
    unused_id(deal.blackouts, period.id, "blackout period")
    period = _checked(period, deal.blackouts, override_reason, today)
    with write(store, f"Add blackout {span(period.start, period.end)}", period.override_reason) as tx:
        tx.add(period)
    return tx.change


def edit_blackout(store, period: BlackoutPeriod, override_reason: str = "", today: dt.date | None = None) -> Change:
    """Change a period within what its status allows (upcoming: anything; active: end,
    notice and Advice; ended: the notice and the Advice)."""
    today = today or dt.date.today()
    deal = store.deal()
    stored = find(deal.blackouts, "id", period.id, "blackout period")
    state = status(stored, today)
    changed = {f.name for f in dataclasses.fields(period) if getattr(period, f.name) != getattr(stored, f.name)}
    if state == "ended" and changed - ENDED_FIELDS:
        raise Refused(f"The blackout {span(stored.start, stored.end)} has ended: only the dates its notice and its "
                      "Advice were sent can still be recorded.", field=sorted(changed - ENDED_FIELDS)[0])
    if state == "active" and changed - ACTIVE_FIELDS:
        field = sorted(changed - ACTIVE_FIELDS)[0]
        raise Refused(f"The blackout {span(stored.start, stored.end)} is active: only its end, the notice and the "
                      "Advice can be recorded now.", field=field)
    others = tuple(b for b in deal.blackouts if b.id != period.id)
    period = _checked(period, others, override_reason or stored.override_reason, today)
    with write(store, f"Edit blackout {span(period.start, period.end)}", period.override_reason) as tx:
        tx.update(period)
    return tx.change


def end_blackout(store, period_id: str, end: dt.date, today: dt.date | None = None,
                 override_reason: str = "") -> Change:
    """Record the last day of a period (a 3(m)(iii) suspension ends with the Advice)."""
    stored = find(store.deal().blackouts, "id", period_id, "blackout period")
    return edit_blackout(store, dataclasses.replace(stored, end=end), override_reason, today)


def record_blackout_notice(store, period_id: str, sent_on: dt.date, today: dt.date | None = None) -> Change:
    """3(n): the date the Company's notice of the Blackout Period was sent to the Holders."""
    stored = find(store.deal().blackouts, "id", period_id, "blackout period")
    return edit_blackout(store, dataclasses.replace(stored, notice_sent_on=sent_on), "", today)


def record_advice(store, period_id: str, sent_on: dt.date, today: dt.date | None = None) -> Change:
    """3(m)(iii): the date the Advice (that the prospectus may be used again) was sent."""
    stored = find(store.deal().blackouts, "id", period_id, "blackout period")
    return edit_blackout(store, dataclasses.replace(stored, advice_sent_on=sent_on), "", today)


def remove_blackout(store, period_id: str, today: dt.date | None = None) -> Change:
    """Remove a period entered by mistake: only while it is still upcoming."""
    today = today or dt.date.today()
    stored = find(store.deal().blackouts, "id", period_id, "blackout period")
    if status(stored, today) != "upcoming":
        raise Refused(f"The blackout {span(stored.start, stored.end)} has started: it is a record of what happened "
                      "and cannot be removed.", field="id")
    with write(store, f"Remove blackout {span(stored.start, stored.end)}") as tx:
        tx.remove(BlackoutPeriod, period_id)
    return tx.change
