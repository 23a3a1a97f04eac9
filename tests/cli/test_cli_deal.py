"""new, import, export, holders-import and audit through ``run_cli``: round trips through a deal
file, and every refused import leaving the deal file exactly as it was."""

import dataclasses
import datetime as dt
import json

import pytest

from rra_desktop.cli_deal import records
from rra_desktop.exchange.deal_json import VERSION, deal_to_json, read_deal_json, write_deal_json
from rra_desktop.sample import load_sample_deal
from tests.conftest import edit_outside, open_location, shown
from tests.conftest import stored_state as _bytes
from tests.exchange.builders import rich_deal
from tests.exchange.schedule_files import CSV_FILE, XLSX_FILE


def test_new_refuses_an_existing_file(cli, sample_file):
    before = _bytes(sample_file)
    result = cli("new", sample_file)
    assert result.code == 2 and "already exists" in result.err
    assert _bytes(sample_file) == before


def test_export_of_the_sample_gives_the_sample(cli, sample_file, tmp_path):
    out = tmp_path / "deal.json"
    result = cli("export", sample_file, "-o", out)
    assert result.code == 0 and str(out) in result.out
    assert read_deal_json(out) == load_sample_deal()


def test_import_into_a_new_file_then_export_gives_the_same_rich_deal(cli, new_target, tmp_path):
    source = tmp_path / "rich.json"
    write_deal_json(rich_deal(), source)
    target = new_target(tmp_path / "rich.rradeal")
    assert cli("import", target, source).code == 0
    assert cli("export", target, "-o", tmp_path / "again.json").code == 0
    assert read_deal_json(tmp_path / "again.json") == rich_deal()


def test_import_replaces_the_deal_in_an_existing_file(cli, empty_file, tmp_path):
    source = tmp_path / "rich.json"
    write_deal_json(rich_deal(), source)
    result = cli("import", empty_file, source)
    assert result.code == 0 and "Replaced" in result.out
    assert cli("export", empty_file, "-o", tmp_path / "again.json").code == 0
    assert read_deal_json(tmp_path / "again.json") == rich_deal()


def test_import_over_a_deal_with_holders_is_refused_without_replace(cli, sample_file, tmp_path):
    source = tmp_path / "rich.json"
    write_deal_json(rich_deal(), source)
    held = load_sample_deal()
    before = _bytes(sample_file)
    result = cli("import", sample_file, source)
    assert result.code == 2 and result.out == ""
    kept = "its audit trail keeps what it held" if "://" in str(sample_file) else "a backup is kept"
    assert (f"{shown(sample_file)} already holds a deal ({len(held.holders)} Holders, {records(held)} records); "
            f"pass --replace to replace it ({kept})") in result.err
    assert len(held.holders) == 9 and records(held) > 0
    assert _bytes(sample_file) == before
    assert cli("export", sample_file, "-o", tmp_path / "still.json").code == 0
    assert read_deal_json(tmp_path / "still.json") == held


def test_import_with_replace_replaces_the_deal_and_keeps_a_backup(cli, sample_file, tmp_path):
    source = tmp_path / "rich.json"
    write_deal_json(rich_deal(), source)
    result = cli("import", sample_file, source, "--replace")
    assert result.code == 0 and "Replaced" in result.out
    assert cli("export", sample_file, "-o", tmp_path / "again.json").code == 0
    assert read_deal_json(tmp_path / "again.json") == rich_deal()
    from rra_desktop.store import DealStore

    if "://" in str(sample_file):  # a server deal keeps no copies: its trail holds what was replaced
        from rra_desktop.store.codec import RECORD_TABLES, audit_json

        with open_location(sample_file, read_only=True) as store:
            replaced = {(e.table_name, e.row_id): e.before for e in store.audit_entries()
                        if e.action == "Import deal file rich.json" and e.before}
        sample, rich = load_sample_deal(), rich_deal()
        for spec in RECORD_TABLES:
            now = {spec.key_of(r): r for r in getattr(rich, spec.name)}
            for record in getattr(sample, spec.name):
                if now.get(spec.key_of(record)) != record:
                    assert replaced[(spec.name, spec.row_id(spec.key_of(record)))] == audit_json(record)
        assert replaced
        return
    kept = []
    for backup in sorted((tmp_path / ".backups").glob("sample.*.rradeal")):
        store = DealStore.open(backup, read_only=True)
        try:
            kept.append(len(store.deal().holders))
        finally:
            store.close()
    assert len(load_sample_deal().holders) in kept  # the replaced deal survives in a backup


