"""Deadlines to iCalendar (.ics): one all-day event per deadline, on the date in force, made for
calendar programs that import the same file again and again (Outlook foremost).

* **UIDs** are the deadline's key and the deal file's own UUID (``DealStore.deal_uuid``, made
  once when the file is created): editing the agreement's title, a Holder or any date never
  changes them, and two deals never collide. A deal without a file (an exchange .json) falls
  back to a UUID derived from its title and agreement date.
* **Updates**: the last exported state of every event (date, text fingerprint, SEQUENCE,
  LAST-MODIFIED) is kept in the deal file (``calendar_state`` / ``save_calendar_state``). An
  event whose date or text changed gets SEQUENCE + 1 and a new LAST-MODIFIED; an unchanged one
  keeps both, so Outlook leaves it alone. A deadline that no longer exists (a blackout removed,
  a registration withdrawn) is exported as STATUS:CANCELLED, with its old date, so a calendar
  that has it drops it instead of keeping a stale event.
* **Done items**: a deadline done or waived is left out, unless an earlier export carried it;
  then it is exported once more marked "Done:" / "Waived:" so the calendar shows it settled.
* **Holders**: an entry that concerns one Holder names it (summary and description).
* **Confidentiality**: a calendar leaves the firm (it is shared, synced, forwarded). Nothing
  confidential is written: blackout reasons and facts labels, claim proceedings and notes are
  masked wherever they would appear; every event is CLASS:PRIVATE; the file is METHOD:PUBLISH.
* **Reminder**: an optional VALARM a setting chooses, by default at 9:00 a.m. on the Business
  Day two Business Days before the date in force (relative to the event's start, the form
  Outlook imports), ``alarm_business_days=None`` for none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rra_desktop import __version__
from rra_desktop.domain.model import Deal
from rra_desktop.outputs import write_private

MASK = "[confidential]"
DEFAULT_ALARM_BUSINESS_DAYS = 2
ALARM_HOUR = 9
STATE_KEY = "calendar_export"  # the deal file's meta key holding the last exported state
_SETTLED = {"done": "Done", "waived": "Waived"}


def fallback_uuid(deal: Deal) -> str:
    """A UUID for a deal held in no deal file: stable while its title and date stay."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"rra-desk:{deal.terms.title}|{deal.terms.agreement_date}"))


def deal_tag(deal: Deal) -> str:
    """The UID tag of a deal read without its file's UUID (the agenda falls back to it for a
    file older than the UUID): ``fallback_uuid``."""
    return fallback_uuid(deal)


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "-"


def secrets_of(deal: Deal) -> list[str]:
    """The confidential texts of a deal, longest first (a longer one may contain a shorter)."""
    texts = [t for b in deal.blackouts for t in (b.confidential_reason, b.facts, b.override_reason)]
    texts += [t for c in deal.claims for t in (c.proceeding, c.notes)]
    return sorted({t.strip() for t in texts if len(t.strip()) >= 4}, key=len, reverse=True)


