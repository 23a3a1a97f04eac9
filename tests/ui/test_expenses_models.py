"""Table models of the tabs 3-8 through Qt's model tester, and their native sorting."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    Expense,
    ExpenseCategory,
    FeeNotice,
    NoticeDirection,
    NoticeRecord,
    RegistrationKind,
    RegistrationStatement,
)
from ui.models.assignments import AssignmentRow, AssignmentsModel
from ui.models.blackouts import COL_DAYS, COL_START, BlackoutRow, BlackoutsModel
from ui.models.claims import ClaimRow, ClaimsModel, FeeNoticesModel, FeeRow
from ui.models.expenses import (
    COL_AMOUNT,
    ExpensesModel,
    ExpenseTotalsModel,
    totals_by_category,
)
from ui.models.notices import NoticeRow, NoticesModel
from ui.models.registrations import (
    CutbackModel,
    CutbackRow,
    RegistrationRow,
    RegistrationsModel,
    SellingInfoModel,
    SellingInfoRow,
)
from ui.qt import Qt
from ui.widgets.record_table import NativeSortProxy

D = dt.date
EXPENSES = [
    Expense("e1", D(2003, 6, 2), "SEC", ExpenseCategory.REGISTRATION_FILING, Decimal("1200.50"), "INV-1",
            D(2003, 6, 5), D(2003, 6, 20)),
    Expense("e2", D(2003, 6, 10), "Kane Kessler, P.C.", ExpenseCategory.SPECIAL_COUNSEL, Decimal("9000.00"),
            "KK-77", D(2003, 6, 12), None),
    Expense("e3", D(2003, 5, 30), "Bowne", ExpenseCategory.PRINTING, Decimal("350.00")),
    Expense("e4", D(2003, 7, 1), "Kane Kessler, P.C.", ExpenseCategory.SPECIAL_COUNSEL, Decimal("1000.00")),
]


def _models():
    blackouts = BlackoutsModel()
    blackouts.set_rows([
        BlackoutRow(BlackoutPeriod("b1", D(2003, 9, 2), D(2003, 9, 21), BlackoutBasis.MNPI, "acquisition"),
                    "ended", 20),
        BlackoutRow(BlackoutPeriod("b2", D(2003, 10, 1), None, BlackoutBasis.SUSPENSION_EVENT, "stop order"),
                    "active", None, ("max_consecutive_days",)),
    ])
    claim = Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "North Sound", "Company", "Smith v. Spectrum",
                  fee_notices=(FeeNotice(D(2003, 9, 2), Decimal("5000")),))
    claims = ClaimsModel()
    claims.set_rows([ClaimRow(claim, D(2003, 9, 2), 1), ClaimRow(claim, None, 0)])
    fees = FeeNoticesModel()
    fees.set_rows([FeeRow(0, claim.fee_notices[0], D(2003, 9, 16), "overdue")])
    assignments = AssignmentsModel()
    assignments.set_rows([AssignmentRow(Assignment("a1", "h1", "h2", "PREF", 2, D(2003, 8, 1)), "A", "B",
                                        "Series D", False, "Missing: (ii)")])
    notices = NoticesModel()
    notices.set_rows([NoticeRow(NoticeRecord("n1", NoticeDirection.SENT, "blackout", "Holders", "fax",
                                             dt.datetime(2003, 9, 2, 16, 59), sha256="ab" * 32), "Tue Sep 2, 2003")])
    registrations = RegistrationsModel()
    registrations.set_rows([RegistrationRow(RegistrationStatement("r1", RegistrationKind.SECTION_2_SHELF,
                                                                  shares_registered=4_967_600), "on time")])
    info = SellingInfoModel()
    info.set_rows([SellingInfoRow("h1", "A", None), SellingInfoRow("h2", "B", D(2003, 6, 1))])
    cutback = CutbackModel()
    cutback.set_rows([CutbackRow("h1", "A", D(2004, 1, 5), 100, 0, 100, 33, Fraction(1, 3), 1, 34)])
    expenses = ExpensesModel()
    expenses.set_rows(EXPENSES)
    totals = ExpenseTotalsModel()
    totals.set_rows(totals_by_category(EXPENSES))
    return [blackouts, claims, fees, assignments, notices, registrations, info, cutback, expenses, totals]


def test_every_model_passes_the_model_tester(qtmodeltester):
    for model in _models():
        qtmodeltester.check(model)
        qtmodeltester.check(model)  # also after the fact: set_rows again resets cleanly
        model.set_rows(model.rows()[:1])
        qtmodeltester.check(model)


def test_sorting_uses_native_values_not_display_text():
    model = ExpensesModel()
    model.set_rows(EXPENSES)
    proxy = NativeSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    # As text "$1,000.00" < "$1,200.50" < "$350.00" < "$9,000.00"; as money 350 comes first.
    amounts = [proxy.index(r, COL_AMOUNT).data() for r in range(proxy.rowCount())]
    assert amounts == ["$350.00", "$1,000.00", "$1,200.50", "$9,000.00"]


def test_dates_sort_as_dates_and_empty_days_last():
    model = _models()[0]
    proxy = NativeSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_DAYS, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_DAYS).data() for r in range(2)] == ["20", ""]
    proxy.sort(COL_START, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_START).data() == "Wed Oct 1, 2003"


def test_numbers_are_right_aligned_text_left():
    model = ExpensesModel()
    model.set_rows(EXPENSES)
    align = model.index(0, COL_AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignLeft


def test_expense_totals_by_category_and_outstanding():
    rows = {t.category: t for t in totals_by_category(EXPENSES)}
    counsel = rows[ExpenseCategory.SPECIAL_COUNSEL.value]
    assert (counsel.count, counsel.total, counsel.outstanding) == (2, Decimal("10000.00"), Decimal("10000.00"))
    filing = rows[ExpenseCategory.REGISTRATION_FILING.value]
    assert (filing.total, filing.outstanding) == (Decimal("1200.50"), Decimal(0))  # paid Jun 20
    grand = rows["All categories"]
    assert (grand.count, grand.total, grand.outstanding) == (4, Decimal("11550.50"), Decimal("10350.00"))
