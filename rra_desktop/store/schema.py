"""The deal file's schema revisions, run with Alembic from inside the package (no alembic.ini).

Revisions are numbered "0001", "0002", ...; each sets ``PRAGMA user_version`` to its number so
that a file's schema can be read without Alembic (and a newer file refused before any write).
Alembic (about a tenth of a second to import) is therefore imported only to migrate a file;
opening a current one compares its ``user_version`` with ``HEAD_SCHEMA``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"

# The newest revision under migrations/versions; tests/store/test_startup_store.py checks it
# against Alembic's own head, so adding a revision without bumping this fails the suite.
HEAD_SCHEMA = 11


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_schema() -> int:
    """The newest schema number this program knows."""
    return HEAD_SCHEMA


def alembic_head() -> int:
    """The head revision as Alembic finds it in migrations/versions (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("migrations/versions holds no revision")
    return int(head)


def upgrade(connection, target: str = "head") -> None:
    """Bring the file on ``connection`` to ``target`` (inside the caller's transaction)."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


# -- what differs between the SQLite file and a PostgreSQL server (``server``) ----------------------
def set_version(op, number: int) -> None:
    """A revision's last step: the schema number. SQLite keeps it in ``PRAGMA user_version`` (read
    without Alembic); on PostgreSQL Alembic's own ``alembic_version`` row in the deal's schema is it."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def append_only(op, table: str) -> None:
    """Triggers refusing UPDATE and DELETE on ``table`` (the audit trail), in either dialect."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                       "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
        return
    op.execute("CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
               "$$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$")
    op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
               "FOR EACH ROW EXECUTE FUNCTION refuse_change()")


def sqlite_of(op) -> sqlite3.Connection:
    """The deal file's own sqlite3 connection under Alembic's (for the steps that replay the
    audit trail, which SQLite files alone have)."""
    con = op.get_bind().connection.driver_connection
    if not isinstance(con, sqlite3.Connection):
        raise TypeError(f"a SQLite deal file was expected, not {type(con).__name__}")
    return con


def put_meta(op, key: str, value: str) -> None:
    """Insert or replace one ``meta`` row (the same SQL on SQLite and PostgreSQL)."""
    import sqlalchemy as sa

    op.get_bind().execute(sa.text("INSERT INTO meta (key, value) VALUES (:k, :v) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})
