"""Named connections to a firm's deal server, and their passwords kept out of the settings.

A named connection is a name the user chose and a server address without a password
(``postgresql://alice@dbhost/rra_deals``); the GUI keeps these in its settings. The password goes
into libpq's own password file, which the PostgreSQL client library reads by itself whenever a
connection has no password (so the command line finds it too, under the same address):
``PGPASSFILE`` when set, else ``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows),
made readable by its owner only (libpq ignores a file others can read). Why not the system
keyring: on a Linux desktop without a Secret Service (a server session, a bare window manager)
the ``keyring`` library has no safe place to keep it and falls back to refusing or to a file of
its own; the password file works wherever libpq does, and it is where a firm's administrator
already expects client passwords.

A line of the file is ``host:port:database:user:password`` (``*`` matches anything; ``:`` and
``\\`` escaped with ``\\``). A local-socket connection's host is its socket folder, as libpq
matches it (``localhost`` for an address without a host).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from rra_desktop.store.errors import StoreError


@dataclass(frozen=True)
class Connection:
    """A named connection: what the settings keep (no password)."""

    name: str
    url: str  # postgresql://[USER@]HOST[:PORT]/DATABASE[?host=...], no password, no deal


def password_file() -> Path:
    given = os.environ.get("PGPASSFILE")
    if given:
        return Path(given)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password (and without a ``deal=``), and the password it held."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("postgresql", "postgres"):
        raise StoreError(f"{url!r} is not a server address; write postgresql://USER@HOST/DATABASE")
    if not parts.path.strip("/"):
        raise StoreError("the address names no database: write postgresql://USER@HOST/DATABASE")
    netloc, password = parts.netloc, None
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            user, password = userinfo.split(":", 1)
            password = unquote(password)
            netloc = f"{user}@{host}"
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("deal="))  # as written
    return urlunsplit(("postgresql", netloc, parts.path, query, "")), password


def _fields(url: str) -> tuple[str, str, str, str]:
    """(host, port, database, user) of a connection as libpq looks them up in the password file."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    user = unquote(parts.username or "") or query.get("user") or _login()
    host = query.get("host") or unquote(parts.hostname or "") or "localhost"
    if host == "/var/run/postgresql":
        host = "localhost"  # the Debian packages' default socket folder: libpq matches it as "localhost"
    port = str(parts.port) if parts.port else query.get("port", "*")
    return host, port, unquote(parts.path.strip("/")), user


def _login() -> str:
    import getpass

    return getpass.getuser()


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def save_password(url: str, password: str) -> Path:
    """Keep ``password`` for the connection ``url`` in the password file (replacing the line for
    that host, port, database and user), readable by its owner only; returns the file."""
    file = password_file()
    key = ":".join(_escape(f) for f in _fields(url))
    lines = []
    if file.exists():
        lines = [line for line in file.read_text(encoding="utf-8").splitlines()
                 if not line.startswith(key + ":")]
    lines.append(f"{key}:{_escape(password)}")
    file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(file, 0o600)
    return file


def forget_password(url: str) -> None:
    """Take the connection's line out of the password file (nothing else in it changes)."""
    file = password_file()
    if not file.exists():
        return
    key = ":".join(_escape(f) for f in _fields(url))
    kept = [line for line in file.read_text(encoding="utf-8").splitlines() if not line.startswith(key + ":")]
    file.write_text("\n".join(kept) + ("\n" if kept else ""), encoding="utf-8")


def deal_url(connection_url: str, deal: str) -> str:
    """The address of one deal on a named connection's server."""
    return connection_url + ("&" if "?" in connection_url else "?") + f"deal={deal}"
