"""The agenda across deals: every overdue, due-soon and upcoming item of every deal, one list.

For each deal location (``library.deal_locations``) the agenda takes a quick look (``library.probe``):
if the cache holds the deadlines for the deal's trail digest and the day, they are used as they
are; otherwise the deal is opened read-only, its deadlines computed (``compute_deadlines``) and
cached. Which items are overdue and due soon is ``domain.reminders`` over each deal's own Business
Day calendar; the rest of its open, dated deadlines are upcoming.

Choices where the agreement and the spec are silent:

* "upcoming" is every open deadline with a date after the horizon (nothing dated is left out; the
  GUI narrows by horizon); deadlines done, waived or not yet triggered are not agenda items, and
  a Holder's optional window that closed unexercised is not overdue work (as ``reminders`` says);
* a deal that cannot be read (not a deal, damaged, locked by another program, written by a newer
  version) is an entry with the reason and no items, never left out; the command line counts it
  as a finding, since its overdue items cannot be known;
* a deal open for editing elsewhere is still read (the agenda only reads);
* the cache holds texts masked as the .ics export masks them, so a blackout's confidential reason
  never reaches the cache or an agenda export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.deadlines import Deadline, DeadlineStatus
from rra_desktop.domain.model import CalendarName
from rra_desktop.domain.reminders import party_groups, reminders
from rra_desktop.practice import library
from rra_desktop.practice.cache import DeadlineCache, decode_deadline, encode_deadline, loads
from rra_desktop.store.errors import StoreError

OVERDUE, DUE_SOON, UPCOMING = "overdue", "due_soon", "upcoming"
GROUP_LABELS = {OVERDUE: "Overdue", DUE_SOON: "Due soon", UPCOMING: "Upcoming"}
_AGENDA_STATUSES = (DeadlineStatus.OPEN, DeadlineStatus.OVERDUE)


@dataclass(frozen=True)
class DealSummary:
    """What the library's home view shows of a deal, besides its deadlines."""

    title: str
    company: str
    agreement_date: dt.date
    closing_date: dt.date | None
    calendar: CalendarName
    closure_days: tuple[dt.date, ...]
    tag: str  # the deal's tag in calendar UIDs (``ics_export.deal_tag``)
    last_change_at: str | None = None  # UTC ISO-8601, from the audit trail
    last_change_by: str | None = None
    last_change_action: str | None = None

    def business_calendar(self) -> BusinessCalendar:
        return _calendar(self.calendar, self.closure_days)


@lru_cache(maxsize=64)
def _calendar(name: CalendarName, closure_days: tuple[dt.date, ...]) -> BusinessCalendar:
    return BusinessCalendar(name, closure_days)  # most deals share one: built once per agenda, not per deal


@dataclass(frozen=True)
class DealEntry:
    """One deal of the agenda: its summary and open dated deadlines, or why it cannot be read."""

    location: str
    summary: DealSummary | None = None
    deadlines: tuple[Deadline, ...] = ()
    problem: str | None = None
    cached: bool = False

    @property
    def name(self) -> str:
        if self.summary is not None:
            return self.summary.company or self.summary.title
        return self.location.rsplit("/", 1)[-1]

    @property
    def readable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class AgendaItem:
    group: str  # overdue | due_soon | upcoming
    deal: DealEntry
    deadline: Deadline


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    horizon: int
    entries: tuple[DealEntry, ...]
    items: tuple[AgendaItem, ...]
    horizon_ends: dict[str, dt.date] = field(default_factory=dict)  # by deal location

    @property
    def overdue(self) -> tuple[AgendaItem, ...]:
        return tuple(i for i in self.items if i.group == OVERDUE)

    @property
    def problems(self) -> tuple[DealEntry, ...]:
        return tuple(e for e in self.entries if not e.readable)

    def overdue_count(self, entry: DealEntry) -> int:
        return sum(1 for i in self.items if i.deal is entry and i.group == OVERDUE)

    def next_item(self, entry: DealEntry) -> AgendaItem | None:
        """The deal's next deadline not yet passed (the earliest due-soon or upcoming item)."""
        return next((i for i in self.items if i.deal is entry and i.group != OVERDUE), None)


# -- reading one deal ----------------------------------------------------------------------------
def _summary_payload(deal, change, tag: str | None = None) -> dict:
    from rra_desktop.exchange.ics_export import deal_tag

    t = deal.terms
    at, by, action = change or (None, None, None)
    return {"title": t.title, "company": t.company.name, "agreement_date": t.agreement_date.isoformat(),
            "closing_date": t.closing_date.isoformat() if t.closing_date else None, "calendar": t.calendar.value,
            "closure_days": [d.isoformat() for d in t.closure_days], "tag": tag or deal_tag(deal),
            "last_change": [at, by, action]}


def _summary(data: dict) -> DealSummary:
    at, by, action = data["last_change"]
    closing = data["closing_date"]
    return DealSummary(data["title"], data["company"], dt.date.fromisoformat(data["agreement_date"]),
                       dt.date.fromisoformat(closing) if closing else None, CalendarName(data["calendar"]),
                       tuple(dt.date.fromisoformat(d) for d in data["closure_days"]), data["tag"], at, by, action)


def compute_payload(deal, as_of: dt.date, change=None, tag: str | None = None) -> tuple[dict, tuple[Deadline, ...]]:
    """A deal's summary and open, dated deadlines as of ``as_of`` (masked), and the payload that
    caches them; ``tag`` is the deal file's UUID, which its calendar UIDs carry."""
    from rra_desktop.domain.deadlines import compute_deadlines
    from rra_desktop.exchange.ics_export import masked_texts

    mask = masked_texts(deal)
    kept = tuple(d for d in compute_deadlines(deal, as_of) if d.in_force is not None and d.status in _AGENDA_STATUSES)
    if mask is not None:
        kept = tuple(_masked(d, mask) for d in kept)
    kept = tuple(_without_reason(d) for d in kept)
    return {"summary": _summary_payload(deal, change, tag), "deadlines": [encode_deadline(d) for d in kept]}, kept


