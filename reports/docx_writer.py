"""The same ``Letter`` as an editable Word document (python-docx), for a lawyer who wants to
change the wording before it goes out: same letterhead, addressee, body, signature and copies.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

from reports.document import Letter, Para
from reports.fonts import DOCX_FONT
from rra_desktop.outputs import private_target

ALIGN = {"heading": WD_ALIGN_PARAGRAPH.CENTER, "body": WD_ALIGN_PARAGRAPH.JUSTIFY,
         "flush": WD_ALIGN_PARAGRAPH.JUSTIFY, "indent": WD_ALIGN_PARAGRAPH.JUSTIFY,
         "bullet": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    normal = doc.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)


def _lines(doc, lines, bold=False, align=None, size=None, indent=None, space_after=10):
    p = doc.add_paragraph()
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.left_indent = indent
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _body(doc, para: Para) -> None:
    p = doc.add_paragraph()
    for r in para.runs:
        run = p.add_run(r.text)
        run.bold, run.italic, run.underline = r.bold or para.style == "heading", r.italic, r.underline
    fmt = p.paragraph_format
    p.alignment = ALIGN.get(para.style, WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt.space_after = Pt(10)
    if para.style == "body":
        fmt.first_line_indent = Inches(0.5)
    elif para.style == "indent":
        fmt.left_indent = fmt.right_indent = Inches(0.5)
    elif para.style == "bullet":
        fmt.left_indent, fmt.first_line_indent = Inches(0.75), Inches(-0.25)
        p.runs[0].text = "\u2022\t" + p.runs[0].text if p.runs else ""


def write_letter_docx(letter: Letter, target: str | Path | IO[bytes]) -> None:
    """``letter`` as a .docx at ``target`` (a path or a binary file object)."""
    doc = Document()
    _setup(doc)
    doc.core_properties.title, doc.core_properties.author = letter.title, letter.author
    doc.core_properties.subject = letter.subject
    if letter.letterhead:
        _lines(doc, [letter.letterhead[0].upper()], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15, space_after=0)
        _lines(doc, list(letter.letterhead[1:]), align=WD_ALIGN_PARAGRAPH.CENTER, size=9.5, space_after=18)
    _lines(doc, [letter.date_line])
    if letter.delivery:
        _lines(doc, [letter.delivery], bold=True)
    address = list(letter.addressee.lines) + ([f"Attention: {letter.attention}"] if letter.attention else [])
    _lines(doc, address)
    if letter.re_lines:
        p = _lines(doc, ["Re:\t" + letter.re_lines[0], *letter.re_lines[1:]], bold=True, indent=Inches(1.0))
        p.paragraph_format.first_line_indent = Inches(-0.5)
    if letter.heading:
        _lines(doc, [letter.heading], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if letter.salutation:
        _lines(doc, [letter.salutation])
    for para in letter.body:
        _body(doc, para)
    sig = letter.signature
    block = [x for x in (sig.closing, "") if sig.closing] + ([sig.entity, "", ""] if sig.entity else [])
    block += (["By: ______________________________"] if sig.by_line else []) + [
        n for n in (sig.signer_name, sig.signer_title) if n]
    _lines(doc, block, indent=Inches(3.25), space_after=14)
    if letter.enclosures:  # after the signature block, before the copies, as the PDF sets it
        label = "Enclosures" if len(letter.enclosures) > 1 else "Enclosure"
        _lines(doc, [f"{label}: " + "; ".join(letter.enclosures)], space_after=14)
    if letter.cc:
        for i, entry in enumerate(letter.cc):
            p = _lines(doc, [("cc:\t" if i == 0 else "\t") + entry.lines[0], *entry.lines[1:]], indent=Inches(0.5),
                       space_after=4, size=10.5)
            p.paragraph_format.first_line_indent = Inches(-0.5)
    if isinstance(target, str | Path):
        with private_target(Path(target)) as temporary:
            doc.save(str(temporary))
    else:
        doc.save(target)
