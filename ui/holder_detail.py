"""The Holders tab's detail pane as HTML: where notices go (7(g)), the position ledger, the
assignment chain (7(i)), Rule 144 dates with the rule version, and the Holder's deadlines.
Clause references are ``clause:`` links that open the Agreement view."""

from __future__ import annotations

import datetime as dt
import logging

from ui.formatting import escape, fmt_date, fmt_shares

log = logging.getLogger("rra_desk")


def clause_link(clause: str) -> str:
    """``"1, 2, 3(a)"`` as three links to the Agreement view."""
    parts = [c.strip() for c in str(clause).split(",") if c.strip()]
    return ", ".join(f'<a href="clause:{escape(c)}">{escape(c)}</a>' for c in parts)


def _table(headings: tuple[str, ...], rows: list[tuple[str, ...]], empty: str) -> str:
    if not rows:
        return f"<p><i>{escape(empty)}</i></p>"
    head = "".join(f"<th align='left'>{h}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _party_block(name: str, lines: tuple[str, ...], attention: str, fax: str) -> str:
    parts = [f"<b>{escape(name)}</b>", *map(escape, lines)]
    if attention:
        parts.append(f"Attention: {escape(attention)}")
    if fax:
        parts.append(f"Fax: {escape(fax)}")
    return "<br>".join(parts)


def headings(deal):
    """A class code as the screens head it: the deal's label ("D-1 Warrants"), else the code."""
    known = {s.code: s.heading for s in deal.securities}
    return lambda code: known.get(code, code)


def _rule144(deal, holder, rows: list, held: bool = False) -> str:
    """The Holder's Rule 144 dates; while the window's start holds the rules engine back
    (``held``) a line saying they are being worked out, as for its deadlines."""
    if held:
        return "<p><i>Working out the Rule 144 dates…</i></p>"
    try:
        from rra_desktop.domain.rule144 import rule144_dates

        dates = rule144_dates(deal, holder.id, rows, holder.affiliate)
    except Exception:
        log.exception("Rule 144 dates unavailable")
        return "<p><i>Rule 144 dates unavailable (see the log).</i></p>"
    label = headings(deal)
    rows = [(escape(label(r.security)), fmt_shares(r.quantity), fmt_date(r.date) or "no date", escape(r.rule))
            for r in dates]
    notes = "".join(f"<li>{escape(label(r.security))}: {escape(r.explanation)}</li>" for r in dates)
    table = _table(("Security", "Held", "Free to sell", "Rule"), rows, "No securities to count from.")
    return table + (f"<ul style='font-size: small'>{notes}</ul>" if notes else "")


def _deadlines(context) -> list | None:
    """None while the window's start holds the deadlines back (``DealContext.deadlines_held``)."""
    if getattr(context, "deadlines_held", False):
        return None
    try:
        return context.deadlines()
    except Exception:  # the register stays usable while the rules engine cannot answer
        log.exception("Deadlines unavailable")
        return []


_BY_HOLDER: dict[str, tuple[object, dict]] = {}  # what -> (the deal or deadlines it indexes, the index)


def _by_holder(what: str, items, source) -> dict[str, list]:
    """``items`` grouped by ``holder_id``, kept while ``source`` (a deal snapshot, a deadlines
    list) is the same object: the pane is drawn for Holder after Holder as the filter narrows,
    and a pass over a 10,000-Holder deal's rows for each was most of its cost."""
    cached = _BY_HOLDER.get(what)
    if cached is None or cached[0] is not source:
        index: dict[str, list] = {}
        for item in items:
            index.setdefault(getattr(item, "holder_id", None), []).append(item)
        cached = _BY_HOLDER[what] = (source, index)
    return cached[1]


def _address_history(deal, holder_id: str, on) -> str:
    """The Holder's recorded 7(g) changes of address, each with the day it takes effect."""
    from rra_desktop.domain.addresses import one_line, register

    entries = [e for e in register(deal, on) if e.change.holder_id == holder_id]
    if not entries:
        return ""
    items = "".join(
        f"<li>Notice sent {fmt_date(e.change.sent_at)} ({escape(e.change.method)}), "
        f"{'in force from ' + fmt_date(e.effect.date) if e.effect.date else 'awaiting receipt'}: "
        f"<i>{escape(e.state)}</i><br>{escape(one_line(_as_address(e.change)))}</li>" for e in entries)
    return (f"<p style='font-size: small'>Changes of address (Notice addresses tab):</p>"
            f"<ul style='font-size: small'>{items}</ul>")


def _as_address(change):
    from rra_desktop.domain.addresses import Address

    return Address(change.address_lines, change.attention, change.fax)


def holder_detail_html(context, holder, on=None) -> str:
    """``on``: the day whose 7(g) notice address is shown (the register's date; default today).
    Only this Holder's and Holders' counsel's addresses are worked out (``address_in_force``),
    not the whole deal's: the pane is drawn Holder after Holder.

    While the window's start holds the rules back (``DealContext.deadlines_held``, the first
    paint) the pane shows the Holder, its position history and assignment chain, and says that
    the notice addresses, the Rule 144 dates and the deadlines are being worked out: 7(g)'s
    address in force counts Business Days when a change of address is recorded, and none of
    that is needed to paint the register. ``finish_start`` draws the pane again, whole."""
    on = on or (context.today() if hasattr(context, "today") else dt.date.today())
    deal = context.deal()
    held = getattr(context, "deadlines_held", False)
    mine = _by_holder("positions", deal.positions, deal).get(holder.id, [])
    ledger = sorted(mine, key=lambda p: (p.on, p.id))
    parties = {holder.id} | {x for a in deal.assignments if holder.id in (a.transferor_id, a.transferee_id)
                             for x in (a.transferor_id, a.transferee_id)}
    names = {h.id: h.name for h in deal.holders if h.id in parties} if len(parties) > 1 else {holder.id: holder.name}
    label = headings(deal)
    positions = [
        (fmt_date(p.on), escape(label(p.security)), escape(str(p.kind).replace("_", " ")),
         f"<div align='right'>{fmt_shares(p.quantity)}</div>")
        for p in ledger
    ]
    chain = [
        (fmt_date(a.on), escape(names.get(a.transferor_id, a.transferor_id)), "→",
         escape(names.get(a.transferee_id, a.transferee_id)), f"{fmt_shares(a.quantity)} {escape(label(a.security))}")
        for a in sorted(deal.assignments, key=lambda a: a.on)
        if holder.id in (a.transferor_id, a.transferee_id)
    ]
    found = _deadlines(context)
    deadlines = [
        (fmt_date(d.in_force), escape(d.title), clause_link(d.clause), escape(str(d.status).replace("_", " ")))
        for d in (_by_holder("deadlines", found, found).get(holder.id, []) if found else ())
    ]
    no_deadlines = "Working out the deadlines…" if found is None else "No deadlines for this Holder."
    flags = ", ".join(f for f, on in (("QIB", holder.qib), ("Affiliate of the Company (7(o))", holder.affiliate)) if on)
    return f"""
    <h3>{escape(holder.name)}</h3>
    <p>{escape(flags) if flags else ""}</p>
    <h4>Notice address on {fmt_date(on)} ({clause_link("7(g)")})</h4>
    {_addresses(deal, holder, on, held)}
    <h4>Position history</h4>
    {_table(("Date", "Security", "Entry", "Quantity"), positions, "No ledger rows.")}
    <h4>Assignment chain ({clause_link("7(i)")})</h4>
    {_table(("Date", "From", "", "To", "Securities"), chain, "No assignments.")}
    <h4>Rule 144 dates ({clause_link("6")}, {clause_link("2")})</h4>
    {_rule144(deal, holder, mine, held=found is None)}
    <h4>This Holder's deadlines</h4>
    {_table(("In force", "Deadline", "Clause", "Status"), deadlines, no_deadlines)}
    """


def _addresses(deal, holder, on, held: bool) -> str:
    """The Holder's 7(g) address in force on ``on``, its recorded changes and the copy to
    Holders' counsel; while the start holds the rules back, a line saying they are being worked
    out (the Holder's name stays: it heads the pane)."""
    if held:
        return "<p><i>Working out the notice addresses in force…</i></p>"
    from rra_desktop.domain.addresses import address_in_force
    from rra_desktop.domain.model import AddressOf

    counsel = address_in_force(deal, AddressOf.HOLDERS_COUNSEL, on)
    shown = address_in_force(deal, AddressOf.HOLDER, on, holder.id)
    return f"""
    <p>{_party_block(holder.name, shown.lines, shown.attention, shown.fax)}</p>
    {_address_history(deal, holder.id, on)}
    <h4>Copy to Holders' counsel</h4>
    <p>{_party_block(deal.terms.holders_counsel.name, counsel.lines, counsel.attention, counsel.fax)}</p>"""
