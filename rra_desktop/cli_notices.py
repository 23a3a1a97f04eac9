"""``rra-desktop notices FILE [--verify] [--folder DIR]``: the notice log (7(g)), and whether
each logged letter is still the file that was sent.

``--verify`` checks every logged file against the SHA-256 the log holds
(``rra_desktop.notice_files``), looking in each ``--folder`` given, then in the "Notices"
folder beside the deal file and in the deal file's own folder; it prints intact, CHANGED or
MISSING for each and exits 1 when any file is changed or missing.
"""

from __future__ import annotations

from pathlib import Path

from rra_desktop.cli import EXIT_FINDINGS, EXIT_OK, opened
from rra_desktop.cli_views import fmt_at, table
from rra_desktop.domain.counting import fmt
from rra_desktop.notice_files import INTACT, check_files, folders_for


def notices(args) -> int:
    with opened(args.file) as store:
        deal = store.deal()
    if not args.verify:
        rows = [(fmt_at(n.sent_at), n.direction.value, n.kind.replace("_", " "), n.recipient, n.method,
                 fmt(n.deemed_given_on) if n.deemed_given_on else "on receipt", n.file_name)
                for n in sorted(deal.notices, key=lambda n: n.sent_at)]
        print(table(("Sent at", "Direction", "Kind", "Recipient", "Method", "Deemed given", "File"), rows))
        return EXIT_OK
    checks = check_files(deal, folders_for(Path(args.file), args.folder))
    for check in checks:
        print(table_line(check.message))
    bad = [c for c in checks if c.status != INTACT]
    files = "file" if len(checks) == 1 else "files"
    if bad:
        print(f"{len(bad)} of {len(checks)} logged {files} changed or missing", flush=True)
        return EXIT_FINDINGS
    print(f"All {len(checks)} logged {files} match the SHA-256 in the notice log")
    return EXIT_OK


def table_line(text: str) -> str:
    from rra_desktop.domain.entries import printable

    return f"  {printable(text)}"
