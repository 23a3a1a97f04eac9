"""What every entry must be, wherever it comes from: a dialog, the command line, a JSON deal
file or a Schedule 1. The services run these checks on every record they write
(``services.base.write`` through ``services.entries``); the imports and the command line run the
same functions, so a value the services would refuse is refused everywhere, and named where it
is. Pure functions over values (no I/O), so that reading a file or an argument needs nothing else.

- Dates lie in 1900-2199. The agreement is of 2003 and its deadlines run for years, but a date
  of 9999 leaves no room to count Business Days forward (every later computation would fail),
  and a date of year 1 is a typing slip.
- Whole numbers fit the deal file (SQLite's 64-bit integers, up to 9,223,372,036,854,775,807).
- Text holds no control characters (NUL, ESC and the rest of C0 and C1; tab and line breaks
  are allowed in text that may run over lines, such as notes and address lines): they cannot
  be typed, print as nothing (or as terminal commands), and mean the text came from somewhere it
  should not have.
- Holder names are compared as a reader sees them (``name_key``): Unicode NFKC (so "ﬁ" is
  "fi" and a full-width "Ｘ" is "X"), invisible format characters (Unicode category Cf: zero-width
  space and joiners, soft hyphen, direction marks) removed, letters of other scripts that
  Unicode's confusables data draws like a Latin letter read as that letter (Cyrillic "Х" as
  "X"), case folded, spacing collapsed. Two Holders with the same key are one Holder typed twice:
  the second is refused.
- A homoglyph is refused, not just warned about: a name with a word that mixes Latin letters
  with letters of another script drawn like Latin ones ("Xmаrk" with a Cyrillic "а") is refused
  with the letters named,
  since it cannot be told from the Latin name on a letter or a screen and is almost always
  pasted in by accident (or forged). A name written wholly in Cyrillic or Greek is accepted.
- Which letters look alike, and which script a letter belongs to, come from the Unicode
  Consortium's own data (UTS #39 ``confusables.txt`` and ``Scripts.txt``) as the
  ``confusable_homoglyphs`` package ships them, not from a table written here. Only letters of
  a script other than Latin are read as Latin ones: within Latin (capital I and small l, O and
  the digit 0) Unicode's data also joins shapes that are different Holders' names ("Fund I" and
  "Fund 1"). Unicode lists small l, not capital I, as the shape of a capital Cyrillic or Greek I;
  a capital letter is read as the capital Latin letter drawn like the small one it names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum
from functools import cache, lru_cache
from itertools import repeat
from operator import is_
from typing import Any, cast

from rra_desktop.domain.model import Holder

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
LARGEST_INTEGER = 2**63 - 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # a tab is spacing
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line break
# fields whose text may run over several lines
_MULTILINE = frozenset({"notes", "note", "annotations", "address_lines", "description", "facts", "reason",
                        "override_reason", "document", "proceeding", "consent"})

def date_problem(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        return f"{day.isoformat()} is outside the years 1900-2199 the deal can count in"
    return None


def integer_problem(value: int) -> str | None:
    if not -LARGEST_INTEGER <= value <= LARGEST_INTEGER:
        return f"{value:,} is too large for the deal file (at most {LARGEST_INTEGER:,})"
    return None


def decimal_problem(value: Decimal) -> str | None:
    if not value.is_finite():
        return f"{value} is not an amount"
    if abs(value) >= Decimal(10) ** 15:
        return f"{value:,} is too large an amount (at most 999,999,999,999,999.99)"
    return None


def text_problem(value: str, multiline: bool = False) -> str | None:
    bad = (_CONTROL if multiline else _CONTROL_ONE_LINE).search(value)
    if bad is None:
        return None
    return f"contains the control character {_visible(bad.group())}, which cannot be stored; retype the text"


def _visible(char: str) -> str:
    name = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\n": "a line break", "\r": "CR"}  # a tab is allowed
    return name.get(char, f"U+{ord(char):04X}")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as ``\\x1b`` instead of sent."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def value_problem(value: object, name: str = "") -> str | None:
    """What is wrong with one value (of any type the model uses), or None. ``name`` is the field's
    (a text may run over lines in some). None, True and False, and an enum's member are fine as
    they are: a bool is an int in range, and the enums' values are words of the code."""
    if isinstance(value, Enum):
        return None
    if isinstance(value, str):
        return text_problem(value, name in _MULTILINE)
    if isinstance(value, int):
        return integer_problem(value)
    if isinstance(value, dt.date):
        return date_problem(value)
    if isinstance(value, Decimal):
        return decimal_problem(value)
    return None


