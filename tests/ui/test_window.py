"""The main window as a person uses it: title, status bar, tabs by keyboard, Undo/Redo, the
Agreement dock, settings kept apart, and a tab that fails to load replaced by a placeholder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ui import settings as cfg
from ui.agreement_view import find_section, parse_sections
from ui.formatting import fmt_date, fmt_datetime, fmt_money, fmt_shares
from ui.main_window import TABS, TabSlot
from ui.qt import QLabel, Qt


def test_formatting_reads_like_the_paper():
    assert fmt_date(dt.date(2003, 6, 20)) == "Fri Jun 20, 2003"
    assert fmt_date(dt.date(2003, 7, 4)) == "Fri Jul 4, 2003"
    assert fmt_datetime(dt.datetime(2003, 6, 20, 17, 30)) == "Fri Jun 20, 2003 5:30 p.m."
    assert fmt_datetime(dt.datetime(2003, 6, 20, 0, 5)) == "Fri Jun 20, 2003 12:05 a.m."
    assert fmt_shares(4_967_600) == "4,967,600"
    assert fmt_money(4_440_000) == "$4,440,000.00"
    assert fmt_date(None) == ""


def test_agreement_sections_and_clause_lookup():
    text = Path(__file__).resolve().parents[2].joinpath("resources", "agreement.txt").read_text(encoding="utf-8")
    sections = parse_sections(text)
    clauses = [s.clause for s in sections]
    assert clauses[:3] == ["1", "2", "3"]
    assert "3(n)" in clauses and "7(p)" in clauses and "Schedule 1" in clauses
    assert find_section(sections, "3(m)(i)").clause == "3(m)"
    assert find_section(sections, "Section 7(g)").title == "Notices"
    assert find_section(sections, "9(z)") is None


def test_title_status_bar_and_tabs(window, context):
    deal = context.deal()
    assert window.windowTitle().startswith(f"{deal.terms.title} — d.rradeal")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t[2] for t in TABS]
    assert window.calendar_label.text().startswith("Calendar: ")
    assert window.next_label.text().startswith(("Next: ", "No open deadline"))
    for i in range(len(TABS)):
        window.tabs.setCurrentIndex(i)
        assert window.tabs.widget(i).tab is not None  # built on first show


def test_ctrl_number_switches_tabs(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_clause_request_opens_the_agreement(window, context):
    context.show_clause("3(n)")
    assert window.agreement_dock.isVisible()
    assert window.agreement_view.current_clause == "3(n)"
    block = window.agreement_view.text.textCursor().block().text()
    assert "(n)" in block


def test_missing_tab_becomes_a_placeholder_and_is_logged(qtbot, context, caplog):
    slot = TabSlot(context, "ui.tabs.no_such_tab", "NoSuchTab", "Imaginary")
    qtbot.addWidget(slot)
    widget = slot.build()
    assert isinstance(widget, QLabel) and "not available" in widget.text()
    assert "Imaginary tab" in caplog.text


def test_settings_keep_window_state_apart_from_preferences(window, settings):
    window.tabs.setCurrentIndex(2)
    window.close()
    assert cfg.LAST_TAB.get(settings) == 2
    assert not cfg.GEOMETRY.get(settings).isEmpty()
    assert cfg.REMINDER_HORIZON.get(settings) == 5
    assert all(k.startswith(("window/", "preferences/")) for k in settings.allKeys())
    assert cfg.RECENT_FILES.get(settings)[0].endswith("d.rradeal")
