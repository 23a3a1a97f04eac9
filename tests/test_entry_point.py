"""``rra-desktop`` routing: GUI-only options open the window, command-line options and commands
go to the CLI, report commands to ``reports``; and the window really opens on a deal."""

import os
import re
import subprocess
import sys

import pytest

import reports.cli
import rra_desktop.cli
import ui.app
from rra_desktop.__main__ import main
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore


@pytest.fixture
def routed(monkeypatch):
    calls = []
    monkeypatch.setattr(ui.app, "run_gui", lambda argv: calls.append(("gui", argv)) or 0)
    monkeypatch.setattr(rra_desktop.cli, "run_cli", lambda argv: calls.append(("cli", argv)) or 0)
    monkeypatch.setattr(reports.cli, "run_reports_cli", lambda argv: calls.append(("reports", argv)) or 0)

    def route(argv):
        calls.clear()
        assert main(argv) == 0
        (call,) = calls
        return call[0]

    return route


@pytest.mark.parametrize("argv", [
    [],
    ["deal.rradeal"],
    ["deal.rradeal", "--quit-after-show"],
    ["--quit-after-show"],
    ["--quit-after-show", "deal.rradeal"],
    ["--settings", "test.ini", "deal.rradeal"],
    ["--settings=test.ini"],
])
def test_gui_options_and_files_open_the_window(routed, argv):
    assert routed(argv) == "gui"


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["--version"], ["deadlines", "d.rradeal"], ["--bogus"]])
def test_commands_and_cli_options_go_to_the_command_line(routed, argv):
    assert routed(argv) == "cli"


@pytest.mark.parametrize(("word", "hint"), [("agnda", "rra-desktop "),
                                            ("deadlnes", "Did you mean “rra-desktop deadlines”?"),
                                            ("chek", "Did you mean “rra-desktop check”?")])
def test_a_mistyped_command_is_refused_not_opened_as_a_deal(routed, capsys, tmp_path, monkeypatch, word, hint):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AssertionError):
        routed([word, "deal.rradeal"])  # exit status 2, and nothing was run
    assert main([word, "deal.rradeal"]) == 2
    err = capsys.readouterr().err
    assert f"“{word}” is neither a command nor an existing deal file." in err and hint in err


def test_an_existing_file_without_an_extension_still_opens(routed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mydeal").write_bytes(b"")
    assert routed(["mydeal"]) == "gui"


def test_report_commands_go_to_reports(routed):
    assert routed(["notice", "--help"]) == "reports"


def test_every_gui_option_is_one_run_gui_parses():
    for option in ui.app.GUI_OPTIONS:
        args = ui.app._parse([option, "x.ini"] if option == "--settings" else [option])
        assert vars(args)[option.lstrip("-").replace("-", "_")] in (True, "x.ini")


def test_window_opens_on_the_deal_from_a_gui_option_first(tmp_path):
    path = tmp_path / "sample.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "rra_desktop", "--settings", str(tmp_path / "t.ini"), "--quit-after-show", str(path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^shown \d+\.\d+ s: Holders tab, 9 rows; cpu \d+\.\d+ s$", done.stdout, re.M), done.stdout


def test_the_window_reads_its_own_words_and_passes_over_the_rest(capsys):
    args = ui.app._parse(["--settings=a b.ini", "deal.rradeal", "--read-only", "--unknown", "other.rradeal"])
    assert (args.file, args.settings, args.read_only, args.quit_after_show) == ("deal.rradeal", "a b.ini", True, False)
    assert ui.app._parse(["--settings", "x.ini", "deal.rradeal"]).file == "deal.rradeal"
    assert ui.app._parse([]).file is None
    with pytest.raises(SystemExit) as refused:
        ui.app._parse(["--settings"])
    assert refused.value.code == 2 and "--settings needs the path of a settings file" in capsys.readouterr().err
