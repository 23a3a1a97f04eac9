"""Rule 144 dates per Holder and security (Section 2, "Effectiveness Period"; DOMAIN.md "Rule 144
over time").

The Effectiveness Period ends, for a Holder, on the date all its Registrable Securities "may be
sold without any restriction pursuant to Rule 144(k)". The agreement's "Rule 144" includes
successor rules, so:

* Rule 144(k) (two years, non-affiliates) applied until it was removed on February 15, 2008;
* from then on, the comparable test is Rule 144(b)(1)(i): one year for a non-affiliate of a
  reporting company (Spectrum was one throughout; the product assumes it).

Choices where the rule text leaves room (shown with every date):
* A holding period that straddles February 15, 2008: the Holder may sell on the earliest date
  that a version of the rule in force on that date permits — two years under 144(k) if that
  date comes before February 15, 2008, else the later of one year and February 15, 2008.
* "N years after acquisition" is the anniversary date (acquisition + N years; Feb 29 -> Feb 28),
  the same "Nth day following" convention the product uses for every period.
* Conversion Shares and Dividend Shares tack to the purchase of the Preferred (144(d)(3)(i)-(ii));
  Warrant Shares count from exercise for a cash exercise and tack to the Warrant's acquisition
  for a cashless one. Unexercised Warrants have no date yet: a cash exercise would start a new
  holding period, so the Holder's Effectiveness Period cannot end while it holds them.
* Where a Holder acquired a security in several lots, the latest acquisition governs (all of
  its Registrable Securities must be saleable).
* Affiliates of the Company never had 144(k), and 144(b)(1)(i) is for non-affiliates: no date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rra_desktop.domain.counting import add_years, fmt
from rra_desktop.domain.model import WARRANT_KINDS, Deal, PositionEntry, PositionKind, SecurityKind
from rra_desktop.domain.security_classes import kinds_of

RULE_144K_REMOVED = dt.date(2008, 2, 15)
# aliases for the per-row loops (run for every Holder of a 10,000-Holder deal)
_PREFERRED, _WARRANTS = SecurityKind.PREFERRED, WARRANT_KINDS
_CASH, _CASHLESS, _SALE = PositionKind.EXERCISE_CASH, PositionKind.EXERCISE_CASHLESS, PositionKind.SALE
_TACK_TO_PREFERRED = frozenset({PositionKind.CONVERSION, PositionKind.DIVIDEND})
RULE_144K = "Rule 144(k)"
RULE_144B = "Rule 144(b)(1)(i)"


@dataclass(frozen=True, slots=True)
class Rule144Date:
    """When a Holder may sell one security's Registrable Securities without restriction."""

    holder_id: str
    security: str  # SecurityClass.code
    quantity: int  # held now (net of the ledger)
    holding_from: dt.date | None  # start of the holding period after tacking
    date: dt.date | None  # may sell without restriction from this date; None: no date (see why)
    rule: str  # RULE_144K, RULE_144B, or "" when there is no date
    explanation: str


@lru_cache(maxsize=8192)
def free_to_sell(acquired: dt.date) -> tuple[dt.date, str, str]:
    """The earliest date a non-affiliate who acquired on ``acquired`` may sell without restriction,
    the rule version that permits it, and the working."""
    two_years = add_years(acquired, 2)
    if two_years < RULE_144K_REMOVED:
        return two_years, RULE_144K, f"{fmt(acquired)} + 2 years = {fmt(two_years)} under {RULE_144K}"
    one_year = add_years(acquired, 1)
    text = f"{fmt(acquired)} + 1 year = {fmt(one_year)} under {RULE_144B} (non-affiliate, reporting company)"
    if one_year < RULE_144K_REMOVED:
        text += (f"; {RULE_144K}'s two years would end {fmt(two_years)}, after it was removed on "
                 f"{fmt(RULE_144K_REMOVED)}, so the successor rule applies from that day")
        return RULE_144K_REMOVED, RULE_144B, text
    return one_year, RULE_144B, text


def _tacked(row: PositionEntry, preferred_from: dt.date | None, warrant_from: dt.date | None) -> dt.date:
    """The holding period start of one incoming row, after tacking."""
    kind = row.kind
    if kind is _CASH:
        return row.on
    if kind is _CASHLESS:
        return row.acquired_on or warrant_from or row.on
    if kind in _TACK_TO_PREFERRED:
        return row.acquired_on or preferred_from or row.on
    return row.acquired_on or row.on


def _why(row: PositionEntry, kind: SecurityKind, start: dt.date) -> str:
    return _why_of(row.kind, kind, start)


