"""The Agreement view: the agreement's text by section, so every clause reference can show
the words it stands for ("3(n)" scrolls to Section 3(n) and highlights it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ui.qt import (
    QColor,
    QDockWidget,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTextCursor,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

_SECTION = re.compile(r"^ {5,12}(\d{1,2})\.\s+(.*?)\s*$")
_SUBSECTION = re.compile(r"^ {14,22}\(([a-z])\)\s+(.*?)\s*$")
_PART = re.compile(r"^\s*(SCHEDULE 1|EXHIBIT A)\b(.*)$")


@dataclass(frozen=True)
class Section:
    """A clause of the agreement: ``clause`` "3(n)", its first line, and the line after it."""

    clause: str
    title: str
    first_line: int
    end_line: int


def _title(rest: str) -> str:
    """The heading of a clause: the words up to the first period, shortened for the tree."""
    head = re.sub(r"^\([ivx]+\)\s*", "", rest).split(".")[0].strip()
    return head if len(head) <= 48 else head[:45].rstrip() + "…"


def parse_sections(text: str) -> list[Section]:
    """Split the agreement into Sections 1-7, their lettered clauses, Schedule 1 and Exhibit A.

    Only a number or letter at the agreement's heading indentation starts a clause, so "(b)" in
    the middle of 7(i)'s run-on text is not taken for a heading.
    """
    starts: list[tuple[str, str, int]] = []
    section = ""
    for n, line in enumerate(text.splitlines()):
        if m := _SECTION.match(line):
            section = m.group(1)
            starts.append((section, _title(m.group(2)), n))
        elif section and (m := _SUBSECTION.match(line)):
            starts.append((f"{section}({m.group(1)})", _title(m.group(2)), n))
        elif m := _PART.match(line):
            section = ""
            starts.append((m.group(1).title(), m.group(1).title(), n))
    total = len(text.splitlines())
    sections = []
    for i, (clause, title, first) in enumerate(starts):
        end = starts[i + 1][2] if i + 1 < len(starts) else total
        sections.append(Section(clause, title, first, end))
    return sections


def find_section(sections: list[Section], clause: str) -> Section | None:
    """The section for "3(m)(i)", falling back to "3(m)", then "3"."""
    wanted = clause.strip().removeprefix("Section ").strip()
    by_clause = {s.clause.lower(): s for s in sections}
    while wanted:
        if wanted.lower() in by_clause:
            return by_clause[wanted.lower()]
        cut = wanted.rfind("(")
        wanted = wanted[:cut] if cut > 0 else ""
    return None


class AgreementView(QWidget):
    """Tree of sections on the left, the text on the right."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        from ui.qt import QHBoxLayout

        self.sections = parse_sections(text)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Clause", "Heading"])
        self.tree.setAccessibleName("Sections of the agreement")
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName("Agreement text")
        font = self.text.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.TypeWriter)
        self.text.setFont(font)
        self._items: dict[str, QTreeWidgetItem] = {}
        parent_item = None
        for s in self.sections:
            top = "(" not in s.clause
            item = QTreeWidgetItem([s.clause, s.title])
            item.setData(0, Qt.ItemDataRole.UserRole, s.clause)
            if top or parent_item is None:
                self.tree.addTopLevelItem(item)
                parent_item = item
            else:
                parent_item.addChild(item)
            self._items[s.clause] = item
        self.tree.resizeColumnToContents(0)
        self.tree.setMinimumWidth(140)
        self.tree.currentItemChanged.connect(self._on_item)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 560])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _on_item(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_clause(item.data(0, Qt.ItemDataRole.UserRole))

    def show_clause(self, clause: str) -> bool:
        """Scroll to the clause and highlight it; False when the agreement has no such clause."""
        section = find_section(self.sections, clause)
        if section is None:
            return False
        item = self._items[section.clause]
        if self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
        doc = self.text.document()
        first = doc.findBlockByNumber(section.first_line)
        last = doc.findBlockByNumber(section.end_line - 1)
        cursor = QTextCursor(first)
        self.text.setTextCursor(cursor)
        self.text.verticalScrollBar().setValue(section.first_line)
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(QColor("#fff4c2"))
        span = QTextCursor(first)
        span.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = span
        self.text.setExtraSelections([mark])
        self.current_clause = section.clause
        return True


def agreement_dock(parent: QWidget) -> tuple[QDockWidget, AgreementView]:
    """The Agreement as a dock widget for the main window."""
    from rra_desktop.resources import resource

    view = AgreementView(resource("agreement.txt").read_text(encoding="utf-8"))
    dock = QDockWidget("Agreement", parent)
    dock.setObjectName("agreement_dock")
    view.setMinimumWidth(520)  # most of an 80-column line beside the clause tree
    dock.setWidget(view)
    return dock, view
