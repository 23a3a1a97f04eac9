"""Every setting the GUI keeps, declared once with its type and default.

Window state (geometry, last tab, recent files, last deal) is remembered silently; preferences
(reminder horizon, watched parties) are choices the user makes. They live in separate QSettings
groups so that resetting the window layout never loses a preference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ui.qt import QByteArray, QSettings

ORGANIZATION = "RRA Desk"
APPLICATION = "RRA Desk"
MAX_RECENT = 8


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class Setting(NamedTuple):
    key: str
    type: type
    default: Any

    def get(self, qs: QSettings) -> Any:
        value = qs.value(self.key, self.default)
        if value is None:
            return self.default
        if self.type is list:  # QSettings returns a bare string for a one-item list
            return [value] if isinstance(value, str) else list(value)
        if self.type is bool and isinstance(value, str):
            return value.lower() == "true"
        if self.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        return self.type(value)

    def set(self, qs: QSettings, value: Any) -> None:
        qs.setValue(self.key, value)


# -- window state (persisted, not shown as options) ------------------------------------
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_TAB = Setting("window/last_tab", int, 0)
RECENT_FILES = Setting("window/recent_files", list, [])
LAST_DEAL = Setting("window/last_deal", str, "")
# The deal library: folders and files the user keeps deals in (the recent files are in it too).
LIBRARY_LOCATIONS = Setting("library/locations", list, [])
# Named connections to a firm's deal server, "NAME<TAB>postgresql://USER@HOST/DATABASE" each: no
# password (that is in libpq's password file: rra_desktop.store.pgpass).
CONNECTIONS = Setting("library/connections", list, [])

# -- preferences (the user's choices) ----------------------------------------------------
REMINDER_HORIZON = Setting("preferences/reminder_horizon_business_days", int, 5)  # Business Days
# Which parties' obligations raise reminders; empty means all of them.
WATCHED_PARTIES = Setting("preferences/watched_parties", list, [])
REMINDER_INTERVAL_MINUTES = Setting("preferences/reminder_interval_minutes", int, 30)
# Exported calendar events carry a reminder this many Business Days before (0: none).
CALENDAR_ALARM_BUSINESS_DAYS = Setting("preferences/calendar_alarm_business_days", int, 2)


def open_settings(ini_path: Path | None = None) -> QSettings:
    """The app's settings: the platform's store, or an INI file (tests, portable use)."""
    if ini_path is not None:
        return QSettings(str(ini_path), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def add_recent(qs: QSettings, path: Path | str) -> list[str]:
    """Put ``path`` first in the recent files (no duplicates, at most MAX_RECENT); a server
    deal's address is kept as it is (it holds no password: the store's ``path`` hides it)."""
    name = str(path) if str(path).startswith(("postgresql:", "postgres:")) else str(Path(path).resolve())
    recent = [name] + [p for p in RECENT_FILES.get(qs) if p != name]
    recent = recent[:MAX_RECENT]
    RECENT_FILES.set(qs, recent)
    LAST_DEAL.set(qs, name)
    return recent
