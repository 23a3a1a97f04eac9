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
from ui.formatting import fmt_date
from ui.qt import QObject, QSettings, QSystemTrayIcon, QTimer, Signal

log = logging.getLogger("rra_desk")


def library_locations(settings: QSettings) -> list[str]:
    return list(cfg.LIBRARY_LOCATIONS.get(settings))


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


def server_locations(settings: QSettings) -> tuple[list[str], list[DealEntry]]:
    """The deals on each named connection's server (their addresses), and a line for each
    server that cannot be listed, saying why (down, wrong password, no such database)."""
    from rra_desktop.store.errors import StoreError
    from rra_desktop.store.pgpass import deal_url
    from rra_desktop.store.server import list_deals

    found: list[str] = []
    problems: list[DealEntry] = []
    for c in named_connections(settings):
        try:
            found += [deal_url(c.url, d) for d in list_deals(c.url)]
        except StoreError as exc:
            problems.append(DealEntry(c.url, problem=f"The server connection {c.name} cannot be listed: {exc}"))
    return found, problems


def remove_location(settings: QSettings, location: str) -> list[str]:
    """Take a location out of the library (and out of the recent files); no file is touched."""
    found = [loc for loc in library_locations(settings) if loc != location]
    cfg.LIBRARY_LOCATIONS.set(settings, found)
    cfg.RECENT_FILES.set(settings, [p for p in cfg.RECENT_FILES.get(settings) if p != location])
    return found


class PracticeData(QObject):
    """Every library deal as a ``DealEntry``; ``reload()`` reads them (through the cache), and
    ``agenda()`` filters without reading again."""

    changed = Signal()

    def __init__(self, settings: QSettings, today=None, cache=None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._today = today or dt.date.today
        self.cache = cache
        self.entries: tuple[DealEntry, ...] = ()

    def today(self) -> dt.date:
        return self._today()

    def locations(self) -> list[str]:
        """The library's deal files: each location expanded, then the recent files, each once."""
        out: list[str] = []
        missing: list[str] = []
        for given in [*library_locations(self.settings), *cfg.RECENT_FILES.get(self.settings)]:
            try:
                found = library.deal_locations([given])
            except FileNotFoundError:
                missing.append(given)
                continue
            out += [f for f in found if f not in out]
        self._missing = [m for m in missing if m not in out]
        return out

    def reload(self) -> None:
        from rra_desktop.practice.cache import DeadlineCache

        locations = self.locations()
        servers, unlisted = server_locations(self.settings)
        locations += [s for s in servers if s not in locations]
        cache = self.cache if self.cache is not None else DeadlineCache()
        entries = read_deals(locations, self.today(), cache)
        gone = [DealEntry(m, problem=f"{m} no longer exists (moved or deleted?); remove it from the library")
                for m in self._missing]
        self.entries = (*entries, *unlisted, *gone)
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
        data.changed.connect(self.check)

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
                             f"{found.horizon} Business Days, across {deals} other deal(s)")
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
