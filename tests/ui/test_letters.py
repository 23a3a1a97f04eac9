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


def test_prepare_one_letter_writes_logs_and_previews(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog

    deal = letter_context.deal()
    dialog = PrepareNoticeDialog(letter_context, None, kind="blackout", holder_ids=[deal.holders[3].id])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    path = dialog.generate()
    assert path is not None and path.exists() and "Smith & Co. Fund" in path.name
    assert dialog.preview is not None and dialog.preview.document.pageCount() >= 1
    [notice] = letter_context.deal().notices
    assert notice.recipient == "Smith & Co. <Fund>" and notice.kind == "blackout"
    assert letter_context.deal().blackouts[0].notice_sent_on == dt.date(2003, 6, 23)
    # the sent notice is evidence, logged last: nothing before it (the ledger's notice date) can be undone apart
    assert letter_context.undo_stack.count() == 0


def test_prepare_refuses_with_a_message_instead_of_a_letter(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog

    dialog = PrepareNoticeDialog(letter_context, None, kind="blackout", holder_ids=[])
    qtbot.addWidget(dialog)
    assert dialog.generate() is None
    assert "Tick at least one Holder" in dialog.status.text()


def test_generate_all_writes_one_letter_per_selected_holder_logs_each_and_prints(qtbot, letter_context, tmp_path):
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.qt import QPrinter

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
    notices = letter_context.deal().notices
    assert sorted(n.recipient for n in notices) == sorted(h.name for h in deal.holders[:4])
    assert {n.sha256 for n in notices} == {m.sha256 for m in result.made}
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert dialog.print_all(printer) == len(PdfReader(result.combined).pages)


def test_a_refused_advice_is_neither_logged_nor_left_on_disk(qtbot, letter_context, tmp_path):
    """The blackout starts Sep 2, 2003; an Advice sent Jul 16 is refused by the ledger."""
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.qt import QDateTime

    deal = letter_context.deal()
    dialog = PrepareNoticeDialog(letter_context, None, kind="advice", holder_ids=[h.id for h in deal.holders[:2]])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.docx.setChecked(True)
    dialog.sent_at.setDateTime(QDateTime(dt.date(2003, 7, 16), dt.time(11, 0)))
    assert dialog.generate() is None and dialog.preview is None
    assert "cannot be sent before the period starts" in dialog.status.text()
    assert letter_context.deal().notices == () and list((tmp_path / "out").iterdir()) == []
    task = dialog.generate_all()
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert letter_context.deal().notices == () and list((tmp_path / "out").iterdir()) == []
    assert letter_context.deal().blackouts[0].advice_sent_on is None and dialog.last_batch is None
