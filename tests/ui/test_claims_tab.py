"""Indemnification claims: open one through the dialog, a 5(c) fee notice with its payment date
10 Business Days later, overdue after that, and close/reopen."""

from __future__ import annotations

import datetime as dt

from ui.dialogs.claim_dialog import ClaimDialog, FeeNoticeDialog
from ui.qt import QDialogButtonBox
from ui.tabs.claims import ClaimsTab

OK = QDialogButtonBox.StandardButton.Ok


def test_fee_notice_payment_due_ten_business_days_later_then_overdue(qtbot, context):
    tab = ClaimsTab(context)
    qtbot.addWidget(tab)
    dialog = ClaimDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.indemnified, "North Sound Legacy Fund LLC")
    qtbot.keyClicks(dialog.proceeding, "Smith v. Spectrum Pharmaceuticals (C.D. Cal.)")
    dialog.notice_at.set_value(dt.datetime(2003, 6, 16, 16, 0))
    dialog.method.setCurrentText("fax")
    dialog.bases[3].setChecked(True)
    dialog.buttons.button(OK).click()
    assert dialog.error_text() == ""
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).deemed_given == dt.date(2003, 6, 16)
    assert "legal defenses available" in tab.detail.toPlainText()  # basis (3) in the agreement's words

    claim = context.deal().claims[0]
    fee = FeeNoticeDialog(context, claim)
    qtbot.addWidget(fee)
    fee.on.set_value(dt.date(2003, 6, 27))  # a Friday; July 4 falls inside the ten Business Days
    qtbot.keyClicks(fee.amount, "25000")
    fee.buttons.button(OK).click()
    assert fee.error_text("amount") == ""
    tab.table.select_where(lambda r: True)
    (row,) = tab.fees_model.rows()
    assert row.due == dt.date(2003, 7, 14) and row.state == "unpaid"
    context.set_today(dt.date(2003, 7, 15))
    tab.table.select_where(lambda r: True)
    assert tab.fees_model.rows()[0].state == "overdue"
    assert tab.model.row_at(0).overdue_fees == 1


def test_the_payment_date_is_the_engines_an_extension_moves_it(qtbot, context):
    """The fee row reads the 5(c) deadline the engine computes: a written extension recorded on
    the deadline (to Fri Aug 1, 2003) is the date the tab shows, and the row is not overdue on
    Tue Jul 15 although ten Business Days from the Fri Jun 27 notice end Mon Jul 14."""
    from decimal import Decimal

    from rra_desktop.domain.model import Claim, ClaimClause, FeeNotice, Instrument, InstrumentKind
    from rra_desktop.services.claims import open_claim
    from rra_desktop.services.instruments import record_instrument

    claim = Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "North Sound Legacy Fund LLC", "Spectrum",
                  "Smith v. Spectrum", fee_notices=(FeeNotice(dt.date(2003, 6, 27), Decimal("25000")),))
    context.perform(open_claim, claim)
    tab = ClaimsTab(context)
    qtbot.addWidget(tab)
    tab.table.select_where(lambda r: True)
    assert tab.fees_model.rows()[0].due == dt.date(2003, 7, 14)
    extension = Instrument("i1", InstrumentKind.EXTENSION, "7(f)", dt.date(2003, 7, 10), "fees by Aug 1",
                           given_by=("company", *(h.id for h in context.deal().holders)),
                           document="letter agreement of Jul 10, 2003", deadline_key="indemnity_fee_payment:c1:1",
                           new_date=dt.date(2003, 8, 1))
    context.perform(record_instrument, extension)
    context.set_today(dt.date(2003, 7, 15))
    tab.table.select_where(lambda r: True)
    (row,) = tab.fees_model.rows()
    assert row.due == dt.date(2003, 8, 1) and row.state == "unpaid"
