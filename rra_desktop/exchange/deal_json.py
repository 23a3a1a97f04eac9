"""The deal exchange file: a whole deal as versioned JSON, described by a JSON Schema.

The format is the plain serialisation of ``rra_desktop.domain.model.Deal`` inside an envelope
that names the format and its version. Validation is pydantic's over the same dataclasses, so
the schema, the parser and the model can never drift apart; every error carries the path of the
offending value (``holders[3].fax``) and a reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rra_desktop.domain.model import Deal

FORMAT = "rra-desk-deal"
VERSION = 1


@dataclass(frozen=True)
class ExchangeProblem:
    """One thing wrong with an exchange file: where (a JSON path) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class DealFileInvalid(ValueError):
    """An exchange file that cannot be imported; ``problems`` lists every error."""

    def __init__(self, source: str, problems: list[ExchangeProblem]):
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source} is not a valid deal file ({len(problems)} problem(s)):\n{lines}")


@cache
def _adapter():
    from pydantic import TypeAdapter  # imported lazily: only import/export need it

    return TypeAdapter(Deal)


def deal_to_json(deal: Deal) -> dict[str, Any]:
    """The deal as a JSON-ready dict inside the versioned envelope."""
    return {"format": FORMAT, "version": VERSION, "deal": _adapter().dump_python(deal, mode="json")}


def _format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def deal_from_json(data: Any, source: str = "deal file") -> Deal:
    """Parse and validate an exchange document; raise ``DealFileInvalid`` listing every
    problem, so that nothing is imported from a file with any error."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise DealFileInvalid(source, [ExchangeProblem("", "the top level must be a JSON object")])
    problems: list[ExchangeProblem] = []
    if data.get("format") != FORMAT:
        problems.append(ExchangeProblem("format", f"must be {FORMAT!r}, found {data.get('format')!r}"))
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        problems.append(ExchangeProblem("version", f"must be a positive whole number, found {version!r}"))
    elif version > VERSION:
        problems.append(
            ExchangeProblem("version", f"{version} was written by a newer RRA Desk (this one reads up to {VERSION})")
        )
    if "deal" not in data:
        problems.append(ExchangeProblem("deal", "missing"))
    if problems:
        raise DealFileInvalid(source, problems)
    try:
        deal = _adapter().validate_python(data["deal"])
    except ValidationError as exc:
        raise DealFileInvalid(
            source,
            [ExchangeProblem(_format_loc(("deal", *err["loc"])), err["msg"]) for err in exc.errors()],
        ) from None
    _check_references(deal, source)
    return deal


def _check_references(deal: Deal, source: str) -> None:
    """Ids must be unique and every cross-reference must name something in the deal."""
    problems: list[ExchangeProblem] = []
    holder_ids = [h.id for h in deal.holders]
    seen: set[str] = set()
    for i, hid in enumerate(holder_ids):
        if hid in seen:
            problems.append(ExchangeProblem(f"deal.holders[{i}].id", f"duplicate id {hid!r}"))
        seen.add(hid)
    codes = {s.code for s in deal.securities}
    for i, p in enumerate(deal.positions):
        if p.holder_id not in seen:
            problems.append(ExchangeProblem(f"deal.positions[{i}].holder_id", f"no Holder with id {p.holder_id!r}"))
        if p.security not in codes:
            problems.append(ExchangeProblem(f"deal.positions[{i}].security", f"no security class {p.security!r}"))
    for i, a in enumerate(deal.assignments):
        for attr in ("transferor_id", "transferee_id"):
            if getattr(a, attr) not in seen:
                problems.append(
                    ExchangeProblem(f"deal.assignments[{i}].{attr}", f"no Holder with id {getattr(a, attr)!r}")
                )
    if problems:
        raise DealFileInvalid(source, problems)


def read_deal_json(path: Path) -> Deal:
    """Read an exchange file from disk (UTF-8 JSON)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DealFileInvalid(str(path), [ExchangeProblem("", f"not UTF-8 text ({exc.reason})")]) from None
    except json.JSONDecodeError as exc:
        raise DealFileInvalid(
            str(path), [ExchangeProblem("", f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")]
        ) from None
    return deal_from_json(data, source=str(path))


def write_deal_json(deal: Deal, path: Path) -> None:
    """Write an exchange file (UTF-8, indented, keys in model order)."""
    text = json.dumps(deal_to_json(deal), indent=2, ensure_ascii=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the exchange file (shipped as resources/deal.schema.json)."""
    deal_schema = _adapter().json_schema()
    defs = deal_schema.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RRA Desk deal exchange file",
        "type": "object",
        "required": ["format", "version", "deal"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": VERSION},
            "deal": deal_schema,
        },
        "$defs": defs,
    }
