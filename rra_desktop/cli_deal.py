"""Command-line commands that make, fill or move a whole deal file: ``new``, ``import``,
``export``, ``holders-import``, ``audit`` and ``restore``.

Each import reads and checks its whole input before the deal file is touched, and writes in one
transaction, so a refused import leaves the deal file exactly as it was.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from rra_desktop.cli import EXIT_FINDINGS, EXIT_OK, UserError, opened, write_output
from rra_desktop.cli_views import fmt_stamp
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.entries import printable


def _empty_deal():
    """A new deal: the 2003 agreement's terms and security classes (all editable), no Holders."""
    from rra_desktop.sample import new_deal

    return new_deal()


def new(args) -> int:
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from rra_desktop.store.copying import is_server

    if is_server(args.file):  # a new deal on a firm server (refused when one of that name is there)
        from rra_desktop.store.server import ServerStore

        store = ServerStore.create(args.file, load_sample_deal() if args.sample else _empty_deal())
        store.close()
        print(f"Created {store.path}{' holding the sample deal' if args.sample else ''}")
        return EXIT_OK
    path = Path(args.file)
    if path.exists():
        raise UserError(f"{path} already exists; choose another name (nothing was changed)")
    DealStore.create(path, load_sample_deal() if args.sample else _empty_deal()).close()
    print(f"Created {path}{' holding the sample deal' if args.sample else ''}")
    return EXIT_OK


# what a new deal file holds already (the agreement's terms and classes): replacing only these loses no work
_NOT_RECORDS = ("terms", "securities", "holders")


def records(deal) -> int:
    """How many things were recorded in ``deal`` beyond its terms, classes and Holders: ledger
    rows, timeline facts, blackouts, registrations, consents, assignments, claims, notices, ..."""
    return sum(len(getattr(deal, f.name)) for f in dataclasses.fields(deal) if f.name not in _NOT_RECORDS)


def import_(args) -> int:
    """The exchange file replaces the deal in FILE (a new deal file when FILE does not exist).
    A FILE that already holds Holders or records is replaced only with ``--replace``: a
    paralegal never loses a deal by naming the wrong file. A deal with only its terms and
    classes (as ``new`` makes it) is replaced without asking, as there is nothing to lose."""
    from rra_desktop.exchange.deal_json import read_deal_json
    from rra_desktop.store import DealStore
    from rra_desktop.store.copying import is_server

    deal = read_deal_json(Path(args.source))  # refuses with every problem before FILE is touched
    server = is_server(args.file)
    if server:
        from rra_desktop.store.server import ServerStore, deal_exists, parse_url

        shown, kept = str(parse_url(args.file).display), "its audit trail keeps what it held"
        if not deal_exists(args.file):
            ServerStore.create(args.file, deal).close()
            print(f"Created {shown} from {args.source} ({len(deal.holders)} Holders)")
            return EXIT_OK
    else:
        path = Path(args.file)
        shown, kept = str(path), "a backup is kept"
        if not path.exists():
            DealStore.create(path, deal).close()
            print(f"Created {path} from {args.source} ({len(deal.holders)} Holders)")
            return EXIT_OK
    from rra_desktop.services import replace_deal

    if not args.replace:
        with opened(args.file) as store:
            held = store.deal()
        if held.holders or records(held):
            raise UserError(f"{shown} already holds a deal ({len(held.holders)} Holders, {records(held)} records); "
                            f"pass --replace to replace it ({kept})")
    with opened(args.file, read_only=False) as store:  # opening a file to write makes the rotating backup
        replace_deal(store, deal, label=f"Import deal file {Path(args.source).name}")
    print(f"Replaced the deal in {shown} with {args.source} ({len(deal.holders)} Holders)")
    return EXIT_OK


def export(args) -> int:
    from rra_desktop.exchange.deal_json import write_deal_json

    with opened(args.file) as store:
        deal = store.deal()
    target = write_output(args.output, lambda p: write_deal_json(deal, p))
    print(f"Wrote {target}")
    return EXIT_OK


def _progress(command: str):
    """Progress of a long import on stderr (a file of a few hundred rows says nothing)."""

    def report(done: int, total: int, text: str) -> None:
        if total >= 10_000:
            print(f"rra-desktop {command}: {text}: {done:,} of {total:,}", file=sys.stderr, flush=True)

    return report


def holders_import(args) -> int:
    from rra_desktop.exchange.schedule_import import import_schedule_1, read_schedule_1, schedule_entries

    progress = _progress("holders-import")
    with opened(args.file) as store:  # the deal's classes of security name the share columns
        securities = store.deal().securities
    # every row checked before the deal file is opened for writing
    schedule = read_schedule_1(Path(args.source), progress, securities)
    with opened(args.file, read_only=False) as store:
        entries = schedule_entries(store.deal(), schedule, args.date)
        import_schedule_1(store, schedule, args.date, progress, entries)
    for note in schedule.notes:
        print(f"note: {note}", file=sys.stderr)
    for warning in schedule.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Imported {len(entries.holders):,} Holders and {len(entries.positions):,} issuance rows dated "
          f"{fmt(entries.on)} from {schedule.source}")
    return EXIT_OK


