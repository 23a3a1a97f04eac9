"""Reading a whole deal: plain ``sqlite3`` rows straight into the model's dataclasses.

No ORM objects are loaded: for a deal of 10,000 Holders and 100,000 ledger rows that is the
difference between a fraction of a second and several seconds (and hundreds of MB). Nor is
SQLAlchemy used at all: importing it costs more than the rest of the GUI's start-up, and a
snapshot needs only ``SELECT`` and the column decoding that ``types.py`` defines for writes
(Decimals and dates as text, tuples and nested records as JSON, booleans as 0/1).
tests/store/test_startup_store.py checks that this reads exactly what SQLAlchemy reads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import types
import typing
from decimal import Decimal
from functools import cache

from rra_desktop.domain.model import AgreementTerms, CalendarName, Deal, Party
from rra_desktop.store.codec import RECORD_TABLES, TERMS, RecordTable, _is_json, field_hints
from rra_desktop.store.codec import _reader as _field_reader
from rra_desktop.store.collecting import PROMOTE_EVERY, kept_records
from rra_desktop.store.errors import MalformedValue


# What SQLAlchemy's column types (``types.TYPE_ANNOTATION_MAP``) do to a stored value, by the
# field's type; the codec's ``from_values`` then does the rest (JSON to records, text to enums).
def _whole_number(value):
    """An INTEGER column's value must be one (SQLite keeps text in it when told to)."""
    if type(value) is not int:
        raise ValueError(f"{value!r} is not a whole number")
    return value


_COLUMN_DECODERS = {
    int: _whole_number,
    Decimal: Decimal,
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    bool: bool,
}


