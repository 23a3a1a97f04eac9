"""Add a named connection to a firm's deal server (the deal library's "Add server…").

The settings keep the name and the address without a password; a password typed here (or found
in the address) goes into libpq's password file instead (``rra_desktop.store.pgpass``), readable
by the user only, where the command line finds it too.
"""

from __future__ import annotations

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSettings, QVBoxLayout, QWidget


class ServerConnectionDialog(QDialog):
    """Name, address and password of a deal server; OK keeps them (``connection`` is then set)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.connection = None
        self.setWindowTitle("Add a deal server")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Firm deals")
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://alice@dbhost/rra_deals")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("kept in the PostgreSQL password file, not in the settings")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Address:", self.url)
        form.addRow("&Password:", self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every deal in that database is listed in the library."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        from rra_desktop.store.errors import StoreError
        from ui.practice_data import add_connection

        try:
            self.connection = add_connection(self.settings, self.name.text(), self.url.text(), self.password.text())
        except (StoreError, OSError) as exc:
            self.error.setText(str(exc))
            return
        super().accept()