@cache
def _fields(kind: Any) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def value_problems(record: object, path: str = "") -> list[tuple[str, str]]:
    """Every bad value in a record (a model dataclass, nested ones and tuples included) as
    ``(path, reason)``, the path as JSON names it (``address_lines[1]``)."""
    record_type: Any = type(record)
    names = _fields(record_type)
    written = _written_check(record_type) if names is not None else None
    if written is not None and written(record):
        return []  # the common case, decided in one call for a record of plain fields
    if names is not None and _clean(record, names):
        return []  # the common case, decided without building a path for every value
    out: list[tuple[str, str]] = []
    _walk(record, [path] if path else [], "", out)  # pragma: no mutate (a record has no field name of its own)
    return out


def quick_check(kind: type) -> Callable[[object], bool] | None:
    """For a record type of plain fields, a function that is True when a record of it holds no
    bad value (``value_problems`` is then empty; False: ask ``value_problems``), or None for
    any other type. What ``value_problems`` tries first, for a caller checking many records."""
    return _written_check(kind) if _fields(kind) is not None else None


_BIG_AMOUNT = Decimal(10) ** 15


@cache
def _written_check(kind: type) -> Callable[[object], bool] | None:
    """``_clean`` written out for one record type whose fields are all plain (text, tuples of
    text, whole numbers, booleans, dates, Decimals, enums; each optional or not), or None: one
    expression with each field's type and range, and one search for control characters over
    all its one-line text and one over its multi-line text (joined by spaces, which neither
    pattern matches, so joining neither makes nor hides a match). An import checks 100,000
    records. It is as strict as ``_clean`` or stricter (a value of another type than its field
    declares fails it; ``_clean`` then decides)."""
    import typing

    try:
        hints = typing.get_type_hints(kind)
    except (NameError, TypeError):
        return None
    env: dict[str, Any] = {"ONE": _CONTROL_ONE_LINE, "MULTI": _CONTROL, "LOW": -LARGEST_INTEGER,
                           "HIGH": LARGEST_INTEGER, "FIRST": FIRST_DAY, "LAST": LAST_DAY, "BIG": _BIG_AMOUNT,
                           "date": dt.date, "Decimal": Decimal, "is_": is_, "repeat": repeat}
    conditions: list[str] = []
    one: list[str] = []
    multi: list[str] = []
    names = _fields(kind) or ()
    for i, field in enumerate(names):
        hint, v = hints[field], f"v{i}"
        args = typing.get_args(hint)
        optional = type(None) in args
        base = next((a for a in args if a is not type(None)), hint) if optional else hint
        texts = multi if field in _MULTILINE else one
        if base is str:
            test = f"{v}.__class__ is str"
            texts.append(v)
        elif base is bool:
            test = f"{v}.__class__ is bool"
        elif base is int:
            test = f"({v}.__class__ is int and LOW <= {v} <= HIGH)"
        elif base is dt.date:
            test = f"({v}.__class__ is date and FIRST <= {v} <= LAST)"
        elif base is Decimal:
            test = f"({v}.__class__ is Decimal and {v}.is_finite() and abs({v}) < BIG)"
        elif isinstance(base, type) and issubclass(base, Enum):
            env[f"E{i}"] = base
            test = f"{v}.__class__ is E{i}"
        elif typing.get_origin(base) is tuple and typing.get_args(base)[:1] == (str,):
            test = f"({v}.__class__ is tuple and all(map(is_, map(type, {v}), repeat(str))))"  # each exactly str
            texts.append(f"*{v}")
        else:
            return None
        conditions.append(f"({v} is None or {test})" if optional else test)
        if optional and texts and texts[-1] in (v, f"*{v}"):
            texts[-1] = f"*(() if {v} is None else {'(' + v + ',)' if base is str else v})"
    searches = [f"{pattern}.search(' '.join(({', '.join(parts)},))) is None"
                for pattern, parts in (("ONE", one), ("MULTI", multi)) if parts]
    getters = "".join(f"    v{i} = record.{field}\n" for i, field in enumerate(names))
    source = f"def check(record):\n{getters}    return bool({' and '.join([*conditions, *searches]) or 'True'})\n"
    exec(source, env)  # the source is built from the model's own field names
    check: Callable[[object], bool] = env["check"]
    return check


def _clean(record: object, names: tuple[str, ...]) -> bool:
    """True when every value of the record is certainly fine; False means "look closer"
    (``_walk`` then names what is wrong, or finds nothing)."""
    for field in names:
        v = getattr(record, field)
        kind = type(v)
        if kind is str:
            if (_CONTROL if field in _MULTILINE else _CONTROL_ONE_LINE).search(v):
                return False
        elif kind is int:
            if not -LARGEST_INTEGER <= v <= LARGEST_INTEGER:
                return False
        elif v is None or kind is bool or isinstance(v, Enum):
            continue
        elif kind is dt.date:
            if not FIRST_DAY <= v <= LAST_DAY:
                return False
        elif kind is dt.datetime:
            if not FIRST_DAY <= v.date() <= LAST_DAY:
                return False
        elif kind is Decimal:
            if not (v.is_finite() and abs(v) < _BIG_AMOUNT):
                return False
        elif kind is tuple:
            pattern = _CONTROL if field in _MULTILINE else _CONTROL_ONE_LINE
            if not all(type(item) is str and pattern.search(item) is None for item in v):
                return False
        else:
            return False
    return True


