"""The letter dialogs: preview with navigation and printing, prepare one letter or a batch."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from reports.catalog import build_letters
from reports.letters import NoticeRequest
from reports.pdf_letter import write_letters_pdf
from tests.reports.conftest import letter_deal


@pytest.fixture
def letter_context(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "d.rradeal", letter_deal())
    ctx = DealContext(store)
    ctx.set_today(dt.date(2003, 6, 23))
    yield ctx
    store.close()


def _two_page_pdf(tmp_path):
    d = letter_deal()
    letters = build_letters(d, NoticeRequest("notice-of-effectiveness", dt.datetime(2003, 6, 23, 10), "courier"))
    path = tmp_path / "exa.pdf"
    write_letters_pdf(letters, path)
    return path


def test_preview_navigates_zooms_and_prints_every_page(qtbot, tmp_path):
    from ui.letters.preview import PdfPreviewDialog
    from ui.qt import QPrinter

    dialog = PdfPreviewDialog(_two_page_pdf(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == 2 and dialog.page_label.text() == "Page 1 of 2"
    dialog.go_to(1)
    assert dialog.page_label.text() == "Page 2 of 2"
    dialog.go_to(5)  # clamped
    assert dialog.current_page() == 1
    before = dialog.view.zoomFactor()
    dialog.zoom(1.25)
    assert dialog.view.zoomFactor() == pytest.approx(before * 1.25)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_(printer) == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_a_preview_is_a_draft_that_logs_nothing_and_keeps_undo(qtbot, letter_context, tmp_path):
    from rra_desktop.services import expenses
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.qt import Qt

    deal = letter_context.deal()
    letter_context.perform(expenses.add_expense, _expense())
    audit = len(letter_context.store.audit_entries())
    dialog = PrepareNoticeDialog(letter_context, None, kind="blackout", holder_ids=[deal.holders[3].id])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    path = dialog.preview.pdf_path
    assert path.exists() and "Smith & Co. Fund" in path.name and dialog.preview.document.pageCount() >= 1
    assert letter_context.deal().notices == () and len(letter_context.store.audit_entries()) == audit
    assert letter_context.undo_stack.count() == 1 and letter_context.undo_stack.canUndo()
    assert letter_context.deal().blackouts[0].notice_sent_on is None
    assert "Draft written" in dialog.status.text() and dialog.record_button.isEnabled()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    asked = dialog.record_dialog
    assert asked.isVisible() and asked.recipients.isHidden()  # one letter: no recipient list
    qtbot.mouseClick(asked.ok, Qt.MouseButton.LeftButton)
    [notice] = letter_context.deal().notices
    assert notice.recipient == "Smith & Co. <Fund>" and notice.kind == "blackout"
    assert letter_context.deal().blackouts[0].notice_sent_on == dt.date(2003, 6, 23)
    # the sent notice is evidence, logged last: nothing before it can be undone apart
    assert letter_context.undo_stack.count() == 0 and not dialog.record_button.isEnabled()
    # the confirmation names the trail's head digest after the notice: the anchor to keep
    head = letter_context.store.trail_head()
    assert head.startswith(f"{len(letter_context.store.audit_entries())}:")
    assert f"audit trail head {head}" in dialog.status.text() and "Recorded 1 letter as sent" in dialog.status.text()


def _expense():
    from decimal import Decimal

    from rra_desktop.domain.model import Expense, ExpenseCategory

    return Expense("e-1", dt.date(2003, 6, 20), "Printer", next(iter(ExpenseCategory)), Decimal("100"))


def test_record_as_sent_refuses_another_day_than_the_letters_bear(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog

    deal = letter_context.deal()
    dialog = PrepareNoticeDialog(letter_context, None, kind="blackout", holder_ids=[deal.holders[0].id])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.generate()
    asked = dialog.ask_record_sent()
    asked.sent_at.set_value(dt.datetime(2003, 6, 24, 9, 0))
    asked.accept()
    assert asked.isVisible() and "dated Mon Jun 23, 2003" in asked.error.text()
    asked.sent_at.set_value(dt.datetime(2003, 6, 23, 15, 10))
    asked.accept()
    [notice] = letter_context.deal().notices
    assert notice.sent_at == dt.datetime(2003, 6, 23, 15, 10)


def test_prepare_refuses_with_a_message_instead_of_a_letter(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog

    dialog = PrepareNoticeDialog(letter_context, None, kind="blackout", holder_ids=[])
    qtbot.addWidget(dialog)
    assert dialog.generate() is None
    assert "Tick at least one Holder" in dialog.status.text()


def test_generate_all_writes_one_letter_per_selected_holder_logs_each_and_prints(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.qt import QPrinter, Qt

    deal = letter_context.deal()
    chosen = [h.id for h in deal.holders[:4]]
    dialog = PrepareNoticeDialog(letter_context, None, kind="effectiveness", holder_ids=chosen)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "batch"))
    task = dialog.generate_all()
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    result = dialog.last_batch
    assert [m.letter.recipient for m in result.made] == [h.name for h in deal.holders[:4]]
    assert len(list((tmp_path / "batch").glob("*.pdf"))) == 5  # four letters and the combined PDF
    assert letter_context.deal().notices == ()  # drafts until recorded as sent
    asked = dialog.ask_record_sent()
    assert asked.recipients.count() == 4
    asked.recipients.item(3).setCheckState(Qt.CheckState.Unchecked)  # that one did not go out
    asked.accept()
    notices = letter_context.deal().notices
    assert sorted(n.recipient for n in notices) == sorted(h.name for h in deal.holders[:3])
    assert {n.sha256 for n in notices} == {m.sha256 for m in result.made[:3]}
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert dialog.print_all(printer) == len(PdfReader(result.combined).pages)


def test_a_refused_advice_is_neither_logged_nor_left_on_disk(qtbot, letter_context, tmp_path):
    """The blackout starts Sep 2, 2003; an Advice sent Jul 16 is refused by the ledger."""
    from ui.letters.prepare import PrepareNoticeDialog

    deal = letter_context.deal()
    dialog = PrepareNoticeDialog(letter_context, None, kind="advice", holder_ids=[h.id for h in deal.holders[:2]])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.docx.setChecked(True)
    dialog.sent_at.set_value(dt.datetime(2003, 7, 16, 11, 0))
    assert dialog.generate() is None and dialog.preview is None
    assert "cannot be sent before the period starts" in dialog.status.text()
    assert letter_context.deal().notices == () and list((tmp_path / "out").iterdir()) == []
    task = dialog.generate_all()
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert letter_context.deal().notices == () and list((tmp_path / "out").iterdir()) == []
    assert letter_context.deal().blackouts[0].advice_sent_on is None and dialog.last_batch is None