def _entry_line(entry) -> str:
    """One audit entry on one line: sequence, when (UTC), who, the action and the row changed."""
    change = "added" if entry.before is None else "removed" if entry.after is None else "changed"
    reason = f"  (reason: {entry.reason})" if entry.reason else ""
    row = f"{entry.table_name} {entry.row_id} {change}"
    return f"{entry.seq:>6}  {fmt_stamp(entry.at)}  {entry.user}  {entry.action}: {row}{reason}"


def audit(args) -> int:
    """The audit trail, one line per changed row, and its head digest; ``--verify`` checks the
    chain and every record against it (exit 1 if broken), ``--against`` an earlier head digest."""
    if args.against and not args.verify:
        raise UserError("--against goes with --verify")
    with opened(args.file) as store:
        if not args.verify:
            for entry in store.audit_entries():
                print(printable(_entry_line(entry)))  # a label may name a Holder stored before names were checked
            print(f"Trail head digest: {store.trail_head()}")
            return EXIT_OK
        report = store.verify_audit(against=args.against)
    if report.ok:
        anchored = f"; it holds {args.against}" if args.against else ""
        print(f"Audit trail intact: {report.entries} entries, hash chain verified, every record matches the trail"
              f"{anchored}\nTrail head digest: {report.head}")
        return EXIT_OK
    where = (f"{report.table} {report.record_id}" if report.table else
             f"entry {report.first_bad_seq}" if report.first_bad_seq else "the trail")
    print(f"Audit trail BROKEN at {where}: {report.message}", file=sys.stderr)
    return EXIT_FINDINGS


def restore(args) -> int:
    """Without BACKUP: the backups of FILE, newest first. With it (a file, or its number in
    that list): the backup replaces FILE, after FILE as it stands is copied into .backups."""
    from rra_desktop.store import restore as restoring
    from rra_desktop.store.copying import is_server

    if is_server(args.file):
        return _restore_server(args)
    path = Path(args.file)
    listed = restoring.choices(path)
    if args.backup is None:
        if not listed:
            print(f"{path} has no backups (they are kept in {path.parent / '.backups'})")
            return EXIT_OK
        for i, copy in enumerate(listed, start=1):
            mark = "verified" if copy.verified else "earlier version's copy"
            print(f"{i:>3}  {fmt_stamp(copy.taken_at)}  trail {copy.trail_head[:24]}…  {mark}  {copy.path}")
        return EXIT_OK
    if args.backup.isdigit() and not Path(args.backup).exists():
        number = int(args.backup)
        if not 1 <= number <= len(listed):
            raise UserError(f"{path} has {len(listed)} backups; {number} is not one of them (run without BACKUP "
                            "to list them)")
        backup = listed[number - 1].path
    else:
        backup = Path(args.backup)
        if not backup.exists():
            raise UserError(f"{backup}: no such backup file")
    for note in restoring.restore(path, backup):
        print(note)
    return EXIT_OK


def _restore_server(args) -> int:
    """A server deal keeps no backup copies of its own (the database's backups are the firm
    administrator's). Restoring a deal file (a backup copy, or any deal file) into it is one
    recorded action, "Restore backup NAME": every record made equal to the file's, the trail kept
    whole (what the deal held before stays in it, and the restore can be undone). As for any
    replacement, a notice logged as sent since cannot be removed (7(g): it is evidence)."""
    from rra_desktop.services import replace_deal
    from rra_desktop.store import DealStore
    from rra_desktop.store import restore as restoring
    from rra_desktop.store.server import parse_url

    shown = parse_url(args.file).display
    if args.backup is None:
        print(f"{shown} is a deal on a firm server: the server keeps no backup copies of its own (the database's "
              "backups are the firm administrator's). To put a deal file or a backup copy of one in its place: "
              "rra-desktop restore URL FILE.rradeal")
        return EXIT_OK
    backup = Path(args.backup)
    if not backup.is_file():
        raise UserError(f"{backup}: no such backup file (a server deal has no numbered backups: name a deal file or "
                        "a backup copy of one)")
    restoring.check_backup(backup)  # a complete deal whose trail verifies, or refused
    with DealStore.open(backup, read_only=True) as source:
        deal, head = source.deal(), source.trail_head()
    with opened(args.file, read_only=False) as store:
        replace_deal(store, deal, label=f"Restore backup {backup.name}")
    print(f"{shown} now holds the deal of {backup.name} (its trail head {head}); the deal's audit trail keeps "
          "what it held before")
    return EXIT_OK
