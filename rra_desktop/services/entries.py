"""The services' checks of whole records and deals, over the value rules of
``rra_desktop.domain.entries`` (dates 1900-2199, integers the file can hold, no control
characters, Holder names told apart as a reader sees them): ``check_values`` refuses a record
(every service's write runs it), ``deal_problems`` lists every record of a deal that a service
would refuse (what the JSON import refuses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rra_desktop.domain.entries import (  # noqa: F401 (the services' vocabulary for entries)
    FIRST_DAY,
    LARGEST_INTEGER,
    LAST_DAY,
    date_problem,
    holder_name_problem,
    integer_problem,
    name_key,
    printable,
    quick_check,
    script_problem,
    text_problem,
    value_problems,
)
from rra_desktop.domain.model import Holder
from rra_desktop.services.base import Refused


def check_values(record: object) -> None:
    """Refuse a record holding a value no service may store (``Refused.field`` names it)."""
    problems = value_problems(record)
    if problems:
        path, reason = problems[0]
        raise Refused(f"{path}: {reason}.", field=path.split(".")[0].split("[")[0],
                      problems=tuple(f"{p}: {r}" for p, r in problems))


def check_each(records: Iterable[object]) -> None:
    """``check_values`` of every record, the first bad one refused: the common case (a record of
    plain fields, every value fine) decided by one call of its type's quick check, looked up
    once per type (an import checks 100,000 records)."""
    checks: dict[type, Callable[[object], bool] | None] = {}
    for record in records:
        kind = record.__class__
        try:
            check = checks[kind]
        except KeyError:
            check = checks[kind] = quick_check(kind)
        if check is None or not check(record):
            check_values(record)


def deal_problems(deal) -> list[tuple[str, str]]:
    """Every record of ``deal`` run through the checks the services make of it, as
    ``(path, reason)`` with JSON paths (``holders[3].name``): what an import refuses."""
    from rra_desktop.services import (
        addresses,
        blackouts,
        claims,
        expenses,
        holders,
        ledger,
        notices,
        registration_dates,
        securities,
        timeline,
    )
    from rra_desktop.services import terms as terms_service

    out = value_problems(deal)
    checks = {"holders": holders.check_holder, "positions": ledger.check_entry,
              "blackouts": blackouts.check_period, "expenses": expenses.check_expense,
              "registrations": registration_dates.check_order, "facts": timeline.check_fact,
              "claims": claims.check_claim, "notices": notices.check_notice, "securities": securities.check_class,
              "address_changes": lambda change: addresses.check_change(deal, change)}
    _refusal(terms_service.check_terms, deal.terms, "terms", out)
    for collection, check in checks.items():
        for i, record in enumerate(getattr(deal, collection)):
            _refusal(check, record, f"{collection}[{i}]", out)
    seen: dict[str, Holder] = {}
    for i, h in enumerate(deal.holders):
        problem = script_problem(h.name)
        first = seen.setdefault(name_key(h.name), h)
        if first is not h:
            problem = holder_name_problem(h.name, [first])
        if problem:
            out.append((f"holders[{i}].name", problem))
    return out


def _refusal(check, record, path: str, out: list[tuple[str, str]]) -> None:
    try:
        check(record)
    except Refused as exc:
        out.append((f"{path}.{exc.field}" if exc.field else path, exc.message.rstrip(".")))
