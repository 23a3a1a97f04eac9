"""Registration expenses (Section 4): the ledger, totals by category, what is outstanding."""

from __future__ import annotations

from ui.dialogs.expense_dialog import ExpenseDialog
from ui.formatting import fmt_date, fmt_money, plural
from ui.models.expenses import COL_PAYEE, ExpensesModel, ExpenseTotalsModel, totals_by_category
from ui.qt import QLabel, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import clause_label, clause_link
from ui.widgets.record_dialog import button_row, confirm_and_perform
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


class ExpensesTab(QWidget):
    title = "Expenses"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ExpensesModel(self)
        self.table = RecordTable(self.model, "Registration expenses", self, stretch=COL_PAYEE)
        self.totals_model = ExpenseTotalsModel(self)
        self.table.set_empty_text("No expenses recorded. Add expense… records one (Section 4).")
        self.totals = RecordTable(self.totals_model, "Totals by category", self, stretch=None)
        self.totals.setSortingEnabled(False)  # the grand total stays the last row
        self.totals.proxy.sort(-1)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Outstanding")
        self.add_button = QPushButton("&Add expense…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.remove_button = QPushButton("&Remove", self)
        buttons = button_row(self.add_button, self.edit_button, self.remove_button, lead=clause_label(
            context, f"{clause_link('4', 'Section 4')}: the Company bears registration expenses and the Holders' "
            "Special Counsel's reasonable fees.", self))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.totals)
        split.setSizes([400, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        self.add_button.clicked.connect(lambda: ExpenseDialog(self.context, None, self).exec())
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.remove_button.clicked.connect(lambda: self.remove(self.table.current()))
        self.table.openRequested.connect(self.edit)
        self.table.deleteRequested.connect(self.remove)
        self.table.currentRecordChanged.connect(self._selected)
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, enter=True),
            RowAction("&Remove…", self.remove),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        expenses = sorted(self.context.deal().expenses, key=lambda e: (e.on, e.payee))
        self.table.show_rows(expenses)
        totals = totals_by_category(expenses)
        self.totals.show_rows(totals)
        grand = totals[-1]
        requested = [e for e in expenses if e.reimbursement_requested_on and not e.paid_on]
        self.summary.setText(f"<b>Total {fmt_money(grand.total)}</b>; outstanding {fmt_money(grand.outstanding)} "
                             f"({plural(len(requested), 'reimbursement request')} awaiting payment).")
        self._selected(self.table.current())

    def _selected(self, expense) -> None:
        self.edit_button.setEnabled(expense is not None)
        self.remove_button.setEnabled(expense is not None)

    def edit(self, expense) -> None:
        if expense is not None:
            ExpenseDialog(self.context, expense, self).exec()

    def remove(self, expense) -> None:
        if expense is None:
            return
        what = f"{expense.payee}, {fmt_money(expense.amount)} on {fmt_date(expense.on)}"
        from rra_desktop.services import expenses as service

        confirm_and_perform(self, self.context, "Remove expense", f"Remove {what}?", service.remove_expense, expense.id)
