"""File ▸ Open / Open recent / Open sample / Import of a large deal file runs off the GUI thread:
the store is opened and its first snapshot taken on a worker, then swapped in; Cancel
closes the half-opened store and leaves the current deal open. A small file opens at once."""

from __future__ import annotations

import threading

import pytest

from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealLocked, DealStore
from ui import file_actions as fa


@pytest.fixture
def other_deal(tmp_path):
    path = tmp_path / "other.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    return path


@pytest.fixture
def large(monkeypatch):
    """Every file counts as large, so the sample deal takes the background path."""
    monkeypatch.setattr(fa, "LARGE_DEAL_BYTES", -1)


@pytest.fixture
def opened(monkeypatch):
    """The stores DealStore.open made (on the worker), and a gate that holds the worker after the
    open until the test lets it go."""
    made, gate = [], threading.Event()
    gate.set()
    real = DealStore.open.__func__

    def spy(cls, path, read_only=False, **kwargs):
        store = real(cls, path, read_only, **kwargs)
        made.append(store)
        assert gate.wait(10)
        return store

    monkeypatch.setattr(DealStore, "open", classmethod(spy))
    return made, gate


def test_a_small_deal_opens_at_once(window, other_deal, opened):
    made, _gate = opened
    assert fa.switch_to(window, other_deal) is True
    assert window.context.store is made[0] and window.context.store.path == other_deal


def test_a_large_deal_opens_in_the_background_then_swaps_in(qtbot, window, other_deal, large, opened):
    made, _gate = opened
    before = window.context.store
    task = fa.switch_to(window, other_deal)
    assert isinstance(task, fa.BackgroundTask)
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    assert window.context.store is made[0] and window.context.store.path == other_deal
    assert threading.main_thread() is threading.current_thread()
    assert window.context.deal().holders == load_sample_deal().holders  # the worker's store reads here
    assert before._con is not None and _closed(before)


def test_cancel_closes_the_half_opened_store_and_keeps_the_current_deal(qtbot, window, other_deal, large, opened):
    from ui.qt import QPushButton

    made, gate = opened
    gate.clear()
    before = window.context.store
    task = fa.switch_to(window, other_deal)
    qtbot.waitUntil(lambda: len(made) == 1, timeout=10_000)  # opened on the worker, held at the gate
    task.dialog.findChild(QPushButton).click()  # the dialog's Cancel, as the paralegal presses it
    with qtbot.waitSignal(task.done, timeout=10_000):
        gate.set()
    assert window.context.store is before and not _closed(before)
    assert window.context.deal().holders  # the current deal still reads
    assert _closed(made[0]) and made[0]._lock is None  # the edit lock of the other file is released


def test_a_locked_large_deal_offers_read_only(qtbot, window, other_deal, large, monkeypatch):
    from ui.qt import QMessageBox

    real = DealStore.open.__func__

    def locked(cls, path, read_only=False, **kwargs):
        if not read_only:
            raise DealLocked(path, {"user": "someone", "host": "elsewhere"})
        return real(cls, path, read_only, **kwargs)

    asked = []
    monkeypatch.setattr(DealStore, "open", classmethod(locked))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Open))
    task = fa.switch_to(window, other_deal)
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.context.store.path == other_deal, timeout=10_000)
    assert asked == ["Deal file in use"] and window.context.read_only


def _closed(store) -> bool:
    import sqlite3

    try:
        store._con.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False
