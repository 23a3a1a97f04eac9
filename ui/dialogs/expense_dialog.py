"""Add or edit a registration expense (Section 4) or a Holders' Special Counsel fee."""

from __future__ import annotations

import dataclasses
import uuid

from rra_desktop.domain.model import Expense, ExpenseCategory
from ui.qt import QComboBox, QLineEdit
from ui.widgets.date_field import DateField, OptionalDateField
from ui.widgets.money_field import MoneyField
from ui.widgets.record_dialog import RecordDialog


class ExpenseDialog(RecordDialog):
    def __init__(self, context, expense: Expense | None = None, parent=None) -> None:
        super().__init__(context, "Add expense" if expense is None else "Edit expense", parent)
        self.original = expense
        today = context.today()
        self.on = self.add_field("on", "&Date:", DateField(expense.on if expense else today))
        self.payee = self.add_field("payee", "&Payee:", QLineEdit(expense.payee if expense else ""))
        self.category = QComboBox()
        for category in ExpenseCategory:
            self.category.addItem(category.value, category.name)
        self.add_field("category", "&Category (Section 4):", self.category)
        self.amount = self.add_field("amount", "&Amount ($):", MoneyField(expense.amount if expense else None))
        self.invoice = self.add_field("invoice", "In&voice:", QLineEdit(expense.invoice if expense else ""),
                                      "The invoice document (file name or reference).")
        self.requested = self.add_field("reimbursement_requested_on", "Reimbursement &requested:",
                                        OptionalDateField(None, "Requested on", "Reimbursement requested"))
        self.paid = self.add_field("paid_on", "Pa&id on:", OptionalDateField(None, "Paid on", "Paid"))
        self.requested.set_value(expense.reimbursement_requested_on if expense else None, default=today)
        self.paid.set_value(expense.paid_on if expense else None, default=today)
        if expense is not None:
            self.category.setCurrentIndex(self.category.findData(expense.category.name))

    def proposed(self) -> Expense:
        values = dict(on=self.on.value(), payee=self.payee.text().strip(),
                      category=ExpenseCategory[self.category.currentData()],
                      amount=self.amount.value(), invoice=self.invoice.text().strip(),
                      reimbursement_requested_on=self.requested.value(), paid_on=self.paid.value())
        if self.original is None:
            return Expense(id=f"x-{uuid.uuid4().hex[:12]}", **values)
        return dataclasses.replace(self.original, **values)

    def submit(self) -> bool:
        from rra_desktop.services import Refused
        from rra_desktop.services import expenses as service

        expense = self.proposed()
        if expense.amount is None:
            raise Refused("Enter the amount in dollars, e.g. 12,500.00.", field="amount")
        fn = service.add_expense if self.original is None else service.edit_expense
        self.context.perform(fn, expense)
        return True