def _why_of(row_kind: PositionKind, kind: SecurityKind, start: dt.date) -> str:
    if kind == SecurityKind.PREFERRED or row_kind == PositionKind.CONVERSION:
        return f"Conversion Shares tack to the purchase of the Preferred on {fmt(start)}"
    if row_kind == PositionKind.DIVIDEND:
        return f"Dividend Shares tack to the purchase of the Preferred on {fmt(start)}"
    if row_kind == PositionKind.EXERCISE_CASH:
        return f"cash exercise on {fmt(start)} starts the holding period"
    if row_kind == PositionKind.EXERCISE_CASHLESS:
        return f"cashless exercise tacks to the Warrant's acquisition on {fmt(start)}"
    return f"acquired {fmt(start)}"


AFFILIATE = ("an Affiliate of the Company: Rule 144(k) was never available to it and Rule 144(b)(1)(i) is for "
             "non-affiliates, so no date ends its Effectiveness Period; only the sale of all its Registrable "
             "Securities does")


def _read(rows: list[PositionEntry], kinds: dict[str, SecurityKind]
          ) -> tuple[dict[str, int], dt.date | None, dt.date | None]:
    """One pass over a Holder's ledger: net held per security, and the latest acquisition of its
    Preferred and of its Warrants (what Conversion and cashless-exercise shares tack to)."""
    held: dict[str, int] = {}
    preferred_from = warrant_from = None
    for r in rows:
        held[r.security] = held.get(r.security, 0) + r.quantity
        if r.quantity > 0:
            kind, acquired = kinds.get(r.security), r.acquired_on or r.on
            if kind is _PREFERRED:
                preferred_from = acquired if preferred_from is None else max(preferred_from, acquired)
            elif kind in _WARRANTS:
                warrant_from = acquired if warrant_from is None else max(warrant_from, acquired)
    return held, preferred_from, warrant_from


@dataclass(slots=True)
class Holding:
    """One security a Holder holds now and its governing ``lot``: the start of its holding period
    after tacking and the ledger row that start comes from (the first such row on a tie); None for
    unexercised Warrants."""

    security: str
    kind: SecurityKind
    held: int
    lot: tuple[dt.date, PositionEntry] | None


def holdings(rows: list[PositionEntry], kinds: dict[str, SecurityKind]) -> list[Holding]:
    """A Holder's ledger rows read once: what it holds and from when (latest lot governs)."""
    held, preferred_from, warrant_from = _read(rows, kinds)
    incoming: dict[str, list[PositionEntry]] = {}
    for r in rows:
        if r.quantity > 0:
            incoming.setdefault(r.security, []).append(r)
    out = []
    for code, qty in sorted(held.items()):
        if qty <= 0:
            continue
        kind = kinds.get(code, SecurityKind.COMMON)
        if kind in _WARRANTS:
            out.append(Holding(code, kind, qty, None))
            continue
        # a security held has an incoming row: the first of the latest starts governs
        lot = max(((_tacked(r, preferred_from, warrant_from), r) for r in incoming[code]), key=lambda t: t[0])
        out.append(Holding(code, kind, qty, lot))
    return out


def _warrant_text(start: dt.date) -> str:
    when, rule, _ = free_to_sell(start)
    return (f"Warrant Shares not yet issued: a cash exercise starts a new holding period on exercise; a cashless "
            f"one would tack to the Warrant's acquisition {fmt(start)} (free {fmt(when)}, {rule})")


def _dates_for(holder_id: str, rows: list[PositionEntry], kinds: dict[str, SecurityKind],
               affiliate: bool) -> list[Rule144Date]:
    out: list[Rule144Date] = []
    for h in holdings(rows, kinds):
        if h.lot is None:  # Warrants held have an incoming row
            acquired = max(r.acquired_on or r.on for r in rows if r.security == h.security and r.quantity > 0)
            out.append(Rule144Date(holder_id, h.security, h.held, None, None, "", _warrant_text(acquired)))
            continue
        start, row = h.lot
        if affiliate:
            out.append(Rule144Date(holder_id, h.security, h.held, start, None, "", AFFILIATE))
        else:
            when, rule, working = free_to_sell(start)
            out.append(Rule144Date(holder_id, h.security, h.held, start, when, rule,
                                   f"{_why(row, h.kind, start)}; {working}"))
    return out


def holder_free_date(rows: list[PositionEntry], kinds: dict[str, SecurityKind],
                     affiliate: bool) -> tuple[dt.date | None, dt.date | None, str, str]:
    """The date ALL of a Holder's Registrable Securities may be sold without restriction (the
    latest over its securities), the holding start that governs it, the rule, and a one-line why.
    The date is None for an Affiliate or while Warrants are unexercised; the why says so.
    (One pass over the rows: the end of the Effectiveness Period is computed for every Holder.)"""
    held, preferred_from, warrant_from = _read(rows, kinds)
    return _free_date(rows, kinds, affiliate, held, preferred_from, warrant_from)


