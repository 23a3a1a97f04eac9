"""The connection side of a deal on a firm's PostgreSQL server (``rra_desktop.store.server``): its
address, the errors a person can act on, the engine, the listing of a database's deals, and the
pipelining of a write transaction's statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rra_desktop.store.errors import ChangeConflict, StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DEAL_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
CONNECT_TIMEOUT = 10  # seconds before a server that does not answer is "cannot be reached"


class ServerError(StoreError):
    """The deal server could not be used; the message says what to do."""


class ServerUnavailable(ServerError):
    """The server cannot be reached (down, wrong host or port, no network)."""


class LoginRefused(ServerError):
    """The server refused the user name or password."""


class NoSuchDeal(ServerError):
    """The database, or the deal in it, does not exist."""


class NoPermission(ServerError):
    """The database user may not read (or change) this deal."""


class StaleChange(ChangeConflict):
    """A change to a record someone else changed after this deal was read; nothing was written,
    and the store's snapshot is read again (``reloaded``)."""

    reloaded = True


class DealAddress(str):
    """The deal's URL without its password (what messages and the window title show)."""

    @property
    def name(self) -> str:
        return self.deal

    deal: str = ""


@dataclass(frozen=True)
class Address:
    url: str  # SQLAlchemy URL (postgresql+psycopg://...), password included
    deal: str
    schema: str
    display: DealAddress


def parse_url(text: str) -> Address:
    """The parts of a deal URL; a ``ServerError`` saying what is wrong with a malformed one."""
    parts = urlsplit(str(text))
    if parts.scheme not in SCHEMES:
        raise ServerError(f"{text!r} is not a deal server address; write postgresql://HOST/DATABASE?deal=NAME")
    query = parse_qsl(parts.query, keep_blank_values=True)
    deals = [v for k, v in query if k == "deal"]
    if len(deals) != 1 or not DEAL_NAME.match(deals[0]):
        raise ServerError(f"{_hide_password(text)} names no deal: add ?deal=NAME (lower-case letters, digits and "
                          "hyphens, e.g. ?deal=spectrum-2003)")
    if not parts.path.strip("/"):
        raise ServerError(f"{_hide_password(text)} names no database: write postgresql://HOST/DATABASE?deal=NAME")
    rest = urlencode([(k, v) for k, v in query if k != "deal"])
    url = urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, rest, ""))
    display = DealAddress(_hide_password(urlunsplit(("postgresql", parts.netloc, parts.path, parts.query, ""))))
    display.deal = deals[0]
    return Address(url, deals[0], "deal_" + deals[0].replace("-", "_"), display)


def _hide_password(text: str) -> str:
    return re.sub(r"(//[^/:@]*):[^@/]*@", r"\1:***@", str(text))


def explain(exc: Exception, where: str) -> ServerError:
    """A driver's error as a ``ServerError`` a person can act on."""
    text = str(getattr(exc, "orig", exc) or exc).strip()
    low = text.lower()
    first = text.splitlines()[0] if text else type(exc).__name__
    if "password authentication failed" in low or "no password supplied" in low or (
            "role" in low and "does not exist" in low):
        return LoginRefused(f"{where}: the server refused the login ({first}); check the user name and password "
                            "(see the named connection in Preferences or ~/.pgpass)")
    if "database" in low and "does not exist" in low:
        return NoSuchDeal(f"{where}: {first}; check the database name, or ask the firm's administrator")
    if "permission denied" in low or "insufficient privilege" in low:
        return NoPermission(f"{where}: the database user may not do this ({first}); ask the firm's administrator "
                            "for access to the deal")
    unreachable = ("connection" in low or "could not" in low or "timeout" in low or "no such file" in low
                   or "server closed" in low or "translate host" in low)
    if unreachable:
        return ServerUnavailable(f"{where}: the deal server cannot be reached ({first}); check the address, or ask "
                                 "the firm's administrator whether the server is running")
    return ServerError(f"{where}: the server refused ({first}); nothing was changed")


