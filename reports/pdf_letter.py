"""Set ``Letter`` values as a US Letter PDF, the way a law firm's word processor would.

First page: the letterhead, date, delivery line, addressee block, Attention, RE line,
salutation, body, signature block and cc list. Later pages: a continuation header (addressee,
date, page) as firms do. "Page 2 of 3" at the foot of every page of a multi-page letter. One
call can set many letters in one PDF (the combined batch), each numbered on its own.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports.document import Letter, Para, Run
from reports.fonts import BOLD, FAMILY, register_fonts
from reports.paging import DocumentStart, PageInfo, paged_canvas

WIDTH, HEIGHT = LETTER
MARGIN = inch
FIRST_TOP = 1.45 * inch  # room for the letterhead
LATER_TOP = 1.35 * inch  # room for the continuation header
SIGNATURE_INDENT = 3.25 * inch


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=FAMILY, fontSize=11, leading=13.6, allowWidows=0, allowOrphans=0)
    return ParagraphStyle(name, **{**base, **kw})


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "body": _style("body", alignment=TA_JUSTIFY, firstLineIndent=0.5 * inch, spaceAfter=10),
        "flush": _style("flush", alignment=TA_JUSTIFY, spaceAfter=10),
        "indent": _style("indent", alignment=TA_JUSTIFY, leftIndent=0.5 * inch, rightIndent=0.5 * inch,
                         spaceAfter=10),
        "heading": _style("heading", alignment=TA_CENTER, fontName=BOLD, spaceAfter=10, spaceBefore=4),
        "bullet": _style("bullet", alignment=TA_JUSTIFY, leftIndent=0.75 * inch, bulletIndent=0.5 * inch,
                         spaceAfter=8),
        "line": _style("line", alignment=TA_LEFT, spaceAfter=0),
        "re": _style("re", fontName=BOLD, leftIndent=1.0 * inch, firstLineIndent=-0.5 * inch, spaceAfter=0),
        "signature": _style("signature", leftIndent=SIGNATURE_INDENT, spaceAfter=0),
        "cc": _style("cc", spaceAfter=0, fontSize=10.5, leading=13),
    }


def markup(runs: Sequence[Run]) -> str:
    """Runs as Paragraph markup; every piece of text XML-escaped."""
    out = []
    for r in runs:
        text = escape(r.text)
        if r.underline:
            text = f"<u>{text}</u>"
        if r.italic:
            text = f"<i>{text}</i>"
        if r.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _lines(lines: Sequence[str]) -> str:
    return "<br/>".join(escape(line) for line in lines)


def letter_story(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    """The flowables of one letter, from its first page."""
    gap = Spacer(1, 10)
    story: list = [DocumentStart(letter), Paragraph(escape(letter.date_line), st["line"]), gap]
    if letter.delivery:
        story += [Paragraph(f"<b>{escape(letter.delivery)}</b>", st["line"]), gap]
    address = list(letter.addressee.lines)
    story.append(Paragraph(_lines(address), st["line"]))
    if letter.attention:
        story.append(Paragraph(f"Attention: {escape(letter.attention)}", st["line"]))
    story.append(gap)
    for i, line in enumerate(letter.re_lines):
        label = "Re:\u00a0\u00a0\u00a0\u00a0\u00a0" if i == 0 else ""
        story.append(Paragraph(f"{label}{escape(line)}", st["re"] if i == 0 else _re_cont(st)))
    if letter.re_lines:
        story.append(gap)
    if letter.heading:
        story.append(Paragraph(escape(letter.heading), st["heading"]))
    if letter.salutation:
        story += [Paragraph(escape(letter.salutation), st["line"]), gap]
    body = [_para(p, st) for p in letter.body]
    closing = _signature(letter, st)
    # the last paragraph travels with the signature and the copies: a lawyer never signs a page
    # with no text on it, and a cc list never starts a page of its own
    story += body[:-1]
    story.append(KeepTogether([*body[-1:], *closing, *_tail(letter, st)]))
    return story


def _re_cont(st: dict[str, ParagraphStyle]) -> ParagraphStyle:
    return ParagraphStyle("re2", parent=st["re"], firstLineIndent=0)


def _para(p: Para, st: dict[str, ParagraphStyle]) -> Paragraph:
    if p.style == "bullet":
        return Paragraph(markup(p.runs), st["bullet"], bulletText="\u2022")
    return Paragraph(markup(p.runs), st.get(p.style, st["body"]))


def _signature(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    sig = letter.signature
    out: list = [Spacer(1, 6), Paragraph(escape(sig.closing), st["signature"])]
    if sig.entity:
        out += [Spacer(1, 6), Paragraph(f"<b>{escape(sig.entity)}</b>", st["signature"])]
    out.append(Spacer(1, 26))
    if sig.by_line:
        out.append(Paragraph("By:\u00a0" + "_" * 30, st["signature"]))
    names = [n for n in (sig.signer_name, sig.signer_title) if n]
    if names:
        prefix = "\u00a0" * 6 if sig.by_line else ""
        out.append(Paragraph("<br/>".join(prefix + escape(n) for n in names), st["signature"]))
    return out


def _tail(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    out: list = []
    if letter.enclosures:
        label = "Enclosures" if len(letter.enclosures) > 1 else "Enclosure"
        out += [Spacer(1, 14), Paragraph(f"{label}: " + escape("; ".join(letter.enclosures)), st["line"])]
    if letter.cc:
        # "cc:" in the margin, every line of every entry aligned at 0.5 inch (a hanging indent)
        rows = [[Paragraph("cc:" if i == 0 else "", st["cc"]), Paragraph(_lines(block.lines), st["cc"])]
                for i, block in enumerate(letter.cc)]
        table = Table(rows, colWidths=[0.5 * inch, WIDTH - 2 * MARGIN - 0.5 * inch], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), FAMILY, 10.5),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        out += [Spacer(1, 12), table]
    return out


def decorate(canv, page: PageInfo) -> None:
    """Letterhead on a letter's first page; continuation header after; page numbers; CONFIDENTIAL."""
    letter: Letter = page.document
    if letter is None:
        return
    canv.saveState()
    if page.number == 1:
        _letterhead(canv, letter.letterhead)
    else:
        canv.setFont(FAMILY, 10.5)
        y = HEIGHT - 0.75 * inch
        for line in (letter.recipient, letter.date_line, f"Page {page.number}"):
            canv.drawString(MARGIN, y, line)
            y -= 13
    if page.count > 1:
        canv.setFont(FAMILY, 9.5)
        canv.drawCentredString(WIDTH / 2, 0.55 * inch, f"Page {page.number} of {page.count}")
    if letter.confidential:
        canv.setFont(BOLD, 9.5)
        canv.drawCentredString(WIDTH / 2, HEIGHT - 0.4 * inch, "CONFIDENTIAL")
        canv.drawCentredString(WIDTH / 2, 0.35 * inch, "CONFIDENTIAL")
    canv.restoreState()


