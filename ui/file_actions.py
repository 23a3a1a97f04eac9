"""What the File menu does: open and create deal files, import and export through
``rra_desktop.exchange`` (off the GUI thread, with progress and Cancel), print the reports of ``reports/``."""

from __future__ import annotations

import importlib
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.app import is_server
from ui.errors import show_error
from ui.qt import QFileDialog, Qt
from ui.tasks import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger("rra_desk")
DEAL_FILTER = "RRA Desk deal (*.rradeal)"
JSON_FILTER = "Deal exchange file (*.json)"


def _exchange(module: str, *names: str):
    """The first of ``names`` that ``rra_desktop.exchange.<module>`` offers."""
    mod = importlib.import_module(f"rra_desktop.exchange.{module}")
    for name in names:
        if hasattr(mod, name):
            return getattr(mod, name)
    raise RuntimeError(f"rra_desktop.exchange.{module} offers none of {', '.join(names)}")


def location_name(location) -> str:
    """How menus name a deal: its file's name, or a server deal's name."""
    if is_server(location):
        return str(location).rsplit("deal=", 1)[-1].split("&")[0]
    return Path(location).name


def switch_to(window: MainWindow, path: Path | str) -> bool | BackgroundTask:
    """Open another deal file (or server deal) in this window (the current one is closed when
    the new one is in).

    A server deal, and a large file (over ``LARGE_DEAL_BYTES``), open off the GUI thread with a
    progress dialog and Cancel, and the running task is returned; a small file opens at once
    (True when it did), as the window's start-up open always does.
    """
    from ui.app import open_store

    if is_server(path):
        from ui.server_deals import open_server_deal

        return open_server_deal(window, str(path))
    path = Path(path)
    if _size(path) > LARGE_DEAL_BYTES:
        return open_in_background(window, path)
    store = open_store(window, path)
    if store is None:
        return False
    window.context.set_store(store)
    return True


LARGE_DEAL_BYTES = 5 * 1024 * 1024  # below this an open takes well under a second: no dialog


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # missing or unreadable: the ordinary open explains it
        return 0


def open_on_worker(window: MainWindow, title: str, open_store: Callable[[], Any], lines: tuple[str, str, str],
                   swap_in: Callable[[Any], None], failed: Callable[[BaseException], None],
                   cancelled: Callable[[], None] | None = None) -> BackgroundTask:
    """The one way a store is opened off the GUI thread: ``open_store()`` (a file's checks, backup
    and upgrade, or a server's connect and checks) and the first snapshot (reading every table)
    run on a worker under the progress dialog, whose ``lines`` say what it does first, while it
    reads, and last; then ``swap_in(store)`` runs on the GUI thread. Cancel closes the
    half-opened store (a file's edit lock, a server's connections) and calls ``cancelled()``: the
    current deal stays open. ``failed(exc)`` explains an open that failed."""
    first, reading, last = lines

    def work(progress):
        if progress(0, 0, first):
            return None
        store = open_store()
        try:
            if not progress(0, 0, reading):
                store.deal()  # the first snapshot, cached by the store for the window
            if progress(0, 0, last):
                store.close()
                return None
        except BaseException:
            store.close()
            raise
        return store

    def done(store) -> None:
        # Not task.cancelled here: the progress dialog's own close (when the work is over) emits
        # canceled too. The worker's last check is the Cancel that counts.
        if store is not None:
            swap_in(store)
        elif cancelled is not None:
            cancelled()

    return run_in_background(window, title, work, done, failed)


def open_in_background(window: MainWindow, path: Path, read_only: bool = False,
                       side_files: str | None = None) -> BackgroundTask:
    """Open a large deal file on a worker (``open_on_worker``; its sqlite connection is made with
    check_same_thread=False, so the GUI may use it afterwards). A locked file asks, as the
    ordinary open does, whether to open it read-only."""
    from rra_desktop.store import DealLocked, DealStore, StoreError
    from rra_desktop.store.side_files import SideFilesFound
    from ui.app import ask_read_only, ask_side_files, explain_open_failure, tell_notes

    def done(store) -> None:
        window.context.set_store(store)
        if store.notes:
            tell_notes(window, path, store.notes)

    def failed(exc) -> None:
        if isinstance(exc, DealLocked) and not read_only:
            if ask_read_only(window, exc):
                open_in_background(window, path, read_only=True)
        elif isinstance(exc, SideFilesFound):
            choice = ask_side_files(window, exc)
            if choice:
                open_in_background(window, path, read_only, choice)
        elif isinstance(exc, (StoreError, OSError)):
            explain_open_failure(window, path, exc)
        else:
            show_error(window, "Cannot open the deal file", exc)

    return open_on_worker(window, f"Opening {path.name}",
                          lambda: DealStore.open(path, read_only=read_only, side_files_choice=side_files),
                          (f"Checking {path.name}…", f"Reading {path.name}…", f"Opening {path.name}…"), done, failed)


