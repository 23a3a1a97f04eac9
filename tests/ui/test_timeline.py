"""The Timeline tab: recording facts moves deadlines; a protected date is shown as protected in
the preview; the calendar and agenda agree; the deadlines model passes the model tester."""

from __future__ import annotations

import datetime as dt

from ui.dialogs.consent_dialog import ConsentDialog
from ui.dialogs.fact_dialog import FactDialog
from ui.dialogs.recalc_preview import RecalcPreviewDialog
from ui.formatting import fmt_date
from ui.qt import QApplication, QTimer
from ui.tabs.timeline import TimelineTab


def _tab(qtbot, context) -> TimelineTab:
    tab = TimelineTab(context)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def _record(qtbot, context, kind, when, preview_action=None):
    dialog = FactDialog(context, kind=kind)
    qtbot.addWidget(dialog)
    if isinstance(when, dt.datetime):
        dialog.at.set_value(when)
    else:
        dialog.on.set_value(when)
    seen = {}
    timer = QTimer()
    timer.setInterval(20)

    def answer_preview():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, RecalcPreviewDialog):
            timer.stop()
            seen["preview"] = modal
            seen["protected"] = modal.protected_titles()
            (modal.accept if preview_action == "apply" else modal.reject)()

    timer.timeout.connect(answer_preview)
    if preview_action:
        timer.start()
    dialog.accept()
    timer.stop()
    return seen


def test_deadlines_model_passes_the_model_tester(qtmodeltester, context):
    from ui.models.deadlines import DeadlinesModel, status_of

    model = DeadlinesModel()
    cal = context.calendar()
    model.set_rows([(d, status_of(d, context.today(), cal), "") for d in context.deadlines()])
    qtmodeltester.check(model)


def test_effectiveness_puts_the_notice_two_business_days_later(qtbot, context):
    tab = _tab(qtbot, context)
    # Declared effective Mon Jun 23, 2003 at 4:00 p.m.: 7(p) notice within two Business Days.
    _record(qtbot, context, "rs_effective", dt.datetime(2003, 6, 23, 16, 0), preview_action="apply")
    notices = [d for d in context.deadlines() if d.kind == "notice_of_effectiveness"]
    assert notices and notices[0].in_force == dt.date(2003, 6, 25)
    texts = [tab.agenda.proxy.index(r, 0).data() for r in range(tab.agenda.proxy.rowCount())]
    assert "Wed Jun 25, 2003" in texts
    assert tab.calendar.markers.get(dt.date(2003, 6, 25))


def test_rs_filed_after_cutoff_is_flagged_in_the_dialog(qtbot, context):
    dialog = FactDialog(context, kind="rs_filed")
    qtbot.addWidget(dialog)
    dialog.at.set_value(dt.datetime(2003, 6, 20, 18, 5))  # Fri 6:05 p.m.
    assert dialog.edgar.text().startswith("⚠") and "Mon Jun 23, 2003" in dialog.edgar.text()
    dialog.at.set_value(dt.datetime(2003, 6, 20, 17, 0))
    assert dialog.edgar.text().startswith("✓")


def test_trigger_change_preview_marks_the_extended_deadline_protected(qtbot, context):
    effectiveness = next(d for d in context.deadlines() if d.kind == "effectiveness_date")
    extended = dt.date(2003, 9, 15)
    consent = ConsentDialog(context, deadline_key=effectiveness.key)
    qtbot.addWidget(consent)
    consent.kind.setCurrentIndex(consent.kind.findData("extension"))
    consent.description.setText("Holders agree to extend the Effectiveness Date")
    consent.document.setText("Holders' extension letter.pdf")
    consent.set_consenting(["h-xmark-fund", "h-sds-merchant-fund"])
    consent.new_date.set_value(extended)
    consent.accept()
    moved = next(d for d in context.deadlines() if d.key == effectiveness.key)
    assert moved.in_force == extended and moved.instrument is not None

    # Moving the Closing two days would move the Filing Date; the extended date stays.
    seen = _record(qtbot, context, "closing", dt.date(2003, 5, 9), preview_action="cancel")
    assert "preview" in seen, "a trigger change must be previewed"
    assert effectiveness.title in seen["protected"]
    assert context.deal().terms.closing_date == dt.date(2003, 5, 7)  # cancelled: nothing written

    _record(qtbot, context, "closing", dt.date(2003, 5, 9), preview_action="apply")
    assert context.deal().terms.closing_date == dt.date(2003, 5, 9)
    assert next(d for d in context.deadlines() if d.key == effectiveness.key).in_force == extended


