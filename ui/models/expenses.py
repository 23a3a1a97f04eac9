"""Registration expenses and the Holders' Special Counsel fees (Section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rra_desktop.domain.model import Expense
from ui.widgets.record_table import Column, RecordTableModel


def outstanding(expense: Expense) -> Decimal:
    """What the Company still owes on an expense: its amount until it is paid."""
    return Decimal(0) if expense.paid_on else expense.amount


COL_DATE, COL_PAYEE, COL_CATEGORY, COL_AMOUNT, COL_INVOICE, COL_REQUESTED, COL_PAID, COL_OUTSTANDING = range(8)


class ExpensesModel(RecordTableModel):
    columns = (
        Column("Date", lambda e: e.on),
        Column("Payee", lambda e: e.payee),
        Column("Category (Section 4)", lambda e: e.category.value),
        Column("Amount", lambda e: e.amount),
        Column("Invoice", lambda e: e.invoice),
        Column("Reimbursement requested", lambda e: e.reimbursement_requested_on),
        Column("Paid", lambda e: e.paid_on),
        Column("Outstanding", lambda e: outstanding(e)),
    )


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    count: int
    total: Decimal
    outstanding: Decimal

    @property
    def id(self) -> str:
        return self.category


COL_TOTAL_CATEGORY, COL_TOTAL_COUNT, COL_TOTAL_AMOUNT, COL_TOTAL_OUTSTANDING = range(4)


class ExpenseTotalsModel(RecordTableModel):
    columns = (
        Column("Category", lambda t: t.category),
        Column("Items", lambda t: t.count),
        Column("Total", lambda t: t.total),
        Column("Outstanding", lambda t: t.outstanding),
    )


def totals_by_category(expenses: list[Expense] | tuple[Expense, ...]) -> list[CategoryTotal]:
    """Totals per Section 4 category in the order of the list, then a grand total row."""
    from rra_desktop.domain.model import ExpenseCategory

    rows = []
    for category in ExpenseCategory:
        items = [e for e in expenses if e.category == category]
        if items:
            rows.append(CategoryTotal(category.value, len(items), sum((e.amount for e in items), Decimal(0)),
                                      sum((outstanding(e) for e in items), Decimal(0))))
    rows.append(CategoryTotal("All categories", len(expenses), sum((e.amount for e in expenses), Decimal(0)),
                              sum((outstanding(e) for e in expenses), Decimal(0))))
    return rows
