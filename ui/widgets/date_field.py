"""Date and date-time fields that read like the rest of the app ("Fri Jun 20, 2003").

``DateField`` always holds a date; ``OptionalDateField`` adds a check box for dates that may
not have happened yet (a notice not sent, an Advice not given), so "no date" is explicit
rather than a magic sentinel day.
"""

from __future__ import annotations

import datetime as dt

from ui.qt import QCheckBox, QDate, QDateEdit, QDateTime, QDateTimeEdit, QHBoxLayout, QLocale, QTime, QWidget, Signal

DATE_FORMAT = "ddd MMM d, yyyy"
DATETIME_FORMAT = "ddd MMM d, yyyy h:mm AP"
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class _TabLeaves:
    """Tab moves to the next field of the form, as everywhere else; Qt's date edits would spend
    it stepping through the day, month and year (the Left/Right arrow keys still do that)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class DateField(_TabLeaves, QDateEdit):
    """A required date with a calendar pop-up; ``valueChanged`` carries a ``datetime.date``."""

    valueChanged = Signal(object)

    def __init__(self, value: dt.date | None = None, accessible_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setLocale(_ENGLISH)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setAccessibleName(accessible_name)
        self.set_value(value or dt.date.today())
        self.dateChanged.connect(lambda q: self.valueChanged.emit(_pydate(q)))

    def value(self) -> dt.date:
        return _pydate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(_qdate(value))


class DateTimeField(_TabLeaves, QDateTimeEdit):
    """A date and wall-clock time (US Eastern, as the deal records filings and notices)."""

    valueChanged = Signal(object)

    def __init__(self, value: dt.datetime | None = None, accessible_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setLocale(_ENGLISH)
        self.setDisplayFormat(DATETIME_FORMAT)
        self.setCalendarPopup(True)
        self.setAccessibleName(accessible_name)
        self.set_value(value or dt.datetime.now().replace(second=0, microsecond=0))
        self.dateTimeChanged.connect(lambda _q: self.valueChanged.emit(self.value()))

    def value(self) -> dt.datetime:
        q = self.dateTime()
        d, t = q.date(), q.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_value(self, value: dt.datetime) -> None:
        self.setDateTime(QDateTime(_qdate(value.date()), QTime(value.hour, value.minute)))


class _Optional(QWidget):
    """A check box that says whether the value exists, beside the field that holds it."""

    valueChanged = Signal(object)

    def __init__(self, field: QWidget, check_text: str, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.field = field
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(f"{accessible_name}: recorded")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(field, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        field.valueChanged.connect(lambda _v: self.valueChanged.emit(self.value()))
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.field.setEnabled(on and self.isEnabled())
        self.valueChanged.emit(self.value())

    def value(self):
        return self.field.value() if self.check.isChecked() else None

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