def _free_date(rows: list[PositionEntry], kinds: dict[str, SecurityKind], affiliate: bool, held: dict[str, int],
               preferred_from: dt.date | None, warrant_from: dt.date | None
               ) -> tuple[dt.date | None, dt.date | None, str, str]:
    warrants = [c for c, q in held.items() if q > 0 and kinds.get(c) in _WARRANTS]
    if warrants:
        return None, None, "", _unexercised(tuple(sorted(warrants)), warrant_from)
    if affiliate:
        return None, None, "", AFFILIATE
    lot: tuple[dt.date, PositionEntry] | None = None  # the first of the latest starts governs
    for r in rows:
        if r.quantity > 0 and held[r.security] > 0:
            tacked = _tacked(r, preferred_from, warrant_from)
            if lot is None or tacked > lot[0]:
                lot = (tacked, r)
    if lot is None:
        return None, None, "", "holds no securities"
    start, governing = lot
    when, rule, why = _governs(governing.security, governing.kind,
                               kinds.get(governing.security, SecurityKind.COMMON), start)
    return when, start, rule, why


# The wording of a Holder's date depends only on these few values, which recur across thousands of
# Holders: each wording is written once and then looked up (a 20-year ledger has a few thousand).
@lru_cache(maxsize=1 << 15)
def _unexercised(warrants: tuple[str, ...], warrant_from: dt.date | None) -> str:
    held_from = f": {_warrant_text(warrant_from)}" if warrant_from is not None else ""
    return f"Warrants unexercised ({', '.join(warrants)}){held_from}"


@lru_cache(maxsize=1 << 15)
def _governs(code: str, row_kind: PositionKind, kind: SecurityKind, start: dt.date) -> tuple[dt.date, str, str]:
    """(free from, rule, why) of the ledger row of ``code`` whose holding period starts ``start``."""
    when, rule, working = free_to_sell(start)
    return when, rule, f"{code} governs: {_why_of(row_kind, kind, start)}; {working}"


def holder_period_end(rows: list[PositionEntry], kinds: dict[str, SecurityKind], affiliate: bool
                      ) -> tuple[dt.date | None, tuple[dt.date | None, dt.date | None, str, str]]:
    """What ends a Holder's Effectiveness Period, from one pass over its ledger: the date of its
    last sale when the ledger nets to nothing after it (it has sold all), else None and
    ``holder_free_date``'s answer (computed only then). Run for every Holder on each computation
    of the deadlines, so the sale and the holdings are read in the same pass."""
    held: dict[str, int] = {}
    net, last_sale, preferred_from, warrant_from = 0, None, None, None
    for r in rows:
        q, code = r.quantity, r.security
        held[code] = held.get(code, 0) + q
        net += q
        if r.kind is _SALE and (last_sale is None or r.on > last_sale):
            last_sale = r.on
        if q > 0:
            kind, acquired = kinds.get(code), r.acquired_on or r.on
            if kind is _PREFERRED and (preferred_from is None or acquired > preferred_from):
                preferred_from = acquired
            elif kind in _WARRANTS and (warrant_from is None or acquired > warrant_from):
                warrant_from = acquired
    if last_sale is not None and net <= 0:
        return last_sale, (None, None, "", "")
    return None, _free_date(rows, kinds, affiliate, held, preferred_from, warrant_from)


def rows_by_holder(deal: Deal) -> dict[str, list[PositionEntry]]:
    """The position ledger grouped by Holder, in one pass."""
    out: dict[str, list[PositionEntry]] = defaultdict(list)
    for row in deal.positions:
        out[row.holder_id].append(row)
    return out


def security_kinds(deal: Deal) -> dict[str, SecurityKind]:
    """Each security code's role, as the deal's own classes give it (a code the deal does not
    define is read as Common Stock already issued: it has a holding period and no conversion)."""
    return kinds_of(deal.securities)


def rule144_dates_all(deal: Deal) -> dict[str, list[Rule144Date]]:
    """``rule144_dates`` for every Holder with a position, in one pass over the ledger."""
    kinds = security_kinds(deal)
    affiliates = {h.id for h in deal.holders if h.affiliate}
    return {hid: _dates_for(hid, rows, kinds, hid in affiliates) for hid, rows in rows_by_holder(deal).items()}


def rule144_dates(deal: Deal, holder_id: str, rows: list[PositionEntry] | None = None,
                  affiliate: bool | None = None) -> list[Rule144Date]:
    """Per security the Holder holds: the date it may sell without restriction under Rule 144(k)
    or its successor, the rule version used, and the working (Section 2, Effectiveness Period).
    ``rows`` (the Holder's ledger rows) and ``affiliate`` spare a caller that has them at hand a
    pass over every Holder's rows (the Holders tab's detail pane on a 10,000-Holder deal)."""
    if rows is None:
        rows = [r for r in deal.positions if r.holder_id == holder_id]
    if affiliate is None:
        affiliate = any(h.affiliate for h in deal.holders if h.id == holder_id)
    return _dates_for(holder_id, rows, security_kinds(deal), affiliate)
