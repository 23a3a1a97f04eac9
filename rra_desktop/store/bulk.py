"""Many new rows into one table, as fast as SQLite takes them.

SQLAlchemy's ``execute(table.insert(), rows)`` compiles and processes every parameter set
through its own machinery, which for an import of 100,000 rows costs several times the insert
itself. ``insert_rows`` converts each value with the column type's own bind processor (so a
date, a Decimal or a JSON column is stored exactly as SQLAlchemy would store it) and hands
plain tuples to the driver's ``executemany`` on the session's connection, inside its
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from operator import itemgetter
from typing import Any


@cache
def _plan(table, names: tuple[str, ...], dialect) -> tuple[str, tuple[Any, ...]]:
    columns = [table.c[n] for n in names]
    processors = tuple(_direct(c.type) or c.type.bind_processor(dialect) for c in columns)
    quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({quoted}) " \
          f"VALUES ({', '.join('?' * len(names))})"
    return sql, processors


def _direct(column_type):
    """The store's own text types bound without the TypeDecorator's wrapping (the same text:
    ``process_bind_param`` is all they do, their ``impl`` is a plain String)."""
    from rra_desktop.store.types import DecimalText, IsoDate

    if isinstance(column_type, IsoDate):  # and IsoDateTime
        return _iso
    if isinstance(column_type, DecimalText):
        return _text
    return None


def _iso(value):
    return None if value is None else value.isoformat()


def _text(value):
    return None if value is None else str(value)


def insert_rows(conn, table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name, all with the same keys) into ``table`` on the
    SQLAlchemy connection ``conn``. A column left out is NULL: the store's tables declare no
    Python-side defaults."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":  # a server store (PostgreSQL): SQLAlchemy's own insert is right there
        conn.execute(table.insert(), list(rows))
        return
    names = tuple(rows[0])
    sql, processors = _plan(table, names, conn.dialect)
    get = itemgetter(*names)
    convert = [(i, p) for i, p in enumerate(processors) if p is not None]
    if len(names) == 1:
        values: list = [(get(row),) for row in rows]
    elif not convert:
        values = [get(row) for row in rows]
    else:
        values = []
        for row in rows:
            v = list(get(row))
            for i, p in convert:
                v[i] = p(v[i])
            values.append(tuple(v))
    conn.exec_driver_sql(sql, values)
