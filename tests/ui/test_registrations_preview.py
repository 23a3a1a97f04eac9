"""Changing a registration statement's effective date moves deadlines (through the RS_EFFECTIVE
fact the service keeps in step): the dialog previews the move and applies only on confirmation.

Worked dates: declared effective Mon Jun 23, 2003 at 4:00 p.m. -> Notice of Effectiveness (7(p))
Wed Jun 25, 2003; moved to Tue Jun 24, 2003 -> Thu Jun 26, 2003."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.model import RegistrationKind, RegistrationStatement
from rra_desktop.domain.registration_facts import timeline
from rra_desktop.services import registrations as service
from ui.dialogs.recalc_preview import RecalcPreviewDialog
from ui.dialogs.registration_dialog import RegistrationDialog
from ui.qt import QDialogButtonBox, QLabel

OK = QDialogButtonBox.StandardButton.Ok
EFFECTIVE = dt.datetime(2003, 6, 23, 16, 0)


def _notice(context):
    return next(d for d in context.deadlines() if d.kind == "notice_of_effectiveness")


def test_moving_the_effective_date_is_previewed(qtbot, context, monkeypatch):
    shelf = RegistrationStatement("shelf", RegistrationKind.SECTION_2_SHELF, form="S-3", file_no="333-106000",
                                  filed_at=dt.datetime(2003, 6, 20, 17, 0), effective_at=EFFECTIVE,
                                  shares_registered=context.deal().terms.minimum_shares)
    context.perform(service.add_registration, shelf)
    assert _notice(context).in_force == dt.date(2003, 6, 25)
    shown, answer = [], [0]
    monkeypatch.setattr(RecalcPreviewDialog, "exec", lambda d: shown.append(d) or answer[0])

    dialog = RegistrationDialog(context, context.deal().registrations[0])
    qtbot.addWidget(dialog)
    dialog.effective_at.set_value(dt.datetime(2003, 6, 24, 16, 0))
    dialog.buttons.button(OK).click()  # cancelled in the preview: nothing written
    assert len(shown) == 1
    row = next(r for r in shown[0].rows if r[0] == _notice(context).title)
    assert (row[2], row[3]) == ("Wed Jun 25, 2003", "Thu Jun 26, 2003")
    assert any("Changing “S-3 333-106000”" in label.text() for label in shown[0].findChildren(QLabel))
    assert context.deal().registrations[0].effective_at == EFFECTIVE
    assert _notice(context).in_force == dt.date(2003, 6, 25)

    answer[0] = 1
    dialog.buttons.button(OK).click()
    assert dialog.error_text() == ""
    assert context.deal().registrations[0].effective_at == dt.datetime(2003, 6, 24, 16, 0)
    effective_facts = [f for f in timeline(context.deal()) if f.kind.value == "rs_effective"]
    assert [f.on for f in effective_facts] == [dt.date(2003, 6, 24)]  # the Timeline shows the record's date
    assert _notice(context).in_force == dt.date(2003, 6, 26)
    context.undo_stack.undo()
    assert _notice(context).in_force == dt.date(2003, 6, 25)


def test_an_edit_that_moves_no_date_needs_no_preview(qtbot, context, monkeypatch):
    shelf = RegistrationStatement("shelf", RegistrationKind.SECTION_2_SHELF, form="S-3", effective_at=EFFECTIVE,
                                  filed_at=dt.datetime(2003, 6, 20, 17, 0),
                                  shares_registered=context.deal().terms.minimum_shares)
    context.perform(service.add_registration, shelf)
    shown = []
    monkeypatch.setattr(RecalcPreviewDialog, "exec", lambda d: shown.append(d) or 1)
    dialog = RegistrationDialog(context, context.deal().registrations[0])
    qtbot.addWidget(dialog)
    dialog.note.setText("Prospectus supplement to follow")
    dialog.buttons.button(OK).click()
    assert shown == []
    assert context.deal().registrations[0].note == "Prospectus supplement to follow"
