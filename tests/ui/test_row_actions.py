"""Tables as in Excel: a right-click menu on each row (edit, copy, mark done, open letter), Enter
edits, Ctrl+Tab and Ctrl+Shift+Tab go round the tabs."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tests.reports.conftest import letter_deal


def _right_click(qtbot, view, row: int):
    """Right-click the row as a person would: the view asks for its menu at that point."""
    index = view.model().index(row, 0)
    pos = view.visualRect(index).center()
    view.customContextMenuRequested.emit(pos)
    menu = view.row_actions.menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    return menu


def _texts(menu) -> list[str]:
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def _choose(qtbot, menu, text: str) -> None:
    from ui.qt import Qt

    action = next(a for a in menu.actions() if a.text().split("\t")[0] == text)
    assert action.isEnabled(), f"{text} is disabled"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


@pytest.fixture
def dialogs(monkeypatch):
    """The dialogs the menu entries open, recorded instead of shown (a modal exec would block)."""
    from ui.dialogs import blackout_dialog, holder_dialog, mark_done_dialog

    opened: list[tuple[str, object]] = []
    monkeypatch.setattr(holder_dialog.HolderDialog, "exec", lambda self: opened.append(("holder", self.holder)) or 0)
    monkeypatch.setattr(mark_done_dialog.MarkDoneDialog, "exec",
                        lambda self: opened.append(("mark done", self.deadline)) or 0)
    monkeypatch.setattr(blackout_dialog.BlackoutDialog, "exec", lambda self: opened.append(("blackout", self)) or 0)
    return opened


def test_right_click_on_a_holder_selects_it_and_edit_opens_its_dialog(qtbot, window, dialogs):
    tab = window.tab(0)
    view = tab.table
    menu = _right_click(qtbot, view, 2)
    third = view.model().index(2, 0).data()
    assert tab.current().holder.name == third  # the row under the pointer became the current one
    assert _texts(menu) == ["Ed&it…", "Re&move…", "&Consents and majority…", "&Copy rows",
                            "E&xport this table to Excel…"]
    assert menu.defaultAction().text() == "Ed&it…\tEnter"  # bold: what Enter does
    _choose(qtbot, menu, "Ed&it…")
    assert [(what, h.name) for what, h in dialogs] == [("holder", third)]


def test_right_click_inside_a_selection_keeps_it_and_copy_rows_copies_it(qtbot, window):
    from ui.qt import QApplication, QItemSelectionModel

    view = window.tab(0).table
    for r in (0, 1, 2):
        view.selectionModel().select(view.model().index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    menu = _right_click(qtbot, view, 1)
    assert len(view.selectionModel().selectedRows()) == 3
    QApplication.clipboard().clear()
    _choose(qtbot, menu, "&Copy rows")
    lines = QApplication.clipboard().text().rstrip("\r\n").split("\r\n")
    assert len(lines) == 4 and lines[0].startswith("Name\tSeries D Preferred")


def test_enter_on_a_holder_opens_its_edit_dialog(qtbot, window, dialogs):
    from ui.qt import Qt

    view = window.tab(0).table
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    second = view.model().index(1, 0).data()
    assert [(what, h.name) for what, h in dialogs] == [("holder", second), ("holder", second)]


def test_a_read_only_deal_offers_no_edit(qtbot, window, dialogs, monkeypatch):
    from ui.context import DealContext
    from ui.qt import Qt

    monkeypatch.setattr(DealContext, "read_only", property(lambda self: True))
    view = window.tab(0).table
    menu = _right_click(qtbot, view, 0)
    enabled = {a.text().split("\t")[0]: a.isEnabled() for a in menu.actions() if not a.isSeparator()}
    assert enabled["Ed&it…"] is False and enabled["Re&move…"] is False and enabled["&Copy rows"] is True
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert dialogs == []


def test_the_agenda_marks_an_open_deadline_done_from_its_menu_and_with_enter(qtbot, window, dialogs):
    from ui.qt import Qt

    window.tabs.setCurrentIndex(1)
    tab = window.tab(1)
    view = tab.agenda
    from ui.widgets.record_table import RECORD_ROLE

    row = next(r for r in range(view.model().rowCount())
               if str(view.model().index(r, 0).data(RECORD_ROLE)[0].status) == "open")
    menu = _right_click(qtbot, view, row)
    deadline = tab.current()
    assert str(deadline.status) == "open"
    assert "Mark &done…" in _texts(menu) and menu.defaultAction().text() == "Mark &done…\tEnter"
    assert not next(a for a in menu.actions() if a.text() == "Open &letter").isEnabled()  # nothing logged
    _choose(qtbot, menu, "Mark &done…")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [(what, d.key) for what, d in dialogs] == [("mark done", deadline.key)] * 2


@pytest.fixture
def letter_window(qtbot, tmp_path, settings):
    from rra_desktop.store import DealStore
    from ui.context import DealContext
    from ui.main_window import MainWindow

    (tmp_path / "deal").mkdir()
    store = DealStore.create(tmp_path / "deal" / "d.rradeal", letter_deal())
    context = DealContext(store)
    context.set_today(dt.date(2003, 6, 25))
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    store.close()


def _log_exhibit_a(context, folder):
    """An Exhibit A (7(p)) letter in the deal's Notices folder, logged as sent on Jun 23, 2003."""
    from rra_desktop.domain.model import NoticeDirection, NoticeRecord
    from rra_desktop.services import notices

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Exhibit A 2003-06-23.pdf"
    path.write_bytes(b"%PDF-1.4 Exhibit A")
    context.perform(notices.log_notice, NoticeRecord("n-exa", NoticeDirection.SENT, "notice_of_effectiveness",
                                                     "U.S. Stock Transfer Corporation", "courier",
                                                     dt.datetime(2003, 6, 23, 10, 0)), path)
    assert context.deal().notices[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    return path


def test_open_letter_on_a_deadline_the_logged_letter_performed(qtbot, letter_window):
    context = letter_window.context
    letter = _log_exhibit_a(context, letter_window.context.store.path.parent / "Notices")
    letter_window.tabs.setCurrentIndex(1)
    tab = letter_window.tab(1)
    opened = []
    tab.opener = opened.append
    assert tab.select("notice_of_effectiveness:rs-1")
    row = tab.agenda.currentIndex().row()
    menu = _right_click(qtbot, tab.agenda, row)
    assert str(tab.current().status) == "done" and tab.current().done_on == dt.date(2003, 6, 23)
    assert not next(a for a in menu.actions() if a.text() == "Mark &done…").isEnabled()
    _choose(qtbot, menu, "Open &letter")
    assert opened == [letter]


def test_open_letter_on_a_notice_row(qtbot, letter_window):
    letter = _log_exhibit_a(letter_window.context, letter_window.context.store.path.parent)
    letter_window.tabs.setCurrentIndex(5)
    tab = letter_window.tab(5)
    opened = []
    tab.opener = opened.append
    menu = _right_click(qtbot, tab.table, 0)
    assert _texts(menu)[:3] == ["Ed&it…", "&View entry…", "Open &letter"]
    enabled = {a.text().split("\t")[0]: a.isEnabled() for a in menu.actions()}
    assert enabled["Ed&it…"] is False and enabled["&View entry…"] is True  # a sent notice is evidence
    _choose(qtbot, menu, "Open &letter")
    assert opened == [letter]


def test_a_blackout_row_edits_and_removes_only_an_upcoming_period(qtbot, window, context, dialogs):
    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from rra_desktop.services import blackouts

    context.perform(blackouts.add_blackout, BlackoutPeriod("b-m", dt.date(2003, 8, 4), dt.date(2003, 8, 8),
                                                           BlackoutBasis.MNPI, "Talks"), today=context.today())
    window.tabs.setCurrentIndex(2)
    view = window.tab(2).table
    menu = _right_click(qtbot, view, 0)
    assert _texts(menu)[:2] == ["Ed&it…", "&Remove…"]
    assert all(a.isEnabled() for a in menu.actions() if a.text().split("\t")[0] in ("Ed&it…", "&Remove…"))
    _choose(qtbot, menu, "Ed&it…")
    assert [what for what, _d in dialogs] == ["blackout"]


def test_every_tab_has_its_row_menu(qtbot, window):
    from ui.main_window import TABS

    for i, (_module, _cls, title) in enumerate(TABS):
        window.tabs.setCurrentIndex(i)
        tab = window.tab(i)
        view = getattr(tab, "table", None) or tab.agenda
        actions = view.row_actions
        assert actions.title, title
        texts = _texts(actions.build_menu())
        assert "&Copy rows" in texts and "E&xport this table to Excel…" in texts, title


def test_ctrl_tab_and_ctrl_shift_tab_go_round_the_tabs(qtbot, window):
    from ui.qt import Qt

    count = window.tabs.count()
    window.tabs.setCurrentIndex(0)
    view = window.tab(0).table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    for _ in range(count - 1):  # on round the last tab back to the first
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Backtab, shift_ctrl)  # what Shift+Tab types
    assert window.tabs.currentIndex() == count - 1
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab, shift_ctrl)
    assert window.tabs.currentIndex() == count - 2
    assert window.focusWidget() is window.tab(count - 2).table  # the table takes the keys at once
