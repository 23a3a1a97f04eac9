"""The deal library's data for the GUI: the locations the user keeps deals in (remembered in the
settings) and the recent files, read into ``rra_desktop.practice`` entries, and reminders over
every library deal.

Choices: the library is the folders and files added here plus the recent files (a deal once
opened is part of the practice until removed from the recent list), and every deal on the server
of each named connection (a server that cannot be listed is a line saying why); a location that
no longer exists is listed as such, not dropped. Reminders: the first check raises one summary notification
for the library, later checks one per item newly due; the open deal's own items are left to its
Reminders dock, which already notifies them, so nothing is announced twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from rra_desktop.practice import library
from rra_desktop.practice.agenda import DUE_SOON, OVERDUE, Agenda, DealEntry, agenda_of, read_deals
from ui import settings as cfg
from ui.formatting import fmt_date, plural
from ui.qt import QObject, QSettings, QSystemTrayIcon, QTimer, Signal

log = logging.getLogger("rra_desk")


def library_locations(settings: QSettings) -> list[str]:
    return list(cfg.LIBRARY_LOCATIONS.get(settings))


def walk_library(given: list[str]) -> tuple[list[str], list[str]]:
    """``given``'s deal files (each folder walked) and server deals, each once, and the locations
    that no longer exist. It reads the disk: the library's worker calls it, not the GUI thread."""
    out: list[str] = []
    missing: list[str] = []
    for location in given:
        try:
            found = library.deal_locations([location])
        except FileNotFoundError:
            missing.append(location)
            continue
        out += [f for f in found if f not in out]
    return out, [m for m in missing if m not in out]


def add_location(settings: QSettings, location: str) -> list[str]:
    """Add a folder or file to the library once (kept in the settings)."""
    location = location if library.is_url(location) else str(Path(location).expanduser().resolve())
    found = library_locations(settings)
    if location not in found:
        found.append(location)
        cfg.LIBRARY_LOCATIONS.set(settings, found)
    return found


def named_connections(settings: QSettings):
    """The named connections kept in the settings (``pgpass.Connection``s, no passwords)."""
    from rra_desktop.store.pgpass import Connection

    out = []
    for line in cfg.CONNECTIONS.get(settings):
        name, _, url = str(line).partition("\t")
        if url:
            out.append(Connection(name, url))
    return out


def add_connection(settings: QSettings, name: str, url: str, password: str = ""):
    """Keep a named connection: the address in the settings without its password, the password
    (typed, or found in the address) in libpq's password file (``rra_desktop.store.pgpass``).
    A name used before is replaced. Raises ``StoreError`` for an address that is not one."""
    from rra_desktop.store.errors import StoreError
    from rra_desktop.store.pgpass import Connection, save_password, split_password

    name = " ".join(name.split())
    if not name:
        raise StoreError("Give the connection a name (e.g. Firm deals)")
    bare, found = split_password(url)
    if password or found:
        save_password(bare, password or found or "")
    kept = [c for c in named_connections(settings) if c.name != name] + [Connection(name, bare)]
    cfg.CONNECTIONS.set(settings, [f"{c.name}\t{c.url}" for c in kept])
    return Connection(name, bare)


def remove_connection(settings: QSettings, name: str, forget: bool = True) -> None:
    """Take a named connection out of the settings (and its password out of the password file)."""
    from rra_desktop.store.pgpass import forget_password

    gone = [c for c in named_connections(settings) if c.name == name]
    cfg.CONNECTIONS.set(settings, [f"{c.name}\t{c.url}" for c in named_connections(settings) if c.name != name])
    if forget:
        for c in gone:
            forget_password(c.url)


def server_entries(connection, as_of: dt.date) -> list[DealEntry]:
    """Every deal on a named connection's server, read; or one line saying why the server cannot
    be listed (down, wrong password, no such database). Slow when the server does not answer (up
    to the connection timeout): the library calls it on a worker thread."""
    from rra_desktop.store.errors import StoreError
    from rra_desktop.store.pgpass import deal_url
    from rra_desktop.store.server import list_deals

    try:
        urls = [deal_url(connection.url, d) for d in list_deals(connection.url)]
    except StoreError as exc:
        return [DealEntry(connection.url, problem=f"The server connection {connection.name} cannot be listed: {exc}")]
    return read_deals(urls, as_of)


