"""Errors sorted right: the user's data error is not called a fault; a fault is logged where the
message says."""

from __future__ import annotations

import pytest

HEAD = "Name,Address,Fax,QIB,Series D Preferred,D-1 Warrants,Purchase Price\n"


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.informativeText(), box.detailedText(), box.icon())) or 0)
    return shown


def test_a_schedule_with_abc_in_a_share_column_is_shown_as_the_users_data_error(qtbot, window, tmp_path, boxes,
                                                                              monkeypatch):
    from ui import file_actions
    from ui.qt import QFileDialog

    bad = tmp_path / "schedule.csv"
    bad.write_text(HEAD + "Acme Fund LP,1 Main St,212-555-0100,Yes,abc,10,$1000\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    before = window.context.deal()
    file_actions.import_schedule(window)
    qtbot.waitUntil(lambda: bool(boxes) or getattr(window, "schedule_preview", None) is not None, timeout=10000)
    assert boxes, "the refusal is shown"
    text, informative, details, _icon = boxes[0]
    assert "abc" in text or "abc" in informative
    assert "fault" not in f"{text} {informative}".lower() and details == ""
    assert window.context.deal().holders == before.holders


def test_a_real_fault_is_written_to_the_log_the_message_names(qtbot, tmp_path, boxes):
    from ui import errors

    log_file = errors.setup_logging(tmp_path / "logs")
    try:
        informative, details = _fault_shown(boxes)
        assert "This is a fault in RRA Desk" in informative and str(log_file) in informative
        assert "KeyError" in details
        written = log_file.read_text(encoding="utf-8")
        assert "Holders" in written and "Traceback" in written and "holder_rows" in written
    finally:
        _close_log_file(log_file)


def _fault_shown(boxes) -> tuple[str, str]:
    """A fault (a KeyError) shown in the error dialog: the dialog's informative and detailed text."""
    from ui import errors

    try:
        raise KeyError("holder_rows")
    except KeyError as exc:
        errors.show_error(None, "Holders", exc)
    _text, informative, details, _icon = boxes[-1]
    return informative, details


@pytest.mark.parametrize("name", ["Schedule1Invalid", "CellInvalid", "NoticeRefused", "DateProblem", "Refused"])
def test_every_user_error_kind_is_known(name):
    from ui.errors import is_user_error

    assert is_user_error(type(name, (ValueError,), {})("x"))
    assert not is_user_error(KeyError("x"))


def test_a_file_the_system_refuses_is_named_without_pythons_errno(qtbot, boxes):
    import errno

    from ui import errors

    errors.show_error(None, "Export this table to Excel",
                      PermissionError(errno.EACCES, "Permission denied", "Holders 2003-06-20.xlsx"))
    text, informative, details, _icon = boxes[0]
    assert text == "Holders 2003-06-20.xlsx: Permission denied"
    assert "Errno" not in text and "fault" not in informative and details == ""


def _close_log_file(log_file) -> None:
    import logging

    from ui import errors

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(log_file) or type(handler).__name__ == "_HeldRecords":
            root.removeHandler(handler)
            handler.close()
    errors._LOG_FILE = None


def test_what_is_logged_before_the_window_paints_is_written_first_when_the_log_opens(tmp_path):
    import logging

    from ui import errors

    folder = tmp_path / "logs"
    errors.defer_logging(lambda: folder)
    try:
        logging.getLogger("rra_desk").warning("Cannot open %s: %s", "deal.rradeal", "locked")
        assert not folder.exists()  # nothing touched the disk before the paint
        log_file = errors.open_log()
        logging.getLogger("rra_desk").info("after the paint")
        assert errors.open_log() == log_file  # opened once
        lines = log_file.read_text(encoding="utf-8").splitlines()
        assert "WARNING rra_desk: Cannot open deal.rradeal: locked" in lines[0] and "after the paint" in lines[1]
        assert not any(type(h).__name__ == "_HeldRecords" for h in logging.getLogger().handlers)
    finally:
        _close_log_file(folder / "rra-desk.log")


def test_a_fault_shown_before_the_window_paints_opens_the_log_it_names(qtbot, tmp_path, boxes):
    from ui import errors

    folder = tmp_path / "logs"
    errors.defer_logging(lambda: folder)
    try:
        informative, _details = _fault_shown(boxes)
        log_file = folder / "rra-desk.log"
        assert str(log_file) in informative and "holder_rows" in log_file.read_text(encoding="utf-8")
    finally:
        _close_log_file(folder / "rra-desk.log")


def test_a_log_folder_that_cannot_be_made_leaves_the_window_working_without_a_log_file(tmp_path, capsys):
    from ui import errors

    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    errors.defer_logging(lambda: blocked / "logs")
    try:
        assert errors.open_log() is None and errors._LOG_FILE is None
        assert "RRA Desk: no log file:" in capsys.readouterr().err
        assert errors.open_log() is None  # said once, not tried again
    finally:
        _close_log_file(blocked / "logs" / "rra-desk.log")
