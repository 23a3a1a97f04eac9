"""Formula injection: a cell a spreadsheet would run as a formula is written as text.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some versions, a tab or carriage return before one) as a formula, so a Holder named
``=HYPERLINK("http://evil", "click")`` in an exported register would run when opened. Such text
is written with a leading apostrophe (the OWASP "CSV injection" advice); numbers stay numbers.
The Schedule 1 import removes that apostrophe again, so an exported register re-imports as it was.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ADDED = re.compile(r"^'(?=[=+\-@\t\r])")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would read as a formula, with a leading apostrophe; anything
    else (numbers, safe text, None) unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text before ``neutralise`` (the import side)."""
    return _ADDED.sub("", text)
