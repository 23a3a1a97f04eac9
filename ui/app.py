"""Starting the GUI: which deal to open, the application object, logging and the excepthook.

``rra-desktop`` opens the last deal; the first time, a copy of the bundled sample deal made in
the user's data folder (the bundled file itself is never edited). ``rra-desktop FILE`` opens
FILE, ``rra-desktop postgresql://...?deal=NAME`` a deal on a firm server; a server deal (asked
for, or the last one) opens once the window has shown, on a worker (``server_deal_to_open``).
Hidden options: ``--quit-after-show`` (prints the seconds from ``run_gui`` to the window's
first show, the tab shown and its row count and the process's CPU seconds since it started, then
quits: the smoke test and the startup benchmark) and
``--settings INI`` (a settings file instead of the platform's store: tests, benchmarks).
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

log = logging.getLogger("rra_desk")

APP_NAME = "RRA Desk"
SAMPLE_COPY_NAME = "Spectrum 2003 sample.rradeal"
PREPARE_WRITES_AFTER_MS = 500  # after the first paint, so the window shows first


def user_log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def sample_copy_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / SAMPLE_COPY_NAME


def ensure_sample_copy(path: Path | None = None) -> Path:
    """The user's own copy of the sample deal, created the first time it is needed."""
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    path = path or sample_copy_path()
    if not path.exists():
        from rra_desktop.outputs import private_folder

        private_folder(path.parent)
        DealStore.create(path, load_sample_deal()).close()
    return path


def open_store(parent, path: Path, read_only: bool = False, side_files: str | None = None):
    """Open a deal file, explaining a damaged, locked or newer file in a dialog.

    A locked file (open in another window or on another machine) can be opened read-only; side
    files left beside it after a crash are explained and the user chooses (``ask_side_files``);
    anything else returns None after the dialog, and the caller keeps what it had open.
    """
    from rra_desktop.store import DealLocked, DealStore, StoreError
    from rra_desktop.store.side_files import SideFilesFound

    try:
        store = DealStore.open(path, read_only=read_only, side_files_choice=side_files)
    except DealLocked as exc:
        return open_store(parent, path, read_only=True) if ask_read_only(parent, exc) else None
    except SideFilesFound as exc:
        choice = ask_side_files(parent, exc)
        return open_store(parent, path, read_only, choice) if choice else None
    except (StoreError, OSError) as exc:
        explain_open_failure(parent, path, exc)
        return None
    for note in store.notes:
        log.warning("%s: %s", path, note)
    if store.notes:
        tell_notes(parent, path, store.notes)
    return store


