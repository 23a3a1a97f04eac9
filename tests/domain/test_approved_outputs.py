"""Approved outputs of the rules engine: every field of every result, for a fixed set of scenarios.

The rule tests elsewhere in tests/domain pin each rule at its edges with worked dates. This one
pins everything else a paralegal reads — each deadline's title, trigger, party, calendar and
working; each 7(g) rule line; each blackout, coverage, Rule 144 and majority message — as they
were reviewed and approved. A change to any of them fails here and shows the difference.

When a change is intended, review the difference, then approve it:
    RRA_APPROVE=1 .venv/bin/python -m pytest tests/domain/test_approved_outputs.py
and commit the changed files under tests/domain/approved/ with the change that caused them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from tests.domain import approved_scenarios as scenarios

APPROVED = Path(__file__).with_name("approved")


def plain(value):
    """``value`` as JSON: dataclasses and named tuples field by field, dates in ISO form."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: plain(getattr(value, name)) for name in value._fields}
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, set | frozenset) else items
    return value


@pytest.mark.parametrize("name", sorted(scenarios.OUTPUTS))
def test_output_is_as_approved(name):
    got = json.dumps(plain(scenarios.OUTPUTS[name]()), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    path = APPROVED / f"{name}.json"
    if os.environ.get("RRA_APPROVE"):
        APPROVED.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no approved output {path.name}: run with RRA_APPROVE=1 once and review it"
    expected = path.read_text(encoding="utf-8")
    if got != expected:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                                 "approved", "now", n=2))[:120])
        pytest.fail(f"{name}: the rules engine's output differs from the approved one (module docstring says how "
                    f"to approve an intended change):\n{diff}")
