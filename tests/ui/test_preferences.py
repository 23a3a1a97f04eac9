"""Edit ▸ Preferences…: the reminder horizon and watched parties, applied to the dock and the
status bar at once. Sample deal: the Filing Date (act by Fri Jun 20, 2003) is 8 Business Days
after Tue Jun 10, 2003, so a 5-day horizon leaves it out and a 10-day horizon brings it in."""

from __future__ import annotations

import datetime as dt

import pytest

from ui import settings as cfg


@pytest.fixture
def prefs(window, monkeypatch):
    """Trigger Edit ▸ Preferences… with the dialog's ``open`` patched (no window-modal dialog)."""
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.qt import QKeySequence

    monkeypatch.setattr(PreferencesDialog, "open", lambda self: None)
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    action = next(a for a in edit.actions() if a.text() == "&Preferences…")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Preferences)
    action.trigger()
    return window.preferences_dialog


def _titles(window) -> list[str]:
    table = window.reminders.table
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def test_dialog_shows_the_defaults(prefs):
    assert prefs.horizon.value() == 5
    assert prefs.interval.value() == 30
    assert all(box.isChecked() for box in prefs.party_boxes.values())
    assert prefs.watched() == []  # all ticked: watch everything


def test_wider_horizon_refreshes_dock_and_status_bar(qtbot, window, context, prefs):
    context.set_today(dt.date(2003, 6, 10))
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert filing.title not in _titles(window)
    before = window.reminders.count
    prefs.horizon.setValue(10)
    prefs.interval.setValue(15)
    prefs.accept()
    assert cfg.REMINDER_HORIZON.get(window.settings) == 10
    assert cfg.REMINDER_INTERVAL_MINUTES.get(window.settings) == 15
    assert filing.title in _titles(window)
    assert window.reminders.count > before
    assert window.reminder_label.text().startswith(f"{window.reminders.count} reminder")
    assert "within 10 Business Days" in window.reminders.summary.text()


def test_watched_parties_filter_the_reminders(qtbot, window, context, prefs):
    context.set_today(dt.date(2003, 6, 16))
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert filing.title in _titles(window)  # the Company's obligation
    prefs.party_boxes["Company"].setChecked(False)
    prefs.accept()
    assert cfg.WATCHED_PARTIES.get(window.settings) == ["Holders", "counsel"]
    assert filing.title not in _titles(window)
    assert window.reminder_label.text().startswith(f"{window.reminders.count} reminder")


def test_unticking_every_party_is_refused(prefs):
    for box in prefs.party_boxes.values():
        box.setChecked(False)
    assert "at least one party" in prefs.error.text()
    assert not prefs.apply()
    assert cfg.WATCHED_PARTIES.get(prefs.settings) == []  # nothing written
    prefs.party_boxes["Holders"].setChecked(True)
    assert prefs.error.text() == ""


def test_cancel_writes_nothing(prefs):
    prefs.horizon.setValue(20)
    prefs.reject()
    assert cfg.REMINDER_HORIZON.get(prefs.settings) == 5
