"""The application's start shows the window before working out the deadlines (qtbot): until
``finish_start`` the Holder's detail pane (deadlines, Rule 144 dates) and the status bar say
nothing untrue and the menu bar has its titles without their actions; after it the window reads
exactly as one built with the deadlines at once, menus included."""

from __future__ import annotations


def _build(qtbot, context, settings, defer: bool):
    from ui.main_window import MainWindow

    win = MainWindow(context, settings, defer_deadlines=defer)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_deferred_start_reads_as_the_plain_window_once_finished(qtbot, context, settings):
    plain = _build(qtbot, context, settings, defer=False)
    holders = plain.tab(0)
    expected = (holders.detail.toPlainText(), plain.next_label.text(), plain.reminder_label.text(),
                plain.reminders.table.rowCount())
    assert "This Holder's deadlines" in expected[0] and expected[2].endswith(("reminder", "reminders"))
    plain_menus = {a.text(): [x.text() for x in a.menu().actions()] for a in plain.menuBar().actions()}
    plain.close()

    win = _build(qtbot, context, settings, defer=True)
    detail = win.tab(0).detail
    assert "Working out the deadlines…" in detail.toPlainText()
    assert "No deadlines for this Holder." not in detail.toPlainText()
    assert "Working out the Rule 144 dates…" in detail.toPlainText()
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]  # the bar as it will stay: nothing moves
    assert all(not a.menu().actions() for a in win.menuBar().actions())
    assert win.next_label.text() == "" and win.reminder_label.text() == ""  # never "0 reminders" too soon
    assert win.calendar_label.text() == ""
    assert win.reminders.table.rowCount() == 0
    assert "Working out the notice addresses in force…" in detail.toPlainText()
    assert "Fund" in detail.toPlainText().splitlines()[0]  # the Holder's name heads it already
    assert win.tab(0).schedule_check.text() == ""  # the Schedule 1 check follows the first paint
    win.finish_start()
    assert win.tab(0).schedule_check.text().startswith("✓")
    assert (detail.toPlainText(), win.next_label.text(), win.reminder_label.text(),
            win.reminders.table.rowCount()) == expected
    assert win.calendar_label.text() == "Calendar: Federal Reserve holidays"
    assert not context.deadlines_held
    assert "Working out" not in detail.toPlainText()
    filled = {a.text(): [x.text() for x in a.menu().actions()] for a in win.menuBar().actions()}
    assert filled == plain_menus
    assert "&Quit" in filled["&File"] and "&Find" in filled["&Edit"]
    win.finish_start()  # a second call changes nothing
    assert detail.toPlainText() == expected[0]
    assert {a.text(): len(a.menu().actions()) for a in win.menuBar().actions()} == {
        k: len(v) for k, v in filled.items()}


# What the window needs before its first paint is the deal and the Holders register; the rules
# engine, the Business Day calendar (7(g) addresses in force count in it), the Rule 144 dates and
# the heavy libraries come after it (or when first used).
NOT_BEFORE_SHOWN = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "docx", "holidays",
                    "rra_desktop.domain.deadlines", "rra_desktop.domain.obligations", "rra_desktop.domain.rule144",
                    "ui.file_actions",
                    # the Business Day calendar, the 7(g) addresses in force and the Schedule 1 check
                    # (the detail pane and the line under the register are drawn whole after it)
                    "rra_desktop.domain.calendar", "rra_desktop.domain.addresses", "rra_desktop.domain.findings",
                    "zoneinfo", "socket",
                    # a deal file to open names no command: the command line's parser is not loaded
                    "rra_desktop.cli",
                    # month and day names are the product's own English ones, not the locale's
                    "calendar",
                    # the log file opens after the paint (finding its folder loads platformdirs); rich
                    # text is escaped without the html package and its entity table
                    "platformdirs", "html", "html.entities")
PROBE = """
import builtins, runpy, sys
shown_print = builtins.print
def report(*args, **kwargs):
    if args and str(args[0]).startswith("shown"):
        shown_print("loaded:", " ".join(sorted(sys.modules)), flush=True)
    shown_print(*args, **kwargs)
builtins.print = report
sys.argv = ["rra_desktop", *sys.argv[1:]]
runpy.run_module("rra_desktop", run_name="__main__")
"""


def test_the_window_shows_before_the_rules_engine_and_the_heavy_libraries_are_imported(tmp_path):
    import os
    import subprocess
    import sys

    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    path = tmp_path / "deal.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    out = subprocess.run([sys.executable, "-c", PROBE, str(path), "--quit-after-show", "--settings",
                          str(tmp_path / "t.ini")], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout
    loaded = next(line for line in out.splitlines() if line.startswith("loaded:")).split()[1:]
    assert "shown" in out and "ui.tabs.holders" in loaded
    early = [m for m in loaded if m.split(".")[0] in NOT_BEFORE_SHOWN or m in NOT_BEFORE_SHOWN
             or any(m.startswith(f"{name}.") for name in NOT_BEFORE_SHOWN)]
    assert early == []