def test_a_deal_with_records_but_no_holders_also_needs_replace(cli, new_target, tmp_path):
    from rra_desktop.domain.model import Deal, FactKind, TimelineFact

    sample = load_sample_deal()
    facts_only = Deal(terms=sample.terms, securities=sample.securities,
                      facts=(TimelineFact("f1", FactKind.RS_PLANNED, dt.date(2003, 6, 11)),))
    write_deal_json(facts_only, tmp_path / "facts.json")
    write_deal_json(rich_deal(), tmp_path / "rich.json")
    target = new_target(tmp_path / "facts.rradeal")
    assert cli("import", target, tmp_path / "facts.json").code == 0  # a new file: no question
    result = cli("import", target, tmp_path / "rich.json")
    assert result.code == 2 and "(0 Holders, 1 records); pass --replace" in result.err


def test_import_help_names_replace(cli):
    result = cli("import", "--help")
    assert result.code == 0
    assert "--replace" in result.out and "a backup copy is kept" in " ".join(result.out.split())


def test_records_counts_everything_recorded_beyond_terms_classes_and_holders():
    deal = load_sample_deal()
    assert records(deal) == sum(len(getattr(deal, name)) for name in (
        "positions", "facts", "blackouts", "registrations", "selling_info", "piggyback_requests", "instruments",
        "assignments", "claims", "notices", "completions", "expenses"))
    assert records(dataclasses.replace(deal, positions=(), facts=(), notices=())) == records(deal) - len(
        deal.positions) - len(deal.facts) - len(deal.notices)


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda d: d["deal"]["holders"][0].update(qib="yes", fax=5), ["deal.holders[0].qib", "deal.holders[0].fax"]),
        (lambda d: d.update(version=VERSION + 1), ["newer RRA Desk"]),
        (lambda d: d["deal"]["positions"][0].update(holder_id="h-nobody"), ["deal.positions[0].holder_id"]),
    ],
)
def test_a_refused_import_lists_every_problem_and_writes_nothing(cli, sample_file, tmp_path, spoil, expected):
    data = deal_to_json(rich_deal())
    spoil(data)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    before = _bytes(sample_file)
    result = cli("import", sample_file, source)
    assert result.code == 2 and "Traceback" not in result.err
    for text in expected:
        assert text in result.err
    assert _bytes(sample_file) == before
    assert not (tmp_path / "new.rradeal").exists()
    assert cli("import", tmp_path / "new.rradeal", source).code == 2 and not (tmp_path / "new.rradeal").exists()


