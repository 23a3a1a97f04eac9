"""Errors a person can read: one dialog for every failure, and a log file for the bugs.

Known errors (a damaged or locked deal file, a refused input) carry a message the user can act
on and are shown without a traceback; anything else is a bug: the dialog says so, shows the
details on request and points to the log file.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the dialog's classes are made on the first error, not at the window's start
    from collections.abc import Callable

    from ui.qt import QLabel, QWidget

log = logging.getLogger("rra_desk")

_LOG_FILE: Path | None = None
_LOG_FOLDER: Callable[[], Path] | None = None  # where the log file goes, until it is opened


# Errors in the user's data or input, raised with a message meant for the user: store errors,
# refusals, an invalid deal or Schedule 1 file (a cell that is not a number, a sheet that cannot
# be read), a letter the rules refuse, a date that cannot be read, a bad command-line input.
USER_ERRORS = frozenset({
    "StoreError", "Refused", "DealFileInvalid", "OSError", "Schedule1Invalid", "CellInvalid", "SheetUnreadable",
    "NoticeRefused", "TemplateError", "DateProblem", "BadInput", "UserError",
})


def is_user_error(exc: BaseException) -> bool:
    """True for an error in the user's data or input (its message says what to put right);
    False for a fault in the program. A class may also declare ``user_error = True``."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & USER_ERRORS) or getattr(exc, "user_error", False) is True



def show_error(parent: QWidget | None, title: str, exc_or_text: BaseException | str, *, logged: bool = False) -> None:
    """One readable dialog: the message first, the traceback (for bugs) under "Show Details".
    A fault is written to the log file the dialog names (unless the caller ``logged`` it)."""
    from ui.qt import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    if isinstance(exc_or_text, BaseException):
        exc = exc_or_text
        box.setText(error_text(exc))
        if not is_user_error(exc):
            if not logged:
                log.error("%s: %s", title, exc, exc_info=(type(exc), exc, exc.__traceback__))
                _flush_log()
            box.setIcon(QMessageBox.Icon.Critical)
            where = f"\n\nDetails were written to {_LOG_FILE}." if _LOG_FILE else ""
            box.setInformativeText(f"This is a fault in RRA Desk, not in your data.{where}")
            box.setDetailedText("".join(traceback.format_exception(exc)))
    else:
        box.setText(exc_or_text)
    box.setAccessibleName(title)
    box.exec()


def error_text(exc: BaseException) -> str:
    """What a dialog says of ``exc``: a file the system refused as "FILE: Permission denied" (not
    Python's "[Errno 13] Permission denied: 'FILE'"), anything else by its own message."""
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc) or type(exc).__name__


def _flush_log() -> None:
    open_log()  # a fault before the window's first paint: the file the dialog names exists
    for handler in logging.getLogger().handlers:
        handler.flush()


def show_refusal(label: QLabel, exc: BaseException | None) -> None:
    """Show a refusal's message in the label under the field it concerns (or clear it)."""
    label.setText("" if exc is None else str(exc))
    label.setVisible(exc is not None)


class _HeldRecords(logging.Handler):
    """What is logged before the log file is open, kept in order for it."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def defer_logging(log_folder: Callable[[], Path]) -> None:
    """The window's start: the log file is opened by ``open_log()`` once the window has painted
    (finding the user's log folder loads platformdirs, a fortieth of the start); what is logged
    before then is kept and written to the file first, and a fault shown in a dialog before then
    opens it at once (the dialog names it)."""
    global _LOG_FOLDER
    _LOG_FOLDER = log_folder
    root = logging.getLogger()
    root.addHandler(_HeldRecords())
    root.setLevel(logging.INFO)


def open_log() -> Path | None:
    """Open the log file ``defer_logging`` put off (nothing if it is open or was not put off). A
    log folder that cannot be written (a read-only home, a full disk) leaves the window working
    without a log file, said once on standard error; what was held stays in memory."""
    global _LOG_FOLDER
    folder, _LOG_FOLDER = _LOG_FOLDER, None
    if folder is None:
        return _LOG_FILE
    from rra_desktop.outputs import OutputRefused

    try:
        return setup_logging(folder())
    except (OSError, OutputRefused) as exc:
        print(f"RRA Desk: no log file: {error_text(exc)}", file=sys.stderr)
        return None


def setup_logging(log_dir: Path) -> Path:
    """Log to ``rra-desk.log`` in the user's log folder; returns the file's path. Records held
    since ``defer_logging`` are written to it first."""
    global _LOG_FILE
    from rra_desktop.outputs import FILE_MODE, private_folder

    private_folder(log_dir)
    _LOG_FILE = log_dir / "rra-desk.log"
    os.close(os.open(_LOG_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE))
    os.chmod(_LOG_FILE, FILE_MODE)  # the log names Holders and deals: private, whatever the umask
    handler = logging.FileHandler(_LOG_FILE, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for held in [h for h in root.handlers if isinstance(h, _HeldRecords)]:
        root.removeHandler(held)
        for record in held.records:
            handler.handle(record)
    return _LOG_FILE


def install_excepthook(interactive: bool = True) -> None:
    """Route unexpected exceptions (including those raised in slots) to the log and a dialog,
    instead of printing to a console the user never sees. Not ``interactive`` (smoke tests,
    benchmarks): log, print and exit with status 1 rather than wait on a dialog."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        _flush_log()
        if not interactive:
            sys.__excepthook__(exc_type, exc, tb)
            sys.exit(1)
        show_error(None, "RRA Desk — unexpected error", exc.with_traceback(tb), logged=True)

    sys.excepthook = hook
