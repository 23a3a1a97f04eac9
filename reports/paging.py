"""Page furniture that needs the page count: "Page 2 of 3", continuation headers, CONFIDENTIAL.

ReportLab draws a page before it knows how many follow, so the canvas keeps each finished page
and draws the furniture when the document is saved (the usual "numbered canvas" recipe). Pages
are grouped by document: a combined batch PDF numbers each letter's pages on their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable

from reports.fonts import register_fonts


@dataclass(frozen=True)
class PageInfo:
    """Where a page sits within its document (letter or report)."""

    document: object  # the Letter (or report header) the page belongs to
    number: int  # 1-based within the document
    count: int  # pages of that document


Decorate = Callable[[rl_canvas.Canvas, PageInfo], None]


class DocumentStart(Flowable):
    """A zero-size mark at the start of each document in the story: pages from here on belong
    to ``document`` until the next mark."""

    def __init__(self, document: object):
        super().__init__()
        self.document = document
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv._rra_document = self.document
        self.canv._rra_serial = getattr(self.canv, "_rra_serial", 0) + 1


def paged_canvas(decorate: Decorate) -> type[rl_canvas.Canvas]:
    """A canvas class (for ``doc.build(canvasmaker=...)``) that calls ``decorate`` on every page
    once the page count of its document is known."""

    class PagedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            # start every page in the embedded serif, so no unembedded base-14 font is referenced
            kwargs["initialFontName"] = kwargs.get("initialFontName") or register_fonts()
            super().__init__(*args, **kwargs)
            self._rra_pages: list[tuple[dict, int, object]] = []

        def showPage(self):
            serial = getattr(self, "_rra_serial", 0)
            self._rra_pages.append((dict(self.__dict__), serial, getattr(self, "_rra_document", None)))
            self._startPage()

        def save(self):
            counts = Counter(serial for _, serial, _ in self._rra_pages)
            # pages per document in story order: how a combined PDF is cut back into letters
            self.document_pages = tuple(counts.values())
            seen: Counter = Counter()
            for state, serial, document in self._rra_pages:
                seen[serial] += 1
                self.__dict__.update(state)
                decorate(self, PageInfo(document, seen[serial], counts[serial]))
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

    return PagedCanvas