def remove_location(settings: QSettings, location: str) -> list[str]:
    """Take a location out of the library (and out of the recent files); no file is touched."""
    found = [loc for loc in library_locations(settings) if loc != location]
    cfg.LIBRARY_LOCATIONS.set(settings, found)
    cfg.RECENT_FILES.set(settings, [p for p in cfg.RECENT_FILES.get(settings) if p != location])
    return found


def _shown(url: str) -> str:
    """A server deal's address as messages show it (no password)."""
    from rra_desktop.store.errors import StoreError
    from rra_desktop.store.server import parse_url

    try:
        return str(parse_url(url).display)
    except StoreError:
        return url


class _Relay(QObject):
    """Carries a worker's results to the GUI thread (queued: the relay lives there)."""

    part = Signal(int, str, object)  # generation, part key, entries
    done = Signal(int)


class PracticeData(QObject):
    """Every library deal as a ``DealEntry``; ``reload()`` reads them (through the cache) on a worker
    thread, and ``agenda()`` filters without reading again.

    A server that does not answer can take its whole connection timeout, so nothing of the reading
    runs on the GUI thread: the deal files are read first (one part), then each server deal given
    by address and each named connection's server in turn (a part each). Until a server's part
    arrives, ``pending`` holds "Listing deals on NAME…" for it (shown as its row); ``changed``
    fires after every part, ``loaded`` once the whole library has been read. A reload asked for
    while one runs starts when it ends (one worker at a time, so the cache has one writer)."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, settings: QSettings, today=None, cache=None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._today = today or dt.date.today
        self.cache = cache
        self.entries: tuple[DealEntry, ...] = ()
        self.pending: dict[str, tuple[str, str]] = {}  # part key -> (its location, what is being done)
        self._parts: dict[str, tuple[DealEntry, ...]] = {}
        self._order: list[str] = []
        self._generation = 0
        self._running = False
        self._relay = _Relay(self)
        self._relay.part.connect(self._arrived)
        self._relay.done.connect(self._finished)

    def today(self) -> dt.date:
        return self._today()

    @property
    def busy(self) -> bool:
        """A read of the library is under way (or asked for)."""
        return self._running

    def given(self) -> list[str]:
        """What the library is made of, as the settings name it: its folders, files and server
        deals, then the recent files, each once (nothing read from the disk)."""
        return list(dict.fromkeys([*library_locations(self.settings), *cfg.RECENT_FILES.get(self.settings)]))

    def locations(self) -> list[str]:
        """The library's deal files and server deals: each folder walked (``walk_library``)."""
        return walk_library(self.given())[0]

    def reload(self) -> None:
        """Read the library again, off the GUI thread (see the class)."""
        self._generation += 1
        if self._running:
            return  # started again when the running read ends
        self._running = True
        self._start()

    def _start(self) -> None:
        import threading

        from rra_desktop.practice.cache import DeadlineCache

        generation = self._generation
        given = self.given()  # the folders are walked on the worker: a network share may not answer
        jobs: list[tuple[str, object]] = [("files", [g for g in given if not library.is_url(g)])]
        pending: dict[str, tuple[str, str]] = {}
        for url in (g for g in given if library.is_url(g)):
            key = "deal:" + url
            jobs.append((key, url))
            pending[key] = (url, f"Reading {_shown(url)}…")
        for c in named_connections(self.settings):
            key = "server:" + c.name
            jobs.append((key, c))
            pending[key] = (c.url, f"Listing deals on {c.name}…")
        self._order = [*(key for key, _ in jobs), "gone"]  # the locations that no longer exist: last
        self.pending = pending
        self._compose()
        cache = self.cache if self.cache is not None else DeadlineCache()
        today = self.today()
        relay = self._relay

        def work() -> None:
            for key, job in jobs:
                parts = []
                try:
                    if key == "files":
                        files, missing = walk_library(job)
                        parts.append(("gone", [DealEntry(m, problem=f"{m} no longer exists (moved or deleted?); "
                                                         "remove it from the library") for m in missing]))
                        found = read_deals(files, today, cache)
                    elif key.startswith("deal:"):
                        found = read_deals([job], today)
                    else:
                        found = server_entries(job, today)
                except Exception as exc:  # listed with the reason, never a silent gap
                    log.exception("Cannot read the library's %s", key)
                    found = [DealEntry(str(getattr(job, "url", key)), problem=f"Cannot be read: {exc}")]
                try:
                    for part, entries in (*parts, (key, found)):
                        relay.part.emit(generation, part, tuple(entries))
                except RuntimeError:  # the window closed meanwhile
                    return
            try:
                relay.done.emit(generation)
            except RuntimeError:
                return

        threading.Thread(target=work, name="deal-library", daemon=True).start()

    def _arrived(self, generation: int, key: str, entries: tuple[DealEntry, ...]) -> None:
        if generation != self._generation:
            return  # a newer read is asked for: this one's rows are already out of date
        self._parts[key] = entries
        self.pending.pop(key, None)
        self._compose()

    def _finished(self, generation: int) -> None:
        if generation != self._generation:
            self._start()  # asked for again while reading
            return
        self._running = False
        self._parts = {k: v for k, v in self._parts.items() if k in self._order}
        self.pending = {}
        self._compose()
        self.loaded.emit()

    def _compose(self) -> None:
        out: list[DealEntry] = []
        for key in self._order:
            if key not in self.pending:
                out += self._parts.get(key, ())
        self.entries = tuple(out)
        self.changed.emit()

    def agenda(self, horizon: int | None = None, parties=None, deal: str | None = None) -> Agenda:
        horizon = cfg.REMINDER_HORIZON.get(self.settings) if horizon is None else horizon
        entries = self.entries if deal is None else tuple(e for e in self.entries if e.location == deal)
        return agenda_of(entries, self.today(), horizon, parties or None)