def _mark_done_through_the_dialog(qtbot, tab, typed_date=None, document="EDGAR acceptance 0001", time=None):
    from ui.dialogs.mark_done_dialog import MarkDoneDialog
    from ui.qt import Qt

    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MarkDoneDialog):
            QTimer.singleShot(10, fill)
            return
        seen["offered"] = dialog.done_on.value()
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.error_text("document")  # no document yet: refused, dialog stays open
        if typed_date is not None:
            dialog.done_on.line.setFocus()
            dialog.done_on.line.selectAll()
            qtbot.keyClicks(dialog.done_on.line, typed_date)
            qtbot.keyClick(dialog.done_on.line, Qt.Key.Key_Tab)
        if time is not None:
            qtbot.mouseClick(dialog.done_at.check, Qt.MouseButton.LeftButton)
            dialog.done_at.field.line.selectAll()
            qtbot.keyClicks(dialog.done_at.field.line, time)
            qtbot.keyClick(dialog.done_at.field.line, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.document, document)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    tab.mark_done()
    return seen


def test_mark_done_asks_the_date_offering_the_deadlines_own_never_today(qtbot, context):
    tab = _tab(qtbot, context)
    filing = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert tab.select(filing.key)
    seen = _mark_done_through_the_dialog(qtbot, tab, typed_date="6/18/2003", time="6/18/2003 6:05 PM")
    assert seen["offered"] == filing.in_force == dt.date(2003, 6, 20) and "document" in seen["refused"]
    (c,) = context.deal().completions
    assert (c.done_on, c.done_at, c.document) == (dt.date(2003, 6, 18), dt.datetime(2003, 6, 18, 18, 5),
                                                  "EDGAR acceptance 0001")
    done = next(d for d in context.deadlines() if d.kind == "filing_date")
    assert done.done_on == dt.date(2003, 6, 19)  # 6:05 p.m.: deemed filed the next filing day
    assert str(done.status) == "done"
    context.undo_stack.undo()
    assert str(next(d for d in context.deadlines() if d.kind == "filing_date").status) != "done"
    assert fmt_date(done.due)  # readable


def test_the_timeline_marker_uses_the_reminders_horizon(context):
    """Today Fri Jun 20, 2003: five Business Days run to Fri Jun 27; an open deadline in force then
    is amber, one in force Mon Jun 30 is plain open."""
    from dataclasses import replace

    from ui.models.deadlines import status_of

    cal = context.calendar()
    filing = next(d for d in context.deadlines() if d.key == "filing_date")
    assert status_of(replace(filing, in_force=dt.date(2003, 6, 27)), context.today(), cal) == "due_soon"
    assert status_of(replace(filing, in_force=dt.date(2003, 6, 30)), context.today(), cal) == "open"


def test_prepare_notice_from_the_timeline_opens_on_the_exhibit_a_letter(qtbot, context, monkeypatch):
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.tabs.timeline import TimelineTab

    chosen = []
    monkeypatch.setattr(PrepareNoticeDialog, "exec", lambda self: chosen.append(self.kind.currentData()) or 0)
    tab = TimelineTab(context)
    qtbot.addWidget(tab)
    tab.prepare_notice()
    assert chosen == ["notice-of-effectiveness"]
