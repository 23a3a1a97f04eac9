"""A cache of each deal's deadlines, keyed by the digest of its audit trail.

Every change to a deal appends to its hash-chained audit trail, so the trail's head digest names
the deal's content: an unchanged digest means an unchanged deal, and its deadlines need not be
computed again. An entry is used only for the same digest, the same day the statuses were computed
for (a deadline turns overdue with the date, not with a change) and the same rules (a fingerprint
of the rules' source, so a new release never serves dates an older engine computed).

The cache is a small SQLite file in the user's cache folder (platformdirs), readable by its owner
only (0600, its folder 0700). It holds nothing confidential beyond what the deal's deadlines show:
texts pass through the same mask as the .ics export (a blackout's confidential reason never gets
in). It is only a cache: if it cannot be read or written (a full disk, a damaged file) the agenda
computes everything and says nothing; a damaged cache file is replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import typing
from contextlib import suppress
from functools import cache
from pathlib import Path

from rra_desktop import __version__
from rra_desktop.domain.deadlines import Deadline, DeadlineStatus
from rra_desktop.domain.obligations import OBLIGATIONS
from rra_desktop.domain.parties import Parties, PartyRole, Role
from rra_desktop.store.codec import from_plain, to_plain

FORMAT = 1  # bump when the payload changes shape
FILE_NAME = "deadlines-cache.sqlite3"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (digest TEXT PRIMARY KEY, as_of TEXT NOT NULL, rules TEXT NOT NULL, "
           "payload TEXT NOT NULL)")

# A deadline is cached as a list in the order of ``Deadline``'s fields, without ``clause_text`` (the
# clause's words come back from ``OBLIGATIONS``), the parties as [text, [[role, holder id], ...]],
# the records inside it as the store's plain JSON (``codec.to_plain``).
_FIELDS = tuple(Deadline.__dataclass_fields__)
_CLAUSE_TEXT = _FIELDS.index("clause_text")
_HINTS = typing.get_type_hints(Deadline)
# records inside a deadline (the instrument, the 3(n) blackout that postponed it): as plain JSON
_NESTED = tuple((i, _HINTS[f]) for i, f in enumerate(_FIELDS) if f in ("instrument", "postponed_by"))
_STATUS = _FIELDS.index("status")
_PARTY = _FIELDS.index("party")
_DATES = tuple(i for i, f in enumerate(_FIELDS)
               if f in ("trigger_date", "due", "act_by", "extended_to", "in_force", "done_on"))


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("RRA Desk", appauthor=False)) / FILE_NAME


@cache
def rules_fingerprint() -> str:
    """The version, the payload format and a digest of the deadline engine's source files."""
    import rra_desktop.domain as domain

    h = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    root = Path(domain.__file__).parent
    for source in sorted(root.rglob("*.py")):
        with suppress(OSError):  # a bundle without sources: the version alone decides
            h.update(source.read_bytes())
    return h.hexdigest()[:16]


# -- the payload: deadlines as compact JSON ------------------------------------------------------
def _iso(d):
    return None if d is None else d.isoformat()


_fromiso = dt.date.fromisoformat


def _date(s):
    return None if s is None else _fromiso(s)


def encode_deadline(d: Deadline) -> list:
    values = [getattr(d, f) for f in _FIELDS]
    for i in _DATES:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    for i, _hint in _NESTED:
        if values[i] is not None:
            values[i] = to_plain(values[i])
    values[_STATUS] = d.status.value
    values[_PARTY] = [d.party.text, [[r.role.value, r.holder_id] for r in d.party.roles]]
    del values[_CLAUSE_TEXT]
    return values


_KNOWN_PARTIES: dict[tuple, Parties] = {}


def _parties(value: list) -> Parties:
    """The same few party lines recur in every deal: each is built once per process."""
    text, roles = value
    key = (text, *(tuple(r) for r in roles))
    found = _KNOWN_PARTIES.get(key)
    if found is None:
        found = _KNOWN_PARTIES[key] = Parties(tuple(PartyRole(Role(r), h) for r, h in roles), text)
    return found


def decode_deadline(row: list) -> Deadline:
    values = list(row)
    spec = OBLIGATIONS.get(values[1])
    values.insert(_CLAUSE_TEXT, spec.clause_text if spec is not None else "")
    values[_PARTY] = _parties(values[_PARTY])
    for i in _DATES:
        if values[i] is not None:
            values[i] = _fromiso(values[i])
    values[_STATUS] = DeadlineStatus(values[_STATUS])
    for i, hint in _NESTED:
        if values[i] is not None:
            values[i] = from_plain(values[i], hint)
    return Deadline(*values)


# -- the file ------------------------------------------------------------------------------------
class DeadlineCache:
    """``get_all(as_of)`` once, then ``lookup``; ``put`` what was computed; ``flush`` writes it."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        self._pending: list[tuple[str, str, str, str]] = []

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(self.path, 0o600)
        con = sqlite3.connect(self.path, timeout=2)
        con.execute(_SCHEMA)
        return con

    def get_all(self, as_of: dt.date) -> dict[str, str]:
        """Every entry for ``as_of`` and these rules, by digest (payloads still as JSON text)."""
        try:
            con = self._connect()
            try:
                rows = con.execute("SELECT digest, payload FROM entries WHERE as_of = ? AND rules = ?",
                                   (as_of.isoformat(), rules_fingerprint())).fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError:
            self._discard()
            return {}
        except OSError:
            return {}
        return dict(rows)

    def put(self, digest: str, as_of: dt.date, payload: dict) -> str:
        """Keep ``payload`` for ``flush``; returns it as the JSON text ``get_all`` would give."""
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        self._pending.append((digest, as_of.isoformat(), rules_fingerprint(), text))
        return text

    def flush(self) -> None:
        """Write what ``put`` collected in one transaction (and drop entries of other days)."""
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        try:
            con = self._connect()
            try:
                with con:
                    con.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
                    con.execute("DELETE FROM entries WHERE as_of < ?", (min(r[1] for r in rows),))
            finally:
                con.close()
        except sqlite3.DatabaseError:
            self._discard()
        except OSError:
            pass

    def _discard(self) -> None:
        """A damaged cache file is only a cache: remove it so that the next run starts a new one."""
        for leftover in (self.path, Path(f"{self.path}-journal")):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)


def loads(payload: str) -> dict:
    return json.loads(payload)
