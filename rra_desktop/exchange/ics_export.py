"""Deadlines to iCalendar (.ics): one all-day event per deadline, on the date in force.

A calendar file leaves the firm (it is shared, synced, forwarded), so nothing confidential goes
in it: a blackout's confidential reason (3(n): material non-public information) is never written,
and as a second guard any text that contains one is masked before it is written.

Choices: a deadline not yet triggered has no date and no event; done and waived deadlines keep
their events (marked in the summary and description) so the calendar shows the history; the UID
is the deadline key plus a tag of the deal (its title and date), stable across exports, so a
calendar program updates an event instead of duplicating it, and two deals never collide.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from rra_desktop import __version__
from rra_desktop.domain.model import Deal
from rra_desktop.outputs import write_private

MASK = "[confidential]"


def deal_tag(deal: Deal) -> str:
    """A short stable tag of the deal for event UIDs."""
    basis = f"{deal.terms.title}|{deal.terms.agreement_date.isoformat()}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "-"


def _secrets(deal: Deal) -> list[str]:
    return sorted({b.confidential_reason.strip() for b in deal.blackouts if b.confidential_reason.strip()},
                  key=len, reverse=True)


def _masked(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def describe(deadline) -> str:
    """The event's description: clause, party, the three contractual dates, the date in force and
    the instrument that set it, the working and the clause text."""
    lines = [
        f"Clause {deadline.clause} - {deadline.party}",
        f"Status: {deadline.status.value.replace('_', ' ')}",
        f"Due (as written): {_iso(deadline.due)}; act by: {_iso(deadline.act_by)}; "
        f"extended to (NY GCL §25): {_iso(deadline.extended_to)}",
        f"Date in force: {_iso(deadline.in_force)}",
    ]
    if deadline.instrument is not None:
        i = deadline.instrument
        lines.append(f"Set by {i.kind.value} of {i.on.isoformat()} under {i.clause}: {i.description}")
    elif deadline.postponed_by is not None:
        b = deadline.postponed_by
        lines.append(f"Postponed under 3(n) by the Blackout Period from {b.start.isoformat()}; "
                     f"contractual act-by {_iso(deadline.act_by)}")
    if deadline.late_by is not None:
        lines.append(f"Late by {deadline.late_by} days")
    lines.append(f"Trigger: {deadline.trigger} ({_iso(deadline.trigger_date)})")
    lines.append(deadline.explanation)
    lines.append(f"Calendar: {deadline.calendar}")
    if deadline.clause_text:
        lines += ["", deadline.clause_text]
    return "\n".join(lines)


def deadlines_calendar(deal: Deal, deadlines, stamp: dt.datetime | None = None) -> bytes:
    """The deadlines as an iCalendar document (RFC 5545 bytes)."""
    secrets = _secrets(deal)
    cal = _calendar(_masked(f"{deal.terms.company.name}: registration rights deadlines", secrets))
    _add_events(cal, deadlines, deal_tag(deal), secrets, stamp)
    return cal.to_ical()


def agenda_calendar(deals, name: str, stamp: dt.datetime | None = None) -> bytes:
    """Several deals' deadlines in one iCalendar document: ``deals`` yields ``(tag, deadlines)``
    with each deal's ``deal_tag`` and its deadlines already masked; the UIDs are the ones
    ``deadlines_calendar`` gives the same deadlines, so either export updates the same events."""
    cal = _calendar(name)
    for tag, deadlines in deals:
        _add_events(cal, deadlines, tag, (), stamp)
    return cal.to_ical()


def _calendar(name: str):
    from icalendar import Calendar  # imported lazily: only the export needs it

    cal = Calendar()
    cal.add("prodid", f"-//RRA Desk//Deadlines {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _add_events(cal, deadlines, tag: str, secrets, stamp: dt.datetime | None) -> None:
    from icalendar import Event

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for d in deadlines:
        if d.in_force is None:
            continue
        event = Event()
        event.add("uid", f"{d.key}.{tag}@rra-desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.in_force)
        event.add("dtend", d.in_force + dt.timedelta(days=1))
        done = f" [{d.status.value}]" if d.status.value in ("done", "waived") else ""
        event.add("summary", _masked(f"{d.title} ({d.clause}){done}", secrets))
        event.add("description", _masked(describe(d), secrets))
        event.add("categories", ["Registration Rights Agreement"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)


def masked_texts(deal: Deal):
    """The function that masks a deal's confidential texts (for text kept outside the deal file),
    or None when the deal records no confidential reason."""
    secrets = _secrets(deal)
    return (lambda text: _masked(text, secrets)) if secrets else None


def export_ics(deal: Deal, path: Path, on: dt.date) -> Path:
    """Write the deadlines as of ``on`` (``deadlines.compute_deadlines``) to an .ics file."""
    from rra_desktop.domain.deadlines import compute_deadlines

    path = Path(path)
    write_private(path, deadlines_calendar(deal, compute_deadlines(deal, on)))
    return path
