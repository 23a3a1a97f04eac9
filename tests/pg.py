"""A throwaway PostgreSQL cluster for the tests, and server deals made quickly on it.

The cluster is made with the Debian packages' ``initdb``/``pg_ctl`` (``/usr/lib/postgresql/*/bin``)
in a temporary folder, as an unprivileged user (``postgres`` when the tests run as root), listening
on a local socket only, with password logins (scram-sha-256). ``RRA_TEST_PG_BIN`` names another
folder of those programs. Without PostgreSQL the server half of each test is skipped, and says so.

``ServerDeals`` gives each test its own server deal holding a given deal: the deal is made once
per session by ``ServerStore.create`` (the Alembic migrations, then the audited "Create deal") in
a template database, and each test gets a copy of that database (``CREATE DATABASE ... TEMPLATE``,
a fraction of the time the migrations take), dropped after the test.

``parametrize_deal_kind`` is the ``pytest_generate_tests`` of the store, services and command-line
suites: every test that takes the ``deal_kind`` fixture (through ``store``, ``sample_file``, ...)
runs on a deal file (``sqlite``) and on a server deal (``postgresql``), except those marked
``sqlite_only(why)``: what they test is the file itself (its journal, side files, permissions,
bytes, backups, lock file, a killed writer's file).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

KINDS = ("sqlite", "postgresql")

ADMIN, ADMIN_PASSWORD = "rra_admin", "admin-secret"
USERS = {"alice": "alice-secret", "bob": "bob-secret", "outsider": "outsider-secret"}


def _bin() -> Path | None:
    given = os.environ.get("RRA_TEST_PG_BIN")
    found = [given] if given else sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    for folder in reversed(found):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


@dataclass(frozen=True)
class Cluster:
    socket: str

    def url(self, deal: str | None = None, user: str = ADMIN, password: str | None = None, db: str = "firm") -> str:
        password = password if password is not None else (ADMIN_PASSWORD if user == ADMIN else USERS[user])
        deal_part = f"&deal={deal}" if deal else ""
        return f"postgresql://{user}:{password}@/{db}?host={self.socket}{deal_part}"

    def psql(self, sql: str, db: str = "firm") -> None:
        env = {**os.environ, "PGPASSWORD": ADMIN_PASSWORD}
        subprocess.run(["psql", "-h", self.socket, "-U", ADMIN, "-d", db, "-qc", sql], check=True, env=env,
                       capture_output=True)


class NoPostgreSQL(Exception):
    """PostgreSQL's programs are not installed here."""


@contextmanager
def throwaway_cluster():
    """A new cluster on a local socket, stopped and removed afterwards (``NoPostgreSQL`` without it)."""
    binaries = _bin()
    if binaries is None or shutil.which("psql") is None:
        raise NoPostgreSQL("PostgreSQL is not installed (apt-get install -y postgresql): server tests skipped")
    root = Path(tempfile.mkdtemp(prefix="rra-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    (root / "pw").write_text(ADMIN_PASSWORD)
    if run_as:
        shutil.chown(root / "pw", "postgres")
    data, sock = root / "data", root / "sock"
    subprocess.run([*run_as, str(binaries / "initdb"), "-D", str(data), "-U", ADMIN, "--pwfile", str(root / "pw"),
                    "--auth-local=scram-sha-256", "--auth-host=scram-sha-256"], check=True, capture_output=True)
    sock.mkdir()
    if run_as:
        shutil.chown(sock, "postgres")
    options = f"-c listen_addresses='' -c unix_socket_directories={sock} -c fsync=off -c max_connections=60"
    subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", options,
                    "-w", "start"], check=True, capture_output=True)
    cluster = Cluster(str(sock))

    def stop() -> None:
        subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)

    restore_handler = _stop_on_terminate(stop)
    try:
        cluster.psql("CREATE DATABASE firm", db="postgres")
        for user, password in USERS.items():
            cluster.psql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'", db="postgres")
        cluster.psql("GRANT CREATE ON DATABASE firm TO alice, bob")
        yield cluster
    finally:
        restore_handler()
        stop()


