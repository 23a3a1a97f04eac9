"""The date fields read dates as people type them; Tab and Enter accept; a wrong date says why."""

from __future__ import annotations

import datetime as dt

import pytest

AUG_15 = dt.date(2003, 8, 15)


@pytest.fixture
def field(qtbot):
    from ui.widgets.date_field import DateField

    widget = DateField(dt.date(2003, 6, 20), "Date")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type(qtbot, field, text: str, key) -> None:
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, key)


@pytest.mark.parametrize("text", ["8/15/2003", "8/15/03", "Aug 15, 2003", "15 Aug 2003", "2003-08-15"])
def test_each_form_typed_then_enter_reads_august_15(qtbot, field, text):
    from ui.qt import Qt

    seen = []
    field.valueChanged.connect(seen.append)
    _type(qtbot, field, text, Qt.Key.Key_Return)
    assert field.value() == AUG_15 and seen == [AUG_15]
    assert field.text() == "Fri Aug 15, 2003" and field.problem() == ""


def test_tab_accepts_and_moves_on(qtbot):
    from ui.qt import Qt, QVBoxLayout, QWidget
    from ui.widgets.date_field import DateField

    form = QWidget()
    qtbot.addWidget(form)
    first, second = DateField(dt.date(2003, 6, 20)), DateField(dt.date(2003, 6, 20))
    layout = QVBoxLayout(form)
    layout.addWidget(first)
    layout.addWidget(second)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    first.line.setFocus()
    _type(qtbot, first, "8/15/2003", Qt.Key.Key_Tab)
    assert first.value() == AUG_15 and form.focusWidget() is second.line


def test_a_wrong_date_says_what_is_wrong_in_the_field_and_keeps_the_last_good_one(qtbot, field):
    from ui.qt import Qt

    _type(qtbot, field, "6/31/2003", Qt.Key.Key_Return)
    assert field.value() == dt.date(2003, 6, 20)
    assert field.error.text() == "June 2003 has 30 days, not 31." and not field.error.isHidden()
    assert field.text() == "6/31/2003"  # what was typed stays, to be corrected
    _type(qtbot, field, "6/30/2003", Qt.Key.Key_Return)
    assert field.value() == dt.date(2003, 6, 30) and field.error.isHidden()


def test_a_record_dialog_refuses_ok_while_a_date_is_wrong(qtbot, context):
    from ui.dialogs.expense_dialog import ExpenseDialog

    dialog = ExpenseDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.on.line.selectAll()
    qtbot.keyClicks(dialog.on.line, "Aug 15")
    dialog.accept()
    assert dialog.isVisible() and "Add the year" in dialog.on.error.text()
    assert dialog.error_text() == "Correct the date marked in red."
    assert context.deal().expenses == () or all(e.on != AUG_15 for e in context.deal().expenses)
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise() or keyboard grab for pop-ups
def test_the_calendar_opens_on_the_fields_date_not_today(qtbot, field):
    from ui.qt import QCalendarWidget

    field.pick.click()
    calendar = field.calendar_menu.findChild(QCalendarWidget)
    assert calendar.selectedDate().toPython() == dt.date(2003, 6, 20)
    field.calendar_menu.close()


def test_date_time_fields_take_typed_times_and_default_to_eastern(qtbot, monkeypatch):
    from ui.qt import Qt
    from ui.widgets import date_field

    monkeypatch.setattr(date_field, "eastern_now", lambda: dt.datetime(2003, 8, 15, 17, 30))
    widget = date_field.DateTimeField(None, "Sent at")
    qtbot.addWidget(widget)
    assert widget.value() == dt.datetime(2003, 8, 15, 17, 30)
    _type(qtbot, widget, "8/18/03 9:05 am", Qt.Key.Key_Return)
    assert widget.value() == dt.datetime(2003, 8, 18, 9, 5) and widget.text() == "Mon Aug 18, 2003 9:05 a.m."
