"""A letter printed as a paralegal prints it: Prepare notice, Generate and preview, Print…, then
either "Print to file" (Qt's own PDF printer) or a CUPS printer, which gets the letter through
``lp``. Either way the pages stay vector pages on US Letter, never pictures of pages."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.reports.conftest import letter_deal

LETTER_POINTS = (612, 792)  # 8.5 x 11 inches


@pytest.fixture
def letter_context(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "d.rradeal", letter_deal())
    ctx = DealContext(store)
    ctx.set_today(dt.date(2003, 6, 23))
    yield ctx
    store.close()


def _previewed_letter(qtbot, context, tmp_path):
    """Prepare notice ▸ Generate and preview for one Holder: the preview dialog it opens."""
    from ui.letters.prepare import PrepareNoticeDialog
    from ui.qt import Qt

    holder = context.deal().holders[3]
    dialog = PrepareNoticeDialog(context, None, kind="blackout", holder_ids=[holder.id])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.pdf_path.is_file()
    qtbot.addWidget(dialog.preview)
    return dialog.preview, holder


def _fake_print_dialog(monkeypatch, choose):
    """Qt's print dialog, answered by ``choose(printer)`` as the user would, then OK."""
    from ui.letters import preview
    from ui.qt import QDialog

    class Answered:
        def __init__(self, printer, _parent):
            self.printer = printer

        def exec(self):
            choose(self.printer)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preview, "QPrintDialog", Answered)


def _page_sizes(path: Path) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(str(path)).pages}


def test_print_to_file_writes_the_letter_as_vector_pages_on_us_letter(qtbot, letter_context, tmp_path, monkeypatch):
    from ui.qt import QPageSize, QPrinter, Qt

    preview, holder = _previewed_letter(qtbot, letter_context, tmp_path)
    printed = tmp_path / "printed.pdf"
    seen = []

    def print_to_file(printer):
        seen.append(printer.pageLayout().pageSize().id())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))

    _fake_print_dialog(monkeypatch, print_to_file)
    qtbot.mouseClick(preview.buttons["Print…"], Qt.MouseButton.LeftButton)
    assert seen == [QPageSize.PageSizeId.Letter]  # the dialog opened on US Letter
    reader = PdfReader(str(printed))
    assert len(reader.pages) == preview.document.pageCount()
    assert _page_sizes(printed) == {LETTER_POINTS}
    text = " ".join(page.extract_text() for page in reader.pages)
    assert holder.name.split()[0] in text  # text a reader can extract: vector, not a picture
    assert not any(page.images for page in reader.pages)
    if shutil.which("pdftotext"):  # the same through poppler, as a second reader
        out = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
        assert holder.name.split()[0] in out


def test_a_cups_printer_gets_the_letter_itself_through_lp(qtbot, letter_context, tmp_path, monkeypatch):
    from ui.letters import preview as preview_module
    from ui.qt import QPrinter, Qt

    record = tmp_path / "lp-args.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")

    class CupsPrinter(QPrinter):
        """A printer as CUPS lists one (this machine has none): its name, not a file."""

        def printerName(self) -> str:
            return "Office_Laser"

    real = preview_module.new_printer

    def cups_printer(document_name="", folder=None):
        printer = real(document_name, folder)
        cups = CupsPrinter(QPrinter.PrinterMode.HighResolution)
        cups.setPageSize(printer.pageLayout().pageSize())
        cups.setDocName(printer.docName())
        cups.folder = folder
        return cups

    monkeypatch.setattr(preview_module, "new_printer", cups_printer)
    preview, _holder = _previewed_letter(qtbot, letter_context, tmp_path)
    _fake_print_dialog(monkeypatch, lambda printer: (printer.setOutputFileName(""), printer.setCopyCount(2)))
    qtbot.mouseClick(preview.buttons["Print…"], Qt.MouseButton.LeftButton)
    args = record.read_text().splitlines()
    assert args[:2] == ["-d", "Office_Laser"]
    assert args[args.index("-n") + 1] == "2"
    assert args[args.index("-t") + 1] == preview.pdf_path.stem  # the job is named for the letter
    assert "media=Letter" in args and "fit-to-page" in args
    assert args[-1] == str(preview.pdf_path)  # the PDF as written (vector, fonts embedded), not a rendering
    assert _page_sizes(preview.pdf_path) == {LETTER_POINTS}
