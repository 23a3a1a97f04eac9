"""The base of every add/edit dialog: a form whose fields show a refusal right beside them.

A dialog subclass adds its fields with :meth:`RecordDialog.add_field` and implements
:meth:`submit`, which calls ``context.perform(...)``. When the service refuses, the message
appears under the field it names (``Refused.field``) or at the foot of the form, the dialog
stays open and nothing was written.
"""

from __future__ import annotations

from itertools import pairwise

from ui.errors import show_refusal
from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, Qt, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class RecordDialog(QDialog):
    def __init__(self, context, title: str, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.general_error)
        self.body.addWidget(self.buttons)
        self._tab_order_set = False

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        label.setAccessibleName("Error")
        return label

    def add_field(self, name: str, label_text: str, widget: QWidget, tooltip: str = "") -> QWidget:
        """Add ``widget`` under ``label_text`` ("&Start:" gives Alt+S); its error label sits beneath."""
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label()
        column.addWidget(error)
        label = QLabel(label_text, self)
        label.setBuddy(widget)
        self.form.addRow(label, column)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
        if not widget.accessibleName():
            widget.setAccessibleName(label_text.replace("&", "").rstrip(":"))
        if tooltip:
            widget.setToolTip(tooltip)
        self._fields[name] = widget
        self._errors[name] = error
        return widget

    def tab_chain(self) -> list[QWidget]:
        """The focusable widgets top to bottom as laid out: the fields row by row, then anything
        below the form, then OK and Cancel. (Qt's default follows creation order, which put
        the buttons, made first, before the fields.)"""
        return _focusables(self.body)

    def showEvent(self, event) -> None:
        if not self._tab_order_set:
            self._tab_order_set = True
            chain = self.tab_chain()
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)
            first_field = next((w for w in chain if w.isEnabled() and w not in self.buttons.buttons()), None)
            if first_field is not None:
                first_field.setFocus(Qt.FocusReason.TabFocusReason)
        super().showEvent(event)

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    def error_text(self, name: str | None = None) -> str:
        """The refusal shown under field ``name`` (or at the foot of the form); for tests too."""
        label = self._errors.get(name) if name else self.general_error
        return label.text() if label is not None else ""

    def clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            show_refusal(label, None)

    def show_refused(self, exc) -> None:
        """Put the refusal next to its field (and every listed problem under the form)."""
        self.clear_errors()
        field = getattr(exc, "field", None)
        label = self._errors.get(field) if field else None
        show_refusal(label or self.general_error, exc)
        problems = [str(p) for p in getattr(exc, "problems", ()) or ()]
        if problems and label is not None:
            show_refusal(self.general_error, Exception("\n".join(problems)))
        if field in self._fields:
            self._fields[field].setFocus()

    def submit(self) -> bool:
        """Write the record through ``context.perform``; return False to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        from rra_desktop.services import Refused

        self.clear_errors()
        wrong = [w for w in self._fields.values() if hasattr(w, "problem") and w.problem()]
        if wrong:  # the field itself says what is wrong with the date typed
            show_refusal(self.general_error, Exception("Correct the date marked in red."))
            wrong[0].setFocus()
            return
        try:
            if not self.submit():
                return
        except Refused as exc:
            self.show_refused(exc)
            return
        super().accept()


def _focusables(layout) -> list[QWidget]:
    """Widgets that take focus by Tab within ``layout``, in layout (reading) order; a container
    that does not take focus itself (an optional-date field, the button box) is entered."""
    items = []
    if isinstance(layout, QFormLayout):
        roles = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
    found: list[QWidget] = []
    for item in filter(None, items):
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                found.append(widget)
            elif widget.layout() is not None:
                found += _focusables(widget.layout())
        elif inner is not None:
            found += _focusables(inner)
    return found


def perform_or_show(parent, context, title: str, service_fn, *args) -> bool:
    """Run an edit that has no form (remove, close, annotate): a refusal is shown in a dialog
    titled ``title`` and nothing is written. Returns True when the edit was made."""
    from rra_desktop.services import Refused
    from ui.errors import show_error

    try:
        context.perform(service_fn, *args)
    except Refused as exc:
        show_error(parent, title, exc)
        return False
    return True


def confirm_and_perform(parent, context, title: str, question: str, service_fn, *args,
                        done_title: str | None = None) -> bool:
    """Ask ``question`` (Yes/No, titled ``title``), then make the edit as ``perform_or_show`` does
    (a refusal shown under ``done_title``, default ``title``). True when the edit was made."""
    from ui.qt import QMessageBox

    if QMessageBox.question(parent, title, question) != QMessageBox.StandardButton.Yes:
        return False
    return perform_or_show(parent, context, done_title or title, service_fn, *args)


def button_row(*buttons: QWidget, lead: QWidget | None = None):
    """A tab's action buttons, right-aligned, after an optional leading widget."""
    from ui.qt import QHBoxLayout

    row = QHBoxLayout()
    if lead is not None:
        row.addWidget(lead, 1)
    else:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
