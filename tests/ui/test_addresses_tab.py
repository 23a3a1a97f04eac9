"""The Notice addresses tab as a person uses it: pick a Holder, click Record change…, type the new
address and the sending time, OK; the register shows the day it takes effect under 7(g); the
address in force moves on that day and not before; withdraw and undo; the Prepare notice dialog
shows each recipient's address on the sending date."""

from __future__ import annotations

import datetime as dt

from ui.qt import QApplication, QDialogButtonBox, Qt, QTimer
from ui.tabs.addresses import AddressesTab

D = dt.date


def on_next_modal(act) -> None:
    """Run ``act(dialog)`` on the next modal dialog once it is shown."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def type_into(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def _tab(qtbot, context) -> AddressesTab:
    tab = AddressesTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    return tab


def ota_row(tab):
    return next(e for e in tab.in_force_model.rows() if e.holder_id == "h-ota")


def record_ota_move(qtbot, tab, sent: str = "6/13/2003 5:30 PM"):
    assert tab.in_force.select_where(lambda e: e.holder_id == "h-ota")
    seen = {}

    def fill(dialog) -> None:
        assert dialog.whose.currentText() == "OTA LLC"
        assert dialog.lines.toPlainText() == "1 Manhattanville Road\nPurchase, New York 10577"  # in force
        type_into(qtbot, dialog.sent_at.line, sent)
        dialog.method.setCurrentIndex(dialog.method.findData("fax"))
        dialog.lines.setFocus()
        dialog.lines.selectAll()
        qtbot.keyClicks(dialog.lines, "One Penn Plaza")
        qtbot.keyClick(dialog.lines, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.lines, "New York, New York 10119")
        type_into(qtbot, dialog.fax, "212-555-0199")
        seen["verdict"] = dialog.verdict.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(fill)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    return seen


def test_record_a_change_and_see_it_take_effect_on_its_7g_day(qtbot, context):
    tab = _tab(qtbot, context)
    seen = record_ota_move(qtbot, tab)
    # faxed 5:30 p.m. Fri Jun 13, 2003: deemed given Mon Jun 16 (7(g)(ii))
    assert seen["verdict"].startswith("Takes effect Mon Jun 16, 2003.") and "7(g)(ii)" in seen["verdict"]
    (entry,) = tab.changes_model.rows()
    assert entry.effect.date == D(2003, 6, 16) and entry.state == "in force"  # the tab's day: Jun 20
    assert entry.change.attention == "Mr. Richard M. Cayne"  # kept from the address in force
    assert ota_row(tab).address.lines == ("One Penn Plaza", "New York, New York 10119")
    type_into(qtbot, tab.as_of.line, "6/15/2003")
    assert ota_row(tab).address.lines[0] == "1 Manhattanville Road"
    assert tab.changes_model.rows()[0].state == "not yet in force"
    tab.changes.select_where(lambda e: True)
    assert "Deemed given" not in tab.detail.text() and "7(g)(ii)" in tab.detail.text()
    context.undo_stack.undo()
    assert context.deal().address_changes == () and tab.changes_model.rowCount() == 0
    context.undo_stack.redo()
    assert len(tab.changes_model.rows()) == 1


def test_withdraw_restores_the_old_address_from_the_day_typed(qtbot, context):
    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    tab.changes.select_where(lambda e: True)

    def withdraw(dialog) -> None:
        type_into(qtbot, dialog.on.line, "Sep 2, 2003")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(withdraw)
    qtbot.mouseClick(tab.withdraw_button, Qt.MouseButton.LeftButton)
    assert context.deal().address_changes[0].withdrawn_on == D(2003, 9, 2)
    type_into(qtbot, tab.as_of.line, "9/2/2003")
    assert ota_row(tab).address.lines[0] == "1 Manhattanville Road"
    assert tab.changes_model.rows()[0].state == "withdrawn" and not tab.withdraw_button.isEnabled()


def test_a_change_before_its_notice_was_sent_is_refused_beside_the_field(qtbot, context):
    tab = _tab(qtbot, context)
    tab.in_force.select_where(lambda e: e.holder_id == "h-ota")
    seen = {}

    def fill(dialog) -> None:
        type_into(qtbot, dialog.sent_at.line, "7/9/2003 2:00 PM")
        qtbot.mouseClick(dialog.effective.check, Qt.MouseButton.LeftButton)
        type_into(qtbot, dialog.effective.field.line, "7/1/2003")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["error"] = dialog.error_text("effective_from")
        seen["visible"] = dialog.isVisible()
        dialog.reject()

    on_next_modal(fill)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "cannot take effect (Tue Jul 1, 2003)" in seen["error"] and seen["visible"]
    assert context.deal().address_changes == ()


def test_prepare_notice_lists_each_recipient_at_its_address_on_the_sending_date(qtbot, context):
    from ui.letters.prepare import PrepareNoticeDialog

    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    dialog = PrepareNoticeDialog(context, kind="effectiveness")
    qtbot.addWidget(dialog)

    def ota_item():
        items = (dialog.recipients.item(i) for i in range(dialog.recipients.count()))
        return next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "h-ota")

    type_into(qtbot, dialog.sent_at.line, "6/13/2003 10:00 AM")
    assert "1 Manhattanville Road" in ota_item().text() and "One Penn Plaza" not in ota_item().text()
    type_into(qtbot, dialog.sent_at.line, "6/16/2003 10:00 AM")
    assert ota_item().text().startswith("OTA LLC — One Penn Plaza")
    assert "212-555-0199" in ota_item().toolTip()


def test_the_holders_register_shows_the_fax_in_force_on_its_date(qtbot, context):
    from ui.tabs.holders import HoldersTab

    record_ota_move(qtbot, _tab(qtbot, context))
    holders = HoldersTab(context)
    qtbot.addWidget(holders)
    holders.show()

    def ota_fax():
        row = next(r for r in holders.model.rows() if r.holder.id == "h-ota")
        return row.addressed.fax, row.holder.fax

    assert ota_fax() == ("212-555-0199", "914-694-6335")  # Fri Jun 20: the change is in force; the record keeps
    type_into(qtbot, holders.as_of.line, "6/13/2003")
    assert ota_fax() == ("914-694-6335", "914-694-6335")
    assert holders.select("h-ota") and "1 Manhattanville Road" in holders.detail.toPlainText()
    assert "awaiting" not in holders.detail.toPlainText() and "not yet in force" in holders.detail.toPlainText()


def test_remove_asks_first_and_refuses_nothing_else(qtbot, context, monkeypatch):
    from ui.qt import QMessageBox

    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    tab.changes.select_where(lambda e: True)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "OTA LLC" in asked[0] and context.deal().address_changes == ()
    assert ota_row(tab).address.lines[0] == "1 Manhattanville Road"


def test_enter_on_an_address_opens_the_change_dialog_for_that_party(qtbot, context):
    tab = _tab(qtbot, context)
    assert tab.in_force.select_where(lambda e: e.of.value == "transfer_agent")
    seen = {}

    def look(dialog) -> None:
        seen["whose"] = dialog.whose.currentText()
        seen["fax"] = dialog.fax.text()
        dialog.reject()

    on_next_modal(look)
    tab.in_force.setFocus()
    qtbot.keyClick(tab.in_force, Qt.Key.Key_Return)
    assert seen == {"whose": "U.S. Stock Transfer Corporation (the transfer agent)", "fax": ""}


def test_edit_a_recorded_change_and_the_letter_goes_to_the_corrected_address(qtbot, context):
    from reports.batch import letter_bytes
    from reports.catalog import build_letters
    from reports.letters import NoticeRequest
    from tests.reports.conftest import pdf_text

    def ota_letter_text() -> str:  # the Rule 144 certification OTA LLC asked for, faxed Tue Jun 17, 2003
        [letter] = build_letters(context.deal(), NoticeRequest("rule144-certification", dt.datetime(2003, 6, 17, 10, 0),
                                                               "fax", ("h-ota",)))
        return pdf_text(letter_bytes(letter))

    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    (recorded,) = context.deal().address_changes
    trail = len(context.store.audit_entries())
    assert "One Penn Plaza" in ota_letter_text() and "Suite 4100" not in ota_letter_text()
    assert tab.changes.select_where(lambda e: True) and tab.edit_button.isEnabled()
    seen = {}

    def correct(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["prefilled"] = (dialog.whose.currentText(), dialog.whose.isEnabled(), dialog.lines.toPlainText(),
                             dialog.fax.text(), dialog.sent_at.text(), dialog.method.currentData())
        dialog.lines.setFocus()
        cursor = dialog.lines.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        cursor.movePosition(cursor.MoveOperation.EndOfLine)
        dialog.lines.setTextCursor(cursor)
        qtbot.keyClicks(dialog.lines, ", Suite 4100")  # the line the paralegal left out
        seen["verdict"] = dialog.verdict.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(correct)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert seen["title"] == "Edit a change of notice address (7(g))"
    assert seen["prefilled"] == ("OTA LLC", False, "One Penn Plaza\nNew York, New York 10119", "212-555-0199",
                                 "Fri Jun 13, 2003 5:30 p.m.", "fax")
    assert seen["verdict"].startswith("Takes effect Mon Jun 16, 2003.")
    (edited,) = context.deal().address_changes  # the same record corrected, not a second change
    assert edited.id == recorded.id and edited.address_lines == ("One Penn Plaza, Suite 4100",
                                                                 "New York, New York 10119")
    assert edited.sent_at == recorded.sent_at and edited.attention == recorded.attention
    entries = context.store.audit_entries()[trail:]
    assert {e.action for e in entries} == {"Edit 7(g) address change of OTA LLC, in force Mon Jun 16, 2003"}
    assert context.undo_stack.undoText() == "Edit 7(g) address change of OTA LLC, in force Mon Jun 16, 2003"
    text = ota_letter_text()
    assert "One Penn Plaza, Suite 4100" in text and "New York, New York 10119" in text
    assert ota_row(tab).address.lines[0] == "One Penn Plaza, Suite 4100"
    context.undo_stack.undo()  # one step takes the correction back
    assert context.deal().address_changes == (recorded,)
    assert "Suite 4100" not in ota_letter_text()


def test_enter_on_a_recorded_change_opens_it_for_editing_and_ok_unchanged_writes_nothing(qtbot, context):
    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    trail = len(context.store.audit_entries())
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert tab.changes.select_where(lambda e: True)
    on_next_modal(look)
    tab.changes.setFocus()
    qtbot.keyClick(tab.changes, Qt.Key.Key_Return)
    assert seen["title"] == "Edit a change of notice address (7(g))"
    assert len(context.store.audit_entries()) == trail


def test_the_row_menu_of_a_change_offers_edit_first(qtbot, context):
    from tests.ui.test_row_actions import _right_click, _texts

    tab = _tab(qtbot, context)
    record_ota_move(qtbot, tab)
    menu = _right_click(qtbot, tab.changes, 0)
    assert _texts(menu)[:3] == ["Ed&it…", "&Withdraw…", "Re&move…"]
    assert menu.defaultAction().text() == "Ed&it…\tEnter"
    menu.close()
