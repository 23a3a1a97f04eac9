"""The command line's frame: help, version, exit codes, and mistakes reported without tracebacks."""

import subprocess
import sys
from pathlib import Path

import pytest

from rra_desktop import __version__
from rra_desktop.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_command_and_the_report_commands(cli):
    result = cli("--help")
    assert result.code == 0
    for command in COMMANDS:
        assert command in result.out
    assert "notice" in result.out and "report" in result.out
    assert "0 ok, 1 findings, 2 bad input" in result.out


def test_version(cli):
    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"rra-desktop {__version__}"


def test_no_command_is_bad_input_with_usage_on_stderr(cli):
    result = cli()
    assert result.code == 2 and "usage" in result.err and result.out == ""


def test_unknown_command(cli):
    result = cli("frobnicate", "x")
    assert result.code == 2 and "invalid choice" in result.err


@pytest.mark.parametrize("command", ["holders", "deadlines", "check"])
def test_bad_date_names_the_argument_and_the_format(cli, tmp_path, command):
    result = cli(command, tmp_path / "x.rradeal", "--as-of", "03/01/2004")
    assert result.code == 2
    assert "argument --as-of" in result.err and "YYYY-MM-DD" in result.err and "'03/01/2004'" in result.err
    assert "Traceback" not in result.err


def test_bad_issuance_date_for_holders_import(cli, tmp_path):
    result = cli("holders-import", tmp_path / "x.rradeal", "s.csv", "--date", "2003-02-30")
    assert result.code == 2 and "argument --date" in result.err


@pytest.mark.parametrize(
    "argv",
    [("holders", "{f}"), ("deadlines", "{f}"), ("check", "{f}"), ("export", "{f}", "-o", "{o}"),
     ("calendar", "{f}", "-o", "{o}"), ("audit", "{f}"), ("holders-import", "{f}", "{o}")],
)
def test_a_missing_deal_file_is_named(cli, tmp_path, argv):
    missing = tmp_path / "missing.rradeal"
    result = cli(*(a.format(f=missing, o=tmp_path / "out.json") for a in argv))
    assert result.code == 2 and f"{missing}: no such deal file" in result.err
    assert "Traceback" not in result.err and not (tmp_path / "out.json").exists()


def test_required_output_option(cli, tmp_path):
    result = cli("export", tmp_path / "x.rradeal")
    assert result.code == 2 and "-o/--output" in result.err


def test_real_process_smoke():
    python = ROOT / ".venv" / "bin" / "python"
    exe = str(python) if python.exists() else sys.executable
    done = subprocess.run([exe, "-m", "rra_desktop", "--version"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.strip() == f"rra-desktop {__version__}"
    bad = subprocess.run([exe, "-m", "rra_desktop", "holders", "nowhere.rradeal"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=False)
    assert bad.returncode == 2 and "no such deal file" in bad.stderr and "Traceback" not in bad.stderr