def _path(parts: list[str]) -> str:
    return "".join(p if p.startswith("[") or i == 0 else f".{p}" for i, p in enumerate(parts))


def _walk(value: object, parts: list[str], name: str, out: list[tuple[str, str]]) -> None:
    kind: Any = type(value)
    if kind is str:  # the common case first: an import checks every text of 100,000 rows
        problem = text_problem(cast(str, value), name in _MULTILINE)
    elif value is None or kind is bool:
        return
    elif kind is tuple or kind is list:
        for i, item in enumerate(cast("tuple[object, ...]", value)):
            parts.append(f"[{i}]")
            _walk(item, parts, name, out)
            parts.pop()
        return
    else:
        names = _fields(kind)
        if names is not None:
            for field in names:
                parts.append(field)
                _walk(getattr(value, field), parts, field, out)
                parts.pop()
            return
        problem = value_problem(value, name)
    if problem:
        out.append((_path(parts), problem))


# Remembered per name: a Holder's edit compares its name with every other Holder's, and
# normalising 10,000 names on every edit is most of its time. The key depends on the text alone,
# so the remembered key is the same as a fresh one; the bound keeps a 100,000-row import small.
@lru_cache(maxsize=1 << 17)
def name_key(name: str) -> str:
    """A Holder's name as a reader sees it (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", name)
    folded = "".join(c for c in folded if unicodedata.category(c) != "Cf").translate(latin_look_alikes())
    return " ".join(folded.casefold().split())


@cache
def latin_look_alikes() -> dict[int, str]:
    """Every letter of a script other than Latin that Unicode's confusables data draws like a
    Latin letter (a to z, A to Z), mapped to that letter: a ``str.translate`` table. Read from
    ``confusable_homoglyphs`` once, when a name is first compared (not at start-up)."""
    from confusable_homoglyphs import categories, confusables

    data = confusables.confusables_data

    def latin(char: str) -> list[str]:
        return [g["c"] for g in data.get(char, ()) if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()]

    table = {}
    for char in data:
        if len(char) != 1 or not char.isalpha() or categories.alias(char) in ("LATIN", "COMMON", "INHERITED"):
            continue
        shapes = latin(char)
        if not shapes:
            continue
        same_case = [c for c in shapes if c.isupper() == char.isupper()]
        if char.isupper() and not same_case:  # "I" for a capital I that Unicode draws as small l
            same_case = [c for s in shapes for c in latin(s) if c.isupper()]
        table[ord(char)] = (same_case or shapes)[0]
    return table


def _script(char: str) -> str | None:
    """The script of a letter as Unicode's Scripts.txt names it (LATIN, CYRILLIC, ...)."""
    if not char.isalpha():
        return None
    from confusable_homoglyphs import categories

    script: str = categories.alias(char)
    return script


def script_problem(name: str) -> str | None:
    """A word that mixes Latin letters with letters of another script drawn like Latin ones (a
    homoglyph: "Xmаrk" with a Cyrillic "а"), or None. "Ωmega" passes: no Latin letter looks like Ω."""
    look_alikes = latin_look_alikes()
    for word in unicodedata.normalize("NFKC", name).split():
        if not any(_script(c) == "LATIN" for c in word):
            continue
        odd = sorted({f"{c!r} ({unicodedata.name(c, '?').title()})" for c in word
                      if ord(c) in look_alikes and _script(c) != "LATIN"})
        if odd:
            return (f"{word!r} mixes Latin letters with {', '.join(odd)}: it would look the same as a Latin "
                    "name on every letter; retype it in one alphabet")
    return None


def holder_name_problem(name: str, holders: Iterable[Holder], own_id: str | None = None) -> str | None:
    """Why ``name`` cannot be a Holder's name beside ``holders`` (a homoglyph, or the name of
    another Holder differing only in case, spacing, Unicode form or invisible characters)."""
    mixed = script_problem(name)
    if mixed:
        return mixed
    key = name_key(name)
    for h in holders:
        if h.id != own_id and name_key(h.name) == key:
            same = "" if h.name == name else " (it differs only in case, spacing, Unicode form or invisible characters)"
            return f"{name!r} is already a Holder of this deal as {h.name!r}{same}"
    return None
