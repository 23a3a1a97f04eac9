"""The server tests' fixtures: a fresh deal name on the session's throwaway cluster
(``tests/pg.py``; the ``pg_cluster`` fixture is the suite's, in ``tests/conftest.py``), and the
``backend`` fixture that runs the same tests on a deal file and on a server deal.
"""

from __future__ import annotations

import os

import pytest

from tests.pg import ADMIN, ADMIN_PASSWORD, USERS, Cluster, NoPostgreSQL, throwaway_cluster  # noqa: F401

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
