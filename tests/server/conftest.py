"""A throwaway PostgreSQL cluster for the server-store tests, and the ``backend`` fixture that runs
the same tests on a deal file and on a server deal.

The cluster is made with the Debian packages' ``initdb``/``pg_ctl`` (``/usr/lib/postgresql/*/bin``)
in a temporary folder, as an unprivileged user (``postgres`` when the tests run as root), listening
on a local socket only, with password logins (scram-sha-256). ``RRA_TEST_PG_BIN`` names another
folder of those programs. Without PostgreSQL the server half of each test is skipped, and says so.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

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
    try:
        cluster.psql("CREATE DATABASE firm", db="postgres")
        for user, password in USERS.items():
            cluster.psql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'", db="postgres")
        cluster.psql("GRANT CREATE ON DATABASE firm TO alice, bob")
        yield cluster
    finally:
        subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except NoPostgreSQL as exc:
        pytest.skip(str(exc))


_counter = iter(range(1, 1_000_000))


@pytest.fixture
def server_url(pg_cluster):
    """A fresh deal name on the cluster, as the administrator (who then shares it with alice and bob)."""
    return pg_cluster.url(f"deal-{os.getpid()}-{next(_counter)}")


def share(cluster: Cluster, url: str, *users: str) -> None:
    """What the README tells the administrator to do: give users a deal's schema."""
    from rra_desktop.store.server import parse_url

    schema = parse_url(url).schema
    for user in users:
        cluster.psql(f'GRANT USAGE ON SCHEMA "{schema}" TO {user}; '
                     f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO {user}')


@pytest.fixture(params=["file", "server"])
def backend(request, tmp_path):
    """``backend(deal)`` -> the location of a new store holding ``deal``: a deal file, or a deal on
    the throwaway server (the same tests run on both)."""
    from rra_desktop.store import DealStore

    if request.param == "file":
        def make(deal, name="deal"):
            path = tmp_path / f"{name}.rradeal"
            DealStore.create(path, deal).close()
            return str(path)
        make.kind = "file"
        return make
    cluster = request.getfixturevalue("pg_cluster")

    def make_server(deal, name="deal"):
        from rra_desktop.store.server import ServerStore

        url = cluster.url(f"{name}-{os.getpid()}-{next(_counter)}")
        ServerStore.create(url, deal).close()
        return url
    make_server.kind = "server"
    make_server.cluster = cluster
    return make_server


def open_store(location: str, read_only: bool = False):
    from rra_desktop.store import DealStore
    from rra_desktop.store.copying import is_server

    if is_server(location):
        from rra_desktop.store.server import ServerStore

        return ServerStore.open(location, read_only=read_only)
    return DealStore.open(location, read_only=read_only, backup=False)
