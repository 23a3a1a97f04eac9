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

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from reports.document import Letter, Para, Run
from reports.flowables import Lines, SignedTail, lines_or_para
from reports.fonts import BOLD, FAMILY, draw_text, escape_text, register_fonts, text_width
from reports.paging import DocumentStart, PageInfo, paged_canvas

WIDTH, HEIGHT = LETTER
MARGIN = inch
FIRST_TOP = 1.45 * inch  # room for the letterhead
LATER_TOP = 1.35 * inch  # room for the continuation header
SIGNATURE_INDENT = 3.25 * inch


def _style(name: str, **kw) -> ParagraphStyle:
    # bulletFontName: ReportLab's default is Helvetica, which would go into the PDF unembedded
    base = dict(fontName=FAMILY, bulletFontName=FAMILY, fontSize=11, leading=13.6, allowWidows=0, allowOrphans=0)
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
        "cc": _style("cc", spaceAfter=5, fontSize=10.5, leading=13),
    }


def markup(runs: Sequence[Run]) -> str:
    """Runs as Paragraph markup; every piece of text XML-escaped."""
    out = []
    for r in runs:
        text = escape_text(r.text)
        if r.underline:
            text = f"<u>{text}</u>"
        if r.italic:
            text = f"<i>{text}</i>"
        if r.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


COLUMN = WIDTH - 2 * MARGIN
RE_LABEL = 0.5 * inch  # "Re:" at 0.5 inch, its lines at 1 inch
CC_INDENT = 0.5 * inch


def _lines(lines: Sequence[str], style: ParagraphStyle, *, bold: bool = False, indent: float = 0,
           label: str = "") -> Flowable:
    return lines_or_para(lines, style, COLUMN, bold_font=BOLD if bold else None, indent=indent, label=label)


def letter_story(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    """The flowables of one letter, from its first page."""
    gap = Spacer(1, 10)
    story: list = [DocumentStart(letter), _lines([letter.date_line], st["line"]), gap]
    if letter.delivery:
        story += [_lines([letter.delivery], st["line"], bold=True), gap]
    address = list(letter.addressee.lines)
    if letter.attention:
        address.append(f"Attention: {letter.attention}")
    story += [_lines(address, st["line"]), gap]
    if letter.re_lines:
        story += [_re_block(letter.re_lines, st), gap]
    if letter.heading:
        story.append(Paragraph(escape_text(letter.heading), st["heading"]))
    if letter.salutation:
        story += [_lines([letter.salutation], st["line"]), gap]
    body = [_para(p, st) for p in letter.body]
    # the signature never stands alone: the last lines of the body go with it (flowables.SignedTail)
    story += body[:-1]
    story.append(SignedTail(body[-1], _signature(letter, st)) if body else KeepTogether(_signature(letter, st)))
    story += _tail(letter, st)
    return story


def _re_block(re_lines: Sequence[str], st: dict[str, ParagraphStyle]) -> Flowable:
    """"Re:" at half an inch, the subject lines in bold at an inch (a hanging indent)."""
    indent = 2 * RE_LABEL
    if all(text_width(line, BOLD, st["re"].fontSize) <= COLUMN - indent for line in re_lines):
        return Lines(re_lines, st["re"], indent=indent, label="Re:", label_x=RE_LABEL)
    text = "<br/>".join(escape_text(line) for line in re_lines)
    return Paragraph(f"Re:\u00a0\u00a0\u00a0\u00a0\u00a0{text}", st["re"])


def _para(p: Para, st: dict[str, ParagraphStyle]) -> Paragraph:
    if p.style == "bullet":
        return Paragraph(markup(p.runs), st["bullet"], bulletText="\u2022")
    return Paragraph(markup(p.runs), st.get(p.style, st["body"]))


def _signature(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    sig = letter.signature
    style = st["line"]
    out: list = [Spacer(1, 6), _lines([sig.closing], style, indent=SIGNATURE_INDENT)]
    if sig.entity:
        out += [Spacer(1, 6), _lines([sig.entity], style, bold=True, indent=SIGNATURE_INDENT)]
    out.append(Spacer(1, 26))
    if sig.by_line:
        out.append(_lines(["By:\u00a0" + "_" * 30], style, indent=SIGNATURE_INDENT))
    names = [n for n in (sig.signer_name, sig.signer_title) if n]
    if names:
        prefix = "\u00a0" * 6 if sig.by_line else ""
        out.append(_lines([prefix + n for n in names], style, indent=SIGNATURE_INDENT))
    return out


def _tail(letter: Letter, st: dict[str, ParagraphStyle]) -> list:
    out: list = []
    if letter.enclosures:
        label = "Enclosures" if len(letter.enclosures) > 1 else "Enclosure"
        out += [Spacer(1, 14), _lines([f"{label}: " + "; ".join(letter.enclosures)], st["line"])]
    if letter.cc:
        # "cc:" in the margin, every line of every entry aligned at 0.5 inch (a hanging indent);
        # the list kept whole on one page when it fits one, never begun at the foot of a page
        entries = [_lines(block.lines, st["cc"], indent=CC_INDENT, label="cc:" if i == 0 else "")
                   for i, block in enumerate(letter.cc)]
        out.append(KeepTogether([Spacer(1, 12), *entries]))
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
        y = HEIGHT - 0.75 * inch
        for line in (letter.recipient, letter.date_line, f"Page {page.number}"):
            draw_text(canv, MARGIN, y, line, FAMILY, 10.5)
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
    draw_text(canv, WIDTH / 2, y, lines[0].upper(), BOLD, 15, "centre")
    for line in lines[1:]:
        y -= 12
        draw_text(canv, WIDTH / 2, y, line, FAMILY, 9.5, "centre")
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
                      title: str | None = None, subject: str | None = None) -> tuple[int, ...]:
    """Set ``letters`` in one PDF (one letter, or a combined batch) at ``target``; the number of
    pages of each letter, in order (``combined.split_letters`` cuts the PDF back into letters)."""
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
    return doc.canv.document_pages


def letter_pdf_bytes(letter: Letter) -> bytes:
    buffer = io.BytesIO()
    write_letters_pdf([letter], buffer)
    return buffer.getvalue()