def ask_side_files(parent, exc) -> str | None:
    """Side files beside the deal: what they are, and the user's choice ("apply", "set-aside"
    or None for Cancel). Either choice first copies the deal and the side files as found."""
    from ui.qt import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Side file beside the deal")
    found = "\n".join(f"• {f.describe()}" for f in exc.files)
    box.setText(f"{exc.path.name} has a file beside it that was not merged:\n\n{found}")
    box.setInformativeText(
        "Apply: SQLite uses it (a journal undoes the change that was interrupted, keeping every committed one; "
        "a log's changes are folded in). Set aside: the deal opens as its own file holds it, and the side file is "
        f"kept unmerged. Either way the deal and the side file are first copied as they stand into "
        f"{exc.path.parent / '.backups'}.")
    apply = box.addButton("&Apply", QMessageBox.ButtonRole.AcceptRole)
    aside = box.addButton("&Set aside", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(apply)
    box.exec()
    return {apply: "apply", aside: "set-aside"}.get(box.clickedButton())


def tell_notes(parent, path: Path, notes: list[str]) -> None:
    """What opening did that the user must hear of (side files settled, a conversion)."""
    from ui.qt import QMessageBox

    QMessageBox.information(parent, f"Opened {Path(path).name}", "\n\n".join(notes))


def ask_read_only(parent, exc) -> bool:
    """The deal file is locked by another window or machine: may it be opened read-only? Asked
    once, in the window's words (the store's message also tells a command-line user how to read
    it, which here would put the same question twice)."""
    from ui.qt import QMessageBox

    name = Path(exc.path).name if getattr(exc, "path", None) else "The deal file"
    who = exc.who() if hasattr(exc, "who") else str(exc)
    answer = QMessageBox.question(
        parent,
        "Deal file in use",
        f"{name} is {who}.\n\nOpen it read-only? You can read and print, but not record anything.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


def explain_open_failure(parent, path: Path, exc) -> None:
    """A damaged, newer or unreadable deal file: logged, and said in one dialog."""
    from ui.errors import show_error

    log.warning("Cannot open %s: %s", path, exc)
    show_error(parent, "Cannot open the deal file", exc)


# The options only the window takes; ``rra_desktop.__main__`` sends a command line that starts
# with one of them here rather than to the command-line parser.
GUI_OPTIONS = ("--quit-after-show", "--settings", "--read-only")


def _parse(argv: list[str]) -> SimpleNamespace:
    """The window's own words, read by hand: ``file`` (the first word that is not an option, or
    None), ``quit_after_show``, ``settings`` (``--settings INI`` or ``--settings=INI``) and
    ``read_only``. Any other word is passed over, as argparse's ``parse_known_args`` did;
    building an argparse parser, with its gettext look-ups, was a seventieth of the window's
    start for these four words."""
    args = SimpleNamespace(file=None, quit_after_show=False, settings=None, read_only=False)
    words = iter(argv)
    for word in words:
        option, equals, value = word.partition("=")
        if option == "--settings":
            args.settings = value if equals else next(words, None)
            if not args.settings:  # bad input: said, and exit status 2, as the command line does
                print("rra-desktop: --settings needs the path of a settings file", file=sys.stderr)
                raise SystemExit(2)
        elif word in ("--quit-after-show", "--read-only"):
            setattr(args, word[2:].replace("-", "_"), True)
        elif not word.startswith("-") and args.file is None:
            args.file = word
    return args


def is_server(location) -> bool:
    """A deal on a firm server (``postgresql://...?deal=NAME``) rather than a deal file."""
    return str(location).startswith(("postgresql:", "postgres:"))


def server_deal_to_open(settings, requested: str | None) -> str | None:
    """The server deal this start opens, if it opens one: asked for on the command line (a
    second start hands it to the running window instead), or the last deal open. The window
    shows first, on the empty "No deal open" screen, and the deal opens on a worker under its
    progress dialog (``file_actions.switch_to``): a server can take its whole connection timeout
    to answer. One that cannot be opened is one dialog, and the screen stays empty: never the
    sample open for editing in its place."""
    from ui.settings import LAST_DEAL

    location = requested or LAST_DEAL.get(settings)
    return str(location) if location and is_server(location) else None


def _initial_store(window_parent, settings, requested: str | None, read_only: bool = False):
    from ui.settings import LAST_DEAL

    candidates = [Path(requested)] if requested else []
    last = LAST_DEAL.get(settings)
    if not requested and last and Path(last).exists():
        candidates.append(Path(last))
    for path in candidates:
        store = open_store(window_parent, path, read_only=read_only)
        if store is not None:
            return store
    if candidates:
        # A deal was asked for (or was the last one) and was refused: an empty start screen, never
        # the sample open for editing in its place (a user could take it for their deal).
        from rra_desktop.store import DealStore

        return DealStore.open_scratch()
    return open_store(window_parent, ensure_sample_copy())  # the very first start


def run_gui(argv: list[str]) -> int:
    """Open the main window; returns the process exit code.

    The cyclic garbage collector waits until the window has painted: what the start allocates
    (Qt's classes and enums, the record types, the deal) is all kept, and walking it over and
    over (about 60 young-generation collections before the first paint) only delays the window.
    It is switched back on just after the first paint (and whenever this returns)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(argv, collect_after_paint=collecting)
    finally:
        if collecting:
            gc.enable()


def _run_gui(argv: list[str], collect_after_paint: bool) -> int:
    started = time.perf_counter()
    args = _parse(argv)
    _import_core_first()
    from ui.qt import QApplication, QTimer

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    single = not args.quit_after_show and not args.read_only
    if single:
        from ui.single_instance import hand_over

        if hand_over(args.file):  # a window is already open: it opens the file, this start ends
            return 0

    from ui.errors import defer_logging, install_excepthook, open_log
    from ui.settings import open_settings

    defer_logging(user_log_folder)  # the file is opened once the window has painted (below)
    install_excepthook(interactive=not args.quit_after_show)
    settings = open_settings(Path(args.settings) if args.settings else None)
    server = server_deal_to_open(settings, args.file)
    if server is not None:
        from rra_desktop.store import DealStore

        store = DealStore.open_scratch()
    else:
        store = _initial_store(None, settings, args.file, args.read_only)
    if store is None:
        return 1

    from ui.context import DealContext
    from ui.main_window import MainWindow

    context = DealContext(store)
    window = MainWindow(context, settings, defer_deadlines=True)
    window.show()
    if args.quit_after_show:

        def report() -> None:
            tab = window.current_tab()
            rows = getattr(getattr(tab, "proxy", None), "rowCount", lambda: 0)()
            print(f"shown {time.perf_counter() - started:.3f} s: {window.tabs.tabText(window.tabs.currentIndex())} "
                  f"tab, {rows} rows; cpu {time.process_time():.3f} s", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    else:
        if single:
            from ui.single_instance import InstanceServer

            window.instance_server = InstanceServer(lambda path: open_handed_over(window, path), parent=window)
        QTimer.singleShot(PREPARE_WRITES_AFTER_MS, lambda: _prepare_writes(store))
        QTimer.singleShot(LIBRARY_REMINDERS_AFTER_MS, lambda: _library_reminders(window))
    QTimer.singleShot(0, open_log)
    if collect_after_paint:
        QTimer.singleShot(0, gc.enable)
    QTimer.singleShot(0, window.finish_start)  # after the first paint (and the report above)
    if server is not None:
        QTimer.singleShot(0, lambda: _open_server_deal(window, server))
    return app.exec()


def _import_core_first() -> None:
    """Import the core modules the first window needs before Qt is loaded. Once PySide6 is
    imported it checks every module imported after it for its ``__feature__`` switches by
    reading the module's source (``inspect.getsource``); imported first, the store, the model and
    the register's modules are not read for it (that reading was 7% of the start, 4% after)."""
    import rra_desktop.domain.holdings  # the register
    import rra_desktop.store
    import rra_desktop.typed_dates  # noqa: F401  the register's as-of date


def app_icon():
    """The application's icon (window, taskbar, tray): ``resources/icons``, every size drawn."""
    from rra_desktop.resources import resource
    from ui.qt import QIcon

    icon = QIcon()
    for px in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", f"rra-desk-{px}.png")))
    return icon


def open_handed_over(window, path: str | None) -> None:
    """A later start handed over ``path`` (a deal opened from the file manager): raise the window
    and open it here, unless it is the deal already open."""
    from ui.file_actions import switch_to

    window.showNormal()
    window.raise_()
    window.activateWindow()
    if path and is_server(path):
        if str(path) != str(window.context.store.path):
            switch_to(window, path)
    elif path and Path(path).resolve() != Path(window.context.store.path).resolve():
        switch_to(window, Path(path))


def _open_server_deal(window, url: str) -> None:
    from ui.file_actions import switch_to

    switch_to(window, url)  # on a worker, under its progress dialog (``ui.tasks`` keeps it running)


LIBRARY_REMINDERS_AFTER_MS = 3_000  # after start-up: reading the library never delays the window


def _library_reminders(window) -> None:
    try:
        from ui.practice_window import start_library_reminders

        start_library_reminders(window)
    except Exception:  # reminders are a help, not a condition of working
        log.exception("The deal library's reminders could not start")


def _prepare_writes(store) -> None:
    """Import what the first recorded action needs (SQLAlchemy: about a quarter of a second)
    on a background thread while the paralegal reads the deal, so that action does not wait."""

    def work() -> None:
        try:
            store.prepare_writes()
        except Exception:  # only a head start: the first write imports it anyway
            log.exception("Preparing for writes failed")

    threading.Thread(target=work, name="prepare-writes", daemon=True).start()
