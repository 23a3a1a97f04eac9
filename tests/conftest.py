"""Suite-wide settings. Deal files are written with ``synchronous = NORMAL`` here (see
``rra_desktop.store.deal_store.SYNCHRONOUS``): killed processes lose nothing either way, and
the tests that check the setting itself clear the variable."""

import os

import pytest

os.environ.setdefault("RRA_DESK_SYNCHRONOUS", "NORMAL")


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's throwaway PostgreSQL cluster (``tests/pg.py``); skips without PostgreSQL."""
    from tests.pg import NoPostgreSQL, throwaway_cluster

    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except NoPostgreSQL as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def _server_deals_of_the_session(pg_cluster):
    from tests.pg import ServerDeals

    deals = ServerDeals(pg_cluster)
    yield deals
    deals.close()


@pytest.fixture
def server_deals(_server_deals_of_the_session):
    """``ServerDeals`` (``tests/pg.py``): each test's server deals, dropped after it."""
    yield _server_deals_of_the_session
    _server_deals_of_the_session.drop_all()


@pytest.fixture
def deal_kind():
    """Which store a test's deal is in: "sqlite" (a deal file), or "postgresql" where the suite's
    ``pytest_generate_tests`` is ``tests.pg.parametrize_deal_kind``."""
    return "sqlite"


@pytest.fixture
def new_location(deal_kind, request):
    """``new_location(name, make_deal, path)``: where a new deal holding ``make_deal()`` is: the
    deal file ``path`` for SQLite, a server deal's URL (a copy of the session's ``name``) for
    PostgreSQL."""

    def make(name, make_deal, path):
        if deal_kind == "sqlite":
            from rra_desktop.store import DealStore

            DealStore.create(path, make_deal()).close()
            return path
        return request.getfixturevalue("server_deals").url(name, make_deal)

    return make


@pytest.fixture
def new_target(deal_kind, request):
    """``new_target(path)``: where a command may make a new deal: the file ``path`` for SQLite,
    a server deal not made yet (in a database of its own) for PostgreSQL."""

    def make(path):
        return path if deal_kind == "sqlite" else request.getfixturevalue("server_deals").fresh_url()

    return make


def expected_user(store) -> str:
    """Who the audit trail names: the database user on a server, the login on a deal file."""
    import getpass

    return getattr(store, "db_user", None) or getpass.getuser()


def edit_outside(location, *statements: str, drop_triggers: bool = True) -> None:
    """Change the deal's database directly, as someone editing it outside RRA Desk would (the
    trail's append-only triggers dropped first, unless ``drop_triggers`` is False)."""
    from rra_desktop.store.copying import is_server

    if is_server(str(location)):
        import psycopg

        from rra_desktop.store.server import parse_url

        address = parse_url(str(location))
        with psycopg.connect(address.url.replace("postgresql+psycopg", "postgresql"),
                             options=f"-c search_path={address.schema}") as con:
            if drop_triggers:
                con.execute("DROP TRIGGER IF EXISTS audit_append_only ON audit")
            for sql in statements:
                con.execute(sql)
        return
    import sqlite3

    con = sqlite3.connect(location)
    try:
        if drop_triggers:
            con.execute("DROP TRIGGER IF EXISTS audit_no_update")
            con.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def open_location(location, read_only: bool = False, backup: bool = False):
    """A store on a deal file (a backup copy made on opening only if asked) or a server deal's
    URL (``store.location`` says which)."""
    from rra_desktop.store.copying import is_server

    if is_server(str(location)):
        from rra_desktop.store.server import ServerStore

        store = ServerStore.open(str(location), read_only=read_only)
    else:
        from rra_desktop.store import DealStore

        store = DealStore.open(location, read_only=read_only, backup=backup)
    store.location = location
    return store


def stored_state(location):
    """Everything a deal's store holds (a file's bytes; a server deal's records, trail and
    ``meta``), to show that a refused command wrote nothing."""
    from rra_desktop.store.copying import is_server

    if not is_server(str(location)):
        from pathlib import Path

        return Path(location).read_bytes()
    from sqlalchemy import text

    with open_location(location, read_only=True) as store, store.engine.connect() as conn:
        meta = sorted(conn.execute(text("SELECT key, value FROM meta")).all())
        return store.deal(), store.audit_entries(), meta


def shown(location) -> str:
    """How messages name a deal: its file, or its URL without the password."""
    from rra_desktop.store.copying import is_server

    if is_server(str(location)):
        from rra_desktop.store.server import parse_url

        return str(parse_url(str(location)).display)
    return str(location)
