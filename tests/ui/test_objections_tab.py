"""The 3(a) objections tab as a person uses it: Record objection… (tick the objectors, type the
day received), the list says whether it binds and whether it stands; Withdraw… with a typed day;
Remove after confirming; undo."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.model import FactKind, TimelineFact
from tests.ui.test_addresses_tab import on_next_modal, type_into
from ui.qt import QDialogButtonBox, QMessageBox, Qt
from ui.tabs.objections import ObjectionsTab

D = dt.date
OK = QDialogButtonBox.StandardButton.Ok


def _tab(qtbot, context) -> ObjectionsTab:
    from rra_desktop.services import timeline

    # the Holders received review copies by fax at 10:00 a.m. on Fri Jun 6, 2003: objections by Wed Jun 11
    context.perform(timeline.record_fact, TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6),
                                                       dt.datetime(2003, 6, 6, 10), method="fax"))
    tab = ObjectionsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    tab.show()
    return tab


def record(qtbot, tab, objectors, received: str):
    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.document, "Prospectus")
        for i in range(dialog.objectors.count()):
            item = dialog.objectors.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in objectors:
                item.setCheckState(Qt.CheckState.Checked)
        type_into(qtbot, dialog.received.line, received)
        qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)

    on_next_modal(fill)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)


def test_record_see_whether_it_binds_withdraw_and_undo(qtbot, context):
    tab = _tab(qtbot, context)
    assert tab.model.rowCount() == 0
    record(qtbot, tab, {"special_counsel"}, "6/11/2003")
    (row,) = tab.model.rows()
    assert row.objectors == "Special Counsel" and row.status.binding and row.status.window_end == D(2003, 6, 11)
    assert row.stands  # the tab's day is Fri Jun 20, 2003
    assert "the objection stands" in tab.detail.text() and "in time" in tab.detail.text()

    def withdraw(dialog) -> None:
        type_into(qtbot, dialog.on.line, "Jun 13, 2003")
        qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)

    tab.table.select_where(lambda r: True)
    on_next_modal(withdraw)
    qtbot.mouseClick(tab.withdraw_button, Qt.MouseButton.LeftButton)
    (row,) = tab.model.rows()
    assert row.objection.withdrawn_on == D(2003, 6, 13) and not row.stands
    assert context.undo_stack.undoText().startswith("Withdraw 3(a) objection to Prospectus on Fri Jun 13, 2003")
    type_into(qtbot, tab.as_of.line, "6/12/2003")
    assert tab.model.rows()[0].stands
    context.undo_stack.undo()
    assert tab.model.rows()[0].objection.withdrawn_on is None


def test_a_late_minority_objection_is_listed_as_not_binding(qtbot, context):
    tab = _tab(qtbot, context)
    record(qtbot, tab, {"h-ota"}, "6/12/2003")
    (row,) = tab.model.rows()
    assert not row.status.binding and not row.stands and row.objectors == "OTA LLC"
    assert "does not bind" in tab.detail.text() and "too late" in tab.detail.text()


def test_remove_asks_then_removes(qtbot, context, monkeypatch):
    tab = _tab(qtbot, context)
    record(qtbot, tab, {"special_counsel"}, "6/11/2003")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    tab.table.select_where(lambda r: True)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "Special Counsel" in asked[0] and context.deal().objections == ()
    assert tab.model.rowCount() == 0 and not tab.remove_button.isEnabled()
