"""Records to rows and back: which table holds each kind of record, and how its values map.

Scalar fields go to columns of the same name (dates and Decimals through the column types);
tuples and nested records go to JSON columns as plain values. The same plain form is what the
audit trail keeps as "before" and "after".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import types
import typing
from decimal import Decimal
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any, NamedTuple

from rra_desktop.domain import model


def to_plain(value: Any) -> Any:
    """A model value as JSON-ready data (dates ISO, Decimals as exact text, tuples as lists)."""
    if value is None or isinstance(value, bool | int | str):
        return str(value) if isinstance(value, Enum) else value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):  # dates and datetimes
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    kind: type = type(value)
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    raise TypeError(f"cannot store {type(value).__name__}")


def from_plain(value: Any, hint: Any) -> Any:
    """The inverse of ``to_plain`` for a field whose annotation is ``hint``."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return from_plain(value, next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(from_plain(v, item) for v in value)
    if hint is Decimal:
        return Decimal(value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = field_hints(hint)
        # Keys a later version dropped are ignored; fields it added take their defaults.
        return hint(**{k: from_plain(v, hints[k]) for k, v in value.items() if k in hints})
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@cache
def field_hints(cls: type) -> dict[str, Any]:
    """Each field's type, its annotation's text evaluated as ``typing.get_type_hints(cls,
    vars(model))`` would (in the class's module, the model's names beside): that function compiles
    every annotation anew, some 190 compiles on every open for texts that repeat ("str",
    "dt.date | None"); the same text in the same module is evaluated once here."""
    return {f.name: _evaluated(f.type, cls.__module__) if isinstance(f.type, str) else f.type
            for f in dataclasses.fields(cls)}


@cache
def _evaluated(annotation: str, module: str) -> Any:
    return eval(annotation, vars(sys.modules[module]), vars(model))  # the model's own annotations


def _is_json(hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_is_json(a) for a in typing.get_args(hint) if a is not type(None))
    return origin is tuple or dataclasses.is_dataclass(hint)


_AS_STORED = (str, int, float, bool)  # the hints ``from_plain`` returns the value unchanged for


def _reader(hint: Any):
    """How a column value becomes the field's value (None: already right)."""
    if _is_json(hint):
        if typing.get_origin(hint) is tuple and typing.get_args(hint)[0] in _AS_STORED:
            # ``from_plain`` of a tuple of text or numbers is ``tuple`` of the JSON list (each item
            # passes through as it is): the same value, without a call per item (address lines of
            # 10,000 Holders are read on every open)
            return tuple
        return lambda v, h=hint: from_plain(v, h)
    base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
    if isinstance(base, type) and issubclass(base, Enum):
        # A dict lookup (Enum(value) is slow for 100,000 rows) that refuses an unknown value.
        return {None: None, **{m.value: m for m in base}}.__getitem__
    return None


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class RecordTable(NamedTuple):
    """Where one kind of record lives: ``name`` is both the ``Deal`` field and the table."""

    name: str
    record: type
    orm_name: str  # the class in ``tables``, looked up when first needed: reading needs no SQLAlchemy
    keys: tuple[str, ...]

    @property
    def orm(self) -> type:
        from rra_desktop.store import tables

        return getattr(tables, self.orm_name)

    @property
    def table(self):
        return self.orm.__table__

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(self.record))

    def key_of(self, record) -> tuple:
        return tuple(getattr(record, k) for k in self.keys)

    def row_id(self, key: tuple) -> str:
        """The key as the audit trail names it ("rs-1/h-ota" for a two-part key)."""
        return "/".join(str(k) for k in key) if key else "1"

    def to_row(self, record) -> dict[str, Any]:
        names, get, json_columns, enum_columns = _columns(self)
        row = dict(zip(names, get(record), strict=True))
        for f in json_columns:
            row[f] = to_plain(row[f])
        for f in enum_columns:
            if row[f] is not None:
                row[f] = str(row[f])
        return row

    @property
    def from_values(self):
        """A function from column values (in ``fields`` order) to the record."""
        return _builder(self)


