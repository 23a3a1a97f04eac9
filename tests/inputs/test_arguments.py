"""Every command-line argument runs the services' checks: a date outside 1900-2199, a file that
cannot be written, a templates folder that does not exist are each refused by name, exit 2, no
traceback, and the deal file is byte for byte unchanged."""

from __future__ import annotations

import pytest

from reports.cli import run_reports_cli
from rra_desktop.store import DealStore
from tests.inputs.conftest import digest
from tests.reports.conftest import letter_deal

SCHEDULE = "tests/exchange/data/schedule1.csv"


@pytest.mark.parametrize(("argv", "named"), [
    (("holders-import", "{file}", SCHEDULE, "--date", "9999-12-31"), "argument --date: 9999-12-31 is outside"),
    (("holders", "{file}", "--as-of", "0001-01-01"), "argument --as-of: 0001-01-01 is outside"),
    (("deadlines", "{file}", "--as-of", "1899-12-31"), "argument --as-of: 1899-12-31 is outside"),
    (("calendar", "{file}", "--as-of", "2200-01-01", "-o", "x.ics"), "argument --as-of: 2200-01-01 is outside"),
    (("export", "{file}", "-o", "/proc/x.json"), "cannot write /proc/x.json"),
    (("calendar", "{file}", "-o", "/proc/x.ics"), "cannot write /proc/x.ics"),
])
def test_core_command_refuses_a_bad_argument(cli, sample_file, argv, named):
    before = digest(sample_file)
    result = cli(*[a.format(file=sample_file) for a in argv])
    assert result.code == 2 and named in result.err, result.err
    assert "Traceback" not in result.err
    assert digest(sample_file) == before


@pytest.fixture
def letter_file(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, letter_deal()).close()
    return path


@pytest.mark.parametrize(("extra", "named"), [
    (("--sent-at", "9999-12-31", "-o", "{tmp}/x.pdf"), "argument --sent-at: 9999-12-31 is outside"),
    (("--on", "0001-01-01", "-o", "{tmp}/x.pdf"), "argument --on: 0001-01-01 is outside"),
    (("--sent-at", "2003-06-23T10:00", "-o", "/proc/x.pdf"), "cannot write /proc/x.pdf"),
    (("--templates", "/nonexistent", "-o", "{tmp}/x.pdf"), "argument --templates: '/nonexistent' is not a folder"),
    (("--document", "Form S-3\x1b[2J", "-o", "{tmp}/x.pdf"), "argument --document: 'Form S-3\\x1b[2J' contains the "
                                                                "control character ESC"),
])
def test_notice_refuses_a_bad_argument(letter_file, tmp_path, capsys, extra, named):
    before = digest(letter_file)
    code = run_reports_cli(["notice", "notice-of-effectiveness", str(letter_file),
                            *[a.format(tmp=tmp_path) for a in extra]])
    err = capsys.readouterr().err
    assert code == 2 and named in err, err
    assert "Traceback" not in err
    assert digest(letter_file) == before
    assert not (tmp_path / "x.pdf").exists()


def test_report_to_an_unwritable_place_is_refused(letter_file, capsys):
    code = run_reports_cli(["report", "blackout-ledger", str(letter_file), "-o", "/proc/ledger.pdf"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write /proc/ledger.pdf" in err and "Traceback" not in err


def test_holders_never_prints_a_raw_escape_sequence(cli, tmp_path):
    """A deal written before names were checked may hold one: it is shown, not sent."""
    import dataclasses

    from rra_desktop.sample import load_sample_deal

    deal = load_sample_deal()
    holders = list(deal.holders)
    holders[0] = dataclasses.replace(holders[0], name="Evil\x1b[2J Fund")
    path = tmp_path / "old.rradeal"
    DealStore.create(path, dataclasses.replace(deal, holders=tuple(holders))).close()
    result = cli("holders", path, "--as-of", "2004-01-01")
    assert result.code == 0
    assert "\x1b" not in result.out and "Evil\\x1b[2J Fund" in result.out