class LibraryReminders(QObject):
    """Overdue and due-soon items of every library deal, as tray notifications."""

    def __init__(self, data: PracticeData, tray: QSystemTrayIcon | None, open_location=lambda: None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.data = data
        self.tray = tray
        self.open_location = open_location  # the open deal's file: its own dock notifies its items
        self._known: set[tuple[str, str]] | None = None
        self.notified: list[str] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        data.loaded.connect(self.check)  # once the whole library is read, not after each part

    def start(self) -> None:
        self.timer.setInterval(cfg.REMINDER_INTERVAL_MINUTES.get(self.data.settings) * 60_000)
        self.timer.start()

    def check(self) -> None:
        try:
            found = self.data.agenda(parties=cfg.WATCHED_PARTIES.get(self.data.settings))
        except Exception:
            log.exception("Cannot compute the library's reminders")
            return
        current = self.open_location()
        items = [i for i in found.items if i.group in (OVERDUE, DUE_SOON) and i.deal.location != current]
        keys = {(i.deal.location, i.deadline.key) for i in items}
        if self._known is None:
            if items:
                overdue = sum(1 for i in items if i.group == OVERDUE)
                deals = len({i.deal.location for i in items})
                self._notify("RRA Desk: the deal library", f"{overdue} overdue, {len(items) - overdue} due within "
                             f"{found.horizon} Business Days, across {plural(deals, 'other deal')}")
        else:
            for i in items:
                if (i.deal.location, i.deadline.key) not in self._known:
                    label = "Overdue" if i.group == OVERDUE else "Due soon"
                    self._notify(f"{label}: {i.deal.name}", f"{i.deadline.title}: act by "
                                 f"{fmt_date(i.deadline.in_force)} ({i.deadline.clause})")
        self._known = keys

    def _notify(self, title: str, text: str) -> None:
        self.notified.append(f"{title} — {text}")
        log.info("Library reminder: %s — %s", title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
