"""Cross-references inside an exchange file: ids unique, every reference names something.

Pydantic checks each value's type; only the deal as a whole can say that a ledger row names a
Holder that exists. A deal with a dangling reference would import and then fail somewhere
far from its cause (a letter, a count), so the import refuses it and names the path.
"""

from __future__ import annotations

from collections.abc import Iterable

from rra_desktop.domain.model import Deal
from rra_desktop.exchange.deal_json import ExchangeProblem

# (collection, id field) pairs whose ids must be unique within the collection.
_IDENTIFIED = ("holders", "positions", "facts", "blackouts", "registrations", "piggyback_requests",
               "instruments", "assignments", "claims", "notices", "expenses")

# (collection, field, target) where target is the collection whose ids the field names.
_REFERENCES = (
    ("positions", "holder_id", "holders"),
    ("positions", "security", "securities"),
    ("positions", "assignment_id", "assignments"),
    ("facts", "holder_id", "holders"),
    ("facts", "registration_id", "registrations"),
    ("facts", "claim_id", "claims"),
    ("registrations", "parent_id", "registrations"),
    ("selling_info", "registration_id", "registrations"),
    ("selling_info", "holder_id", "holders"),
    ("piggyback_requests", "registration_id", "registrations"),
    ("piggyback_requests", "holder_id", "holders"),
    ("assignments", "transferor_id", "holders"),
    ("assignments", "transferee_id", "holders"),
    ("assignments", "security", "securities"),
    ("claims", "holder_id", "holders"),
    ("notices", "supersedes_id", "notices"),
)

_WHAT = {"holders": "Holder", "securities": "security class", "assignments": "assignment",
         "registrations": "registration statement", "claims": "claim", "notices": "notice"}


def _ids(items: Iterable[object], field: str = "id") -> list[str]:
    return [getattr(item, field) for item in items]


def reference_problems(deal: Deal) -> list[ExchangeProblem]:
    """Every duplicate id and every dangling reference, each with its path."""
    problems: list[ExchangeProblem] = []
    known: dict[str, set[str]] = {"securities": set()}
    for i, code in enumerate(_ids(deal.securities, "code")):
        if code in known["securities"]:
            problems.append(ExchangeProblem(f"deal.securities[{i}].code", f"duplicate code {code!r}"))
        known["securities"].add(code)
    for name in _IDENTIFIED:
        seen: set[str] = set()
        for i, ident in enumerate(_ids(getattr(deal, name))):
            if ident in seen:
                problems.append(ExchangeProblem(f"deal.{name}[{i}].id", f"duplicate id {ident!r}"))
            seen.add(ident)
        known[name] = seen
    for collection, field, target in _REFERENCES:
        for i, value in enumerate(_ids(getattr(deal, collection), field)):
            if value is not None and value not in known[target]:
                problems.append(
                    ExchangeProblem(f"deal.{collection}[{i}].{field}", f"no {_WHAT[target]} with id {value!r}")
                )
    return problems
