"""A read-only detail pane in HTML whose clause references open the Agreement view."""

from __future__ import annotations

from ui.formatting import escape
from ui.qt import Qt, QTextBrowser


def clause_link(ref: str, text: str | None = None) -> str:
    """``3(n)`` as a link the pane turns into ``context.show_clause("3(n)")``."""
    return f'<a href="clause:{escape(ref)}">{escape(text or ref)}</a>'


def esc(value: object) -> str:
    return escape("" if value is None else str(value))


def definition_table(rows: list[tuple[str, str]]) -> str:
    """Label/value rows, both HTML already (escape user text with :func:`esc`)."""
    cells = "".join(
        f'<tr><td style="padding-right:12px; color:#555;">{k}</td><td>{v}</td></tr>' for k, v in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


class ClauseBrowser(QTextBrowser):
    def __init__(self, context, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setOpenLinks(False)
        self.setAccessibleName(accessible_name)
        self.anchorClicked.connect(self._open)

    def _open(self, url) -> None:
        if url.scheme() == "clause":
            self.context.show_clause(url.path())


def clause_label(context, html_text: str, parent=None):
    """A QLabel whose clause links (see :func:`clause_link`) open the Agreement view."""
    from ui.qt import QLabel

    label = QLabel(html_text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.linkActivated.connect(lambda href: context.show_clause(href.split(":", 1)[1]) if href.startswith(
        "clause:") else None)
    return label
