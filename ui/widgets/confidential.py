"""The CONFIDENTIAL marker for a blackout's reason (material non-public information).

The reason is shown only inside the blackout ledger, next to this marker: a red label and a
painted padlock (painted rather than an emoji so it renders on every platform and in print).
"""

from __future__ import annotations

from ui.qt import QColor, QHBoxLayout, QLabel, QPainter, QPen, QPixmap, QRect, Qt, QWidget

CONFIDENTIAL_RED = "#b00020"


def lock_pixmap(size: int = 16, color: str = CONFIDENTIAL_RED) -> QPixmap:
    """A small padlock: a shackle arc over a filled body."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(max(1.5, size / 9))
    painter.setPen(pen)
    shackle = QRect(size // 4, size // 12, size // 2, size // 2)
    painter.drawArc(shackle, 0, 180 * 16)
    painter.drawLine(shackle.left(), shackle.center().y(), shackle.left(), size // 2)
    painter.drawLine(shackle.right(), shackle.center().y(), shackle.right(), size // 2)
    painter.fillRect(QRect(size // 8, size * 5 // 12, size * 3 // 4, size * 7 // 12 - 1), QColor(color))
    painter.end()
    return pixmap


class ConfidentialMarker(QWidget):
    """A padlock and "CONFIDENTIAL" in red; put it beside the confidential reason."""

    def __init__(self, text: str = "CONFIDENTIAL — never sent to Holders", parent=None) -> None:
        super().__init__(parent)
        icon = QLabel(self)
        icon.setPixmap(lock_pixmap(16))
        label = QLabel(text, self)
        label.setStyleSheet(f"color: {CONFIDENTIAL_RED}; font-weight: bold;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(label)
        layout.addStretch(1)
        self.setAccessibleName("Confidential")
        self.text_label = label
