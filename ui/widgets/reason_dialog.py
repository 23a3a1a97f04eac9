"""Ask for the reason the audit trail records (reopening a closed record, overriding 3(n))."""

from __future__ import annotations

from ui.qt import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class ReasonDialog(QDialog):
    """A prompt and a reason box; OK stays disabled until a reason is written."""

    def __init__(self, title: str, prompt: str, ok_text: str = "OK", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(prompt, self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName("Reason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def ask_reason(parent, title: str, prompt: str, ok_text: str = "OK") -> str | None:
    """The reason typed, or None when the user cancels."""
    dialog = ReasonDialog(title, prompt, ok_text, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
