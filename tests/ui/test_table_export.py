"""Every tab exports to .xlsx: headings in row 1, typed dates and numbers, autofilter, frozen
heading row, written 0600, the dialog opening in the deal's folder."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.ui.test_row_actions import _choose, _log_exhibit_a, _right_click, letter_window  # noqa: F401


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The save dialog, answered with a file under tmp_path/out; records what it proposed."""
    asked: list[str] = []
    target = tmp_path / "out" / "table.xlsx"
    target.parent.mkdir()

    def answer(_parent, _title, proposed, _filter):
        asked.append(proposed)
        return str(target), "Excel workbook (*.xlsx)"

    from ui.qt import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return target, asked


def _headings(view) -> list[str]:
    from ui.qt import Qt

    # a heading broken over two lines on screen is one line in the file
    return [" ".join(view.model().headerData(c, Qt.Orientation.Horizontal).split("\n"))
            for c in range(view.model().columnCount())]


def test_file_menu_exports_the_holders_register_typed(qtbot, window, save_as, deal_store):
    from ui.qt import Qt

    target, asked = save_as
    view = window.tab(0).table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == [str(Path(deal_store.path).parent / "Holders 2003-06-20.xlsx")]  # in the deal's folder
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    sheet = load_workbook(target).active
    assert sheet.title == "Holders"
    assert [c.value for c in sheet[1]] == _headings(view)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:K{view.model().rowCount() + 1}"  # a column per class of the deal
    first = [c.value for c in sheet[2]]
    assert first[0] == view.model().index(0, 0).data()
    assert isinstance(first[1], int) and first[1] > 0 and sheet.cell(2, 2).number_format == "#,##0"
    percent = sheet.cell(2, 8)
    assert isinstance(percent.value, float) and percent.number_format == "0.0000%"
    assert sum(sheet.cell(r, 8).value for r in range(2, sheet.max_row + 1)) == pytest.approx(1.0, abs=1e-4)
    assert first[8] in ("Yes", "No")  # QIB, as the screen says it
    assert window.statusBar().currentMessage().startswith(f"Saved {view.model().rowCount()} rows")


def test_the_export_follows_the_filter_and_the_sort_on_screen(qtbot, window, save_as):
    from ui.qt import Qt

    target, _asked = save_as
    tab = window.tab(0)
    qtbot.keyClicks(tab.filter_edit, "north")
    tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    shown = [tab.table.model().index(r, 0).data() for r in range(tab.table.model().rowCount())]
    assert len(shown) == 3
    assert tab.table.row_actions.export() == target
    sheet = load_workbook(target).active
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == shown
    counts = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    assert counts == sorted(counts, reverse=True)


def test_the_notices_row_menu_exports_dates_and_times_as_excel_dates(qtbot, letter_window, save_as):  # noqa: F811
    target, asked = save_as
    _log_exhibit_a(letter_window.context, letter_window.context.store.path.parent)
    letter_window.tabs.setCurrentIndex(5)
    view = letter_window.tab(5).table
    menu = _right_click(qtbot, view, 0)
    _choose(qtbot, menu, "E&xport this table to Excel…")
    assert Path(asked[0]).name == "Notices sent and received 2003-06-25.xlsx"
    sheet = load_workbook(target).active
    headings = [c.value for c in sheet[1]]
    assert headings[:2] == ["Sent at", "Direction"]
    sent = sheet.cell(2, 1)
    assert sent.value == dt.datetime(2003, 6, 23, 10, 0) and sent.number_format.startswith("ddd mmm d, yyyy")
    deemed = sheet.cell(2, headings.index("Deemed given") + 1)
    assert deemed.is_date and deemed.value.date() == letter_window.context.deal().notices[0].deemed_given_on


def test_every_tab_exports_its_table(qtbot, window, tmp_path):
    from ui.main_window import TABS
    from ui.widgets.row_actions import table_of

    for i, (_module, _cls, title) in enumerate(TABS):
        window.tabs.setCurrentIndex(i)
        view = table_of(window.tab(i))
        assert view is not None, title
        path = view.row_actions.export(tmp_path / f"{i}.xlsx")
        sheet = load_workbook(path).active
        assert [c.value for c in sheet[1]] == _headings(view), title
        assert sheet.max_row == max(view.model().rowCount() + 1, 1), title
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_export_that_cannot_be_written_says_so_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    from ui.widgets import row_actions

    said = []
    monkeypatch.setattr("ui.errors.show_error", lambda _p, title, text: said.append((title, text)))
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert window.tab(0).table.row_actions.export(blocker / "x.xlsx") is None
    assert said and "cannot write" in said[0][1] and "nothing was written" in said[0][1]
    assert row_actions.Path(blocker).read_text() == ""
