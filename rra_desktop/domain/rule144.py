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

from dateutil.relativedelta import relativedelta

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import Deal, PositionEntry, PositionKind, SecurityKind

RULE_144K_REMOVED = dt.date(2008, 2, 15)
RULE_144K = "Rule 144(k)"
RULE_144B = "Rule 144(b)(1)(i)"
DEFAULT_KINDS = {"PREF": SecurityKind.PREFERRED, "D1": SecurityKind.WARRANT, "D2": SecurityKind.WARRANT,
                 "PAW": SecurityKind.WARRANT, "COMMON": SecurityKind.COMMON}


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


def free_to_sell(acquired: dt.date) -> tuple[dt.date, str, str]:
    """The earliest date a non-affiliate who acquired on ``acquired`` may sell without restriction,
    the rule version that permits it, and the working."""
    two_years = acquired + relativedelta(years=2)
    if two_years < RULE_144K_REMOVED:
        return two_years, RULE_144K, f"{fmt(acquired)} + 2 years = {fmt(two_years)} under {RULE_144K}"
    one_year = acquired + relativedelta(years=1)
    text = f"{fmt(acquired)} + 1 year = {fmt(one_year)} under {RULE_144B} (non-affiliate, reporting company)"
    if one_year < RULE_144K_REMOVED:
        text += (f"; {RULE_144K}'s two years would end {fmt(two_years)}, after it was removed on "
                 f"{fmt(RULE_144K_REMOVED)}, so the successor rule applies from that day")
        return RULE_144K_REMOVED, RULE_144B, text
    return one_year, RULE_144B, text


def _start(row: PositionEntry, preferred_from: dt.date | None, warrant_from: dt.date | None) -> tuple[dt.date, str]:
    """The holding period start of one incoming Common Stock row, after tacking, and why."""
    if row.kind == PositionKind.EXERCISE_CASH:
        return row.on, f"cash exercise on {fmt(row.on)} starts the holding period"
    if row.kind == PositionKind.EXERCISE_CASHLESS:
        start = row.acquired_on or warrant_from or row.on
        return start, f"cashless exercise tacks to the Warrant's acquisition on {fmt(start)}"
    if row.kind in (PositionKind.CONVERSION, PositionKind.DIVIDEND):
        start = row.acquired_on or preferred_from or row.on
        what = "Conversion Shares" if row.kind == PositionKind.CONVERSION else "Dividend Shares"
        return start, f"{what} tack to the purchase of the Preferred on {fmt(start)}"
    start = row.acquired_on or row.on
    return start, f"acquired {fmt(start)}"


def _dates_for(deal: Deal, holder_id: str, rows: list[PositionEntry], kinds: dict[str, SecurityKind],
               affiliate: bool) -> list[Rule144Date]:
    by_security: dict[str, list[PositionEntry]] = defaultdict(list)
    for row in rows:
        by_security[row.security].append(row)

    def latest_in(kind: SecurityKind) -> dt.date | None:
        starts = [r.acquired_on or r.on for code, rs in by_security.items() if kinds.get(code) == kind
                  for r in rs if r.quantity > 0]
        return max(starts, default=None)

    preferred_from, warrant_from = latest_in(SecurityKind.PREFERRED), latest_in(SecurityKind.WARRANT)
    out: list[Rule144Date] = []
    for code, rs in by_security.items():
        held = sum(r.quantity for r in rs)
        if held <= 0:
            continue
        kind = kinds.get(code, SecurityKind.COMMON)
        if kind == SecurityKind.WARRANT:
            start = warrant_from or min(r.on for r in rs)
            when, rule, _ = free_to_sell(start)
            out.append(Rule144Date(holder_id, code, held, None, None, "", (
                f"Warrant Shares not yet issued: a cash exercise starts a new holding period on exercise; a "
                f"cashless one would tack to the Warrant's acquisition {fmt(start)} (free {fmt(when)}, {rule})")))
            continue
        tacked = [_start(r, preferred_from, warrant_from) for r in rs if r.quantity > 0]
        start, why = max(tacked)
        if kind == SecurityKind.PREFERRED:
            why = f"Conversion Shares tack to the purchase of the Preferred on {fmt(start)}"
        if affiliate:
            out.append(Rule144Date(holder_id, code, held, start, None, "", (
                "an Affiliate of the Company: Rule 144(k) was never available to it and Rule 144(b)(1)(i) "
                "is for non-affiliates, so no date ends its Effectiveness Period; only the sale of all its "
                "Registrable Securities does")))
            continue
        when, rule, working = free_to_sell(start)
        out.append(Rule144Date(holder_id, code, held, start, when, rule, f"{why}; {working}"))
    return sorted(out, key=lambda r: r.security)


def security_kinds(deal: Deal) -> dict[str, SecurityKind]:
    """Each security code's kind (the sample codes by default)."""
    kinds = dict(DEFAULT_KINDS)
    kinds.update((s.code, s.kind) for s in deal.securities)
    return kinds


def rule144_dates_all(deal: Deal) -> dict[str, list[Rule144Date]]:
    """``rule144_dates`` for every Holder with a position, in one pass over the ledger."""
    rows_by_holder: dict[str, list[PositionEntry]] = defaultdict(list)
    for row in deal.positions:
        rows_by_holder[row.holder_id].append(row)
    kinds = security_kinds(deal)
    affiliates = {h.id for h in deal.holders if h.affiliate}
    return {hid: _dates_for(deal, hid, rows, kinds, hid in affiliates) for hid, rows in rows_by_holder.items()}


def rule144_dates(deal: Deal, holder_id: str) -> list[Rule144Date]:
    """Per security the Holder holds: the date it may sell without restriction under Rule 144(k)
    or its successor, the rule version used, and the working (Section 2, Effectiveness Period)."""
    rows = [r for r in deal.positions if r.holder_id == holder_id]
    affiliate = any(h.affiliate for h in deal.holders if h.id == holder_id)
    return _dates_for(deal, holder_id, rows, security_kinds(deal), affiliate)
