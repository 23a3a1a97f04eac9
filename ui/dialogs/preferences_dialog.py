"""Edit ▸ Preferences…: the reminder settings (horizon in Business Days, the parties
whose obligations are watched, how often the reminders are checked while the app runs) and the
reminder exported calendar events carry (Business Days before, 9:00 a.m.; 0: none).

Choices: all three parties ticked is stored as "watch all" (an empty list, the default), so a
deadline whose party line names none of them is still watched; unticking every party is refused
(a reminder list that can never show anything is a trap, not a preference).
"""

from __future__ import annotations

from rra_desktop.domain.reminders import PARTY_GROUPS
from ui import settings as cfg
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSettings,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

PARTIES = PARTY_GROUPS
MAX_HORIZON = 60  # Business Days: about three months, past any deadline's useful warning


class PreferencesDialog(QDialog):
    """Reads the settings on opening; ``apply()`` writes them (OK calls it)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.horizon = QSpinBox()
        self.horizon.setRange(0, MAX_HORIZON)
        self.horizon.setSuffix(" Business Days")
        self.horizon.setAccessibleName("Reminder horizon in Business Days")
        self.horizon.setValue(cfg.REMINDER_HORIZON.get(settings))
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(" minutes")
        self.interval.setAccessibleName("Check reminders every")
        self.interval.setValue(cfg.REMINDER_INTERVAL_MINUTES.get(settings))
        self.alarm = QSpinBox()
        self.alarm.setRange(0, MAX_HORIZON)
        self.alarm.setSuffix(" Business Days before")
        self.alarm.setSpecialValueText("no reminder")
        self.alarm.setAccessibleName("Calendar export reminder in Business Days")
        self.alarm.setValue(cfg.CALENDAR_ALARM_BUSINESS_DAYS.get(settings))
        watched = {p.lower() for p in cfg.WATCHED_PARTIES.get(settings)}
        self.party_boxes = {}
        parties = QHBoxLayout()
        for name in PARTIES:
            box = QCheckBox(f"&{name}")
            box.setAccessibleName(f"Watch {name}")
            box.setChecked(not watched or name.lower() in watched)
            box.toggled.connect(self._validate)
            self.party_boxes[name] = box
            parties.addWidget(box)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setAccessibleName("What is wrong")
        form = QFormLayout()
        form.addRow("Remind &within:", self.horizon)
        form.addRow("Watch obligations of:", parties)
        form.addRow("Check &every:", self.interval)
        form.addRow("Exported calendar &reminder:", self.alarm)
        note = QLabel("Overdue items and those due from today through the last day of the horizon are listed "
                      "in the Reminders dock and counted in the status bar.")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._validate()

    def watched(self) -> list[str]:
        """The parties ticked; [] when all are (watch everything)."""
        ticked = [name for name, box in self.party_boxes.items() if box.isChecked()]
        return [] if len(ticked) == len(PARTIES) else ticked

    def _validate(self) -> bool:
        ok = any(box.isChecked() for box in self.party_boxes.values())
        self.error.setText("" if ok else "Watch at least one party, or no reminder can ever show.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def apply(self) -> bool:
        if not self._validate():
            return False
        cfg.REMINDER_HORIZON.set(self.settings, self.horizon.value())
        cfg.WATCHED_PARTIES.set(self.settings, self.watched())
        cfg.REMINDER_INTERVAL_MINUTES.set(self.settings, self.interval.value())
        cfg.CALENDAR_ALARM_BUSINESS_DAYS.set(self.settings, self.alarm.value())
        self.settings.sync()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