@cache
def _columns(spec: RecordTable):
    """The record's fields, a getter of all their values at once, the fields whose column holds
    JSON and those holding an enum (worked out once per table: an import writes 100,000 rows)."""
    hints = field_hints(spec.record)
    names = spec.fields
    get = attrgetter(*names) if len(names) > 1 else (lambda r, n=names[0]: (getattr(r, n),))
    json_columns = tuple(f for f in names if _is_json(hints[f]))
    return names, get, json_columns, tuple(f for f in names if f not in json_columns and _is_enum(hints[f]))


def _is_enum(hint: Any) -> bool:
    base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
    return isinstance(base, type) and issubclass(base, Enum)


@cache
def _builder(spec: RecordTable):
    hints = field_hints(spec.record)
    readers = [_reader(hints[f]) for f in spec.fields]
    cls = spec.record
    if not any(readers):
        return lambda values: cls(*values)
    pairs = list(enumerate(readers))
    # A list of (index, reader) only for the fields that need converting keeps 100,000 ledger
    # rows fast: most fields pass through untouched.
    convert = [(i, r) for i, r in pairs if r is not None]

    def build(values):
        values = list(values)
        for i, r in convert:
            values[i] = r(values[i])
        return cls(*values)

    return build


TERMS = RecordTable("terms", model.AgreementTerms, "TermsRow", ())

# In the order ``Deal`` lists them (and the snapshot reads them).
RECORD_TABLES: tuple[RecordTable, ...] = (
    RecordTable("securities", model.SecurityClass, "SecurityRow", ("code",)),
    RecordTable("holders", model.Holder, "HolderRow", ("id",)),
    RecordTable("positions", model.PositionEntry, "PositionRow", ("id",)),
    RecordTable("facts", model.TimelineFact, "FactRow", ("id",)),
    RecordTable("blackouts", model.BlackoutPeriod, "BlackoutRow", ("id",)),
    RecordTable("registrations", model.RegistrationStatement, "RegistrationRow", ("id",)),
    RecordTable("selling_info", model.SellingStockholderInfo, "SellingInfoRow", ("registration_id", "holder_id")),
    RecordTable("piggyback_requests", model.PiggybackRequest, "PiggybackRequestRow", ("id",)),
    RecordTable("instruments", model.Instrument, "InstrumentRow", ("id",)),
    RecordTable("assignments", model.Assignment, "AssignmentRow", ("id",)),
    RecordTable("claims", model.Claim, "ClaimRow", ("id",)),
    RecordTable("notices", model.NoticeRecord, "NoticeRow", ("id",)),
    RecordTable("completions", model.Completion, "CompletionRow", ("deadline_key",)),
    RecordTable("expenses", model.Expense, "ExpenseRow", ("id",)),
    RecordTable("objections", model.Objection, "ObjectionRow", ("id",)),
    RecordTable("address_changes", model.AddressChange, "AddressChangeRow", ("id",)),
)

BY_NAME = {spec.name: spec for spec in (TERMS, *RECORD_TABLES)}
BY_RECORD = {spec.record: spec for spec in (TERMS, *RECORD_TABLES)}


def spec_for(record_or_name) -> RecordTable:
    if isinstance(record_or_name, str):
        return BY_NAME[record_or_name]
    if isinstance(record_or_name, type):
        return BY_RECORD[record_or_name]
    return BY_RECORD[type(record_or_name)]


def audit_json(record) -> str | None:
    """A record as the audit trail keeps it: canonical JSON (sorted keys) or None. The text is
    ``json.dumps(to_plain(record))``; it is made from the record's row (``to_row``: the JSON
    columns already plain), the dates and Decimals left to ``_plain_scalar``, which is the same
    text for a fraction of the work."""
    if record is None:
        return None
    spec = BY_RECORD.get(type(record))
    return row_json(spec.to_row(record) if spec is not None else to_plain(record))


def row_json(row: dict[str, Any]) -> str:
    """``audit_json`` of the record whose ``to_row`` is ``row``."""
    return _AUDIT_ENCODER.encode(row)


def _plain_scalar(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


# one encoder for every audit text (``json.dumps`` with options builds a new one per call)
_AUDIT_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain_scalar)
