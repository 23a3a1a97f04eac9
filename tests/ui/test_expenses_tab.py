"""The expenses ledger (Section 4): add through the dialog, totals and outstanding, undo."""

from __future__ import annotations

import datetime as dt

from ui.dialogs.expense_dialog import ExpenseDialog
from ui.qt import QDialogButtonBox
from ui.tabs.expenses import ExpensesTab


def _add(qtbot, context, payee, category_index, amount, paid=None):
    dialog = ExpenseDialog(context)
    qtbot.addWidget(dialog)
    dialog.payee.setText(payee)
    dialog.category.setCurrentIndex(category_index)
    qtbot.keyClicks(dialog.amount, amount)
    if paid:
        dialog.paid.set_value(paid)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_expenses_total_by_category_and_outstanding(qtbot, context):
    tab = ExpensesTab(context)
    qtbot.addWidget(tab)
    _add(qtbot, context, "Securities and Exchange Commission", 0, "1215.40", dt.date(2003, 6, 20))
    _add(qtbot, context, "Kane Kessler, P.C.", 5, "9,000.00")
    _add(qtbot, context, "Kane Kessler, P.C.", 5, "1000")
    assert tab.model.rowCount() == 3
    totals = {r.category: r for r in tab.totals_model.rows()}
    assert str(totals["Holders' Special Counsel"].total) == "10000.00"
    assert str(totals["All categories"].outstanding) == "10000.00"
    assert "Total $11,215.40" in tab.summary.text() and "outstanding $10,000.00" in tab.summary.text()
    context.undo_stack.undo()
    assert "Total $10,215.40" in tab.summary.text()


def test_an_amount_that_is_not_money_is_refused_next_to_the_field(qtbot, context):
    dialog = ExpenseDialog(context)
    qtbot.addWidget(dialog)
    dialog.payee.setText("Bowne")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "amount" in dialog.error_text("amount").lower()
    assert context.deal().expenses == ()
