"""Preview a PDF inside the app (Qt's PDF viewer) and print it through the system dialog.

Printing renders each page with ``QPdfDocument.render`` into the printer's painter, scaled to
the printable area (at most 300 dpi: a letter needs no more, and a 1,200 dpi page image would
take half a gigabyte). ``print_pdfs`` prints several files after one print dialog ("Print all").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ui.qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
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


def print_pdfs(paths: Sequence[Path], parent: QWidget | None = None, printer: QPrinter | None = None) -> int:
    """Print ``paths`` in order after one print dialog (none when ``printer`` is given, as in
    tests); returns the number of pages sent, 0 when cancelled."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            return 0
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


class PdfPreviewDialog(QDialog):
    """The PDF as it will print: page navigation, zoom, Print… and Save As…."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
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

    def print_(self, printer: QPrinter | None = None) -> int:
        """The system print dialog, then every page (``printer`` skips the dialog: tests)."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return 0
        return print_document(self.document, printer)
