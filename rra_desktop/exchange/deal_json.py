"""The deal exchange file: a whole deal as versioned JSON, described by a JSON Schema.

The format is the plain serialisation of ``rra_desktop.domain.model.Deal`` inside an envelope
that names the format and its version. Validation is pydantic's over the same dataclasses, so
the schema, the parser and the model can never drift apart; every error carries the path of the
offending value (``deal.holders[3].fax``) and a reason.

Validation is strict (a count written as the string ``"5"`` is refused, as the schema says) and
unknown keys are refused: a misspelt optional field would otherwise be dropped silently and the
deal would import without it.

Past the types, every record runs the checks the services run when a person enters it
(``services.entries.deal_problems``): no negative issuance, no Holder without a name or with
another Holder's name retyped, no blackout ending before it starts, no date outside 1900-2199,
no number too large to store, no control characters. A file nested deeper than any deal file
(so deep that it cannot be read) is refused at the line and column where it passes
``MAX_DEPTH`` levels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from rra_desktop.domain.model import Deal
from rra_desktop.outputs import write_private
from rra_desktop.resources import resource

MAX_DEPTH = 64  # a deal file nests about 6 deep; nothing legitimate comes near this
FORMAT = "rra-desk-deal"
VERSION = 1
SCHEMA_FILE = resource("deal.schema.json")

# pydantic's wording is written for programmers; a paralegal reads these instead.
_REASONS = {"Unexpected keyword argument": "unknown field (not part of the deal file format)"}


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
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        super().__init__(f"{source} is not a valid deal file ({count}):\n{lines}")


@cache
def _box():
    """A pydantic model holding the deal: its config (strict, no unknown keys) reaches every
    nested dataclass of the model, which a bare TypeAdapter over a dataclass cannot do."""
    from pydantic import BaseModel, ConfigDict  # imported lazily: only import/export need it

    class DealBox(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)
        deal: Deal

    return DealBox


def deal_to_json(deal: Deal) -> dict[str, Any]:
    """The deal as a JSON-ready dict inside the versioned envelope."""
    dumped = _box().model_construct(deal=deal).model_dump(mode="json")
    return {"format": FORMAT, "version": VERSION, "deal": dumped["deal"]}


def _format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _envelope_problems(data: dict[str, Any]) -> list[ExchangeProblem]:
    problems: list[ExchangeProblem] = []
    if data.get("format") != FORMAT:
        problems.append(ExchangeProblem("format", f"must be {FORMAT!r}, found {data.get('format')!r}"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(ExchangeProblem("version", f"must be a positive whole number, found {version!r}"))
    elif version > VERSION:
        problems.append(
            ExchangeProblem("version", f"{version} was written by a newer RRA Desk (this one reads up to {VERSION})")
        )
    if "deal" not in data:
        problems.append(ExchangeProblem("deal", "missing"))
    for key in sorted(set(data) - {"format", "version", "deal"}):
        problems.append(ExchangeProblem(str(key), _REASONS["Unexpected keyword argument"]))
    return problems


def deal_from_json(data: Any, source: str = "deal file") -> Deal:
    """Parse and validate an exchange document; raise ``DealFileInvalid`` listing every
    problem, so that nothing is imported from a file with any error."""
    from pydantic import ValidationError

    from rra_desktop.domain.form_of_agreement import with_form_roles
    from rra_desktop.domain.registration_facts import fold_registration_facts
    from rra_desktop.exchange.references import reference_problems

    if not isinstance(data, dict):
        raise DealFileInvalid(source, [ExchangeProblem("", "the top level must be a JSON object")])
    problems = _envelope_problems(data)
    if problems:
        raise DealFileInvalid(source, problems)
    deep = _too_deep_path(data["deal"], "deal")
    if deep:
        raise DealFileInvalid(source, [ExchangeProblem(deep, f"nested more than {MAX_DEPTH} levels deep; "
                                                             "not part of a deal file")])
    try:
        # Through JSON text so that strict mode reads dates and decimals as JSON writes them.
        deal = _box().model_validate_json(json.dumps({"deal": data["deal"]})).deal
    except ValidationError as exc:
        raise DealFileInvalid(
            source,
            [ExchangeProblem(_format_loc(err["loc"]), _REASONS.get(err["msg"], err["msg"])) for err in exc.errors()],
        ) from None
    except RecursionError:
        raise DealFileInvalid(source, [ExchangeProblem("deal", "nested too deep to be a deal file")]) from None
    problems = reference_problems(deal)
    if problems:
        raise DealFileInvalid(source, problems)
    from rra_desktop.services.entries import deal_problems

    problems = [ExchangeProblem(f"deal.{path}", reason) for path, reason in deal_problems(deal)]
    folded = fold_registration_facts(deal)  # a file from before the registration record held its dates
    roles = with_form_roles(folded.securities)  # a file from before the classes carried labels and roles
    if roles is not folded.securities:
        folded = replace(folded, securities=roles)
    if folded is not deal:
        problems += [ExchangeProblem(f"deal.{path}", reason) for path, reason in deal_problems(folded)
                     if path.startswith("registrations[")]
    if problems:
        raise DealFileInvalid(source, problems)
    return folded


def _too_deep_path(value: Any, path: str, limit: int = MAX_DEPTH) -> str | None:
    """The JSON path of the first object or list nested more than ``limit`` deep, or None
    (walked without recursion, so any depth can be measured)."""
    if not isinstance(value, dict | list):
        return None
    stack = [(value, path, 0)]
    while stack:
        node, where, depth = stack.pop()
        if depth >= limit:
            return where if len(where) < 80 else f"{where[:40]}...{where[-30:]}"
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((child, f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}", depth + 1)
                     for key, child in items if isinstance(child, dict | list))
    return None


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column) where ``text`` opens its ``limit + 1``-th nested object or list, or None."""
    depth, in_string, escaped, line, start = 0, False, False, 1, 0
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line, i - start + 1
        elif ch in "]}":
            depth -= 1
        if ch == "\n":
            line, start = line + 1, i + 1
    return None


def read_deal_json(path: Path) -> Deal:
    """Read an exchange file from disk (UTF-8 JSON)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
        data = json.loads(text)
    except RecursionError:
        line, column = too_deep(text) or (0, 0)
        raise DealFileInvalid(str(path), [ExchangeProblem("", f"nested more than {MAX_DEPTH} levels deep at line "
                                                              f"{line} column {column}; not a deal file")]) from None
    except OSError as exc:
        raise DealFileInvalid(str(path), [ExchangeProblem("", f"cannot be read ({exc.strerror or exc})")]) from None
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
    write_private(Path(path), text + "\n")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the exchange file (shipped as resources/deal.schema.json)."""
    box_schema = _box().model_json_schema()
    defs = box_schema.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RRA Desk deal exchange file",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "deal"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": VERSION},
            "deal": box_schema["properties"]["deal"],
        },
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema exactly as shipped; regenerate the file with
    ``python -m rra_desktop.exchange.deal_json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE.name}")
