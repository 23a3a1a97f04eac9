"""Reading one Schedule 1 cell: share counts, money, yes/no flags, fax numbers, text.

Each reader takes what a spreadsheet or CSV gives (text, int, float, None) and returns the value
or raises ``CellInvalid`` with a reason a paralegal can act on. The readers are deliberately
strict about numbers (a count of "1,2,3" or "8,511.5" is a typo, not 123 or 8,511) and lenient
about presentation ("$ 1,340,000", "8,511", "-" for none).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rra_desktop.domain.entries import integer_problem
from rra_desktop.exchange.spreadsheet_safety import restore

_COUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$")
_MONEY = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
_NONE = {"", "-", "–", "—", "nil", "none"}
_TRUE = {"yes", "y", "true", "t", "x", "1", "✓", "✔", "qib", "a qualified institutional buyer", "affiliate"}
_FALSE = {"no", "n", "false", "f", "0", "-", "", "non qib", "not a qib"}
_FAX_LABEL = re.compile(r"^(?:fax|facsimile|telecopier)(?:\s*(?:no\.?|number))?\s*:?\s*", re.IGNORECASE)
_FAX_CHARS = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.IGNORECASE)
_ATTN_LABEL = re.compile(r"^(?:att'?n|attention)\s*:?\s*", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CellInvalid(ValueError):
    """A cell that cannot be read; the message says why."""


def text(value: object) -> str:
    """A text cell, trimmed; a whole-number float (Excel's way with fax numbers) without ``.0``.
    A leading apostrophe the register export added before ``=``, ``+``, ``-`` or ``@`` is removed,
    so an exported register re-imports unchanged."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return restore(str(value).strip())


def count(value: object) -> int:
    """A whole non-negative number of shares; thousands separators allowed; blank or "-" is 0."""
    if isinstance(value, bool):
        raise CellInvalid(f"{value!r} is not a number of shares")
    if isinstance(value, int):
        if value < 0:
            raise CellInvalid(f"{value:,} is negative; a number of shares cannot be")
        too_large = integer_problem(value)
        if too_large:
            raise CellInvalid(too_large)
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise CellInvalid(f"{value} is not a whole number of shares")
        return count(int(value))
    raw = text(value)
    if raw.casefold() in _NONE:
        return 0
    compact = raw.replace(" ", "")
    if compact.startswith("-") or (compact.startswith("(") and compact.endswith(")")):
        raise CellInvalid(f"{raw!r} is negative; a number of shares cannot be")
    if not _COUNT.match(compact):
        raise CellInvalid(f"{raw!r} is not a whole number of shares (write e.g. 8,511)")
    return count(int(compact.split(".")[0].replace(",", "")))


def money(value: object) -> Decimal | None:
    """An amount in dollars ("$1,340,000", "1340000.00", a number); blank is None."""
    if isinstance(value, bool):
        raise CellInvalid(f"{value!r} is not an amount of money")
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    else:
        raw = text(value)
        if raw.casefold() in _NONE:
            return None
        compact = raw.replace("$", "").replace(" ", "").replace("US", "")
        if compact.startswith("-") or compact.startswith("("):
            raise CellInvalid(f"{raw!r} is negative; a purchase price cannot be")
        if not _MONEY.match(compact):
            raise CellInvalid(f"{raw!r} is not an amount of money (write e.g. $1,340,000 or 1340000.00)")
        amount = Decimal(compact.replace(",", ""))
    try:
        if amount < 0:
            raise CellInvalid(f"{amount} is negative; a purchase price cannot be")
        if amount != amount.quantize(Decimal("0.01")):
            raise CellInvalid(f"{amount} has fractions of a cent")
    except InvalidOperation:
        raise CellInvalid(f"{value!r} is not an amount of money") from None
    # Whole dollars are kept whole (as the printed schedule shows them); cents kept to two places.
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount.quantize(Decimal("0.01"))


def flag(value: object) -> bool:
    """yes/no, true/false, x or blank (and the printed schedule's "a Qualified Institutional Buyer")."""
    if isinstance(value, bool):
        return value
    raw = " ".join(text(value).casefold().replace(".", "").split())
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise CellInvalid(f"{text(value)!r} is not yes or no (write yes/no, true/false, x or leave blank)")


def fax(value: object) -> str:
    """A fax number as written (a "Fax:" label dropped), if it is plausibly one: digits with the
    usual punctuation, 7 to 15 digits (E.164's maximum) before any extension."""
    raw = _FAX_LABEL.sub("", text(value))
    if not raw:
        return ""
    digits = re.sub(r"\D", "", re.split(r"(?i)x|ext", raw)[0])
    if not _FAX_CHARS.match(raw) or not 7 <= len(digits) <= 15:
        raise CellInvalid(f"{raw!r} is not a plausible fax number (e.g. 212-554-4058 or +44 20 7946 0000)")
    return raw


def attention(value: object) -> str:
    """An attention line without its "Att'n:" label."""
    return _ATTN_LABEL.sub("", text(value))


def email(value: object) -> str:
    raw = text(value)
    if raw and not _EMAIL.match(raw):
        raise CellInvalid(f"{raw!r} is not an e-mail address")
    return raw