def _masked(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def describe(deadline, holder: str | None = None) -> str:
    """The event's description: clause, party (and Holder), the three contractual dates, the date
    in force and the instrument that set it, the working and the clause text."""
    lines = [f"Clause {deadline.clause} - {deadline.party}"]
    if holder:
        lines.append(f"Holder: {holder}")
    lines += [
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
        lines.append(f"Late by {deadline.late_by} day{'' if deadline.late_by == 1 else 's'}")
    lines.append(f"Trigger: {deadline.trigger} ({_iso(deadline.trigger_date)})")
    lines.append(deadline.explanation)
    lines.append(f"Calendar: {deadline.calendar}")
    if deadline.clause_text:
        lines += ["", deadline.clause_text]
    return "\n".join(lines)


def summary_of(deadline, holder: str | None) -> str:
    """"<title> (<clause>)", naming the Holder the deadline concerns, marked when settled."""
    title = deadline.title
    if holder:
        title = title.replace("this Holder", holder) if "this Holder" in title else f"{title}: {holder}"
    text = f"{title} ({deadline.clause})"
    settled = _SETTLED.get(deadline.status.value)
    return f"{settled}: {text}" if settled else text


@dataclass(frozen=True)
class CalendarExport:
    """An export: the .ics bytes, the state to keep for the next export, and what changed."""

    ics: bytes
    state: dict
    new: int = 0
    changed: int = 0
    cancelled: int = 0
    keys: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        return (f"{len(self.keys)} events: {self.new} new, {self.changed} changed, "
                f"{self.cancelled} cancelled")


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def _alarm_offset(calendar, day: dt.date, business_days: int) -> dt.timedelta:
    """From the all-day event's start (midnight) to 9:00 on the Business Day ``business_days``
    before ``day``: a negative duration."""
    alarm_day = calendar.add_business_days(day, -business_days)
    return dt.datetime.combine(alarm_day, dt.time(ALARM_HOUR)) - dt.datetime.combine(day, dt.time())


def build_calendar(deal: Deal, deadlines, *, deal_uuid: str | None = None, previous: Mapping | None = None,
                   stamp: dt.datetime | None = None,
                   alarm_business_days: int | None = DEFAULT_ALARM_BUSINESS_DAYS) -> CalendarExport:
    """The deadlines as an iCalendar document, given the state an earlier export left
    (``previous``, as ``CalendarExport.state``; None: the first export)."""
    from icalendar import Alarm, Calendar, Event  # imported lazily: only the export needs it

    from rra_desktop.domain.calendar import calendar_for

    secrets = secrets_of(deal)
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    before = dict((previous or {}).get("events", {}))
    uid_base = deal_uuid or fallback_uuid(deal)
    names = {h.id: h.name for h in deal.holders}
    business = calendar_for(deal.terms)
    cal = Calendar()
    cal.add("prodid", f"-//RRA Desk//Deadlines {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _masked(f"{deal.terms.company.name}: registration rights deadlines", secrets))
    events: dict[str, dict] = {}
    counts = {"new": 0, "changed": 0, "cancelled": 0}

    def emit(key: str, day: dt.date, summary: str, description: str, cancelled: bool) -> None:
        old = before.get(key)
        fp = _fingerprint(day.isoformat(), summary, description, "cancelled" if cancelled else "")
        if old is None:
            seq, modified = 0, stamp
            counts["new"] += 1
        elif old.get("fp") != fp:
            seq, modified = int(old.get("seq", 0)) + 1, stamp
            counts["cancelled" if cancelled else "changed"] += 1
        else:
            seq, modified = int(old.get("seq", 0)), dt.datetime.fromisoformat(old["modified"])
        event = Event()
        event.add("uid", f"{key}.{uid_base}@rra-desk")
        event.add("dtstamp", stamp)
        event.add("last-modified", modified)
        event.add("sequence", seq)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("class", "PRIVATE")
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("categories", ["Registration Rights Agreement"])
        event.add("transp", "TRANSPARENT")
        if alarm_business_days and not cancelled and not summary.startswith(("Done:", "Waived:")):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", _alarm_offset(business, day, alarm_business_days))
            event.add_component(alarm)
        cal.add_component(event)
        events[key] = {"date": day.isoformat(), "summary": summary, "fp": fp, "seq": seq,
                       "modified": modified.isoformat(), "cancelled": cancelled}

    for d in deadlines:
        if d.in_force is None:
            continue
        settled = d.status.value in _SETTLED
        if settled and (d.key not in before or before[d.key].get("cancelled")):
            continue  # never on the calendar: a settled item does not need to appear
        holder = names.get(d.holder_id) if d.holder_id else None
        emit(d.key, d.in_force, _masked(summary_of(d, holder), secrets), _masked(describe(d, holder), secrets),
             cancelled=False)
    for key, old in before.items():
        if key not in events:
            summary = old["summary"] if old.get("cancelled") else f"Cancelled: {old['summary']}"
            emit(key, dt.date.fromisoformat(old["date"]), summary,
                 "This deadline no longer applies; the event is withdrawn.", cancelled=True)
    return CalendarExport(cal.to_ical(), {"version": 1, "events": events}, keys=tuple(events), **counts)


def agenda_calendar(deals, name: str, stamp: dt.datetime | None = None) -> bytes:
    """Several deals' deadlines in one iCalendar document: ``deals`` yields ``(tag, deadlines)``
    with each deal's UUID (``DealStore.deal_uuid``, else ``deal_tag``) and its deadlines already
    masked; the UIDs are the ones the deal's own export gives the same deadlines, so either
    export updates the same events. It keeps no state: every event is SEQUENCE 0."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//RRA Desk//Deadlines {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for tag, deadlines in deals:
        for d in deadlines:
            if d.in_force is None:
                continue
            event = Event()
            event.add("uid", f"{d.key}.{tag}@rra-desk")
            event.add("dtstamp", stamp)
            event.add("sequence", 0)
            event.add("dtstart", d.in_force)
            event.add("dtend", d.in_force + dt.timedelta(days=1))
            event.add("summary", summary_of(d, None))
            event.add("description", describe(d))
            event.add("class", "PRIVATE")
            event.add("categories", ["Registration Rights Agreement"])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()


def masked_texts(deal: Deal):
    """The function that masks a deal's confidential texts (for text kept outside the deal file),
    or None when the deal records none."""
    secrets = secrets_of(deal)
    return (lambda text: _masked(text, secrets)) if secrets else None


def deadlines_calendar(deal: Deal, deadlines, stamp: dt.datetime | None = None, **options) -> bytes:
    """The deadlines as iCalendar bytes (see ``build_calendar`` for the options)."""
    return build_calendar(deal, deadlines, stamp=stamp, **options).ics


def export_ics(deal: Deal, path: Path, on: dt.date, **options) -> CalendarExport:
    """Write the deadlines as of ``on`` (``deadlines.compute_deadlines``) to an .ics file."""
    from rra_desktop.domain.deadlines import compute_deadlines

    result = build_calendar(deal, compute_deadlines(deal, on), **options)
    write_private(Path(path), result.ics)
    return result


def export_store_calendar(store, path: Path, on: dt.date,
                          alarm_business_days: int | None = DEFAULT_ALARM_BUSINESS_DAYS) -> CalendarExport:
    """Export the deadlines of the deal in ``store`` with its UUID and its last exported state,
    and keep the new state in the file (unless it is open read-only: then the next export
    compares with the last state saved)."""
    previous = store.file_value(STATE_KEY)
    result = export_ics(store.deal(), path, on, deal_uuid=store.deal_uuid(),
                        previous=json.loads(previous) if previous else None,
                        alarm_business_days=alarm_business_days)
    if not store.read_only:
        store.set_file_value(STATE_KEY, json.dumps(result.state, sort_keys=True))
    return result
