"""Preview a PDF inside the app (Qt's PDF viewer) and print it through the system dialog.

The letters are already PDFs, so printing sends them as they are, vector pages and embedded
fonts (``send_pdfs``): "print to file" writes the PDF itself (the several files of "Print all"
joined into one), and a printer on a system with CUPS gets the file through ``lp``. Only where
neither applies (Windows printers) is each page rendered with ``QPdfDocument.render`` into the
printer's painter, at most 300 dpi (a 1,200 dpi page image would take half a gigabyte).

The print dialog starts on US Letter, the paper of the agreement and its notices; the printer's
own choice applies once the user picks another. "Print to file" proposes the document's name in
the deal's folder (``new_printer``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from ui.qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPageSize,
    QPainter,
    QPdfDocument,
    QPdfView,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRect,
    QSize,
    QVBoxLayout,
    QWidget,
)

MAX_PRINT_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter, painter: QPainter | None = None) -> int:
    """Every page of ``document`` onto ``printer`` (one sheet each); returns the pages printed."""
    own = painter is None
    painter = painter or QPainter(printer)
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        for i in range(document.pageCount()):
            if i and not printer.newPage():
                return i
            points = document.pagePointSize(i)
            image = document.render(i, QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi)))
            scale = min(area.width() / image.width(), area.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRect(0, 0, int(w), int(h)), image)
        return document.pageCount()
    finally:
        if own:
            painter.end()


def new_printer(document_name: str = "", folder: Path | None = None) -> QPrinter:
    """A printer on US Letter named for the document (what "print to file" proposes)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    if document_name:
        printer.setDocName(document_name)
    printer.folder = folder  # where ask_printer opens the dialog
    return printer


@contextmanager
def _working_folder(folder: Path | None):
    """Qt's own print dialog proposes "<document name>.pdf" in the working folder when that is
    under the home folder: make it the deal's folder while the dialog is open."""
    before = Path.cwd()
    try:
        if folder is not None and folder.is_dir():
            os.chdir(folder)
        yield
    finally:
        os.chdir(before)


def ask_printer(parent: QWidget | None, document_name: str, folder: Path | None = None) -> QPrinter | None:
    """The system print dialog for ``document_name``; None when cancelled."""
    printer = new_printer(document_name, folder)
    with _working_folder(folder):
        accepted = QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
    return printer if accepted else None


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def send_pdfs(paths: Sequence[Path], printer: QPrinter) -> int:
    """Send the PDFs to ``printer`` as vector pages; returns the pages sent."""
    paths = [Path(p) for p in paths]
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        from pypdf import PdfWriter

        writer = PdfWriter()
        for path in paths:
            writer.append(str(path))
        with open(printer.outputFileName(), "wb") as out:
            writer.write(out)
        return len(writer.pages)
    lp = shutil.which("lp")
    if lp and printer.printerName():
        copies = max(1, printer.copyCount())
        media = printer.pageLayout().pageSize().key() or "Letter"  # "Letter", "A4": the names CUPS takes
        subprocess.run([lp, "-d", printer.printerName(), "-n", str(copies), "-t", printer.docName() or "RRA Desk",
                        "-o", f"media={media}", "-o", "fit-to-page", *map(str, paths)],
                       check=True, capture_output=True, timeout=60)
        return sum(_pdf_pages(p) for p in paths)
    return _render_pdfs(paths, printer)


def _render_pdfs(paths: Sequence[Path], printer: QPrinter) -> int:
    painter = QPainter(printer)
    pages = 0
    try:
        for n, path in enumerate(paths):
            document = QPdfDocument(None)
            document.load(str(path))
            if n and document.pageCount() and not printer.newPage():
                break
            pages += print_document(document, printer, painter)
            document.close()
    finally:
        painter.end()
    return pages


def print_pdfs(paths: Sequence[Path], parent: QWidget | None = None, printer: QPrinter | None = None,
               folder: Path | None = None) -> int:
    """Print ``paths`` in order after one print dialog (none when ``printer`` is given, as in
    tests); returns the number of pages sent, 0 when cancelled."""
    if printer is None:
        name = Path(paths[0]).stem if len(paths) == 1 else "Letters"
        printer = ask_printer(parent, name, folder or (Path(paths[0]).parent if paths else None))
        if printer is None:
            return 0
    return send_pdfs(paths, printer)


class PdfPreviewDialog(QDialog):
    """The PDF as it will print: page navigation, zoom, Print… and Save As…."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.folder = folder  # where "print to file" proposes to write (the deal's folder)
        self.setWindowTitle(f"Preview — {self.pdf_path.name}")
        self.resize(820, 980)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_label = QLabel(self)
        buttons = {name: QPushButton(name, self) for name in ("◀ Previous", "Next ▶", "Zoom −", "Zoom +",
                                                              "Fit width", "Save As…", "Print…", "Close")}
        buttons["◀ Previous"].clicked.connect(lambda: self.go_to(self.current_page() - 1))
        buttons["Next ▶"].clicked.connect(lambda: self.go_to(self.current_page() + 1))
        buttons["Zoom −"].clicked.connect(lambda: self.zoom(1 / 1.25))
        buttons["Zoom +"].clicked.connect(lambda: self.zoom(1.25))
        buttons["Fit width"].clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        buttons["Save As…"].clicked.connect(lambda: self.save_as())
        buttons["Print…"].clicked.connect(lambda: self.print_())
        buttons["Close"].clicked.connect(self.accept)
        buttons["Print…"].setDefault(True)
        self.buttons = buttons
        bar = QHBoxLayout()
        for name in ("◀ Previous", "Next ▶"):
            bar.addWidget(buttons[name])
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for name in ("Zoom −", "Zoom +", "Fit width", "Save As…", "Print…", "Close"):
            bar.addWidget(buttons[name])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.document.pageCount() - 1))
        self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())
        self._show_page(page)

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _show_page(self, page: int) -> None:
        self.page_label.setText(f"Page {page + 1} of {self.document.pageCount()}")

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Save letter as", str(self.pdf_path), "PDF files (*.pdf)")
        if target:
            from rra_desktop.outputs import OutputRefused, write_private

            try:
                write_private(Path(target), Path(self.pdf_path).read_bytes())
            except (OutputRefused, OSError) as exc:
                from ui.errors import show_error

                show_error(self, "Save letter as", str(exc))

    def print_(self, printer: QPrinter | None = None, folder: Path | None = None) -> int:
        """The system print dialog, then the PDF as it is (``printer`` skips the dialog: tests).
        "Print to file" proposes the document's name in ``folder`` (default: the PDF's own)."""
        return print_pdfs([self.pdf_path], self, printer, folder or self.folder)