def open_deal(window: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(window, "Open deal", str(start_folder(window)),
                                          f"{DEAL_FILTER};;All files (*)")
    if name:
        switch_to(window, Path(name))


def open_sample(window: MainWindow) -> None:
    from ui.app import ensure_sample_copy

    switch_to(window, ensure_sample_copy())


def start_folder(window: MainWindow) -> Path:
    """Where a file dialog opens: the open deal's folder, else the user's Documents folder
    (never the program's own folder, where Qt would start)."""
    return deal_folder(window.context)


def deal_folder(context) -> Path:
    """The folder of ``context``'s deal file, else the user's Documents folder (``start_folder``)."""
    from ui.qt import QStandardPaths

    path = getattr(getattr(context, "store", None), "path", None)
    if path is not None and Path(path).parent.is_dir():
        return Path(path).parent
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _save_path(window: MainWindow, title: str, name_filter: str, suffix: str, suggested: str = "") -> Path | None:
    """Ask where to save, starting in ``start_folder`` with ``suggested`` as the name."""
    name, _ = QFileDialog.getSaveFileName(window, title, str(start_folder(window) / suggested), name_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)


def _create_and_open(window: MainWindow, path: Path, deal) -> None:
    from rra_desktop.store import DealStore

    try:
        DealStore.create(path, deal).close()
    except Exception as exc:
        show_error(window, "Cannot create the deal file", exc)
        return
    switch_to(window, path)


def new_deal(window: MainWindow, server: str | None = None):
    """The user's own deal: the New deal dialog asks for the Company, the dates and the parties
    (window-modal); OK saves the file where the user says (or makes the deal on one of the
    library's servers: ``server`` names the connection chosen first), opens it and, if asked, goes
    on to import Schedule 1. Returns the dialog (tests drive it)."""
    from ui.dialogs.new_deal import NewDealDialog

    def choose(suggested: str) -> Path | None:
        return _save_path(window, "Save the new deal as", DEAL_FILTER, ".rradeal", suggested)

    from ui.practice_data import named_connections

    dialog = NewDealDialog(window.context, choose, window, named_connections(window.settings), server)

    def made() -> None:
        path, deal = dialog.created
        if is_server(path):  # one of the library's servers (ui.server_deals)
            from ui.server_deals import create_on_server

            create_on_server(window, path, deal, import_schedule if dialog.import_now.isChecked() else None)
            return
        _create_and_open(window, path, deal)
        if dialog.import_now.isChecked():
            import_schedule(window)

    dialog.accepted.connect(made)
    window.new_deal_dialog = dialog
    dialog.open()
    return dialog


def import_deal_file(window: MainWindow) -> None:
    """A deal exchange file (.json) becomes a new deal file, which then opens."""
    name, _ = QFileDialog.getOpenFileName(window, "Import deal file", str(start_folder(window)), JSON_FILTER)
    if not name:
        return
    target = _save_path(window, "Save the imported deal as", DEAL_FILTER, ".rradeal")
    if target is None:
        return
    read = _exchange("deal_json", "read_deal_json")
    run_in_background(
        window, "Importing the deal file", lambda _progress: read(Path(name)),
        lambda deal: _create_and_open(window, target, deal),
    )


def export_deal_file(window: MainWindow) -> None:
    path = _save_path(window, "Export deal file", JSON_FILTER, ".json")
    if path is None:
        return
    write = _exchange("deal_json", "write_deal_json")
    deal = window.context.deal()
    run_in_background(window, "Exporting the deal file", lambda _p: write(deal, path), lambda _r: _done(window, path))


def import_schedule(window: MainWindow) -> BackgroundTask | None:
    """Schedule 1 from CSV or Excel: read and checked off the GUI thread, then shown in the
    import preview (``window.schedule_preview``), which asks the date the positions take and
    writes them as one undoable edit; a box then says what was added."""
    name, _ = QFileDialog.getOpenFileName(window, "Import Schedule 1", str(start_folder(window)),
                                          "Schedule 1 (*.csv *.xlsx)")
    if not name:
        return None
    read = _exchange("schedule_import", "read_schedule_1")
    securities = window.context.deal().securities  # the deal's classes name the share columns
    return run_in_background(window, "Reading Schedule 1", lambda progress: read(Path(name), progress, securities),
                             lambda schedule: preview_schedule(window, schedule))


def preview_schedule(window: MainWindow, schedule):
    """The import preview for a checked schedule (window-modal); Import writes it."""
    from ui.dialogs.schedule_preview import SchedulePreviewDialog
    from ui.qt import QMessageBox

    dialog = SchedulePreviewDialog(window.context, schedule, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def imported() -> None:
        summary = dialog.imported.summary()
        window.statusBar().showMessage(summary, 10_000)
        QMessageBox.information(window, "Schedule 1 imported", f"{summary}\n\nEdit ▸ Undo takes the whole import back.")

    dialog.accepted.connect(imported)
    window.schedule_preview = dialog
    dialog.open()
    return dialog


def export_register(window: MainWindow) -> None:
    name, chosen = QFileDialog.getSaveFileName(window, "Export register", str(start_folder(window)),
                                               "Excel (*.xlsx);;CSV (*.csv)")
    if not name:
        return
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".csv")
    try:
        export = _exchange("register_export", "export_register", "write_register")
    except (ImportError, RuntimeError) as exc:
        show_error(window, "Export register", exc)
        return
    _export_as_of(window, "Exporting the register", export, path)


def export_calendar(window: MainWindow) -> None:
    """Deadlines (dates in force, with the instrument that set them) as an iCalendar file that
    updates the last export from this deal file (same UIDs; the state is kept in the file), with
    the reminder Preferences choose."""
    from rra_desktop.exchange.ics_export import export_store_calendar
    from ui import settings as cfg

    path = _save_path(window, "Export calendar", "iCalendar (*.ics)", ".ics")
    if path is None:
        return
    store, on = window.context.store, window.context.today()
    alarm = cfg.CALENDAR_ALARM_BUSINESS_DAYS.get(window.settings) or None
    run_in_background(window, "Exporting the calendar",
                      lambda _p: export_store_calendar(store, path, on, alarm_business_days=alarm),
                      lambda _r: _done(window, path))


# -- File ▸ Print: a report PDF in the preview dialog, which prints (QPrintDialog) and saves ------
def _print_dir() -> Path:
    """One temporary folder per session for the report PDFs (the preview's Save As… keeps one)."""
    global _PRINT_DIR
    if _PRINT_DIR is None or not _PRINT_DIR.is_dir():
        _PRINT_DIR = Path(tempfile.mkdtemp(prefix="rra-desk-print-"))
    return _PRINT_DIR


_PRINT_DIR: Path | None = None


def _print_report(window: MainWindow, title: str, file_stem: str, write) -> BackgroundTask:
    """``write(target)`` renders the report off the GUI thread; the PDF then opens in the preview."""
    target = _print_dir() / f"{file_stem}.pdf"
    return run_in_background(window, f"Preparing {title}", lambda _p: write(target) or target,
                             lambda path: show_pdf(window, path))


def show_pdf(window: MainWindow, path: Path) -> None:
    from ui.letters.preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(path, window, folder=start_folder(window))  # print to file: beside the deal
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()  # window-modal, not a nested event loop


def print_register(window: MainWindow) -> BackgroundTask:
    """Schedule 1 as of the Holders tab's "as of" date (today when that tab cannot be built)."""
    from reports.register import write_register

    holders = window.tab(0)
    on = holders.as_of.value() if hasattr(holders, "as_of") else window.context.today()
    deal, trail = window.context.deal(), _trail(window)
    return _print_report(window, "the register", f"Register of Holders {on.isoformat()}",
                         lambda target: write_register(deal, on, target, trail=trail))


def print_calendar(window: MainWindow) -> BackgroundTask:
    """Every deadline of the deal, from the earliest date in force to the latest (choice: the
    whole docket, which is what a paralegal files; statuses as of today)."""
    from reports.calendar_report import write_calendar

    deal, today = window.context.deal(), window.context.today()
    dates = [d.in_force or d.due for d in window.context.deadlines() if (d.in_force or d.due)]
    first, last = (min(dates), max(dates)) if dates else (today, today)
    trail = _trail(window)
    return _print_report(window, "the deadline calendar", f"Deadline calendar {today.isoformat()}",
                         lambda target, t=trail: write_calendar(deal, first, last, today, target, trail=t))


def print_blackout_ledger(window: MainWindow) -> BackgroundTask:
    """The blackout ledger: marked confidential on every page by the report itself."""
    from reports.blackout_ledger import write_blackout_ledger

    deal, today, trail = window.context.deal(), window.context.today(), _trail(window)
    return _print_report(window, "the blackout ledger", f"Blackout ledger (confidential) {today.isoformat()}",
                         lambda target: write_blackout_ledger(deal, today, target, trail=trail))


def _trail(window: MainWindow) -> str:
    """The footer line with the deal file's trail head digest (empty for the start screen)."""
    store = window.context.store
    return "" if store is None or getattr(store, "scratch", False) else store.trail_footer()


def _export_as_of(window: MainWindow, title: str, export, path: Path) -> None:
    """Run ``export(deal, path, today)`` on a snapshot, off the GUI thread."""
    deal, on = window.context.deal(), window.context.today()
    run_in_background(window, title, lambda _p: export(deal, path, on), lambda _r: _done(window, path))


def _done(window: MainWindow, path: Path) -> None:
    window.statusBar().showMessage(f"Saved {path}", 5000)
