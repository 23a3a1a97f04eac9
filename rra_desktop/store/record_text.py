"""Many new records in one pass each: the values their table stores and the text the trail keeps.

An import adds tens of thousands of records. Made the general way, each takes a ``to_row`` dict,
the bulk insert's conversions of it, and a sorted JSON encoding of it with a Python callback
for every date and Decimal (``codec.audit_json``), several times the insert itself. ``writer``
makes, once per table, a function written out for its fields that gives both from the record:

* the column values in ``RecordTable.fields`` order, converted as ``bulk.insert_rows`` converts
  them (the column type's own bind processor: the same stored value);
* the record's canonical JSON, the very text ``codec.audit_json`` gives (keys sorted, no spaces,
  non-ASCII kept): each field's text by the type of its value, text through the JSON encoder's
  own string escaping, anything else through the audit encoder itself.

A record the written-out function cannot take (a value of a type its field does not declare)
is made the general way instead, so the result never differs from ``codec``'s.

``BatchAdded`` is the audit trail's entry for many records added at once (see ``audit.append``
and ``trail.replay``): its "after" is the JSON array of the records' texts, which the trail
splits again (each element re-encoded canonically is the record's text).
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import repeat
from operator import is_
from typing import Any

from rra_desktop.store.bulk import _iso, _plan, _text
from rra_desktop.store.codec import _AUDIT_ENCODER, RecordTable, _is_enum, _is_json, field_hints, row_json, to_plain

_ENCODE_TEXT = json.encoder.encode_basestring  # what the audit encoder (ensure_ascii=False) does to text


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _date(value: dt.date) -> str:
    return f'"{value.isoformat()}"'


def _decimal(value: Decimal) -> str:
    return _ENCODE_TEXT(str(value))


# The JSON text of a plain value by its exact type (``_AUDIT_ENCODER`` for any other).
_BY_TYPE: dict[type, Any] = {str: _ENCODE_TEXT, int: int.__repr__, bool: _bool, type(None): lambda _: "null",
                             dt.date: _date, dt.datetime: _date, Decimal: _decimal}


def texts_text(values: list) -> str:
    """The JSON text of a list (address lines: text, written out), as the audit encoder gives it."""
    if all(map(is_, map(type, values), repeat(str))):  # each exactly str, tested without a call per item
        return "[" + ",".join(map(_ENCODE_TEXT, values)) + "]"
    return _AUDIT_ENCODER.encode(values)


def _stored_texts(values: list) -> str:
    """``json.dumps`` of a list of text (ASCII escapes, ", " between items), written out."""
    return "[" + ", ".join(map(_ENCODE_ASCII, values)) + "]"


_ENCODE_ASCII = json.encoder.encode_basestring_ascii
_SAMPLE_LISTS: tuple[list[str], ...] = ([], ["1 Main Street"], ["Zürich \"Nord\"", "line\tend\u200b", "\\", "北京"])


def _stores_as_json_dumps(processor) -> bool:
    """The JSON column's own processor gives ``_stored_texts``' text (it is ``json.dumps``
    unless the engine was given another serializer): tried on samples when the writer is made."""
    try:
        return processor is not None and all(processor(v) == _stored_texts(v) for v in _SAMPLE_LISTS)
    except Exception:  # a processor that takes no lists: not this one
        return False


def value_text(value: Any) -> str:
    encode = _BY_TYPE.get(value.__class__)
    return encode(value) if encode is not None else _AUDIT_ENCODER.encode(value)


@cache
def writer(spec: RecordTable, dialect, numbered: bool = False):
    """``record -> (column values, audit text)`` for ``spec``'s table (see the module docstring);
    the insert statement is ``bulk._plan`` of the fields and ``seq``. ``numbered``: ``(record,
    seq) -> (column values and seq, audit text)``, the row the insert takes made at once."""
    hints = field_hints(spec.record)
    fields = spec.fields
    _sql, processors = _plan(spec.table, (*fields, "seq"), dialect)
    env: dict[str, Any] = {"text": _ENCODE_TEXT, "value_text": value_text, "texts": texts_text, "to_plain": to_plain,
                           "stored_texts": _stored_texts,
                           "slow": _slow(spec, processors)}
    plain, stored, lists = [], [], set()
    for i, f in enumerate(fields):
        hint = hints[f]
        if _is_json(hint):
            args = typing.get_args(hint)
            simple = typing.get_origin(hint) is tuple and args and args[0] in (str, int)
            plain.append(f"list(v{i})" if simple else f"to_plain(v{i})")
            if simple:
                lists.add(f)
        elif _is_enum(hint):
            plain.append(f"(None if v{i} is None else str(v{i}))")  # as ``to_row``
        else:
            plain.append(f"v{i}")
        if processors[i] is _iso:  # a date's text, made once for the column and the trail
            stored.append(f"s{i}")
        elif processors[i] is _text:  # a Decimal's text: ``bulk._text`` written out
            stored.append(f"(None if r{i} is None else str(r{i}))")
        elif processors[i] is not None and _is_boolean(spec, f, processors[i]):  # ``int`` of a bool
            env[f"p{i}"] = processors[i]
            stored.append(f"(1 if r{i} is True else 0 if r{i} is False else p{i}(r{i}))")
        elif f in lists and _stores_as_json_dumps(processors[i]):
            stored.append(f"(stored_texts(r{i}) if all(map(is_, map(type, r{i}), repeat(str))) else p{i}(r{i}))")
            env[f"p{i}"] = processors[i]
        elif processors[i] is not None:
            env[f"p{i}"] = processors[i]
            stored.append(f"p{i}(r{i})")
        else:
            stored.append(f"r{i}")
    texts, dates = {}, {}
    env.update(date=dt.date, DATES=(dt.date, dt.datetime), int_text=int.__repr__, Decimal=Decimal, is_=is_,
               repeat=repeat)
    for i, f in enumerate(fields):
        r, hint = f"r{i}", hints[f]
        args = typing.get_args(hint)
        base = next((a for a in args if a is not type(None)), hint) if type(None) in args else hint
        # the common cases written out, each for a value of its field's own type (value_text
        # takes any other); an enum's value is text by now (``str`` above)
        if base is str or _is_enum(hint):
            texts[f] = f"(text({r}) if {r}.__class__ is str else value_text({r}))"
        elif processors[i] is _iso:  # a date or a date and time
            dates[i] = f"s{i} = None if {r} is None else {r}.isoformat()"
            texts[f] = f"(('\"' + s{i} + '\"') if {r}.__class__ in DATES else value_text({r}))"
        elif base is dt.date:
            texts[f] = f"(('\"' + {r}.isoformat() + '\"') if {r}.__class__ is date else value_text({r}))"
        elif base is int:
            texts[f] = f"(int_text({r}) if {r}.__class__ is int else value_text({r}))"
        elif base is bool:
            texts[f] = f"('true' if {r} is True else 'false' if {r} is False else value_text({r}))"
        elif f in lists:
            texts[f] = f"texts({r})"
        elif base is Decimal:  # its text has nothing JSON escapes
            texts[f] = f"(('\"' + str({r}) + '\"') if {r}.__class__ is Decimal else value_text({r}))"
        else:
            texts[f] = f"value_text({r})"
        if type(None) in args:
            texts[f] = f"('null' if {r} is None else {texts[f]})"
    # The text as one f-string of the keys (JSON-escaped names of fields: letters, digits and
    # underscores, so nothing in them needs quoting again) and each value's text made just before.
    lines, template = [], []
    for n, f in enumerate(sorted(fields)):
        key = ("{" if n == 0 else ",") + _ENCODE_TEXT(f) + ":"
        assert all(c.isalnum() or c in '{,":_' for c in key), key
        lines.append(f"t{n} = {texts[f]}")
        template.append(key.replace("{", "{{") + f"{{t{n}}}")
    names = ", ".join(f"v{i}" for i in range(len(fields)))
    getters = ", ".join(f"record.{f}" for f in fields)
    seq = ", seq" if numbered else ""
    source = (
        f"def write(record{seq}):\n"
        "    try:\n"
        f"        {names}, = {getters},\n"
        + "".join(f"        r{i} = {plain[i]}\n" for i in range(len(fields)))
        + "".join(f"        {line}\n" for line in (*dates.values(), *lines))
        + f"        return ({', '.join(stored)}{seq},), f'{''.join(template)}}}}}'\n"
        "    except (TypeError, AttributeError, ValueError):\n"
        f"        return slow(record{seq})\n"
    )
    exec(source, env)  # the source is built from the model's own field names
    return env["write"]


def _is_boolean(spec: RecordTable, name: str, processor) -> bool:
    """The column is a Boolean whose processor stores ``int`` of True and False (tried when the
    writer is made: 1 and 0, as SQLAlchemy stores them in SQLite)."""
    from sqlalchemy import Boolean

    if not isinstance(spec.table.c[name].type, Boolean):
        return False
    try:
        return processor(True) == 1 and processor(False) == 0 and type(processor(True)) is int
    except Exception:  # a processor that takes no bools: not this one
        return False


def _slow(spec: RecordTable, processors):
    """The general way (``to_row``, the processors, ``row_json``): for a record the written-out
    function refuses, so that the two never differ."""
    def write(record, *seq):
        row = spec.to_row(record)
        values = tuple(p(row[f]) if p is not None else row[f]
                       for f, p in zip(spec.fields, processors, strict=False))
        return (*values, *seq), row_json(row)

    return write


@dataclass(frozen=True)
class BatchAdded:
    """Records of one table added in one go, for one audit entry: ``row_ids`` and their texts."""

    table: str
    row_ids: list[str]
    texts: list[str]

    @property
    def label(self) -> str:
        """The entry's row id: which records, as the audit view lists it."""
        first, last, n = self.row_ids[0], self.row_ids[-1], len(self.row_ids)
        return first if n == 1 else f"{first} … {last} ({n:,} records)"

    @property
    def after(self) -> str:
        return "[" + ",".join(self.texts) + "]"


def split_batch(table_keys: tuple[str, ...], after: str) -> list[tuple[str, str]]:
    """``(row_id, text)`` of every record a ``BatchAdded`` entry's "after" holds."""
    out = []
    for record in json.loads(after):
        text = _AUDIT_ENCODER.encode(record)
        out.append(("/".join(str(record[k]) for k in table_keys) if table_keys else "1", text))
    return out
