"""Per-Holder deadlines: certificates before a sale (3(i)), piggy-back requests (7(d)) and the
end of the Effectiveness Period (Section 2, Rule 144)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from rra_desktop.domain.counting import Counted, business_days_before, calendar_days_after, fixed_date, fmt
from rra_desktop.domain.model import Deal, FactKind
from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registry import OBLIGATIONS, builds
from rra_desktop.domain.obligations.registry import ObligationKind as K
from rra_desktop.domain.parties import COMPANY, Parties, holder
from rra_desktop.domain.piggyback import shelf_covering_all
from rra_desktop.domain.rule144 import holder_period_end, rows_by_holder, security_kinds


def _holder_text(facts: Facts, holder_id: str | None) -> str:
    return f"Holder — {facts.holder_names.get(holder_id or '', holder_id or 'each Holder')}"


def _holder(facts: Facts, holder_id: str | None) -> Parties:
    return _holder_party(holder_id, _holder_text(facts, holder_id))


@lru_cache(maxsize=1 << 16)
def _holder_party(holder_id: str | None, text: str) -> Parties:
    """A Holder's ``Parties``, one per Holder and wording across computations: a 7(d) notice to
    every Holder of a 10,000-Holder deal would make 30,000 objects each time (the ``Parties``, its
    roles and the role) that outlive the computation, which the collector then walks; the value
    is immutable, so the same one serves again while the Holder's name is unchanged."""
    return Parties((holder(holder_id),), text)


@lru_cache(maxsize=1 << 16)
def _named_holder(holder_id: str, name: str | None) -> Parties:
    """``_holder``'s answer for a Holder recorded under ``name`` (None: not among the Holders),
    looked up without writing its wording again."""
    return _holder_party(holder_id, f"Holder — {(holder_id or 'each Holder') if name is None else name}")


@builds(K.CERTIFICATES_BEFORE_SALE)
def certificates_before_sale(facts: Facts) -> list[Draft]:
    """3(i): a Holder wanting certificates in particular denominations or names asks at least 2
    Business Days before its sale; the Company cooperates so unlegended certificates are ready."""
    spec, out = OBLIGATIONS[K.CERTIFICATES_BEFORE_SALE], []
    for f in facts.of_kind(FactKind.PLANNED_SALE):
        counted = business_days_before(f.on, 2, facts.cal, "planned sale")
        party = Parties((holder(f.holder_id), COMPANY), f"{_holder_text(facts, f.holder_id)}; Company cooperates")
        out.append(Draft(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause, title=spec.title,
                         party=party, trigger="Holder's planned sale",
                         trigger_date=f.on, counted=counted, holder_id=f.holder_id, registration_id=f.registration_id))
    return out


@builds(K.PIGGYBACK_RESPONSE)
def piggyback_response(facts: Facts) -> Iterator[Draft]:
    """7(d): a Holder may request inclusion within 20 days after its receipt of the piggy-back
    notice; receipt is the 7(g) deemed-given date (recorded actual receipt where earlier). A notice
    recorded without a recipient went to every Holder. A request recorded for the registration
    within the window (its GCL §25 extension included) marks the deadline done; one made later is
    late: the window shows as closed with the late request named, unless the Company's acceptance
    of it is recorded. 7(d) applies only "when there is not an effective Registration Statement
    covering all of the Registrable Securities": a notice given while one is in force opens no
    window, and the row says why (``piggyback.shelf_covering_all``)."""
    requested: dict[str | None, dict[str, list[tuple[dt.date, dt.date | None]]]] = {}  # registration, Holder
    for r in facts.deal.piggyback_requests:
        requested.setdefault(r.registration_id, {}).setdefault(r.holder_id, []).append(
            (r.requested_on, r.late_accepted_on))
    parties: dict[str, Parties] = {}  # a Holder's, shared by every notice it receives
    spec = OBLIGATIONS[K.PIGGYBACK_RESPONSE]
    for f in facts.of_kind(FactKind.PIGGYBACK_NOTICE):
        covering = shelf_covering_all(facts.deal, f.on)
        if covering:
            yield Draft(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause,
                        title=spec.title, party=spec.party,
                        trigger="Holder's receipt of the piggy-back notice", trigger_date=f.on, counted=None,
                        explanation=covering, registration_id=f.registration_id, not_applicable=True)
            continue
        received, rule = facts.receipt(f)
        counted = calendar_days_after(received, 20, facts.cal, "Receipt") if received else None
        if counted is not None:
            counted = Counted(counted.due, counted.act_by, counted.extended_to,
                              f"{counted.explanation} (receipt: {rule})", counted.calendar)
        recipients = [f.holder_id] if f.holder_id else list(facts.holder_names)
        key, reg = spec.key_for(f.id, ""), f.registration_id  # a notice to all: 10,000 rows
        kind, clause, title = spec.kind, spec.clause, spec.title
        made_for, names = requested.get(reg, {}), facts.holder_names
        for hid in recipients:
            party = parties.get(hid)
            if party is None:
                party = parties[hid] = _named_holder(hid, names.get(hid))
            made = made_for.get(hid)
            # every field positionally (``_draft``), as Draft's fields run
            draft = _draft(Draft, (key + hid, kind, clause, title, party, _PIGGYBACK_TRIGGER, received, counted, rule,
                                   hid, reg, None, None, "", False, None, None, False, ""))
            if not made:  # most Holders request nothing: the draft without the requests' working
                yield draft
                continue
            yield _answered(draft, sorted((m for m in made if m[0] >= f.on), key=_made_on), counted)

_PIGGYBACK_TRIGGER = "Holder's receipt of the piggy-back notice"