def make_engine(address: Address) -> Engine:
    from sqlalchemy import create_engine, event

    args: dict[str, object] = {"options": f"-c search_path={address.schema}"}
    if "connect_timeout=" not in address.url:  # libpq's own, when the address gives one
        args["connect_timeout"] = CONNECT_TIMEOUT
    engine = create_engine(address.url, pool_size=2, max_overflow=2, connect_args=args)
    event.listen(engine, "before_cursor_execute", _Pipelined.before_statement)
    return engine


def list_deals(url: str) -> list[str]:
    """The deals in the database ``url`` names (its ``?deal=`` may be left out)."""
    from sqlalchemy import text

    base = url if "deal=" in url else url + ("&" if "?" in url else "?") + "deal=x"
    address = parse_url(base)
    engine = make_engine(address)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT nspname FROM pg_namespace "
                                     "WHERE nspname LIKE 'deal\\_%' ORDER BY 1")).scalars().all()
    except Exception as exc:
        raise _translated(exc, _hide_password(url)) from None
    finally:
        engine.dispose()
    return [r[len("deal_"):].replace("_", "-") for r in rows]


def deal_exists(url: str) -> bool:
    """Whether the database ``url`` names holds its deal (a ``ServerError`` when the database
    cannot be used: down, wrong password, no such database)."""
    return parse_url(url).deal in list_deals(url)


def _translated(exc: Exception, where: str) -> StoreError:
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, DBAPIError | OSError):
        return explain(exc, where)
    raise exc


def _driver(conn: Any) -> Any:
    """The psycopg connection under a SQLAlchemy one (for ``trail``'s own queries)."""
    raw = conn.connection.driver_connection
    if raw is None:
        raise ServerError("the connection to the deal server was closed")
    return raw


class _Pipelined:
    """A write transaction's statements that need no answer, sent together (psycopg's pipeline
    mode). Once ``start()`` is called (after the trail's head is locked), from the transaction's
    next write (an UPDATE, INSERT or DELETE) its statements are queued until one that returns rows
    needs the server's answer (then the queue is sent and answered first), and ``commit()`` sends
    COMMIT behind them. One Holder edit waits on the server five times (BEGIN; the trail's head;
    the record read before it is changed; the change, its trail entry, the new head and COMMIT
    together; the pipeline's end) where it waited seven times, one per statement.

    A queued statement's row count is not known until its answer: the only one read is the head's
    UPDATE in ``audit.append``, which then does not insert the row, so queuing starts only when the
    head row exists (it is locked FOR UPDATE: it stays). A deal's first entry is not queued."""

    KEY = "rra_pipelined"

    def __init__(self, session: Any):
        self.raw = _driver(session.connection())
        self.info = session.connection().info
        self.pipeline: Any = None

    def __enter__(self) -> _Pipelined:
        return self

    def start(self) -> None:
        """Queue from the next write on."""
        self.info[self.KEY] = self

    def __exit__(self, *exc: Any) -> None:
        self.info.pop(self.KEY, None)
        self.flush(*exc)  # after a failure psycopg ends the pipeline quietly: the transaction rolls back

    def writes(self) -> None:
        if self.pipeline is None:
            self.pipeline = self.raw.pipeline()
            self.pipeline.__enter__()

    def commit(self) -> None:
        """COMMIT, queued behind the writes when they are queued (then one wait for all)."""
        self.raw.commit()
        self.flush()

    def flush(self, *exc: Any) -> None:
        """Wait for every queued statement's answer (a failed one raises here)."""
        pipeline, self.pipeline = self.pipeline, None
        if pipeline is not None:
            pipeline.__exit__(*(exc or (None, None, None)))

    @classmethod
    def before_statement(cls, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                         executemany: bool) -> None:
        self = conn.info.get(cls.KEY)
        if self is None:
            return
        head = statement.lstrip()[:7].upper()
        if head.startswith(("UPDATE", "INSERT", "DELETE")) and "RETURNING" not in statement.upper():
            self.writes()
        else:
            self.flush()  # a statement whose rows are read: its answer is needed now
