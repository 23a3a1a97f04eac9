"""Two flowables a letter needs that ReportLab does not have.

``Lines``: short lines set as they are (a date, an address, a signature, a cc entry), drawn
straight onto the page. A letter is mostly such lines; setting each as a ``Paragraph`` parsed
its markup and broke it into lines again for every letter of a batch, half the cost of a
letter. A line too wide for the column is set as a ``Paragraph`` instead (``lines_or_para``).

``SignedTail``: the last paragraph of the body with the closing and signature. A lawyer never
signs a page with no text above the signature, so at least ``TAIL_LINES`` lines of the body go
with it; the rest of the paragraph stays on the page before (at least two lines of it, or the
whole paragraph moves), so a long last paragraph no longer leaves half a page empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from reports.fonts import draw_text, escape_text, text_width

TAIL_LINES = 2  # lines of body kept with the signature, and fewest left at the foot of a page


class Lines(Flowable):
    """``lines`` in one face and size, ``indent`` from the left, ``label`` (e.g. "cc:") in the
    margin of the first line."""

    def __init__(self, lines: Sequence[str], style: ParagraphStyle, *, font: str | None = None, indent: float = 0,
                 label: str = "", label_x: float = 0, space_after: float | None = None):
        super().__init__()
        self.lines, self.style, self.font = tuple(lines), style, font or style.fontName
        self.indent, self.label, self.label_x = indent, label, label_x
        self.spaceBefore = 0
        self.spaceAfter = style.spaceAfter if space_after is None else space_after

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        fits = int(available_height // self.style.leading)
        if fits < 1 or fits >= len(self.lines):
            return []
        return [Lines(self.lines[:fits], self.style, font=self.font, indent=self.indent, label=self.label,
                      label_x=self.label_x, space_after=0),
                Lines(self.lines[fits:], self.style, font=self.font, indent=self.indent, space_after=self.spaceAfter)]

    def draw(self):
        canv, size, leading = self.canv, self.style.fontSize, self.style.leading
        y = self.height - size  # the first baseline, as a Paragraph in this style sets it
        canv.setFont(self.font, size, leading)
        if self.label:
            draw_text(canv, self.label_x, y, self.label, self.font, size)
        for line in self.lines:
            draw_text(canv, self.indent, y, line, self.font, size)  # the fallback face for what the serif lacks
            y -= leading


def lines_or_para(lines: Sequence[str], style: ParagraphStyle, width: float, *, bold_font: str | None = None,
                  indent: float = 0, label: str = "") -> Flowable:
    """``Lines`` when every line fits the column; else the same text as a wrapping Paragraph."""
    font = bold_font or style.fontName
    room = width - indent
    if all(text_width(line, font, style.fontSize) <= room for line in lines):
        return Lines(lines, style, font=font, indent=indent, label=label)
    text = "<br/>".join(escape_text(line) for line in lines)
    if bold_font:
        text = f"<b>{text}</b>"
    para_style = ParagraphStyle(f"{style.name}-wrapped", parent=style, leftIndent=style.leftIndent + indent)
    if label:
        return Paragraph(text, para_style, bulletText=label)
    return Paragraph(text, para_style)


class SignedTail(Flowable):
    """The body's last paragraph kept with ``closing`` (the signature block): see the module."""

    def __init__(self, paragraph: Paragraph, closing: Sequence[Flowable]):
        super().__init__()
        self.paragraph, self.closing = paragraph, list(closing)
        self.stack = [paragraph, *self.closing]
        self.spaceBefore = paragraph.getSpaceBefore()
        self.spaceAfter = self.stack[-1].getSpaceAfter()
        self._placed: list[tuple[Flowable, float, float]] = []

    def wrap(self, available_width, available_height):
        """The height of the stack set one under another (spaces between, not around, it)."""
        y, self._placed = 0.0, []
        for i, f in enumerate(self.stack):
            y += f.getSpaceBefore() if i else 0
            height = f.wrap(available_width, 1e6)[1]
            self._placed.append((f, y, height))
            y += height + (f.getSpaceAfter() if i < len(self.stack) - 1 else 0)
        self.width, self.height = available_width, y
        return self.width, self.height

    def split(self, available_width, available_height):
        para = self.paragraph
        para.wrap(available_width, available_height)
        count = len(para.blPara.lines)
        here = min(count - TAIL_LINES, int(available_height // para.style.leading))
        if here < TAIL_LINES:
            return []  # the whole paragraph starts the next page with the signature
        parts = para.split(available_width, here * para.style.leading + 0.5)
        if len(parts) != 2:
            return []
        return [parts[0], KeepTogether([parts[1], *self.closing])]

    def draw(self):
        for f, top, height in self._placed:
            f.drawOn(self.canv, 0, self.height - top - height)
