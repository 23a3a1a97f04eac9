"""The deal file itself: File ▸ Restore backup… and View ▸ Audit trail… (with the head digest).

Restoring closes the open deal first (its edit lock is released), restores through
``rra_desktop.store.restore`` (which keeps the deal as it stood, and any side file beside it, in
``.backups`` first) and opens the restored deal; a refused restore reopens the deal as it was.
A deal on a firm server has no backups of its own: restoring it puts a deal file in its place as
one recorded action (``ui.server_deals``). The audit window names a server deal by its name, its
database and its server.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rra_desktop.cli_views import fmt_stamp
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _deal_path(window: MainWindow) -> Path | None:
    store = window.context.store
    if store is not None and not getattr(store, "scratch", False):
        return Path(store.path)
    name, _ = QFileDialog.getOpenFileName(window, "Restore a backup of which deal?", "",
                                          "RRA Desk deal (*.rradeal)")
    return Path(name) if name else None


class RestoreDialog(QDialog):
    """The backups of one deal, newest first; Restore replaces the deal with the one chosen."""

    def __init__(self, path: Path, parent=None):
        from rra_desktop.store.restore import choices

        super().__init__(parent)
        self.setWindowTitle(f"Restore a backup of {path.name}")
        self.path = path
        self.backups = choices(path)
        layout = QVBoxLayout(self)
        intro = QLabel(f"Backups of {path.name}, newest first. The deal as it stands now is kept in "
                       f"{path.parent / '.backups'} before the backup replaces it.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for copy in self.backups:
            item = QListWidgetItem(backup_line(copy))
            item.setToolTip(str(copy.path))
            self.list.addItem(item)
        if not self.backups:
            self.list.addItem("No backups yet (one is made each time the deal is opened for editing after a change).")
            self.list.setEnabled(False)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> Path | None:
        row = self.list.currentRow()
        return self.backups[row].path if self.backups and 0 <= row < len(self.backups) else None


def restore_backup(window: MainWindow) -> None:
    """File ▸ Restore backup…: choose, confirm, restore, reopen."""
    from ui.file_actions import is_server

    store = window.context.store
    if store is not None and is_server(store.path):
        from ui.server_deals import restore_into_server

        restore_into_server(window, store)
        return
    path = _deal_path(window)
    if path is None:
        return
    dialog = RestoreDialog(path, window)
    window.restore_dialog = dialog  # tests reach it here
    dialog.accepted.connect(lambda: _restore_chosen(window, path, dialog.chosen()))
    dialog.open()


def _restore_chosen(window: MainWindow, path: Path, backup: Path | None) -> None:
    from rra_desktop.store import StoreError
    from rra_desktop.store.restore import restore
    from ui.errors import show_error
    from ui.file_actions import switch_to

    if backup is None:
        return
    store = window.context.store
    was_open = store is not None and not getattr(store, "scratch", False) and Path(store.path) == path
    if was_open:
        store.close()  # releases the edit lock; the window shows the snapshot until the reopen
    try:
        notes = restore(path, backup)
    except (StoreError, OSError) as exc:
        show_error(window, "The backup was not restored", exc)
        if was_open:
            switch_to(window, path)
        return
    switch_to(window, path)
    window.statusBar().showMessage(" ".join(notes), 15_000)


class AuditDialog(QDialog):
    """The audit trail, one row per changed record, and the head digest (selectable, to copy
    onto a file note); Verify checks the chain and every record against it."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        from ui.file_actions import is_server

        if is_server(store.path):
            from ui.server_deals import server_label

            self.setWindowTitle(f"Audit trail — {server_label(store.path)}")
        else:
            self.setWindowTitle(f"Audit trail — {Path(store.path).name}")
        layout = QVBoxLayout(self)
        entries = store.audit_entries()
        self.table = QTableWidget(len(entries), 5)
        self.table.setAccessibleName("Audit trail")
        self.table.setHorizontalHeaderLabels(["#", "When (UTC)", "Who", "Action", "Record"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, e in enumerate(entries):
            change = "added" if e.before is None else "removed" if e.after is None else "changed"
            for col, text in enumerate((str(e.seq), e.at[:19].replace("T", " "), e.user, e.action,
                                        f"{e.table_name} {e.row_id} {change}")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().setVisible(False)  # the "#" column numbers the entries
        self.table.horizontalHeader().setStretchLastSection(True)
        if entries:
            self.table.scrollToBottom()
        layout.addWidget(self.table)
        self.head = QLabel(f"Head digest: {store.trail_head()}")
        self.head.setAccessibleName("Head digest")
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.head.setToolTip("Printed on every report and kept in every backup: a trail rewritten later no longer "
                             "holds it (rra-desktop audit --verify --against DIGEST).")
        layout.addWidget(self.head)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Verification")
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.verify_button = QPushButton("&Verify")
        buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.clicked.connect(self.verify)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def verify(self) -> None:
        report = self.store.verify_audit()
        if report.ok:
            self.result.setText(f"Intact: {report.entries} entries, every record matches the trail.")
        else:
            where = f"{report.table} {report.record_id}" if report.table else f"entry {report.first_bad_seq}"
            self.result.setText(f"BROKEN at {where}: {report.message}")


def show_audit(window: MainWindow) -> None:
    store = window.context.store
    if store is None:
        return
    if getattr(store, "scratch", False):
        QMessageBox.information(window, "Audit trail", "No deal is open.")
        return
    dialog = AuditDialog(store, window)
    window.audit_dialog = dialog
    dialog.open()


def backup_line(copy) -> str:
    """A backup as the restore windows list it: when it was taken, its trail head, whether it was
    verified, then its file's name."""
    mark = "verified" if copy.verified else "copy by an earlier version"
    return f"{fmt_stamp(copy.taken_at)}   trail {copy.trail_head[:20]}…   {mark}\n{copy.path.name}"
