"""Fixtures for the GUI tests: a fresh deal file per test made from the sample, a context with a
fixed "today", settings in a temporary INI file (never the user's), and the main window."""

from __future__ import annotations

import datetime as dt

import pytest

# The offscreen platform cannot resize native windows for dock widgets, nor raise a pop-up menu
# or let it grab the keyboard; those warnings are not ours.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the (keyboard|mouse))"


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class UnexpectedDialog(AssertionError):
    """A modal message box opened in a test that did not expect one (it would block forever)."""


@pytest.fixture(autouse=True)
def no_unexpected_modal_boxes(monkeypatch):
    """A message box that nobody answers would hang the run: fail the test with its text instead.
    A test that expects a box patches ``QMessageBox`` (or ``ui.errors.show_error``) itself."""
    from PySide6.QtWidgets import QMessageBox

    def refuse_exec(box, *args, **kwargs):
        raise UnexpectedDialog(f"unexpected message box {box.windowTitle()!r}: {box.text()} {box.informativeText()}")

    def refuse_static(name):
        def refuse(parent, title, text, *args, **kwargs):
            raise UnexpectedDialog(f"unexpected QMessageBox.{name} {title!r}: {text}")

        return staticmethod(refuse)

    monkeypatch.setattr(QMessageBox, "exec", refuse_exec)
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse_static(name))


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


@pytest.fixture
def held_link(pg_cluster):
    """A slow network in front of the test server (``tests.pg.HeldLink``): connections through it
    wait while it is held."""
    from tests.pg import HeldLink

    link = HeldLink(pg_cluster)
    yield link
    link.close()
