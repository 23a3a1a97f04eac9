"""Tables as in Excel: several rows selected with Shift, Ctrl+C copies them as tab-separated
text with the headings."""

from __future__ import annotations


def test_three_holders_selected_with_shift_copy_as_tsv_with_headings(qtbot, window):
    from ui.qt import QApplication, QItemSelectionModel, Qt

    tab = window.tab(0)
    view = tab.table
    view.setFocus()
    first = view.model().index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center())
    third = view.model().index(2, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     view.visualRect(third).center())
    if len({i.row() for i in view.selectionModel().selectedIndexes()}) != 3:  # offscreen click quirks
        view.selectionModel().select(first, QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    lines = text.rstrip("\r\n").split("\r\n")
    assert len(lines) == 4, text
    heading = lines[0].split("\t")
    assert heading[0] == "Name" and "Registrable" in heading
    names = [line.split("\t")[0] for line in lines[1:]]
    assert names == [view.model().index(r, 0).data() for r in range(3)]
    assert all(len(line.split("\t")) == len(heading) for line in lines)


def test_a_record_table_copies_its_selected_rows(qtbot, window):
    from ui.qt import QApplication, QItemSelectionModel
    from ui.widgets.table_copy import copy_rows

    window.tabs.setCurrentIndex(1)
    view = window.tab(1).agenda
    model = view.model()
    assert model.rowCount() >= 2
    for r in (0, 1):
        view.selectionModel().select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    text = copy_rows(view)
    assert QApplication.clipboard().text() == text and len(text.rstrip().split("\r\n")) >= 3
