"""Reminders with a fixed "today": the sample's Filing Date (Closing May 7, 2003 + 45 days =
Sat Jun 21, 2003; act by Fri Jun 20) is due soon on Jun 16 and overdue on Jun 23."""

from __future__ import annotations

import datetime as dt

from ui.reminders import RemindersPanel


def _panel(qtbot, context, settings) -> RemindersPanel:
    panel = RemindersPanel(context, settings)
    qtbot.addWidget(panel)
    return panel


def _titles(panel, label):
    rows = range(panel.table.rowCount())
    return [panel.table.item(r, 2).text() for r in rows if panel.table.item(r, 0).text() == label]


def test_due_soon_then_overdue(qtbot, context, settings):
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    context.set_today(dt.date(2003, 6, 16))
    panel = _panel(qtbot, context, settings)
    assert filing.title in _titles(panel, "Due soon")
    first_count = panel.count
    assert first_count >= 1 and len(panel.notified) == 1  # one summary on opening
    with qtbot.waitSignal(panel.countChanged, raising=False, timeout=200):
        context.set_today(dt.date(2003, 6, 23))
    assert filing.title in _titles(panel, "Overdue")


def test_horizon_is_a_preference(qtbot, context, settings):
    from ui import settings as cfg

    context.set_today(dt.date(2003, 6, 10))  # Filing Date act-by Jun 20 is 8 Business Days away
    cfg.REMINDER_HORIZON.set(settings, 5)
    panel = _panel(qtbot, context, settings)
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert filing.title not in _titles(panel, "Due soon")
    cfg.REMINDER_HORIZON.set(settings, 10)
    panel.check()
    assert filing.title in _titles(panel, "Due soon")


def test_newly_due_item_raises_one_notification(qtbot, context, settings):
    context.set_today(dt.date(2003, 6, 1))
    panel = _panel(qtbot, context, settings)
    before = len(panel.notified)
    context.set_today(dt.date(2003, 6, 16))
    new = panel.notified[before:]
    assert any("Filing" in n or "filing" in n for n in new)
    context.set_today(dt.date(2003, 6, 16))  # same day again: nothing new
    assert len(panel.notified) == before + len(new)


def test_window_status_bar_counts_reminders(window, context):
    context.set_today(dt.date(2003, 6, 16))
    assert window.reminder_label.text() == f"{window.reminders.count} reminder" + (
        "s" if window.reminders.count != 1 else "")
