"""The blackout ledger as a person uses it: a 21-day period refused with the rule named, a
valid one moving the meter (undo, redo), an active period's start locked, and the confidential
reason kept out of the table."""

from __future__ import annotations

import datetime as dt

from ui.dialogs.blackout_dialog import BlackoutDialog
from ui.qt import QApplication, QDialogButtonBox, Qt, QTimer
from ui.tabs.blackouts import BlackoutsTab

D = dt.date


def _tab(qtbot, context) -> BlackoutsTab:
    tab = BlackoutsTab(context)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def answer_modal(button: QDialogButtonBox.StandardButton, text: str = "") -> None:
    """Answer the next modal dialog (typing ``text`` in its reason box first), as a person would."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        if text:
            dialog.reason.setPlainText(text)
        dialog.buttons.button(button).click()

    QTimer.singleShot(0, act)


def _fill(dialog: BlackoutDialog, start: dt.date, end: dt.date, facts: str, reason: str = "") -> None:
    dialog.start.set_value(start)
    dialog.end.set_value(end)
    dialog.facts.setText(facts)
    dialog.reason.setPlainText(reason)


def test_a_21_day_blackout_is_refused_with_the_rule_named(qtbot, context):
    dialog = BlackoutDialog(context)
    qtbot.addWidget(dialog)
    _fill(dialog, D(2003, 9, 2), D(2003, 9, 22), "Acquisition talks")
    assert "21 days" in dialog.check.text()
    assert "more than 20 consecutive days" in dialog.check.text()  # said live, before OK
    answer_modal(QDialogButtonBox.StandardButton.Cancel)  # no override reason given
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    shown = " ".join(dialog.error_text(name) for name in (None, "end", "start", "override_reason"))
    assert "20" in shown and "max_consecutive_days" not in shown
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert context.deal().blackouts == ()


def test_an_override_reason_records_the_breach(qtbot, context):
    dialog = BlackoutDialog(context)
    qtbot.addWidget(dialog)
    _fill(dialog, D(2003, 9, 2), D(2003, 9, 22), "Acquisition talks")
    answer_modal(QDialogButtonBox.StandardButton.Ok, "Holders of a majority waived 3(n) in writing")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (period,) = context.deal().blackouts
    assert period.override_reason == "Holders of a majority waived 3(n) in writing"


def test_a_valid_blackout_moves_the_meter_and_undo_redo_move_it_back(qtbot, context):
    tab = _tab(qtbot, context)
    assert tab.meter.value() == 0 and "40 days remain" in tab.remaining.text()
    dialog = BlackoutDialog(context, None, tab)
    qtbot.addWidget(dialog)
    _fill(dialog, D(2003, 9, 2), D(2003, 9, 21), "Acquisition talks", "Board weighing a merger")
    assert "20 days" in dialog.check.text() and "20 of 40" in dialog.check.text()
    assert "Breaks" not in dialog.check.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(context.deal().blackouts) == 1
    assert tab.meter.value() == 20 and "20 days remain" in tab.remaining.text()
    assert tab.model.rowCount() == 1
    assert context.undo_stack.undoText() == "Add blackout Tue Sep 2, 2003 – Sun Sep 21, 2003"
    context.undo_stack.undo()
    assert tab.meter.value() == 0 and tab.model.rowCount() == 0
    context.undo_stack.redo()
    assert tab.meter.value() == 20 and tab.model.rowCount() == 1


def _add(context, start, end, facts="Stop order", reason="secret merger talks"):
    from rra_desktop.services import blackouts as service

    dialog = BlackoutDialog(context)
    _fill(dialog, start, end, facts, reason)
    context.perform(service.add_blackout, dialog.proposed(), override_reason="")
    dialog.deleteLater()
    return context.deal().blackouts[-1]


def test_an_active_blackout_locks_all_but_its_end_notice_and_advice(qtbot, context):
    period = _add(context, D(2003, 6, 16), D(2003, 6, 25))  # today is Fri Jun 20, 2003
    dialog = BlackoutDialog(context, period)
    qtbot.addWidget(dialog)
    assert dialog.status == "active"
    assert not dialog.start.isEnabled() and "only its end" in dialog.start.toolTip()
    assert not dialog.facts.isEnabled() and not dialog.reason.isEnabled()
    assert dialog.end.check.isEnabled() and dialog.advice.check.isEnabled() and dialog.notice.check.isEnabled()
    context.set_today(D(2003, 7, 1))
    ended = BlackoutDialog(context, period)
    qtbot.addWidget(ended)
    assert ended.status == "ended"
    assert not ended.end.check.isEnabled() and not ended.start.isEnabled()
    assert ended.notice.check.isEnabled() and ended.advice.check.isEnabled()
    assert ended.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_blackout_entered_after_the_fact_still_takes_its_notice_and_advice_dates(qtbot, context):
    """Today Fri Jun 20, 2003; the period Jun 2-10 is entered now, already ended. Its notice (sent
    Mon Jun 2) and Advice (Wed Jun 11) are typed in afterwards and kept; its days stay as entered."""
    period = _add(context, D(2003, 6, 2), D(2003, 6, 10))
    dialog = BlackoutDialog(context, period)
    qtbot.addWidget(dialog)
    assert dialog.status == "ended" and "notice and its Advice" in dialog.general_error.text()
    # ticked, they offer the period's own dates, not today
    assert (dialog.notice.field.value(), dialog.advice.field.value()) == (D(2003, 6, 2), D(2003, 6, 11))
    for field, typed in ((dialog.notice, "6/2/2003"), (dialog.advice, "Jun 11, 2003")):
        qtbot.mouseClick(field.check, Qt.MouseButton.LeftButton)
        line = field.field.line
        line.setFocus()
        line.selectAll()
        qtbot.keyClicks(line, typed)
        qtbot.keyClick(line, Qt.Key.Key_Tab)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.general_error.text()
    [stored] = [b for b in context.deal().blackouts if b.id == period.id]
    assert (stored.notice_sent_on, stored.advice_sent_on) == (D(2003, 6, 2), D(2003, 6, 11))
    assert (stored.start, stored.end) == (D(2003, 6, 2), D(2003, 6, 10))
    context.undo_stack.undo()
    [stored] = [b for b in context.deal().blackouts if b.id == period.id]
    assert stored.notice_sent_on is None and stored.advice_sent_on is None


def test_the_confidential_reason_stays_out_of_the_table(qtbot, context):
    tab = _tab(qtbot, context)
    _add(context, D(2003, 9, 2), D(2003, 9, 10), reason="secret merger talks")
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    cells = [str(tab.model.index(0, c).data(role)) for c in range(tab.model.columnCount()) for role in roles]
    assert not any("secret" in cell for cell in cells)
    assert tab.reason.text() == "secret merger talks"  # shown only in the ledger's own pane
    assert "CONFIDENTIAL" in tab.marker.text_label.text()


def test_removing_is_offered_only_for_an_upcoming_period(qtbot, context):
    tab = _tab(qtbot, context)
    _add(context, D(2003, 6, 16), D(2003, 6, 25))
    tab.table.select_where(lambda r: True)
    assert not tab.remove_button.isEnabled()


def test_the_violations_column_says_what_each_broken_rule_forbids():
    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from ui.models.blackouts import COL_VIOLATIONS, BlackoutRow, BlackoutsModel

    model = BlackoutsModel()
    model.set_rows([BlackoutRow(BlackoutPeriod("b1", D(2003, 10, 1), D(2003, 10, 25), BlackoutBasis.MNPI, "merger"),
                                "upcoming", 25, ("max_consecutive_days", "aggregate_days_in_12_months"))])
    shown = model.index(0, COL_VIOLATIONS).data()
    assert shown == "more than 20 consecutive days; more than 40 days in a 12-month period"
