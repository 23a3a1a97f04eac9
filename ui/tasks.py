"""Long work off the GUI thread: one helper, a progress dialog with Cancel, results back on
the GUI thread (imports, batch letters, opening a large deal)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ui.qt import QObject, QProgressDialog, Qt, QWidget, Signal

Progress = Callable[..., bool]


class BackgroundTask(QObject):
    """A running job. ``finished(result)`` / ``failed(exc)`` fire on the GUI thread; tests may
    wait on ``done`` (emitted after either); ``over`` is True from then on."""

    finished = Signal(object)
    failed = Signal(object)
    done = Signal()
    _progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[Progress], Any]):
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self.over = False
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # no flash for quick jobs
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._thread = _Runner(self)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, text: str = "") -> bool:
        """Called from the worker: report progress; True when the user pressed Cancel."""
        self._progressed.emit(int(done), int(total), text)
        return self._cancel.is_set()

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set():  # the dialog closed on Cancel: the worker's last steps do not reopen it
            return
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def start(self) -> BackgroundTask:
        self._thread.start()
        return self

    def _finish(self, ok: bool, value: Any) -> None:
        self._thread.wait()
        self.dialog.close()
        self.dialog.deleteLater()
        _RUNNING.discard(self)
        self.over = True
        (self.finished if ok else self.failed).emit(value)
        self.done.emit()


class _Runner(QObject):
    """The worker: a daemon thread, so that work still running when the program ends (a server
    that does not answer its connect) neither keeps the program from ending nor ends it in a
    crash, as a QThread destroyed while it runs would (Qt aborts the process)."""

    result_ready = Signal(bool, object)

    def __init__(self, task: BackgroundTask):
        super().__init__()
        self._task = task
        self.result_ready.connect(task._finish, Qt.ConnectionType.QueuedConnection)
        self._worker = threading.Thread(target=self.run, name="background-task", daemon=True)

    def start(self) -> None:
        self._worker.start()

    def wait(self) -> None:
        self._worker.join()

    def run(self) -> None:
        try:
            value = self._task._fn(self._task.progress)
        except BaseException as exc:  # handed to on_error on the GUI thread
            self.result_ready.emit(False, exc)
        else:
            self.result_ready.emit(True, value)


_RUNNING: set[BackgroundTask] = set()  # keeps tasks alive until they report


def run_in_background(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> BackgroundTask:
    """Run ``fn(progress)`` on a worker thread with a progress dialog and Cancel.

    ``progress(done, total, text="")`` returns True once the user pressed Cancel (``fn`` should
    then stop and return). ``on_done(result)`` or ``on_error(exc)`` runs on the GUI thread;
    without ``on_error`` the error is shown in the standard error dialog.
    """
    task = BackgroundTask(parent, title, fn)
    task.finished.connect(on_done)
    if on_error is None:
        from ui.errors import show_error

        task.failed.connect(lambda exc: show_error(parent, title, exc))
    else:
        task.failed.connect(on_error)
    _RUNNING.add(task)
    return task.start()
