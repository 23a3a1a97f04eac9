"""The same ``Letter`` as an editable Word document (python-docx), for a lawyer who wants to
change the wording before it goes out, set as the PDF sets it (``pdf_letter``):

* the PDF's measures: US Letter, 1-inch margins, 11 pt type on 13.6 pt lines (exactly the PDF's
  leading, not Word's 1.15 default), the same space after each paragraph and the same indents,
  so a letter has the PDF's page count;
* the letterhead (firm name, address lines and a rule under them) in the first page's header;
  on later pages the continuation header (addressee, date, "Page n"), and "Page x of y" at the
  foot of every page, both only when the PDF runs to more than one page, as the PDF prints them;
  CONFIDENTIAL at head and foot when the letter is;
* the closing, firm, "By:" line and signer kept with each other and with the last lines of the
  body (keep-with-next), so the signature is never alone on a page;
* named paragraph styles ("Letterhead", "Inside Address", "Subject", "Salutation", "Body Text",
  "Letter Heading", "Closing", "Signature", "Copies", ...) built on Normal, so a firm's
  template restyles the letters by name;
* honest document properties: title and subject of the letter, author and last editor the
  firm, created and modified now, application "RRA Desk".
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import IO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from reports.document import Letter, Para
from reports.fonts import DOCX_FONT
from rra_desktop import __version__
from rra_desktop.outputs import private_target

LEADING = Pt(13.6)  # the PDF's line pitch for 11 pt type
J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
# name: (alignment, size, bold, left indent, first-line indent, right indent, space after in pt)
STYLES = {
    "Letterhead": (C, 15, True, 0, 0, 0, 0),
    "Letterhead Address": (C, 9.5, False, 0, 0, 0, 0),
    "Continuation Header": (L, 10.5, False, 0, 0, 0, 0),
    "Page Footer": (C, 9.5, False, 0, 0, 0, 0),
    "Confidential": (C, 9.5, True, 0, 0, 0, 0),
    "Date": (L, 11, False, 0, 0, 0, 10),
    "Delivery": (L, 11, True, 0, 0, 0, 10),
    "Inside Address": (L, 11, False, 0, 0, 0, 10),
    "Subject": (L, 11, True, 1.0, -0.5, 0, 10),
    "Letter Heading": (C, 11, True, 0, 0, 0, 10),
    "Salutation": (L, 11, False, 0, 0, 0, 10),
    "Body Text": (J, 11, False, 0, 0.5, 0, 10),
    "Body Text Flush": (J, 11, False, 0, 0, 0, 10),
    "Block Text": (J, 11, False, 0.5, 0, 0.5, 10),
    "List Bullet Letter": (J, 11, False, 0.75, -0.25, 0, 8),
    "Closing": (L, 11, False, 3.25, 0, 0, 6),
    "Signature Company": (L, 11, True, 3.25, 0, 0, 26),
    "Signature": (L, 11, False, 3.25, 0, 0, 0),
    "Enclosure": (L, 11, False, 0, 0, 0, 0),
    "Copies": (L, 10.5, False, 0.5, -0.5, 0, 5),
}
BODY_STYLE = {"body": "Body Text", "flush": "Body Text Flush", "indent": "Block Text", "heading": "Letter Heading",
              "bullet": "List Bullet Letter"}


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.top_margin = Inches(1.45)  # the PDF's first frame: room for the letterhead
    section.header_distance, section.footer_distance = Inches(0.55), Inches(0.45)
    normal = doc.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(11)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LEADING
    fmt.widow_control = True
    for name, (align, size, bold, left, first, right, after) in STYLES.items():
        style = doc.styles[name] if name in [s.name for s in doc.styles] else doc.styles.add_style(
            name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size, style.font.bold = Pt(size), bold
        f = style.paragraph_format
        f.alignment, f.space_before, f.space_after = align, Pt(0), Pt(after)
        f.left_indent, f.first_line_indent, f.right_indent = Inches(left), Inches(first), Inches(right)
        if size != 11:  # the PDF's own leading for its larger and smaller type
            f.line_spacing_rule, f.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(size * (1.25 if size > 11 else 1.24))


def _para(container, style: str, lines=(), *, keep_with_next: bool = False):
    p = container.add_paragraph(style=style)
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
    if keep_with_next:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    return p


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) whose result Word and LibreOffice compute."""
    for kind, text in (("begin", None), ("instr", f" {code} "), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _rule_below(paragraph) -> None:
    """The letterhead's rule: a bottom border under the paragraph, across the text column."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "5"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _clear(part) -> None:
    for p in list(part.paragraphs):
        p._p.getparent().remove(p._p)


def _page_number(paragraph, *, of_total: bool = False) -> None:
    """"Page n" (or "Page n of N") as Word fields, at the end of ``paragraph``."""
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE")
    if of_total:
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")


def _confidential(part, letter: Letter) -> None:
    """CONFIDENTIAL in ``part`` (a header or a footer) where the letter is, as the PDF marks it."""
    if letter.confidential:
        _para(part, "Confidential", ["CONFIDENTIAL"])


def _headers(doc, letter: Letter, pages: int) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    _clear(first)
    _confidential(first, letter)
    if letter.letterhead:
        _para(first, "Letterhead", [letter.letterhead[0].upper()])
        _rule_below(_para(first, "Letterhead Address", list(letter.letterhead[1:]) or [""]))
    later = section.header
    _clear(later)
    _confidential(later, letter)
    if pages > 1:
        p = _para(later, "Continuation Header", [letter.recipient, letter.date_line])
        p.runs[-1].add_break()
        _page_number(p)
    for footer in (section.first_page_footer, section.footer):
        _clear(footer)
        if pages > 1:
            _page_number(_para(footer, "Page Footer"), of_total=True)
        _confidential(footer, letter)


def _body(doc, para: Para, keep_with_next: bool) -> None:
    p = doc.add_paragraph(style=BODY_STYLE.get(para.style, "Body Text"))
    if para.style == "bullet":
        p.add_run("\u2022\t")
    for r in para.runs:
        run = p.add_run(r.text)
        run.bold, run.italic, run.underline = r.bold or para.style == "heading", r.italic, r.underline
    if keep_with_next:  # the body's last paragraph goes with the signature, as the PDF's SignedTail
        p.paragraph_format.keep_with_next = True


def _signature(doc, letter: Letter) -> None:
    sig = letter.signature
    blocks: list[tuple[str, list[str]]] = []
    if sig.closing:
        blocks.append(("Closing", [sig.closing]))
    if sig.entity:
        blocks.append(("Signature Company", [sig.entity]))
    names = [n for n in (sig.signer_name, sig.signer_title) if n]
    if sig.by_line:
        names = ["By:\u00a0" + "_" * 30, *("\u00a0" * 6 + n for n in names)]
    if names:
        blocks.append(("Signature", names))
    for i, (style, lines) in enumerate(blocks):
        _para(doc, style, lines, keep_with_next=i < len(blocks) - 1)


def _properties(doc, letter: Letter) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title, props.subject, props.author = letter.title, letter.subject, letter.author
    props.last_modified_by, props.created, props.modified, props.revision = letter.author, now, now, 1
    props.keywords, props.comments, props.category = "", "", "Letter"
    props.last_printed = now  # the template's is 2013; a letter made now was last "printed" now
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":  # python-docx's template says "Microsoft Macintosh Word"
            part._blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
                'openxmlformats.org/officeDocument/2006/extended-properties"><Application>RRA Desk '
                f'{__version__}</Application><DocSecurity>0</DocSecurity></Properties>').encode()


def pdf_pages(letter: Letter) -> int:
    """How many pages the PDF of ``letter`` has (the .docx prints its page furniture the same)."""
    from reports.pdf_letter import write_letters_pdf

    return write_letters_pdf([letter], io.BytesIO())[0]


def write_letter_docx(letter: Letter, target: str | Path | IO[bytes], pages: int | None = None) -> None:
    """``letter`` as a .docx at ``target`` (a path or a binary file object); ``pages``: the PDF's
    page count when the caller knows it (else the letter is set once in PDF to learn it)."""
    doc = Document()
    _setup(doc)
    _properties(doc, letter)
    _headers(doc, letter, pages if pages is not None else pdf_pages(letter))
    _clear(doc)  # python-docx's template body is empty, but keep the section properties only
    _para(doc, "Date", [letter.date_line])
    if letter.delivery:
        _para(doc, "Delivery", [letter.delivery])
    _para(doc, "Inside Address",
          list(letter.addressee.lines) + ([f"Attention: {letter.attention}"] if letter.attention else []))
    if letter.re_lines:
        _para(doc, "Subject", ["Re:\t" + letter.re_lines[0], *letter.re_lines[1:]])
    if letter.heading:
        _para(doc, "Letter Heading", [letter.heading])
    if letter.salutation:
        _para(doc, "Salutation", [letter.salutation])
    for i, para in enumerate(letter.body):
        _body(doc, para, keep_with_next=i == len(letter.body) - 1)
    _signature(doc, letter)
    if letter.enclosures:  # after the signature block, before the copies, as the PDF sets it
        label = "Enclosures" if len(letter.enclosures) > 1 else "Enclosure"
        p = _para(doc, "Enclosure", [f"{label}: " + "; ".join(letter.enclosures)])
        p.paragraph_format.space_before = Pt(14)
    for i, entry in enumerate(letter.cc):
        p = _para(doc, "Copies", [("cc:\t" if i == 0 else "\t") + entry.lines[0], *entry.lines[1:]],
                  keep_with_next=i < len(letter.cc) - 1)
        if i == 0:
            p.paragraph_format.space_before = Pt(12)
    if isinstance(target, str | Path):
        with private_target(Path(target)) as temporary:
            doc.save(str(temporary))
    else:
        doc.save(target)
