"""Printing sends the PDFs as they are: vector pages with their text, on US Letter, and "print to
file" proposes the document's name in the deal's folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from reports.catalog import build_letters
from reports.letters import NoticeRequest
from reports.pdf_letter import write_letters_pdf
from tests.reports.conftest import letter_deal


def _exhibit_a(tmp_path) -> Path:
    letters = build_letters(letter_deal(), NoticeRequest("notice-of-effectiveness", dt.datetime(2003, 6, 23, 10),
                                                         "courier"))
    path = tmp_path / "Exhibit A.pdf"
    write_letters_pdf(letters, path)
    return path


def test_printing_to_a_file_writes_vector_pages_with_their_text(qtbot, tmp_path):
    from ui.letters.preview import PdfPreviewDialog, new_printer
    from ui.qt import QPrinter

    source = _exhibit_a(tmp_path)
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    printer = new_printer("Exhibit A")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_(printer) == 2
    printed = PdfReader(tmp_path / "printed.pdf")
    text = "".join(page.extract_text() for page in printed.pages)
    assert "U.S. Stock Transfer Corporation" in text and "Via Overnight Courier" in text  # text, not a picture
    assert not any(page.images for page in printed.pages)
    assert (tmp_path / "printed.pdf").stat().st_size < 3 * source.stat().st_size  # a 929 KB image print before


def test_the_printer_starts_on_us_letter_named_for_the_document(qtbot):
    from ui.letters.preview import new_printer
    from ui.qt import QPageSize

    printer = new_printer("Exhibit A 2003-06-23")
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert printer.docName() == "Exhibit A 2003-06-23"


def test_print_all_joins_the_letters_into_one_file(qtbot, tmp_path):
    from ui.letters.preview import new_printer, print_pdfs
    from ui.qt import QPrinter

    first, second = _exhibit_a(tmp_path), tmp_path / "copy.pdf"
    second.write_bytes(first.read_bytes())
    printer = new_printer("Letters")
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    assert print_pdfs([first, second], printer=printer) == 4
    assert len(PdfReader(tmp_path / "all.pdf").pages) == 4


def test_the_print_dialog_opens_in_the_deals_folder_with_the_documents_name(qtbot, tmp_path, monkeypatch):
    from ui.letters import preview

    seen = []

    class FakeDialog:
        def __init__(self, printer, _parent):
            self.printer = printer

        def exec(self):
            seen.append((Path.cwd(), self.printer.docName(), self.printer.pageLayout().pageSize().key()))
            return 0  # cancelled

    monkeypatch.setattr(preview, "QPrintDialog", FakeDialog)
    deal_folder = tmp_path / "Acme deal"
    deal_folder.mkdir()
    before = Path.cwd()
    assert preview.print_pdfs([_exhibit_a(tmp_path)], folder=deal_folder) == 0
    assert seen == [(deal_folder, "Exhibit A", "Letter")] and Path.cwd() == before
