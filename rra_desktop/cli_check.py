"""``rra-desktop check``: every finding the rules make about a deal as of a date
(``rra_desktop.domain.findings.findings``, the same list the GUI's Check deal shows).

Exit status 1 when any finding is an error or a warning; findings of level ``info`` alone (a
Holder's option window that closed unused) leave it 0.
"""

from __future__ import annotations

from rra_desktop.cli import EXIT_FINDINGS, EXIT_OK, opened
from rra_desktop.cli_views import as_of, print_json
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.entries import printable
from rra_desktop.domain.findings import Finding, findings


def finding_record(f: Finding) -> dict[str, object]:
    """A finding as plain JSON values: ``severity`` is its level, ``subject`` the ids of the
    records it is about (each also in ``refs`` with its kind)."""
    return {"area": f.area, "clause": f.clause, "severity": f.level.value, "subject": f.subject,
            "message": f.message, "refs": [{"kind": r.kind, "id": r.id} for r in f.refs]}


def check(args) -> int:
    on = as_of(args)
    with opened(args.file) as store:
        found = findings(store.deal(), on)
    counted = [f for f in found if f.counts]
    if args.json:
        print_json({"as_of": on, "count": len(found), "findings": [finding_record(f) for f in found]})
    elif found:
        info = len(found) - len(counted)
        also = f"; {info} for information only" if info else ""
        print(f"{len(counted)} finding{'s' if len(counted) != 1 else ''} as of {fmt(on)}{also}:")
        for f in found:
            area = f.area.replace("_", " ")  # "schedule 1", as a paralegal reads it
            print(printable(f"  [{area} {f.clause}] {f.level}: {f.message}"))  # no stored escape reaches the terminal
    else:
        print(f"No findings as of {fmt(on)}.")
    return EXIT_FINDINGS if counted else EXIT_OK
