"""The deal file's schema revisions, run with Alembic from inside the package (no alembic.ini).

Revisions are numbered "0001", "0002", ...; each sets ``PRAGMA user_version`` to its number so
that a file's schema can be read without Alembic (and a newer file refused before any write).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def head_schema() -> int:
    """The newest schema number this program knows."""
    return int(ScriptDirectory.from_config(alembic_config()).get_current_head())


def upgrade(connection, target: str = "head") -> None:
    """Bring the file on ``connection`` to ``target`` (inside the caller's transaction)."""
    command.upgrade(alembic_config(connection), target)
