"""Deals on a firm server in the window's deal-file actions: how a window names one, File ▸ Restore
backup… for one, and File ▸ New deal made on a server.

Restore (choice where the product is silent): a server deal keeps no backup copies of its own (the
database's backups are the firm administrator's), so restoring one means what ``rra-desktop
restore URL FILE`` does: a deal file — a backup copy of one, or any deal file — is put in its place
as one recorded, undoable action ("Restore backup NAME"): every record made equal to the file's,
the audit trail keeping what the deal held before. The dialog lists the backups that apply: those
of every deal file in the library that is the same deal (the same deal UUID: the file it was copied
from, or copied to), newest first; "Choose a file…" takes any other. The file must be a complete
deal whose trail verifies, as for a file's own restore.

New deal on a server: the New deal dialog offers each named connection of the library; the deal's
name on the server is proposed from the Company's name (lower-case letters, digits and hyphens);
the deal is made off the GUI thread (a server that does not answer takes its connection timeout)
and then opened.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from ui.deal_file_dialogs import backup_line
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.tasks import BackgroundTask


def server_label(location: str) -> str:
    """A server deal as a title names it: "deal NAME in DATABASE on HOST" (no password; a local
    socket's folder is "this computer")."""
    database = urlsplit(str(location)).path.strip("/") or "?"
    return f"deal {_deal_of(location)} in {database} on {_host(location) or 'this computer'}"


def _host(location: str) -> str:
    """The server's host name; "" for a local socket (libpq's socket folder)."""
    parts = urlsplit(str(location))
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host") or "localhost"
    return "" if host.startswith("/") else host


def _deal_of(location: str) -> str:
    return dict(parse_qsl(urlsplit(str(location)).query)).get("deal", "?")


def deal_name_for(company: str) -> str:
    """A server deal's name proposed from the Company's: "Acme Biologics, Inc." -> "acme-biologics-inc"."""
    name = re.sub(r"[^a-z0-9]+", "-", company.lower()).strip("-")[:40].strip("-")
    return name or "new-deal"


def _same_deal_files(window: MainWindow, deal_uuid: str) -> list[Path]:
    """The library's deal files holding the deal with this UUID."""
    from ui.practice_window import practice_data

    found = []
    for location in practice_data(window).locations():
        if "://" in location:
            continue
        try:
            con = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
            try:
                row = con.execute("SELECT value FROM meta WHERE key = 'deal_uuid'").fetchone()
            finally:
                con.close()
        except sqlite3.Error:
            continue
        if row and row[0] == deal_uuid:
            found.append(Path(location))
    return found


class ServerRestoreDialog(QDialog):
    """What restoring means for a server deal, the backups that apply, Restore puts the chosen
    one's deal in place of the server deal (``chosen()``)."""

    def __init__(self, window: MainWindow, store):
        from rra_desktop.store.restore import choices

        super().__init__(window)
        self.store = store
        label = server_label(store.path)
        self.setWindowTitle(f"Restore into the {label}")
        layout = QVBoxLayout(self)
        intro = QLabel(f"The {label} is kept by the firm's server, which keeps no backup copies of its own (the "
                       "database's backups are the firm administrator's). Restoring puts a deal file — a backup copy "
                       "of one, or any deal file — in its place as one recorded action: every record is made equal "
                       "to the file's, the audit trail keeps what the deal held before, and Edit ▸ Undo takes it back."
                       "\n\nBackups of the library's files that hold this deal, newest first:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups = []
        try:
            uuid = store.deal_uuid()
        except Exception:  # an older deal without one: only a chosen file applies
            uuid = None
        for source in _same_deal_files(window, uuid) if uuid else ():
            for c in choices(source):
                self.backups.append((c.path, f"{backup_line(c)}, a backup of {source}"))
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for path, text in self.backups:
            item = QListWidgetItem(text)
            item.setToolTip(str(path))
            self.list.addItem(item)
        self.none_found = not self.backups
        if self.none_found:
            self.list.addItem("No backup of this deal is in the library's folders: choose a deal file or a backup "
                              "copy of one.")
            self.list.setEnabled(False)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = QPushButton("&Choose a file…")
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(lambda: self.choose_file())
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, 400)

    def choose_file(self, name: str | None = None) -> None:
        name = name or QFileDialog.getOpenFileName(self, "Restore which deal file?", "",
                                                   "RRA Desk deal (*.rradeal *.rradeal.*)")[0]
        if not name:
            return
        if self.none_found:
            self.list.clear()
            self.list.setEnabled(True)
            self.none_found = False
        self.backups.insert(0, (Path(name), f"{Path(name).name}\n{Path(name).parent}"))
        self.list.insertItem(0, f"{Path(name).name}\n{Path(name).parent}")
        self.list.setCurrentRow(0)
        self.restore_button.setEnabled(True)

    def chosen(self) -> Path | None:
        row = self.list.currentRow()
        return self.backups[row][0] if self.backups and 0 <= row < len(self.backups) else None

    def accept(self) -> None:
        """Check the file (a complete deal whose trail verifies), then put its deal in place."""
        from rra_desktop.services import Refused, replace_deal
        from rra_desktop.store import DealStore, StoreError
        from rra_desktop.store import restore as restoring

        backup = self.chosen()
        if backup is None:
            return
        try:
            restoring.check_backup(backup)
            with DealStore.open(backup, read_only=True, backup=False) as source:
                deal, head = source.deal(), source.trail_head()
            self.parent().context.perform(replace_deal, deal, label=f"Restore backup {backup.name}")
        except (StoreError, Refused, OSError) as exc:
            self.error.setText(f"{backup.name} was not restored: {exc}")
            return
        self.parent().statusBar().showMessage(
            f"The {server_label(self.store.path)} now holds the deal of {backup.name} (its trail head {head}); the "
            "audit trail keeps what it held before", 15_000)
        super().accept()


def restore_into_server(window: MainWindow, store) -> ServerRestoreDialog:
    dialog = ServerRestoreDialog(window, store)
    window.restore_dialog = dialog  # tests reach it here
    dialog.open()
    return dialog


def open_server_deal(window: MainWindow, url: str, then=None) -> BackgroundTask:
    """Open a deal on a firm server off the GUI thread (``file_actions.open_on_worker``): "Connecting
    to HOST…" while the connection is made and the deal checked (a server that does not answer
    takes its connection timeout), "Reading DEAL…" while its rows are read, then the deal replaces
    the open one and ``then(window)`` runs. The password comes from libpq's password file, never
    from the settings. A connection problem is one dialog saying what to do; it, and Cancel, leave
    the open deal open."""
    from rra_desktop.store.server import ServerStore
    from ui.file_actions import open_on_worker

    def swap_in(store) -> None:
        window.context.set_store(store)
        if then is not None:
            then(window)

    return open_on_worker(window, f"Opening {_deal_of(url)}", lambda: ServerStore.open(url), _lines(url), swap_in,
                          lambda exc: _tell(window, "Cannot open the server deal", exc))


def reread_server_deal(window: MainWindow, message: str) -> BackgroundTask:
    """Read the open server deal afresh off the GUI thread after the server refused a change to
    rows someone else had changed (``DealContext.perform``): a new store on the same deal is opened
    and read on a worker, as ``open_server_deal`` opens one, and then takes the place of the old
    one with the undo history kept, every view showing the deal as it is now and the status bar
    saying ``message``. Until then the window shows the deal as it was read before; so it does
    after Cancel or a connection problem (one dialog), the old store staying in use: its next
    change reads the deal again first."""
    from ui.file_actions import open_on_worker

    context = window.context
    store = context.store

    def swap_in(fresh) -> None:
        if context.store is not store:  # another deal was opened meanwhile
            fresh.close()
            return
        context.set_store(fresh, same_deal=True)
        context.show_status(message)

    def kept() -> None:
        context.show_status("The deal was not read again: the window shows it as you read it before")

    def failed(exc: BaseException) -> None:
        _tell(window, "Cannot read the server deal again", exc)
        kept()

    return open_on_worker(window, f"Reading {_deal_of(store.path)} again", store.reopened,
                          _lines(store.path, " again"), swap_in, failed, kept)


def _lines(location: str, again: str = "") -> tuple[str, str, str]:
    """The progress dialog's lines while a server deal opens: connecting, reading, opening."""
    deal = _deal_of(location)
    return (f"Connecting to {_host(location) or 'the server on this computer'}…", f"Reading {deal}{again}…",
            f"Opening {deal}{again}…")


def _tell(window: MainWindow, title: str, exc: BaseException) -> None:
    from ui.errors import show_error  # looked up when shown: tests watch ui.errors

    show_error(window, title, exc)


def create_on_server(window: MainWindow, url: str, deal, then=None) -> None:
    """Make the deal on the server off the GUI thread, then open it and call ``then(window)`` (a
    refusal — the name taken, the server down, no permission — is one dialog, and the open deal
    stays)."""
    from rra_desktop.store.server import ServerStore
    from ui.errors import show_error
    from ui.tasks import run_in_background

    def made(_result) -> None:
        library = getattr(window, "practice_data", None)
        if library is not None:
            library.reload()  # the new deal is listed with the server's others
        open_server_deal(window, url, then)  # on a worker (ui.tasks keeps it running)

    def make(_progress) -> None:
        ServerStore.create(url, deal).close()

    window.server_deal_task = run_in_background(
        window, "Making the deal on the server", make, made,
        lambda exc: show_error(window, "The deal was not made on the server", exc))
