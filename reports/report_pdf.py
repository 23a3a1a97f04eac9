"""The frame of an internal report: a title block, tables, "Page x of y", and CONFIDENTIAL at
the head and foot of every page when the report shows confidential information."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import BOLD, FAMILY, draw_text, escape_text, register_fonts
from reports.paging import DocumentStart, PageInfo, paged_canvas
from rra_desktop.outputs import private_target

CONFIDENTIAL_HEAD = "CONFIDENTIAL — INTERNAL — NOT FOR DISTRIBUTION TO HOLDERS"


@dataclass(frozen=True)
class ReportHead:
    title: str
    deal: str  # the agreement's title
    lines: tuple[str, ...]  # as-of date, calendar in force, ...
    confidential: bool = False
    trail: str = ""  # the deal file's footer line with its trail head digest (``DealStore.trail_footer``)


def _styles():
    register_fonts()
    return {"title": ParagraphStyle("t", fontName=BOLD, fontSize=14, leading=17, spaceAfter=2),
            "meta": ParagraphStyle("m", fontName=FAMILY, fontSize=9.5, leading=12),
            "cell": ParagraphStyle("c", fontName=FAMILY, fontSize=8.5, leading=10.5),
            "head": ParagraphStyle("h", fontName=BOLD, fontSize=8.5, leading=10.5),
            "note": ParagraphStyle("n", fontName=FAMILY, fontSize=9, leading=11.5, spaceBefore=6)}


def cell(text: object, style) -> Paragraph:
    return Paragraph("<br/>".join(escape_text(line) for line in str(text).split("\n")), style)


def table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
          numeric: Sequence[int] = (), total_row: bool = False) -> Table:
    """A report table: header repeated on every page, numbers right-aligned, a rule above totals."""
    st = _styles()
    data = [[cell(h, st["head"]) for h in header]]
    data += [[cell(v, st["cell"]) if i not in numeric else str(v) for i, v in enumerate(r)] for r in rows]
    t = Table(data, colWidths=[w * inch for w in widths], repeatRows=1, hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), FAMILY, 8.5),
             ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
             ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.95, 0.95, 0.95)]),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    if total_row and rows:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black), ("FONT", (0, -1), (-1, -1), BOLD, 8.5),
                  ("BACKGROUND", (0, -1), (-1, -1), colors.white)]
    t.setStyle(TableStyle(style))
    return t


def note(text: str) -> Paragraph:
    return cell(text, _styles()["note"])


def decorate(canv, page: PageInfo) -> None:
    head: ReportHead = page.document
    width, height = canv._pagesize
    canv.saveState()
    draw_text(canv, 0.6 * inch, 0.45 * inch, f"{head.title} — {head.deal}"[:150], FAMILY, 8.5)
    canv.drawRightString(width - 0.6 * inch, 0.45 * inch, f"Page {page.number} of {page.count}")
    if head.trail:
        draw_text(canv, 0.6 * inch, 0.3 * inch, head.trail[:200], FAMILY, 6.5)
    if head.confidential:
        canv.setFont(BOLD, 10)
        canv.setFillColor(colors.darkred)
        canv.drawCentredString(width / 2, height - 0.4 * inch, CONFIDENTIAL_HEAD)
        canv.drawCentredString(width / 2, 0.25 * inch, "CONFIDENTIAL")
    canv.restoreState()


def write_report(head: ReportHead, flowables: list, target: str | Path, wide: bool = True) -> None:
    """``flowables`` under the report's title block, in ``target`` (landscape when ``wide``),
    written private and whole (``rra_desktop.outputs``)."""
    with private_target(Path(target)) as temporary:
        _build(head, flowables, temporary, wide)


def _build(head: ReportHead, flowables: list, target: Path, wide: bool) -> None:
    st = _styles()
    size = landscape(LETTER) if wide else LETTER
    doc = SimpleDocTemplate(str(target), pagesize=size, leftMargin=0.6 * inch, rightMargin=0.6 * inch,
                            topMargin=0.65 * inch, bottomMargin=0.7 * inch, title=f"{head.title} — {head.deal}",
                            author="RRA Desk", subject=head.title, creator="RRA Desk")
    story = [DocumentStart(head), cell(head.title, st["title"]), cell(head.deal, st["meta"])]
    story += [cell(line, st["meta"]) for line in head.lines]
    story += [Spacer(1, 10), *flowables]
    doc.build(story, canvasmaker=paged_canvas(decorate))
