"""Fixtures for the GUI tests: a fresh deal file per test made from the sample, a context with a
fixed "today", settings in a temporary INI file (never the user's), and the main window."""

from __future__ import annotations

import datetime as dt

import pytest

# The offscreen platform cannot resize native windows for dock widgets; that warning is not ours.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def deal_store(tmp_path):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    store = DealStore.create(tmp_path / "d.rradeal", load_sample_deal())
    yield store
    store.close()


@pytest.fixture
def context(qtbot, deal_store):
    from ui.context import DealContext

    ctx = DealContext(deal_store)
    ctx.set_today(dt.date(2003, 6, 20))
    return ctx


@pytest.fixture
def settings(tmp_path):
    from ui.settings import open_settings

    return open_settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, context, settings):
    from ui.main_window import MainWindow

    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
