"""``rra-desktop agenda``: the table, --json, --ics, exit statuses (1 overdue or unreadable, 2 bad input)."""

from __future__ import annotations

from rra_desktop.cli import run_cli
from tests.practice.conftest import damage_truncated


def run(capsys, *argv):
    code = run_cli(["agenda", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_table_and_exit_1_when_overdue(make_deal, tmp_path, capsys):
    make_deal("d/a.rradeal", company="Alpha Pharma")
    code, out, err = run(capsys, tmp_path / "d", "--as-of", "2003-06-16")
    assert code == 1 and err == ""
    assert out.splitlines()[0] == ("Agenda as of Mon Jun 16, 2003: 1 deal; 1 overdue, 1 due within 5 Business Days, "
                                   "2 upcoming")
    assert "Overdue   Fri Jun 13, 2003  Alpha Pharma" in out
    assert "Due soon  Fri Jun 20, 2003  Alpha Pharma" in out


def test_nothing_overdue_exits_0(make_deal, tmp_path, capsys):
    path = make_deal("a.rradeal")
    code, out, _ = run(capsys, path, "--as-of", "2003-05-08", "--days", "2")
    assert code == 0 and "0 overdue" in out


def test_json_lists_deals_items_and_unreadable(make_deal, tmp_path, capsys):
    import json

    make_deal("d/a.rradeal", company="Alpha Pharma")
    damage_truncated(make_deal("d/broken.rradeal"))
    code, out, _ = run(capsys, tmp_path / "d", "--as-of", "2003-06-16", "--json", "--days", "3")
    data = json.loads(out)
    assert code == 1
    assert data["as_of"] == "2003-06-16" and data["horizon_business_days"] == 3
    alpha = data["deals"][0]
    assert (alpha["company"], alpha["overdue"], alpha["next_deadline"], alpha["horizon_end"]) == (
        "Alpha Pharma", 1, "2003-06-20", "2003-06-19")
    assert [(i["group"], i["key"]) for i in data["items"]] == [
        ("overdue", "holder_review_copies:initial"), ("upcoming", "filing_date"),
        ("upcoming", "effectiveness_date"), ("upcoming", "effectiveness_deadline")]
    assert len(data["unreadable"]) == 1 and "truncated" in data["unreadable"][0]["problem"]


def test_an_unreadable_deal_alone_makes_the_exit_status_1(make_deal, tmp_path, capsys):
    damage_truncated(make_deal("broken.rradeal"))
    code, out, _ = run(capsys, tmp_path / "broken.rradeal", "--as-of", "2003-05-08")
    assert code == 1 and "Cannot be read (listed, not skipped):" in out and "truncated" in out


def test_ics_events_carry_the_single_deal_exports_uids(make_deal, tmp_path, capsys):
    import dataclasses

    from icalendar import Calendar

    from rra_desktop.services.terms import edit_terms
    from rra_desktop.store import DealStore

    a = make_deal("d/a.rradeal", company="Alpha Pharma")
    b = make_deal("d/b.rradeal", company="Beta Bio")
    with DealStore.open(b, backup=False) as store:
        edit_terms(store, dataclasses.replace(store.deal().terms, title="Beta Bio Registration Rights Agreement"))
    target = tmp_path / "agenda.ics"
    code, out, _ = run(capsys, tmp_path / "d", "--as-of", "2003-06-16", "--ics", target)
    assert code == 1 and f"Wrote {target} (8 events)" in out
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert len(events) == 8 and len({str(e["uid"]) for e in events}) == 8
    assert run_cli(["calendar", str(a), "--as-of", "2003-06-16", "-o", str(tmp_path / "one.ics")]) == 0
    single = {str(e["uid"]) for e in Calendar.from_ical((tmp_path / "one.ics").read_bytes()).walk("VEVENT")}
    alpha_uids = {str(e["uid"]) for e in events} & single
    assert len(alpha_uids) == 4  # the same 4 deadlines of deal a, the same UIDs as its own export


def test_bad_input_exits_2_and_writes_nothing(make_deal, tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "nowhere", "--ics", tmp_path / "x.ics")
    assert code == 2 and "nowhere" in err and "no such deal file or folder" in err
    assert not (tmp_path / "x.ics").exists()
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, tmp_path / "empty")
    assert code == 2 and "no deal files (.rradeal) in" in err
    code, _, err = run(capsys, tmp_path / "empty", "--days", "-1")
    assert code == 2 and "not a number of Business Days" in err
    path = make_deal("a.rradeal")
    code, _, err = run(capsys, path, "--json", "--ics", tmp_path / "x.ics")
    assert code == 2 and "not allowed with argument" in err


def test_the_command_is_known_to_the_entry_point():
    from rra_desktop.cli import COMMANDS

    assert "agenda" in COMMANDS
