"""The Holders tab: add a Holder through the dialog as a person would, edit, undo and redo,
filter, change the "as of" date, and every table model through the model tester."""

from __future__ import annotations

import datetime as dt

from ui.dialogs.holder_dialog import HolderDialog
from ui.models.holders import HolderFilterProxy, HoldersModel, holder_rows
from ui.qt import QApplication, QDialogButtonBox, Qt, QTimer
from ui.tabs.holders import HoldersTab, schedule_check_text


def _tab(qtbot, context) -> HoldersTab:
    tab = HoldersTab(context)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_register_shows_schedule_1_and_checks_its_totals(qtbot, context):
    tab = _tab(qtbot, context)
    names = [r.holder.name for r in tab.model.rows()]
    assert "OTA LLC" in names and "SCO Financial Group LLC" in names
    assert schedule_check_text(context.deal()).startswith("✓")
    assert "444" in tab.schedule_check.text() and "$4,440,000.00" in tab.schedule_check.text()
    assert "Series D Preferred 444" in tab.totals.text() and "Placement Agent Warrants 188,936" in tab.totals.text()


def test_models_pass_the_model_tester(qtmodeltester, context):
    from rra_desktop.domain.holdings import register_as_of

    deal = context.deal()
    model = HoldersModel()
    model.set_rows(holder_rows(deal, register_as_of(deal, dt.date(2003, 6, 20))))
    qtmodeltester.check(model)
    proxy = HolderFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("north")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3
    proxy.sort(HoldersModel.COL_PREFERRED, Qt.SortOrder.DescendingOrder)
    proxy.set_text("")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 9


def test_filter_is_case_insensitive_across_name_attention_and_fax(qtbot, context):
    tab = _tab(qtbot, context)
    qtbot.keyClicks(tab.filter_edit, "NORTH sound")
    assert tab.proxy.rowCount() == 3
    assert "3 of 9 Holders" in tab.totals.text() or "3 of" in tab.totals.text()
    tab.filter_edit.clear()
    ota_fax = next(h.fax for h in context.deal().holders if h.name == "OTA LLC")
    qtbot.keyClicks(tab.filter_edit, ota_fax)
    assert tab.proxy.rowCount() == 1


def test_sorting_uses_numbers_not_text(qtbot, context):
    tab = _tab(qtbot, context)
    tab.table.sortByColumn(HoldersModel.COL_PREFERRED, Qt.SortOrder.AscendingOrder)
    values = [tab.proxy.index(r, HoldersModel.COL_PREFERRED).data() for r in range(tab.proxy.rowCount())]
    numbers = [int(v.replace(",", "")) for v in values]
    assert numbers == sorted(numbers)


def test_as_of_before_the_closing_shows_nothing_held(qtbot, context):
    tab = _tab(qtbot, context)
    tab.as_of.set_value(dt.date(2003, 5, 1))
    assert sum(r.preferred for r in tab.model.rows()) == 0
    tab.as_of.set_value(dt.date(2003, 6, 20))
    assert sum(r.preferred for r in tab.model.rows()) == 444


def test_dialog_refuses_a_duplicate_name_as_you_type(qtbot, context):
    dialog = HolderDialog(context)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "OTA LLC")
    assert not ok.isEnabled() and "already exists" in dialog.error_text("name")
    qtbot.keyClicks(dialog.fax, "call me")
    assert "fax" in dialog.error_text("fax").lower()


def test_add_edit_undo_redo_a_holder(qtbot, context):
    tab = _tab(qtbot, context)
    before = len(context.deal().holders)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HolderDialog)
        qtbot.keyClicks(dialog.name, "Acme Assignee LP")
        qtbot.keyClicks(dialog.fax, "(212) 555-0100")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    tab.add_holder()
    assert len(context.deal().holders) == before + 1
    assert context.undo_stack.undoText().startswith(("Add", "Record")) or context.undo_stack.count() == 1
    assert tab.current().holder.name == "Acme Assignee LP"

    def rename():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HolderDialog)
        dialog.name.setText("Acme Assignee L.P.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, rename)
    tab.edit_holder()
    assert "Acme Assignee L.P." in [h.name for h in context.deal().holders]
    context.undo_stack.undo()
    assert "Acme Assignee LP" in [h.name for h in context.deal().holders]
    context.undo_stack.undo()
    assert len(context.deal().holders) == before
    assert "Acme Assignee LP" not in [r.holder.name for r in tab.model.rows()]
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert "Acme Assignee L.P." in [r.holder.name for r in tab.model.rows()]


def test_the_detail_pane_at_its_least_width_shows_every_holders_tables_whole(qtbot, context):
    """No word is broken to fit ("Securi|ty") and nothing runs past the pane's right edge, for
    every Holder of Schedule 1, the deadlines drawn too."""
    from ui.qt import QTextOption

    context.deadlines_held = False
    tab = HoldersTab(context)
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.detail.resize(tab.detail.minimumWidth(), 600)
    assert tab.detail.wordWrapMode() == QTextOption.WrapMode.WordWrap
    for row in range(tab.proxy.rowCount()):
        tab.table.setCurrentIndex(tab.proxy.index(row, 0))
        QApplication.processEvents()
        assert "Position history" in tab.detail.toPlainText()
        assert tab.detail.horizontalScrollBar().maximum() == 0, tab.current().holder.name
