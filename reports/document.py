"""A letter as plain values, before it is set in PDF or .docx.

Both writers (``pdf_letter`` and ``docx_writer``) take the same ``Letter``, so the editable
.docx says exactly what the PDF says. Text here is plain (never markup): each writer escapes or
styles it itself, which is why a Holder named ``Smith & Co. <Fund>`` prints exactly so.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of the body. ``style``: "body" (first line indented), "flush" (no indent),
    "indent" (a block set in from both margins), "heading" (centred, bold), "bullet",
    "signature" (set at the signature column)."""

    runs: tuple[Run, ...]
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Block:
    """A few lines set together (an address, a cc entry)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    """The closing and signature block: "Very truly yours," / firm / By: ____ / name, title."""

    closing: str = "Very truly yours,"
    entity: str = ""
    signer_name: str = ""
    signer_title: str = ""
    by_line: bool = True


@dataclass(frozen=True)
class Letter:
    """One letter to one addressee, with everything the page shows and the PDF metadata."""

    kind: str  # the CLI KIND, e.g. "blackout"
    recipient: str  # the addressee's name as the notice log records it
    title: str  # PDF title, e.g. "Notice of Blackout Period — OTA LLC"
    subject: str  # PDF subject, e.g. "Section 3(n), Registration Rights Agreement dated May 7, 2003"
    author: str  # PDF author: the firm
    letterhead: tuple[str, ...]  # firm name first, then address, phone and fax lines
    date_line: str  # "June 23, 2003"
    delivery: str  # "Via Facsimile (203) 967-5701"
    addressee: Block
    attention: str
    re_lines: tuple[str, ...]
    salutation: str
    body: tuple[Para, ...]
    signature: Signature
    cc: tuple[Block, ...] = ()
    enclosures: tuple[str, ...] = ()
    confidential: bool = False
    heading: str = ""  # a centred title above the body (certificates)
    extra: dict = field(default_factory=dict, compare=False)  # values the log needs (deemed date, ...)