# what ``json.loads`` runs, a decoder configured as its default one (typeshed omits the attribute)
_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _from_json(text):
    """``json.loads(text)``: the default decoder's own scanner called directly (one call where
    ``json.loads`` makes four: the Holders' address lines are read on every open); text it
    does not take whole (leading or trailing space, bytes, an error) goes to ``json.loads``."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError, TypeError):
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def column_decoder(hint):
    """How the column for a field of type ``hint`` decodes its non-NULL value (None: as stored)."""
    if _is_json(hint):
        return _from_json
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    return _COLUMN_DECODERS.get(hint)


@cache
def _select(spec: RecordTable) -> str:
    """The SELECT of every field of ``spec``'s table, in field order and the table's order."""
    columns = ", ".join(f'"{f}"' for f in spec.fields)
    return f'SELECT {columns} FROM "{spec.name}" ' + ("WHERE id = 1" if spec is TERMS else "ORDER BY seq")


@cache
def _reader(spec: RecordTable):
    """The SELECT for one table and the function that builds a record from one of its rows."""
    hints = field_hints(spec.record)
    fields, cls, new = spec.fields, spec.record, object.__new__
    sql = _select(spec)

    # One function made per table, with each field's decoding written out: no loop, no list,
    # no per-field object.__setattr__ of the frozen dataclass's __init__ (every field is given and
    # the model has no __post_init__, so filling the record's __dict__ or slots is what that
    # __init__ does). For 100,000 ledger rows this is about half the time of a loop over the
    # decoders; a slots record (the ledger's, the Holders') is one object for the cyclic
    # collector to walk instead of two (itself and its __dict__).
    # Per field, the column's decoding then the record's (JSON to records, text to enums).
    env = {"new": new, "cls": cls, "whole": _whole_number}
    items, values = [], []
    for i, f in enumerate(fields):
        column, field = column_decoder(hints[f]), _field_reader(hints[f])
        if column is _whole_number and field is None:
            value = f"(v{i} if v{i}.__class__ is int or v{i} is None else whole(v{i}))"
        elif column is not None and field is not None:  # both written out: no composed function
            env[f"c{i}"], env[f"d{i}"] = column, field
            value = f"(None if v{i} is None else d{i}(c{i}(v{i})))"
        elif column is not None or field is not None:
            env[f"d{i}"] = column or field
            value = f"(None if v{i} is None else d{i}(v{i}))"
        else:
            value = f"v{i}"
        values.append(value)
        items.append(f"{f!r}: {value}")
    names = "".join(f"v{i}, " for i in range(len(fields)))
    fill = _fill_class(cls)
    if fill is not None:
        # Made as a plain class with the record's slots (each value stored as any attribute is,
        # not through a call to the frozen slot's descriptor), then given the record's class: the
        # same object ``cls(...)`` makes, about a third faster to make.
        env["fill"] = fill
        sets = "".join(f"    obj.{f} = {value}\n" for f, value in zip(fields, values, strict=True))
        source = (f"def record(row):\n    {names}= row\n    obj = new(fill)\n{sets}"
                  "    obj.__class__ = cls\n    return obj\n")
    elif "__slots__" in vars(cls):  # no __dict__: each slot set through its own descriptor
        env.update((f"s{i}", getattr(cls, f).__set__) for i, f in enumerate(fields))
        sets = "".join(f"    s{i}(obj, {value})\n" for i, value in enumerate(values))
        source = f"def record(row):\n    {names}= row\n    obj = new(cls)\n{sets}    return obj\n"
    else:
        source = (f"def record(row):\n    {names}= row\n    obj = new(cls)\n"
                  f"    obj.__dict__.update({{{', '.join(items)}}})\n    return obj\n")
    exec(source, env)  # the source is built from the model's own field names
    return sql, env["record"]


def _fill_class(cls):
    """A plain class with exactly ``cls``'s slots, whose instances can take ``cls`` as their class
    (``obj.__class__ = cls``: Python allows it between classes of the same layout), or None
    when ``cls`` has no slots of its own or Python refuses the change."""
    slots = vars(cls).get("__slots__")
    if slots is None or any(f not in slots for f in (f.name for f in dataclasses.fields(cls))):
        return None
    fill = type(f"{cls.__name__}Fill", (), {"__slots__": tuple(slots), "__module__": __name__})
    try:
        object.__new__(fill).__class__ = cls
    except TypeError:
        return None
    return fill


@cache
def _stepwise(spec: RecordTable):
    """The records ``_reader``'s function makes, each value decoded by a call in a loop, through
    the record's own constructor: for a table of a few rows, writing and compiling that function
    costs more than it saves (the seventeen tables of a small deal: a sixtieth of the window's
    start)."""
    hints = field_hints(spec.record)
    steps = [_then(column_decoder(hints[f]), _field_reader(hints[f])) for f in spec.fields]
    cls = spec.record

    def record(row):
        return cls(*[v if step is None or v is None else step(v) for step, v in zip(steps, row, strict=True)])

    return record


def _then(column, field):
    """The column's decoding, then the record's (either may be None: nothing to do)."""
    if column is None or field is None:
        return column or field
    return lambda value: field(column(value))


# Up to this many rows a table is read stepwise (``_stepwise``), more through its compiled reader.
STEPWISE_ROWS = 64


def read_records(con: sqlite3.Connection, spec: RecordTable) -> tuple:
    """Every record of ``spec``'s table in order; the records kept are moved into the collector's
    oldest generation every ``PROMOTE_EVERY`` of them (``collecting``: no full walks set off by
    the read)."""
    try:
        cursor = con.execute(_select(spec))
        first = cursor.fetchmany(PROMOTE_EVERY)  # the batch ``kept_records`` would take first
        if len(first) <= STEPWISE_ROWS:
            return tuple(map(_stepwise(spec), first))
        pending = [first]
        return kept_records(lambda n: pending.pop() if pending else cursor.fetchmany(n), _reader(spec)[1])
    except _MALFORMED:
        raise _locate(con, spec) from None


# What a value its column cannot hold raises when decoded (a date that is not one, bad JSON, an
# unknown kind, a number that is text, a JSON shape the record does not take).
_MALFORMED = (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, IndexError)


def _locate(con: sqlite3.Connection, spec: RecordTable) -> MalformedValue:
    """Which row and column of ``spec``'s table hold the malformed value (found again, slowly:
    only after reading the table failed)."""
    sql, build = _reader(spec)
    hints = field_hints(spec.record)
    for values in con.execute(sql):
        try:
            build(values)
        except _MALFORMED as exc:
            row_id = "/".join(str(values[spec.fields.index(k)]) for k in spec.keys) or "1"
            for i, f in enumerate(spec.fields):
                column, field = column_decoder(hints[f]), _field_reader(hints[f])
                try:
                    value = values[i] if column is None or values[i] is None else column(values[i])
                    if field is not None:
                        field(value)
                except _MALFORMED:
                    return MalformedValue(spec.name, row_id, f, f"{values[i]!r}"[:80])
            return MalformedValue(spec.name, row_id, "?", f"{type(exc).__name__}: {exc}"[:120])
    return MalformedValue(spec.name, "?", "?", "unreadable")


def read_deal(con: sqlite3.Connection) -> Deal:
    """The whole deal as stored. Call inside one read transaction, so the parts agree."""
    terms = read_records(con, TERMS)
    return Deal(terms[0] if terms else empty_terms(), **{spec.name: read_records(con, spec) for spec in RECORD_TABLES})


def patched(deal: Deal | None, rows) -> Deal | None:
    """``deal`` after ``rows`` (``RowChange``s) when they only edit records in place (or the
    terms): each record replaced where it stands, so the order by ``seq`` is kept. None when they
    add or remove one (where a record goes in the order is the table's to say: read it again)."""
    import dataclasses

    if deal is None or any(rc.before is None or rc.after is None for rc in rows):
        return None
    by_table: dict[str, dict] = {}
    for rc in rows:
        by_table.setdefault(rc.table, {})[rc.key] = rc.after
    changes = {}
    for table, edits in by_table.items():
        if table == TERMS.name:
            changes["terms"] = next(reversed(edits.values()))
            continue
        spec = next(s for s in RECORD_TABLES if s.name == table)
        records, found = list(getattr(deal, table)), 0
        for i, record in enumerate(records):
            key = spec.key_of(record)
            if key in edits:
                records[i], found = edits[key], found + 1
                if found == len(edits):
                    break
        if found != len(edits):
            return None
        changes[table] = tuple(records)
    return dataclasses.replace(deal, **changes)


def empty_terms(today: dt.date | None = None) -> AgreementTerms:
    """Terms for a new, empty deal: blank parties and today's date for the agreement dates
    (the paralegal edits them first); the Section 2 figures keep the model's defaults."""
    today = today or dt.date.today()
    blank = Party(name="")
    return AgreementTerms(
        title="New deal",
        agreement_date=today,
        purchase_agreement_date=today,
        closing_date=None,
        company=blank,
        company_counsel=blank,
        holders_counsel=blank,
        calendar=CalendarName.FEDERAL_RESERVE,
    )
