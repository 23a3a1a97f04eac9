"""Date and date-time fields that take a date as people type it and show it as the rest of the
app does ("Fri Aug 15, 2003").

The text is read by ``rra_desktop.typed_dates`` when the field is left (Tab, Enter or a click
elsewhere): "8/15/2003", "8/15/03", "Aug 15, 2003", "15 Aug 2003" and ISO all work; a date that
cannot be read keeps the text as typed, turns the field red and says beneath it what is wrong,
and the dialog's OK refuses until it is put right (``problem()``). The ▾ button opens a calendar
on the field's own date, not on today.

``DateField`` always holds a date; ``OptionalDateField`` adds a check box for dates that may not
have happened yet (a notice not sent, an Advice not given), so "no date" is explicit rather
than a magic sentinel day. Date-times are wall-clock US Eastern, as the deal records filings and
notices: with no value given they offer the time in New York now, not the machine's clock.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.typed_dates import DateProblem, eastern_now, parse_date, parse_datetime
from ui.formatting import fmt_date, fmt_datetime
from ui.qt import (
    QCheckBox,
    QDate,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

ERROR_STYLE = "color: #b00020;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #b00020; }"


class _TypedField(QWidget):
    """A line edit read on leaving it, a calendar button and the field's own error line."""

    valueChanged = Signal(object)
    parse = staticmethod(parse_date)
    written = staticmethod(fmt_date)
    placeholder = "m/d/yyyy or Aug 15, 2003"

    def __init__(self, value, accessible_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.placeholder)
        self.pick = QToolButton(self)
        self.pick.setText("▾")
        self.pick.setToolTip("Choose from a calendar")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field; the keyboard types dates
        self.pick.clicked.connect(self._open_calendar)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.pick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.line)
        # as tall as its contents, like a line edit: a form's spare height is not spread into it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(accessible_name)
        self._value = value
        self._problem = ""
        self.line.setText(self.written(value))
        self.line.editingFinished.connect(self.commit)
        self.line.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Tab reads the date before focus moves on (focus-out alone is not sent to a window
        that is not active)."""
        if watched is self.line and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.commit()
        return False

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
        self.pick.setAccessibleName(f"{name or 'Date'}: calendar")
        self.error.setAccessibleName(f"{name or 'Date'}: problem")

    def value(self):
        """The last date read from the field (the text as typed, if wrong, is not used)."""
        return self._value

    def set_value(self, value) -> None:
        self._show_problem("")
        self.line.setText(self.written(value))
        self._set(value)

    def text(self) -> str:
        return self.line.text()

    def clear_value(self) -> None:
        """Blank, with no date: ``problem()`` asks for one."""
        self._show_problem("")
        self.line.clear()
        self._set(None)

    def problem(self) -> str:
        """What is wrong with the text as typed ("June 2003 has 30 days, not 31"), or ""."""
        self.commit()
        return self._problem if self.isEnabled() else ""

    def commit(self) -> None:
        """Read the typed text: a date is shown as the app writes dates; a wrong one is flagged."""
        if not self.isEnabled():
            return
        try:
            value = self.parse(self.line.text())
        except DateProblem as exc:
            self._show_problem(str(exc))
            return
        self._show_problem("")
        if self.line.text() != self.written(value):
            self.line.setText(self.written(value))
        self._set(value)

    def _set(self, value) -> None:
        changed = value != self._value
        self._value = value
        if changed:
            self.valueChanged.emit(value)

    def _show_problem(self, message: str) -> None:
        self._problem = message
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.line.setStyleSheet(BAD_FIELD_STYLE if message else "")
        self.line.setToolTip(message)

    def _open_calendar(self) -> None:
        from ui.qt import QCalendarWidget, QWidgetAction  # made the first time the calendar opens

        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        day = self._date_of(self._value)
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(q: QDate) -> None:
            self.set_value(self._with_date(dt.date(q.year(), q.month(), q.day())))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        self.calendar_menu = menu  # tests reach it
        menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        calendar.setFocus()

    def _date_of(self, value) -> dt.date:
        return value or dt.date.today()  # a blank field's calendar opens on today's month

    def _with_date(self, day: dt.date):
        return day


class DateField(_TypedField):
    """A required date; ``valueChanged`` carries a ``datetime.date``. With no value it offers
    today: callers pass the date the context suggests (the transfer date, the deadline's date).
    ``empty=True`` starts it blank instead (a past event nothing suggests: the agreement's date
    in a new deal): ``value()`` is None and ``problem()`` says "Enter a date." until one is typed."""

    def __init__(self, value: dt.date | None = None, accessible_name: str = "", parent=None, *,
                 empty: bool = False) -> None:
        super().__init__(value if value is not None or empty else dt.date.today(), accessible_name, parent)


class DateTimeField(_TypedField):
    """A date and wall-clock time, US Eastern ("8/15/2003 4:30 PM")."""

    parse = staticmethod(parse_datetime)
    written = staticmethod(fmt_datetime)
    placeholder = "m/d/yyyy h:mm AM/PM"

    def __init__(self, value: dt.datetime | None = None, accessible_name: str = "", parent=None) -> None:
        super().__init__(value or eastern_now(), accessible_name, parent)

    def _date_of(self, value) -> dt.date:
        return value.date()

    def _with_date(self, day: dt.date):
        return dt.datetime.combine(day, self._value.time())


class _Optional(QWidget):
    """A check box that says whether the value exists, beside the field that holds it."""

    valueChanged = Signal(object)

    def __init__(self, field: _TypedField, check_text: str, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.field = field
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(f"{accessible_name}: recorded")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(field, 1)
        self.setFocusProxy(self.check)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.check.toggled.connect(self._toggled)
        field.valueChanged.connect(lambda _v: self.valueChanged.emit(self.value()))
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.field.setEnabled(on and self.isEnabled())
        self.valueChanged.emit(self.value())

    def value(self):
        return self.field.value() if self.check.isChecked() else None

    def problem(self) -> str:
        return self.field.problem() if self.check.isChecked() else ""

    def set_value(self, value, default=None) -> None:
        """Set the value (None: not recorded; the field then offers ``default`` when checked)."""
        if value is None and default is not None:
            self.field.set_value(default)
        if value is not None:
            self.field.set_value(value)
        self.check.setChecked(value is not None)
        self._toggled(value is not None)

    def set_editable(self, editable: bool, why: str = "") -> None:
        """Enable or lock the whole field; ``why`` becomes its tooltip while locked."""
        self.check.setEnabled(editable)
        self.field.setEnabled(editable and self.check.isChecked())
        self.setToolTip("" if editable else why)


class OptionalDateField(_Optional):
    def __init__(self, value: dt.date | None = None, check_text: str = "", accessible_name: str = "",
                 parent=None) -> None:
        super().__init__(DateField(value, accessible_name), check_text, accessible_name, parent)
        self.set_value(value)


class OptionalDateTimeField(_Optional):
    def __init__(self, value: dt.datetime | None = None, check_text: str = "", accessible_name: str = "",
                 parent=None) -> None:
        super().__init__(DateTimeField(value, accessible_name), check_text, accessible_name, parent)
        self.set_value(value)