def _letterhead(canv, lines: Sequence[str]) -> None:
    if not lines:
        return
    y = HEIGHT - 0.8 * inch
    canv.setFont(BOLD, 15)
    canv.drawCentredString(WIDTH / 2, y, lines[0].upper())
    canv.setFont(FAMILY, 9.5)
    for line in lines[1:]:
        y -= 12
        canv.drawCentredString(WIDTH / 2, y, line)
    canv.setLineWidth(0.6)
    canv.line(MARGIN, y - 8, WIDTH - MARGIN, y - 8)


def _doc(target, title: str, author: str, subject: str) -> BaseDocTemplate:
    doc = BaseDocTemplate(target, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=title, author=author, subject=subject, creator="RRA Desk",
                          pageCompression=0)  # a letter is small; compressing it costs a quarter of the time
    first = Frame(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - FIRST_TOP - MARGIN, id="first", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - LATER_TOP - MARGIN, id="later", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("first", [first], autoNextPageTemplate="later"),
                          PageTemplate("later", [later], autoNextPageTemplate="later")])
    return doc


def write_letters_pdf(letters: Sequence[Letter], target: str | Path | io.BytesIO,
                      title: str | None = None, subject: str | None = None) -> None:
    """Set ``letters`` in one PDF (one letter, or a combined batch) at ``target``."""
    if not letters:
        raise ValueError("No letters to write")
    st = styles()
    first = letters[0]
    doc = _doc(str(target) if isinstance(target, Path) else target, title or first.title, first.author,
               subject or first.subject)
    story: list = []
    for i, letter in enumerate(letters):
        if i:
            story += [NextPageTemplate("first"), PageBreak()]
        story += letter_story(letter, st)
    doc.build(story, canvasmaker=paged_canvas(decorate))


def letter_pdf_bytes(letter: Letter) -> bytes:
    buffer = io.BytesIO()
    write_letters_pdf([letter], buffer)
    return buffer.getvalue()
