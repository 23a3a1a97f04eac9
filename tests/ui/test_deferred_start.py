"""The application's start shows the window before working out the deadlines (qtbot): until
``finish_start`` the Holder's detail pane and the status bar say nothing untrue, and after it the
window reads exactly as one built with the deadlines at once."""

from __future__ import annotations


def _build(qtbot, context, settings, defer: bool):
    from ui.main_window import MainWindow

    win = MainWindow(context, settings, defer_deadlines=defer)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_deferred_start_reads_as_the_plain_window_once_finished(qtbot, context, settings):
    plain = _build(qtbot, context, settings, defer=False)
    holders = plain.tab(0)
    expected = (holders.detail.toPlainText(), plain.next_label.text(), plain.reminder_label.text(),
                plain.reminders.table.rowCount())
    assert "This Holder's deadlines" in expected[0] and expected[2].endswith(("reminder", "reminders"))
    plain.close()

    win = _build(qtbot, context, settings, defer=True)
    detail = win.tab(0).detail
    assert "Working out the deadlines…" in detail.toPlainText()
    assert "No deadlines for this Holder." not in detail.toPlainText()
    assert win.next_label.text() == "" and win.reminder_label.text() == ""  # never "0 reminders" too soon
    assert win.reminders.table.rowCount() == 0
    win.finish_start()
    assert (detail.toPlainText(), win.next_label.text(), win.reminder_label.text(),
            win.reminders.table.rowCount()) == expected
    assert not context.deadlines_held
    win.finish_start()  # a second call changes nothing
    assert detail.toPlainText() == expected[0]