def _made_on(request: tuple[dt.date, dt.date | None]) -> dt.date:
    """Requests are taken in the order they were made; two made the same day keep the order they
    were recorded in (one may have been accepted late, the other not: no date to compare)."""
    return request[0]


def _answered(draft: Draft, made: list[tuple[dt.date, dt.date | None]], counted: Counted | None) -> Draft:
    """A Holder's 7(d) window with its requests (date made, date a late one was accepted): the
    first timely one performs it; else an accepted late one covers it; else a late one is named."""
    timely = [d for d, _ in made if counted is None or d <= counted.extended_to]
    accepted = [(d, a) for d, a in made if a is not None and d not in timely]
    late = [d for d, a in made if d not in timely and a is None]
    first, note, late_request = (timely[0] if timely else None), "", None
    if first is not None:
        note = f"request recorded {fmt(first)}"
    elif accepted:
        first = accepted[0][0]
        note = f"request of {fmt(first)} came after the window; the Company accepted it {fmt(accepted[0][1])}"
    elif late:
        late_request = late[0]
    return draft._replace(satisfied_on=first, note=note, late_request=late_request,
                          covered="the Company's acceptance" if accepted and not timely else "")


@builds(K.EFFECTIVENESS_PERIOD_END)
def effectiveness_period_end(facts: Facts) -> Iterator[Draft]:
    """Section 2: as to each Holder, the Effectiveness Period ends on the earlier of the sale of
    all its Registrable Securities and the date all of them may be sold without restriction under
    Rule 144(k) (or its successor, see ``rule144``). The product reads (x) per Holder: a Holder
    whose ledger nets to nothing after a sale has sold all.

    What a Holder's draft says depends on the ledger, the Holders (which are Affiliates), the
    security classes and the calendar's name only, so the last deal's is kept and given again
    while the deal holds the very same ledger, Holders and classes (immutable tuples of frozen
    records: a ``dataclasses.replace`` of facts, completions or instruments, a preview's before
    and after, a report's other day); any other deal's is worked out afresh. It is kept as five
    columns of plain values (keys, trigger dates, the shared ``Counted``, workings, Holders), not
    as 10,000 drafts the collector would walk, and each draft is yielded as it is made, so none
    outlives its own deadline's making."""
    global _last_period_ends
    deal, calendar = facts.deal, facts.cal.display_name
    source = (deal.positions, deal.holders, deal.securities)
    last = _last_period_ends  # read once: another thread may replace it meanwhile
    hit = last is not None and last[1] == calendar and all(a is b for a, b in zip(last[0], source, strict=True))
    ends = zip(*last[2], strict=True) if last is not None and hit else _period_ends(deal, calendar)
    keep = not hit and all(type(part) is tuple for part in source)  # a list could change after it was read
    keys: list[str] = []
    dates: list[dt.date | None] = []
    counts: list[Counted | None] = []
    whys: list[str] = []
    hids: list[str] = []
    spec = OBLIGATIONS[K.EFFECTIVENESS_PERIOD_END]
    kind, clause, title, party = spec.kind, spec.clause, spec.title, spec.party
    for key, trigger_date, counted, why, hid in ends:
        if keep:
            keys.append(key)
            dates.append(trigger_date)
            counts.append(counted)
            whys.append(why)
            hids.append(hid)
        yield _draft(Draft, (key, kind, clause, title, party, _PERIOD_TRIGGER, trigger_date, counted, why, hid,
                             None, None, None, "", True, None, None, False, ""))
    if keep:
        _last_period_ends = (source, calendar, (keys, dates, counts, whys, hids))


_PERIOD_TRIGGER = "Holder's acquisitions (Rule 144) or sale of all"
# the last deal's Holders' ends (``effectiveness_period_end``): its ledger, Holders and classes,
# calendar, and the columns its drafts are made from
_last_period_ends: tuple[tuple[object, object, object], str, tuple[list[str], list[dt.date | None],
                         list[Counted | None], list[str], list[str]]] | None = None


def _period_ends(deal: Deal, calendar: str) -> Iterator[tuple[str, dt.date | None, Counted | None, str, str]]:
    """Each Holder's end: its draft's key, trigger date, ``Counted`` (None while no date ends it),
    working while it has none, and the Holder."""
    kinds = security_kinds(deal)
    affiliates = {h.id for h in deal.holders if h.affiliate}
    prefix = OBLIGATIONS[K.EFFECTIVENESS_PERIOD_END].key_for("")
    for hid, rows in rows_by_holder(deal).items():
        sold, (when, trigger_date, rule, why) = holder_period_end(rows, kinds, hid in affiliates)
        counted: Counted | None
        if sold is not None:
            trigger_date, counted = sold, _sold_all(sold, calendar)
        else:
            counted = None if when is None else _free_from(when, rule, why, calendar)
        yield prefix + hid, trigger_date, counted, why if counted is None else "", hid


# A Draft built from all its fields at once, without the named tuple's own ``__new__`` (a Python
# function taking them one by one and building the same tuple): the per-Holder builders make one per
# Holder and per piggy-back notice, 30,000 on a 10,000-Holder deal.
_draft = tuple.__new__


# The end of a Holder's Effectiveness Period depends only on these few values, which recur across
# thousands of Holders: each working is written, and its immutable ``Counted`` made, once.
@lru_cache(maxsize=1 << 15)
def _sold_all(sold: dt.date, calendar: str) -> Counted:
    return fixed_date(sold, f"all Registrable Securities sold by {fmt(sold)}", calendar)


@lru_cache(maxsize=1 << 15)
def _free_from(when: dt.date, rule: str, why: str, calendar: str) -> Counted:
    return fixed_date(when, f"free to sell all from {fmt(when)} ({rule}): {why}", calendar)
