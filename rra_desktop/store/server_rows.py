"""A server deal's rows read by the deal file's code: the whole deal through a SQLAlchemy
connection (``read_deal_through``), and ``trail``'s ``sqlite3`` queries on a psycopg connection
(``_Compat``), so that ``audit --verify`` runs the very checks it runs on a deal file."""

from __future__ import annotations

import re

from rra_desktop.domain.model import Deal
from rra_desktop.store.codec import RECORD_TABLES, TERMS


def read_deal_through(conn) -> tuple[Deal, bool]:
    """The deal a SQLAlchemy connection sees (inside its transaction, so a unit of work sees its
    own steps' writes), and whether its terms row is stored."""
    from sqlalchemy import select

    from rra_desktop.store.collecting import kept_records
    from rra_desktop.store.snapshot import empty_terms

    parts = {}
    for spec in (TERMS, *RECORD_TABLES):
        cols = [spec.table.c[f] for f in spec.fields]
        query = select(*cols).where(spec.table.c.id == 1) if spec is TERMS else \
            select(*cols).order_by(spec.table.c.seq)
        parts[spec.name] = kept_records(conn.execute(query).fetchmany, spec.from_values)
    terms = parts.pop(TERMS.name)
    return Deal(terms[0] if terms else empty_terms(), **parts), bool(terms)


class _Compat:
    """``trail``'s queries, written for ``sqlite3``, on a psycopg connection: ``?`` placeholders,
    ``PRAGMA table_info`` and the ``user`` column (a reserved word in PostgreSQL)."""

    _TABLE_INFO = re.compile(r'PRAGMA table_info\("(\w+)"\)')

    def __init__(self, con):
        self.con = con

    def execute(self, sql: str, params=()):
        found = self._TABLE_INFO.match(sql)
        if found:
            rows = self.con.execute("SELECT ordinal_position, column_name, data_type FROM information_schema.columns "
                                    "WHERE table_schema = current_schema() AND table_name = %s "
                                    "ORDER BY ordinal_position", (found[1],)).fetchall()
            # JSON and booleans arrive decoded from psycopg: named so that trail decodes nothing
            return [(i, name, f"PG_{kind.upper()}") for i, name, kind in rows]
        sql = re.sub(r"(?<![\w\"])user(?![\w\"])", '"user"', sql.replace("?", "%s"))
        return self.con.execute(sql, params)
