"""A dollar amount typed as text ("12,500.00") and read back as an exact ``Decimal``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ui.qt import QLineEdit, QRegularExpression, QRegularExpressionValidator, Qt


def parse_money(text: str) -> Decimal | None:
    """"$12,500.5" -> Decimal("12500.50"); None for empty or unreadable text."""
    cleaned = text.replace("$", "").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


class MoneyField(QLineEdit):
    def __init__(self, value: Decimal | None = None, accessible_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\$?[0-9,]*(\.[0-9]{0,2})?"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00")
        self.setAccessibleName(accessible_name)
        self.set_value(value)

    def value(self) -> Decimal | None:
        return parse_money(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value:,.2f}")