def _without_reason(d: Deadline) -> Deadline:
    """A 3(n) blackout that postponed a deadline travels without its confidential reason."""
    b = d.postponed_by
    if b is None or not b.confidential_reason:
        return d
    import dataclasses

    return dataclasses.replace(d, postponed_by=dataclasses.replace(b, confidential_reason=""))


def _masked(d: Deadline, mask) -> Deadline:
    import dataclasses

    instrument = d.instrument and dataclasses.replace(d.instrument, description=mask(d.instrument.description))
    party = dataclasses.replace(d.party, text=mask(d.party.text))
    blackout = d.postponed_by and dataclasses.replace(d.postponed_by, facts=mask(d.postponed_by.facts))
    return dataclasses.replace(d, title=mask(d.title), party=party, trigger=mask(d.trigger),
                               explanation=mask(d.explanation), instrument=instrument, postponed_by=blackout)


def read_file_deal(location: str, as_of: dt.date, known: dict[str, str],
                   cache: DeadlineCache | None) -> DealEntry | str:
    """One deal file: its cached payload (JSON text, decoded by ``read_deals`` once every file has
    been looked at) when its digest is known for ``as_of``, else its entry, computed."""
    try:
        found = library.probe(location)
    except StoreError as exc:
        return DealEntry(location, problem=str(exc))
    try:
        hit = known.get(found.digest) if found.digest else None
        if hit is not None:
            return hit
        deal, digest, change = library.read_deal(found)
        payload, kept = compute_payload(deal, as_of, change, library.deal_uuid(found))
        if cache is not None and digest:
            known[digest] = cache.put(digest, as_of, payload)  # a copy of the same trail: a hit
        return DealEntry(location, _summary(payload["summary"]), kept)
    except StoreError as exc:
        return DealEntry(location, problem=str(exc))
    finally:
        found.close()


def _cached_entry(location: str, text: str) -> DealEntry:
    payload = loads(text)
    return DealEntry(location, _summary(payload["summary"]), tuple(map(decode_deadline, payload["deadlines"])),
                     cached=True)


def read_deals(locations: Sequence[str], as_of: dt.date, cache: DeadlineCache | None = None) -> list[DealEntry]:
    """Each location's ``DealEntry``, in order; the cache is read once and written once. Cached
    payloads are decoded after every file has been looked at (opening and closing the files
    between decodings costs a sixth more)."""
    known = cache.get_all(as_of) if cache is not None else {}
    out: list[DealEntry | str] = []
    for location in locations:
        if library.is_url(location):
            out.append(read_server_deal(location, as_of))
        else:
            out.append(read_file_deal(location, as_of, known, cache))
    if cache is not None:
        cache.flush()
    return [_cached_entry(location, e) if isinstance(e, str) else e for location, e in zip(locations, out, strict=True)]


def read_server_deal(location: str, as_of: dt.date) -> DealEntry:
    """A deal on a firm server, read and computed each time (the cache is for deal files)."""
    from rra_desktop.store.server import ServerStore

    try:
        with ServerStore.open(location, read_only=True) as store:
            payload, kept = compute_payload(store.deal(), as_of, store.last_change(), store.deal_uuid())
            return DealEntry(location, _summary(payload["summary"]), kept)
    except StoreError as exc:
        return DealEntry(location, problem=str(exc))


# -- the agenda ----------------------------------------------------------------------------------
def agenda_of(entries: Iterable[DealEntry], today: dt.date, horizon: int = 5,
              parties: Iterable[str] | None = None) -> Agenda:
    """The items of ``entries`` as of ``today``: overdue and due within ``horizon`` Business Days
    (``domain.reminders`` on each deal's calendar), then upcoming; ``parties`` as ``reminders``
    takes them (None: every party)."""
    entries = tuple(entries)
    parties = list(parties) if parties is not None else None
    items: list[AgendaItem] = []
    ends: dict[str, dt.date] = {}
    for e in entries:
        if e.summary is None:
            continue
        found = reminders(e.deadlines, today, e.summary.business_calendar(), horizon, parties)
        ends[e.location] = found.horizon_end
        items += [AgendaItem(OVERDUE, e, d) for d in found.overdue]
        items += [AgendaItem(DUE_SOON, e, d) for d in found.due_soon]
        watched = None if parties is None else set(_groups(parties))
        items += [AgendaItem(UPCOMING, e, d) for d in e.deadlines
                  if d.in_force is not None and d.in_force > found.horizon_end
                  and (watched is None or party_groups(d) & watched)]
    order = {OVERDUE: 0, DUE_SOON: 1, UPCOMING: 2}
    items.sort(key=lambda i: (order[i.group], i.deadline.in_force, i.deal.name, i.deadline.key))
    return Agenda(today, horizon, entries, tuple(items), ends)


def _groups(parties: Iterable[str]) -> list[str]:
    from rra_desktop.domain.reminders import _group

    return [_group(p) for p in parties]


def build_agenda(paths: Iterable[str], today: dt.date | None = None, horizon: int = 5,
                 parties: Iterable[str] | None = None, cache: DeadlineCache | None = None) -> Agenda:
    """The agenda over the deal files, folders and server URLs ``paths`` name (see module docstring)."""
    today = today or dt.date.today()
    return agenda_of(read_deals(library.deal_locations(paths), today, cache), today, horizon, parties)
