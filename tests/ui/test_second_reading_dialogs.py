"""Dialogs after the second reading: a blackout records what it postpones; a 5(c) fee notice
records its method and time (7(g)); a 3(a) objection shows whether it binds."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.model import (
    BlackoutScope,
    Claim,
    ClaimClause,
    FactKind,
    TimelineFact,
)
from ui.qt import QDialogButtonBox, Qt

OK = QDialogButtonBox.StandardButton.Ok


def test_blackout_dialog_records_what_it_postpones(qtbot, context):
    from ui.dialogs.blackout_dialog import BlackoutDialog

    context.set_today(dt.date(2003, 6, 10))
    dialog = BlackoutDialog(context)
    qtbot.addWidget(dialog)
    dialog.end.set_value(dt.date(2003, 6, 29))
    qtbot.keyClicks(dialog.facts, "acquisition talks")
    dialog.postpones.setCurrentIndex(dialog.postpones.findData(BlackoutScope.FILING.value))
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    (b,) = context.deal().blackouts
    assert b.postpones == BlackoutScope.FILING
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert filing.in_force == dt.date(2003, 6, 30) and filing.postponed_by == b


def test_fee_notice_dialog_counts_from_the_7g_date(qtbot, context):
    from rra_desktop.services import claims as service
    from ui.dialogs.claim_dialog import FeeNoticeDialog

    context.perform(service.open_claim, Claim("c-1", ClaimClause.COMPANY_INDEMNIFIES, "OTA LLC", "Company",
                                              "Smith v. Spectrum"))
    dialog = FeeNoticeDialog(context, context.deal().claims[0])
    qtbot.addWidget(dialog)
    dialog.on.set_value(dt.date(2003, 6, 13))
    qtbot.keyClicks(dialog.amount, "25000")
    dialog.fee_method.setCurrentText("fax")
    dialog.sent_at.set_value(dt.datetime(2003, 6, 13, 17, 30))
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    (fee,) = context.deal().claims[0].fee_notices
    assert (fee.method, fee.sent_at) == ("fax", dt.datetime(2003, 6, 13, 17, 30))
    due = next(d for d in context.deadlines() if d.kind == "indemnity_fee_payment")
    assert due.trigger_date == dt.date(2003, 6, 16) and due.due == dt.date(2003, 6, 30)


def test_objection_dialog_says_whether_it_binds(qtbot, context):
    from rra_desktop.services import timeline
    from ui.dialogs.objection_dialog import ObjectionDialog

    context.perform(timeline.record_fact, TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, dt.date(2003, 6, 6)))
    context.set_today(dt.date(2003, 6, 10))
    dialog = ObjectionDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.received.value() == dt.date(2003, 6, 6)  # the copies' day, not the view's or today
    dialog.received.set_value(dt.date(2003, 6, 10))
    qtbot.keyClicks(dialog.document, "Prospectus")
    for i in range(dialog.objectors.count()):
        item = dialog.objectors.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("h-xmark-fund", "h-sds-merchant-fund"):
            item.setCheckState(Qt.CheckState.Checked)
    assert "binds the Company" in dialog.verdict.text() and "a majority" in dialog.verdict.text()
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    (o,) = context.deal().objections
    assert set(o.objectors) == {"h-xmark-fund", "h-sds-merchant-fund"} and o.received_on == dt.date(2003, 6, 10)
    assert o.withdrawn_on is None


def test_a_courier_handed_over_in_irvine_counts_from_the_local_date(qtbot, context):
    from ui.dialogs.fact_dialog import FactDialog

    dialog = FactDialog(context, kind=FactKind.PIGGYBACK_NOTICE.value)
    qtbot.addWidget(dialog)
    dialog.at.set_value(dt.datetime(2003, 6, 10, 22, 30))  # Tue 10:30 p.m. in Irvine = Wed 1:30 a.m. Eastern
    dialog.method.setCurrentText("courier")
    assert dialog.zone.isEnabled()
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Los_Angeles"))
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    (fact,) = [f for f in context.deal().facts if f.kind == FactKind.PIGGYBACK_NOTICE]
    assert fact.at.utcoffset() == dt.timedelta(hours=-7) and fact.on == dt.date(2003, 6, 10)
    window = next(d for d in context.deadlines() if d.kind == "piggyback_response" and d.holder_id)
    assert window.trigger_date == dt.date(2003, 6, 11)  # the Business Day after Tue Jun 10 (local date of mailing)
    reopened = FactDialog(context, fact=fact)
    qtbot.addWidget(reopened)
    assert reopened.zone.currentData() == "America/Los_Angeles" and reopened.at.value() == dt.datetime(2003, 6, 10,
                                                                                                        22, 30)


def test_the_ledger_lists_a_short_gap_on_the_same_facts_as_a_warning(qtbot, context):
    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from rra_desktop.services import blackouts as service
    from ui.tabs.blackouts import BlackoutsTab

    context.set_today(dt.date(2003, 8, 1))
    for b in (BlackoutPeriod("b1", dt.date(2003, 9, 1), dt.date(2003, 9, 10), BlackoutBasis.MNPI, "FDA letter"),
              BlackoutPeriod("b2", dt.date(2003, 9, 20), dt.date(2003, 9, 25), BlackoutBasis.MNPI, "FDA letter")):
        context.perform(service.add_blackout, b, today=context.today())
    tab = BlackoutsTab(context)
    qtbot.addWidget(tab)
    texts = [tab.violations.item(i).text() for i in range(tab.violations.count())]
    assert len(texts) == 1 and texts[0].startswith("Warning — Blackout ") and "9 days after" in texts[0]
