"""The application's start shows the window before working out the deadlines (qtbot): until
``finish_start`` the Holder's detail pane (deadlines, Rule 144 dates) and the status bar say
nothing untrue and the menu bar has its titles without their actions; after it the window reads
exactly as one built with the deadlines at once, menus included."""

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
    plain_menus = {a.text(): [x.text() for x in a.menu().actions()] for a in plain.menuBar().actions()}
    plain.close()

    win = _build(qtbot, context, settings, defer=True)
    detail = win.tab(0).detail
    assert "Working out the deadlines…" in detail.toPlainText()
    assert "No deadlines for this Holder." not in detail.toPlainText()
    assert "Working out the Rule 144 dates…" in detail.toPlainText()
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]  # the bar as it will stay: nothing moves
    assert all(not a.menu().actions() for a in win.menuBar().actions())
    assert win.next_label.text() == "" and win.reminder_label.text() == ""  # never "0 reminders" too soon
    assert win.reminders.table.rowCount() == 0
    win.finish_start()
    assert (detail.toPlainText(), win.next_label.text(), win.reminder_label.text(),
            win.reminders.table.rowCount()) == expected
    assert not context.deadlines_held
    assert "Working out" not in detail.toPlainText()
    filled = {a.text(): [x.text() for x in a.menu().actions()] for a in win.menuBar().actions()}
    assert filled == plain_menus
    assert "&Quit" in filled["&File"] and "&Find" in filled["&Edit"]
    win.finish_start()  # a second call changes nothing
    assert detail.toPlainText() == expected[0]
    assert {a.text(): len(a.menu().actions()) for a in win.menuBar().actions()} == {
        k: len(v) for k, v in filled.items()}