def _stop_on_terminate(stop):
    """A test run ended by SIGTERM (``timeout``, a CI runner cancelling) skips every ``finally``, and
    the daemonised server would outlive it; so while the cluster runs, SIGTERM stops it first and
    then ends the process as SIGTERM would. Returns what puts the previous handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGTERM)

    def on_terminate(signum, frame):
        stop()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_terminate)
    return lambda: signal.signal(signal.SIGTERM, previous)



class ServerDeals:
    """Server deals for the tests on one cluster (see the module docstring)."""

    def __init__(self, cluster: Cluster):
        import psycopg

        self.cluster = cluster
        self._admin = psycopg.connect(host=cluster.socket, user=ADMIN, password=ADMIN_PASSWORD, dbname="postgres",
                                      autocommit=True)
        self._templates: dict[str, str] = {}
        self._count = itertools.count(1)
        self._made: list[str] = []

    def _template(self, name: str, make_deal) -> str:
        if name not in self._templates:
            from rra_desktop.store.server import ServerStore

            db = f"template_{name}"
            self._admin.execute(f'CREATE DATABASE "{db}"')
            ServerStore.create(self.cluster.url("deal", db=db), make_deal()).close()
            self._templates[name] = db
        return self._templates[name]

    def database(self, template: str | None = None) -> str:
        """A new database (a copy of ``template``, or empty), dropped by ``drop_all``."""
        db = f"t_{os.getpid()}_{next(self._count)}"
        self._admin.execute(f'CREATE DATABASE "{db}"' + (f' TEMPLATE "{template}"' if template else ""))
        self._admin.execute(f'GRANT CREATE ON DATABASE "{db}" TO alice, bob')
        self._made.append(db)
        return db

    def url(self, name: str, make_deal, user: str = ADMIN) -> str:
        """The URL of a new server deal holding ``make_deal()`` (named ``name`` in the session)."""
        return self.cluster.url("deal", user=user, db=self.database(self._template(name, make_deal)))

    def fresh_url(self, deal: str = "deal") -> str:
        """The URL of a deal not yet made, in a database of its own."""
        return self.cluster.url(deal, db=self.database())

    def drop_all(self) -> None:
        while self._made:
            self._admin.execute(f'DROP DATABASE IF EXISTS "{self._made.pop()}" WITH (FORCE)')

    def close(self) -> None:
        self.drop_all()
        self._admin.close()


def parametrize_deal_kind(metafunc) -> None:
    """``pytest_generate_tests``: ``deal_kind`` over both stores, or SQLite alone when marked."""
    if "deal_kind" not in metafunc.fixturenames:
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    metafunc.parametrize("deal_kind", KINDS[:1] if only else KINDS, scope="function")


class HeldLink:
    """A local socket in front of a cluster's, as a slow network between the app and the server:
    while ``hold()`` is in force a new connection is accepted but nothing is passed on (libpq
    waits for the server's answer, up to its ``connect_timeout``), and it goes through once
    ``release()`` is called; while ``hold_query(text)`` is in force, a query naming ``text`` waits
    before it goes to the server (a server slow to answer it). ``waiting`` counts the connections
    held, ``passed`` those passed on, ``open`` those passed on that neither side has closed yet,
    ``queries_held`` the queries held. ``url(url)`` is ``url`` through it."""

    def __init__(self, cluster: Cluster):
        import socket

        self._upstream = os.path.join(cluster.socket, ".s.PGSQL.5432")
        self.folder = tempfile.mkdtemp(prefix="rra-link-")  # short: a socket's path has a limit
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(os.path.join(self.folder, ".s.PGSQL.5432"))
        self._listener.listen(16)
        self._go, self._closed, self._count = threading.Event(), threading.Event(), threading.Lock()
        self._go.set()
        self.waiting = self.passed = self.open = self.queries_held = 0
        self._query: bytes | None = None
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str, connect_timeout: int | None = None) -> str:
        through = url.replace(f"host={Path(self._upstream).parent}", f"host={self.folder}")
        return through + (f"&connect_timeout={connect_timeout}" if connect_timeout else "")

    def hold(self) -> None:
        self._go.clear()

    def release(self) -> None:
        self._go.set()

    def hold_query(self, text: str | None) -> None:
        """Hold each query naming ``text`` from now on (None: let them go)."""
        self._query = None if text is None else text.encode()

    def close(self) -> None:
        self._closed.set()
        self._go.set()
        self._query = None
        self._listener.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _add(self, name: str, step: int) -> None:
        with self._count:
            setattr(self, name, getattr(self, name) + step)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client) -> None:
        import socket

        self._add("waiting", 1)
        self._go.wait()
        self._add("waiting", -1)
        if self._closed.is_set():
            client.close()
            return
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.connect(self._upstream)
        self._add("passed", 1)
        self._add("open", 1)
        back = threading.Thread(target=self._pump, args=(server, client), daemon=True)
        back.start()
        self._pump(client, server, self._held_query)
        back.join()
        client.close()
        server.close()
        self._add("open", -1)

    def _held_query(self, data: bytes) -> None:
        query = self._query
        if query is not None and query in data:
            self._add("queries_held", 1)
            give_up = time.monotonic() + 30  # a test that never lets it go fails rather than hangs
            while self._query is not None and not self._closed.wait(0.01) and time.monotonic() < give_up:
                pass
            self._add("queries_held", -1)

    @staticmethod
    def _pump(source, target, before=None) -> None:
        import socket

        with suppress(OSError):
            while data := source.recv(65536):
                if before is not None:
                    before(data)
                target.sendall(data)
        with suppress(OSError):
            target.shutdown(socket.SHUT_WR)
