"""Registration expenses (Section 4) and the Holders' Special Counsel fees the Company
reimburses: add, edit, remove, and the reimbursement requested and paid dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import Expense
from rra_desktop.services.base import Refused, add_record, edit_record, find, ordered, remove_record, text
from rra_desktop.store.transaction import Change


def check_expense(expense: Expense) -> Expense:
    text(expense.payee, "payee", "payee")
    if expense.amount is None or expense.amount <= 0:
        raise Refused("The amount must be more than zero, e.g. 1,234.56.", field="amount")
    ordered(expense.on, expense.reimbursement_requested_on, "reimbursement_requested_on",
            "Reimbursement cannot be requested before the expense was incurred.")
    ordered(expense.on, expense.paid_on, "paid_on", "The expense cannot be paid before it was incurred.")
    return expense


_checked = check_expense


def _label(verb: str, e: Expense) -> str:
    return f"{verb} expense {e.payee} ${e.amount:,.2f}"


def add_expense(store, expense: Expense) -> Change:
    return add_record(store, _checked(expense), "expenses", "expense", _label("Add", expense))


def edit_expense(store, expense: Expense) -> Change:
    return edit_record(store, _checked(expense), "expenses", "expense", _label("Edit", expense))


def remove_expense(store, expense_id: str) -> Change:
    e = find(store.deal().expenses, "id", expense_id, "expense")
    return remove_record(store, "expenses", expense_id, "expense", _label("Remove", e))


def mark_reimbursement_requested(store, expense_id: str, on: dt.date) -> Change:
    e = find(store.deal().expenses, "id", expense_id, "expense")
    return edit_expense(store, dataclasses.replace(e, reimbursement_requested_on=on))


def mark_paid(store, expense_id: str, on: dt.date) -> Change:
    e = find(store.deal().expenses, "id", expense_id, "expense")
    return edit_expense(store, dataclasses.replace(e, paid_on=on))