def test_not_json_is_refused(cli, sample_file, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text("{oops", encoding="utf-8")
    result = cli("import", sample_file, source)
    assert result.code == 2 and "not JSON" in result.err and "line 1" in result.err


@pytest.mark.parametrize("schedule", [CSV_FILE, XLSX_FILE], ids=["csv", "xlsx"])
def test_holders_import_reproduces_schedule_1(cli, empty_file, schedule):
    result = cli("holders-import", empty_file, schedule)
    assert result.code == 0, result.err
    assert "Imported 9 Holders" in result.out and "dated Wed May 7, 2003 from" in result.out
    assert "totals agree" in result.err
    register = cli("holders", empty_file, "--as-of", "2003-05-07", "--json").json()
    assert register["totals"]["preferred"] == 444 and register["totals"]["securities"]["D1"] == 944_681
    assert register["totals"]["securities"]["PAW"] == 188_936 and len(register["holders"]) == 9
    assert register["totals"]["warrants"] == 2 * 944_681 + 188_936  # "Warrants" include the Placement Agent's


def test_holders_import_twice_is_refused_and_changes_nothing(cli, empty_file):
    assert cli("holders-import", empty_file, CSV_FILE).code == 0
    before = _bytes(empty_file)
    result = cli("holders-import", empty_file, CSV_FILE)
    assert result.code == 2 and "already a Holder" in result.err
    assert _bytes(empty_file) == before


def test_holders_import_with_a_bad_row_imports_nothing(cli, empty_file, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_FILE.read_text(encoding="utf-8").replace('"8,511"', '"8,51"', 1), encoding="utf-8")
    before = _bytes(empty_file)
    result = cli("holders-import", empty_file, bad)
    assert result.code == 2
    assert "row 2, column 'D-1 Warrants'" in result.err and "nothing imported" in result.err
    assert _bytes(empty_file) == before
    assert cli("holders", empty_file, "--as-of", "2010-01-01", "--json").json()["holders"] == []


def test_holders_import_on_a_given_date(cli, empty_file):
    assert cli("holders-import", empty_file, CSV_FILE, "--date", "2003-06-02").code == 0
    assert cli("holders", empty_file, "--as-of", "2003-06-01", "--json").json()["holders"] == []
    assert len(cli("holders", empty_file, "--as-of", "2003-06-02", "--json").json()["holders"]) == 9


def test_audit_lists_and_verifies_then_catches_an_edited_entry(cli, empty_file):
    assert cli("holders-import", empty_file, CSV_FILE).code == 0
    listing = cli("audit", empty_file)
    assert listing.code == 0 and "h-xmark" in listing.out
    verified = cli("audit", empty_file, "--verify")
    assert verified.code == 0 and "intact" in verified.out
    # tamper as an outsider would: past the append-only triggers
    edit_outside(empty_file, 'UPDATE audit SET "user" = \'mallory\' WHERE seq = (SELECT MIN(seq) FROM audit)')
    broken = cli("audit", empty_file, "--verify")
    assert broken.code == 1 and "BROKEN" in broken.err


def test_read_only_commands_leave_the_file_untouched(cli, sample_file, tmp_path):
    before = _bytes(sample_file)
    for argv in (("holders", sample_file), ("deadlines", sample_file), ("check", sample_file),
                 ("export", sample_file, "-o", tmp_path / "x.json"), ("audit", sample_file)):
        assert cli(*argv).code in (0, 1), argv
    assert _bytes(sample_file) == before


def test_calendar_keeps_only_its_export_state_in_the_file(cli, sample_file, tmp_path):
    with open_location(sample_file, read_only=True) as store:
        deal, trail = store.deal(), len(store.audit_entries())
    first = cli("calendar", sample_file, "-o", tmp_path / "a.ics", "--as-of", "2003-06-01")
    again = cli("calendar", sample_file, "-o", tmp_path / "b.ics", "--as-of", "2003-06-01")
    assert first.code == again.code == 0 and "4 new" in first.out and "0 new, 0 changed" in again.out
    with open_location(sample_file, read_only=True) as store:
        assert store.deal() == deal and len(store.audit_entries()) == trail
        assert store.file_value("calendar_export") is not None


@pytest.mark.parametrize("content", [b"hello, I am not a deal", b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_file_that_is_not_a_deal_is_refused_and_left_alone(cli, tmp_path, content):
    path = tmp_path / "x.rradeal"
    path.write_bytes(content)
    for argv in (("holders", path), ("holders-import", path, CSV_FILE), ("export", path, "-o", tmp_path / "o.json")):
        result = cli(*argv)
        assert result.code == 2 and "Traceback" not in result.err and str(path) in result.err, argv
    assert path.read_bytes() == content and not (tmp_path / "o.json").exists()


def test_schedule_import_is_one_undoable_change(empty_file):
    from rra_desktop.exchange.schedule_import import import_schedule_1, read_schedule_1

    store = open_location(empty_file)
    try:
        change = import_schedule_1(store, read_schedule_1(CSV_FILE))
        assert "schedule1.csv" in change.label and "9 Holders" in change.label
        assert len(store.deal().holders) == 9
        store.undo(change)
        assert store.deal().holders == () and store.deal().positions == ()
    finally:
        store.close()
