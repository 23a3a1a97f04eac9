"""Edit ▸ Undo is honest about evidence: a notice logged as sent cannot be undone, so it is not
put on the undo stack; the history before it is cleared (nothing may be undone past it) and the
status bar says why. An undo the store refuses is reported, not raised."""

from __future__ import annotations

import datetime as dt

import pytest

from rra_desktop.domain.model import FactKind, NoticeDirection, NoticeRecord, TimelineFact
from rra_desktop.services import notices, timeline
from ui.context import NOT_UNDOABLE

SENT_AT = dt.datetime(2003, 6, 20, 10, 0)  # Friday, 10:00 a.m. Eastern: fax deemed given that day


def _notice(direction=NoticeDirection.SENT, notice_id="n-1") -> NoticeRecord:
    return NoticeRecord(notice_id, direction, "notice_of_effectiveness", "Xmark Fund Ltd.", "fax", SENT_AT)


def _mark_done(context):
    return context.perform(timeline.mark_done, "filing_date", dt.date(2003, 6, 19))


def test_a_sent_notice_clears_the_history_and_says_why(qtbot, window, context):
    _mark_done(context)
    assert window.undo_action.isEnabled()
    context.perform(notices.log_notice, _notice())
    assert context.undo_stack.count() == 0 and not window.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == NOT_UNDOABLE
    window.undo_action.trigger()  # greyed out: does nothing, raises nothing
    deal = context.deal()
    assert [n.id for n in deal.notices] == ["n-1"]
    assert [c.deadline_key for c in deal.completions] == ["filing_date"]  # not undone past the notice


def test_edits_after_the_notice_undo_and_redo_as_usual(qtbot, window, context):
    context.perform(notices.log_notice, _notice())
    _mark_done(context)
    assert context.undo_stack.count() == 1
    window.undo_action.trigger()
    assert context.deal().completions == () and [n.id for n in context.deal().notices] == ["n-1"]
    window.redo_action.trigger()
    assert [c.deadline_key for c in context.deal().completions] == ["filing_date"]


def test_a_received_notice_is_undoable(qtbot, context):
    context.perform(notices.log_notice, _notice(NoticeDirection.RECEIVED))
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert context.deal().notices == ()


def test_an_undo_the_store_refuses_is_reported_and_dropped(qtbot, window, context):
    at = dt.datetime(2003, 6, 20, 16, 45)
    fact = TimelineFact("f-1", FactKind.SEC_NO_REVIEW, at.date(), at=at)
    context.perform(timeline.record_fact, fact)
    # the same fact changed outside this window's history (another window, the command line)
    timeline.edit_fact(context.store, TimelineFact("f-1", FactKind.SEC_NO_REVIEW, at.date(), at=at, document="EDGAR"))
    shown = []
    context.statusMessage.connect(shown.append)
    window.undo_action.trigger()
    assert context.undo_stack.count() == 0
    assert shown and "has been changed since" in shown[0]
    assert window.statusBar().currentMessage() == shown[0]
    assert context.deal().facts[0].document == "EDGAR"  # left as the store holds it


def test_an_ampersand_in_a_label_shows_as_itself_in_the_undo_menu(context):
    """'Smith & Co.' must not become 'Smith _Co.' (a mnemonic) in Edit ▸ Undo."""
    from rra_desktop.domain.model import Holder
    from rra_desktop.services import holders

    context.perform(holders.add_holder, Holder(id="h-smith", name="Smith & Co. <Fund>"))
    command = context.undo_stack.command(context.undo_stack.count() - 1)
    assert command.text() == "Add Holder Smith & Co. <Fund>"
    assert command.actionText() == "Add Holder Smith && Co. <Fund>"
    undo_action = context.undo_stack.createUndoAction(context)
    assert "Smith && Co." in undo_action.text()


def _plan_financing(store, holder_id):
    """Two services as one user action (``unit_of_work``): one entry on the undo stack."""
    from rra_desktop.services.unit_of_work import unit_of_work

    with unit_of_work(store, "Plan the financing") as uow:
        timeline.mark_done(uow, "filing_date", dt.date(2003, 6, 19))
        timeline.record_fact(uow, TimelineFact("f-pb", FactKind.PIGGYBACK_NOTICE, SENT_AT.date(), holder_id=holder_id))
    return uow.change


def test_one_undo_undoes_an_action_that_spans_several_services(qtbot, window, context):
    before = context.deal()
    context.perform(_plan_financing, before.holders[0].id)
    assert context.undo_stack.count() == 1 and context.undo_stack.undoText() == "Plan the financing"
    window.undo_action.trigger()
    assert context.deal() == before
    window.redo_action.trigger()
    assert [c.deadline_key for c in context.deal().completions] == ["filing_date"]
    assert context.deal().facts[-1].id == "f-pb"


def test_a_letter_batch_refused_at_its_third_step_changes_nothing_and_keeps_the_history(qtbot, window, context):
    """Three 3(a) review-copy letters: each starts its Holder's window (a timeline fact); the
    third names a Holder the deal does not have, so the whole batch, notices included, is refused."""
    from reports.letters import NoticeRequest
    from reports.notice_log import record
    from rra_desktop.services import Refused

    _mark_done(context)
    before, history = context.deal(), context.undo_stack.count()
    request = NoticeRequest("review-copies", SENT_AT, "fax")
    ids = [before.holders[0].id, before.holders[1].id, "nobody"]
    records = [NoticeRecord(f"n-{i}", NoticeDirection.SENT, "review_copies", h, "fax", SENT_AT)
               for i, h in enumerate(ids)]
    with pytest.raises(Refused, match="no Holder 'nobody'"):
        context.perform(record, request, records, [{"holder_id": h} for h in ids])
    assert context.deal() == before and context.undo_stack.count() == history == 1
    window.undo_action.trigger()  # the edit before the batch is still the one to undo
    assert context.deal().completions == ()
