"""File ▸ Print: each report is written as a PDF and handed to the preview dialog (which prints)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader


@pytest.fixture
def opened(monkeypatch):
    """The preview dialogs the print actions open (``open`` patched: no window-modal dialog)."""
    from ui.letters.preview import PdfPreviewDialog

    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: shown.append(self))
    return shown


def _print(qtbot, window, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    print_menu = next(a.menu() for a in menu.actions() if a.text() == "&Print")
    action = next(a for a in print_menu.actions() if a.text().startswith(text))
    from ui.tasks import _RUNNING

    action.trigger()
    task = next(iter(_RUNNING))
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    return action


def _text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_print_register_as_of_the_holders_tab_date(qtbot, window, opened):
    from ui.qt import QKeySequence

    window.tab(0).as_of.set_value(dt.date(2003, 6, 30))
    action = _print(qtbot, window, "&Holder register")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert len(opened) == 1
    path = opened[0].pdf_path
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert path.name == "Register of Holders 2003-06-30.pdf"
    text = _text(path)
    assert "Register of Holders" in text and "June 30, 2003" in text
    assert opened[0].document.pageCount() >= 1


def test_print_calendar_covers_every_deadline(qtbot, window, opened):
    _print(qtbot, window, "&Deadline calendar")
    assert len(opened) == 1
    text = _text(opened[0].pdf_path)
    assert "Deadline calendar" in text
    first = min(d.in_force or d.due for d in window.context.deadlines() if d.in_force or d.due)
    assert f"{first:%B} {first.day}, {first.year}" in text  # the range starts at the earliest deadline


def test_print_blackout_ledger_is_marked_confidential(qtbot, window, opened):
    _print(qtbot, window, "&Blackout ledger")
    assert len(opened) == 1
    path = opened[0].pdf_path
    assert "confidential" in path.name
    text = _text(path)
    assert "Blackout ledger" in text and "internal use only" in text
