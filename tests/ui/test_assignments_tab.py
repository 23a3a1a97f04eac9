"""Recording an assignment of registration rights as a person would: the transferee becomes a
Holder with its notice address, both Holders' positions change, undo and redo each."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.holdings import register_as_of
from ui.dialogs.assignment_dialog import AssignmentDialog
from ui.models.assignments import COL_STATUS
from ui.qt import QDialogButtonBox
from ui.tabs.assignments import AssignmentsTab

ON = dt.date(2003, 6, 16)


def _preferred(context, name):
    deal = context.deal()
    ids = {h.id for h in deal.holders if h.name == name}
    return sum(p.preferred for p in register_as_of(deal, ON) if p.holder_id in ids)


def _record(qtbot, context, transferee_text=None):
    dialog = AssignmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.transferor.setCurrentIndex(dialog.transferor.findText("North Sound Legacy International Ltd."))
    dialog.security.setCurrentIndex(dialog.security.findData("PREF"))
    dialog.quantity.setValue(7)
    dialog.on.set_value(ON)
    if transferee_text:
        dialog.transferee.setCurrentIndex(dialog.transferee.findText(transferee_text))
    else:
        qtbot.keyClicks(dialog.name, "Harbor Point Partners LP")
        dialog.address.setPlainText("1 Harbor Point\nStamford, Connecticut 06902")
        qtbot.keyClicks(dialog.attention, "Ms. Jane Roe")
        qtbot.keyClicks(dialog.fax, "203-555-0100")
        qtbot.keyClicks(dialog.email, "jroe@example.com")
    dialog.written.set_value(ON)
    dialog.notice.set_value(dt.date(2003, 6, 17))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error_text() == "", dialog.error_text()
    return dialog


def test_recording_an_assignment_creates_the_transferee_and_moves_positions(qtbot, context):
    tab = AssignmentsTab(context)
    qtbot.addWidget(tab)
    before = _preferred(context, "North Sound Legacy International Ltd.")
    _record(qtbot, context)
    holder = next(h for h in context.deal().holders if h.name == "Harbor Point Partners LP")
    assert holder.address_lines == ("1 Harbor Point", "Stamford, Connecticut 06902")
    assert (holder.attention, holder.fax, holder.email) == ("Ms. Jane Roe", "203-555-0100", "jroe@example.com")
    assert _preferred(context, "North Sound Legacy International Ltd.") == before - 7
    assert _preferred(context, "Harbor Point Partners LP") == 7
    assert tab.model.rowCount() == 1
    row = tab.model.row_at(0)
    assert (row.transferor, row.transferee, row.assignment.quantity) == (
        "North Sound Legacy International Ltd.", "Harbor Point Partners LP", 7)
    assert tab.model.index(0, COL_STATUS).data().startswith("Effective Tue Jun 17, 2003")

    context.undo_stack.undo()
    assert tab.model.rowCount() == 0
    assert _preferred(context, "North Sound Legacy International Ltd.") == before
    assert not any(h.name == "Harbor Point Partners LP" for h in context.deal().holders)
    context.undo_stack.redo()
    assert tab.model.rowCount() == 1 and _preferred(context, "Harbor Point Partners LP") == 7


def test_an_existing_transferee_is_updated_not_duplicated(qtbot, context):
    count = len(context.deal().holders)
    dialog = AssignmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.transferee.setCurrentIndex(dialog.transferee.findText("OTA LLC"))
    assert dialog.name.text() == "OTA LLC" and dialog.address.toPlainText()  # offered for update
    dialog.deleteLater()
    _record(qtbot, context, "OTA LLC")
    assert len(context.deal().holders) == count
    assert _preferred(context, "OTA LLC") >= 7


def test_missing_conditions_are_listed(qtbot, context):
    from rra_desktop.domain.assignments import assignment_status

    _record(qtbot, context)
    a = context.deal().assignments[0]
    import dataclasses

    assert assignment_status(a).effective
    assert not assignment_status(dataclasses.replace(a, transferee_notice_on=None)).effective
