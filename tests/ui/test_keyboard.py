"""Keyboard use: Tab walks each dialog's fields in reading order and ends on OK/Cancel, the menus
answer their mnemonics, no two controls of a tab or dialog share a mnemonic, and the tables
open and delete records with Enter and Delete."""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def _dialogs(context):
    from ui.dialogs.assignment_dialog import AssignmentDialog
    from ui.dialogs.blackout_dialog import BlackoutDialog
    from ui.dialogs.claim_dialog import ClaimDialog
    from ui.dialogs.consent_dialog import ConsentDialog
    from ui.dialogs.expense_dialog import ExpenseDialog
    from ui.dialogs.fact_dialog import FactDialog
    from ui.dialogs.holder_dialog import HolderDialog
    from ui.dialogs.registration_dialog import RegistrationDialog

    return {
        "blackout": lambda: BlackoutDialog(context),
        "assignment": lambda: AssignmentDialog(context),
        "consent": lambda: ConsentDialog(context),
        "fact": lambda: FactDialog(context, kind="rs_filed"),
        "claim": lambda: ClaimDialog(context),
        "expense": lambda: ExpenseDialog(context),
        "registration": lambda: RegistrationDialog(context),
        "holder": lambda: HolderDialog(context),
    }


def _walk(qtbot, dialog) -> list[QWidget]:
    """Press Tab until focus comes back to where it started; the widgets focused, in order."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = dialog.focusWidget()  # the dialog's own focus: offscreen, no window is "active"
    assert first is not None
    seen = [first]
    for _ in range(60):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if dialog.focusWidget() is first:
            return seen
        seen.append(dialog.focusWidget())
    raise AssertionError(f"Tab never came back to {first!r}: {[w.accessibleName() for w in seen]}")


@pytest.mark.parametrize("name", ["blackout", "assignment", "consent", "fact", "claim", "expense", "registration",
                                  "holder"])
def test_tab_walks_each_dialog_top_to_bottom_then_ok_and_cancel(qtbot, context, name):
    dialog = _dialogs(context)[name]()
    seen = _walk(qtbot, dialog)
    buttons = [b for b in dialog.buttons.buttons() if b.isEnabled()]  # OK waits for a valid form
    fields = seen[:-len(buttons)]
    assert {*seen[-len(buttons):]} == {*buttons}, [w.accessibleName() for w in seen]
    assert fields and seen[0] not in buttons  # focus opens on the first field, not on OK
    # Reading order: each field starts no higher than the one before (a check box and its date
    # share a row, a few pixels apart).
    middles = [w.mapTo(dialog, w.rect().center()).y() for w in fields]
    assert all(b >= a - 6 for a, b in itertools.pairwise(middles)), \
        f"{name}: Tab jumps back up: {[w.accessibleName() for w in fields]}"
    assert len(set(fields)) == len(fields)


def test_blackout_dialog_tab_order_names_each_field(qtbot, context):
    from ui.dialogs.blackout_dialog import BlackoutDialog

    dialog = BlackoutDialog(context)
    names = [w.accessibleName() for w in _walk(qtbot, dialog)]
    expected = ["Start (first day)", "End: recorded", "End", "Basis", "Postpones", "Facts", "Confidential reason",
                "Notice: recorded", "Advice: recorded"]
    assert names[:len(expected)] == expected
    assert len(names) == len(expected) + 2  # then OK and Cancel


def test_tab_leaves_a_text_box_instead_of_typing_a_tab(qtbot, context):
    from ui.dialogs.blackout_dialog import BlackoutDialog

    dialog = BlackoutDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setFocus()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Tab)
    assert dialog.reason.toPlainText() == ""
    assert dialog.focusWidget() is dialog.notice.check


# Offscreen, a popup menu cannot grab the keyboard or raise itself; it still answers its keys.
MENU_NOISE = pytest.mark.qt_log_ignore(r"propagateSizeHints\(\)", "does not support grabbing the keyboard",
                                       r"does not support raise\(\)")


@MENU_NOISE
def test_view_menu_by_keyboard_switches_tab(qtbot, window):
    """Alt+V opens View; its "&3 Blackout ledger" item answers the key 3."""
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.isVisible, timeout=2000)
    QTest.keyClick(view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 2, timeout=2000)
    assert window.tabs.tabText(2) == "Blackout ledger"
    assert not view.isVisible()


@MENU_NOISE
def test_undo_reachable_from_the_edit_menu_by_keyboard(qtbot, window, context):
    import datetime as dt
    from decimal import Decimal

    from rra_desktop.domain.model import Expense, ExpenseCategory
    from rra_desktop.services import expenses

    context.perform(expenses.add_expense, Expense("e-k", dt.date(2003, 6, 20), "SEC",
                                                  ExpenseCategory.REGISTRATION_FILING, Decimal("100")))
    assert len(context.deal().expenses) == 1
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(edit.isVisible, timeout=2000)
    QTest.keyClick(edit, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: not context.deal().expenses, timeout=2000)


def _mnemonics(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel) and (m := re.search(r"&([^&\s])", widget.text())):
            found.setdefault(m.group(1).lower(), []).append(widget.text())
    return found


def test_no_two_controls_share_a_mnemonic(qtbot, window, context):
    menu_letters = {re.search(r"&(.)", a.text()).group(1).lower() for a in window.menuBar().actions()}
    for i in range(window.tabs.count()):
        clashes = {k: v for k, v in _mnemonics(window.tabs.widget(i)).items() if len(v) > 1 or k in menu_letters}
        assert not clashes, f"{window.tabs.tabText(i)}: {clashes}"
    for name, make in _dialogs(context).items():
        dialog = make()
        qtbot.addWidget(dialog)
        clashes = {k: v for k, v in _mnemonics(dialog).items() if len(v) > 1}
        assert not clashes, f"{name} dialog: {clashes}"


def test_menu_items_all_have_mnemonics(window):
    for top in window.menuBar().actions():
        assert "&" in top.text()
        for action in top.menu().actions():
            assert action.isSeparator() or "&" in action.text(), f"{top.text()} ▸ {action.text()}: no mnemonic"


def test_enter_opens_and_delete_asks_to_remove_the_current_record(qtbot, window, context):
    import datetime as dt

    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from rra_desktop.services import blackouts

    context.perform(blackouts.add_blackout, BlackoutPeriod("b-k", dt.date(2003, 8, 4), dt.date(2003, 8, 8),
                                                           BlackoutBasis.MNPI, "Talks"), today=context.today())
    window.tabs.setCurrentIndex(2)
    table = window.tabs.currentWidget().build().table
    table.setFocus()
    table.setCurrentIndex(table.proxy.index(0, 0))
    table.openRequested.disconnect()  # the signal alone: no modal dialog in a test
    table.deleteRequested.disconnect()
    with qtbot.waitSignal(table.openRequested, timeout=1000) as opened:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened.args[0].id == "b-k"
    with qtbot.waitSignal(table.deleteRequested, timeout=1000) as deleted:
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert deleted.args[0].id == "b-k"
