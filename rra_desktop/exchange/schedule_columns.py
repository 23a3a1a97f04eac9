"""Schedule 1 headings: which column means what, whatever a paralegal called it.

A heading is normalised (case, apostrophes, hyphens, punctuation and spacing ignored, "&" read
as "and") and then matched, first against exact names, then against the words a heading must
contain. The share columns are the deal's own classes of security (``security_field``): a heading
that is a class's code, label or name is that class's column; "Shares of Common Stock Acquirable
under Series D-1 Warrants" is the D-1 column because it names the class coded D1 (the longest
code, label or name of a class it contains wins); "Placement Agent" names the class in the
Placement Agent Warrant role, "Preferred" the Preferred one, and "Common" (exactly) the Common
Stock. A share column's field is ``"security:<code>"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rra_desktop.domain.form_of_agreement import FORM_SECURITIES
from rra_desktop.domain.model import SecurityClass, SecurityKind

# The fields a Schedule 1 row can fill, and how each is named in messages.
FIELD_LABELS = {
    "name": "Name",
    "name_and_address": "Name and Address",
    "address": "Address",
    "street": "Street",
    "city": "City",
    "state": "State",
    "zip": "Zip",
    "country": "Country",
    "attention": "Attention",
    "fax": "Fax",
    "email": "E-mail",
    "phone": "Phone",
    "notes": "Notes",
    "purchase_price": "Purchase Price",
    "qib": "QIB",
    "affiliate": "Affiliate",
    "derived": "(derived column)",
}

SECURITY = "security:"  # a share column's field: SECURITY + the class's code
_COMMON_HEADINGS = {"common", "common stock", "common shares", "shares of common stock"}

_EXACT = {
    "name": {"name", "purchaser", "name of purchaser", "purchaser name", "holder", "holder name", "name of holder",
             "investor", "investor name", "purchasers"},
    "name_and_address": {"name and address", "name and address of purchaser", "name and address of holder"},
    "address": {"address", "notice address", "mailing address", "address for notices"},
    "street": {"street", "street address"},
    "city": {"city", "town", "city town"},
    "state": {"state", "st", "province", "state province"},
    "zip": {"zip", "zip code", "zipcode", "postal code", "postcode"},
    "country": {"country"},
    "attention": {"attn", "attention", "attention line", "contact", "contact person"},
    "fax": {"fax", "facsimile", "fax number", "fax no", "facsimile number", "telecopier"},
    "email": {"email", "email address", "e mail"},
    "phone": {"phone", "telephone", "tel", "phone number", "telephone number"},
    "notes": {"notes", "note", "comments", "remarks"},
    "qib": {"qib", "qualified institutional buyer", "qib status", "is qib"},
    "affiliate": {"affiliate", "affiliate of the company", "company affiliate"},
    # The register export's computed columns: recognised so a re-import does not warn, never read.
    "derived": {"registrable securities as converted", "registrable securities", "percent", "conversion shares"},
}
_ADDRESS_N = re.compile(r"^(?:address|addr|address line|street)\s*([1-9])$")


def normalise_heading(heading: object) -> str:
    """``"Att'n:"`` -> ``"attn"``; ``"Series D-1  Warrant Shares"`` -> ``"series d1 warrant shares"``."""
    text = str(heading if heading is not None else "").casefold().replace("&", " and ").replace("%", " percent ")
    text = re.sub(r"['’`.\-]", "", text)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def security_field(code: str) -> str:
    return SECURITY + code


def code_of(field: str) -> str | None:
    """The security code a share column's field names, or None for any other field."""
    return field[len(SECURITY):] if field.startswith(SECURITY) else None


def _phrases(s: SecurityClass) -> set[str]:
    return {p for p in (normalise_heading(s.code), normalise_heading(s.label), normalise_heading(s.name))
            if len(p) > 1}


def _contains(words: list[str], phrase: str) -> bool:
    part = phrase.split()
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _in_role(securities: tuple[SecurityClass, ...], *kinds: SecurityKind) -> str | None:
    return next((security_field(s.code) for s in securities if s.kind in kinds), None)


def _security(norm: str, securities: tuple[SecurityClass, ...]) -> str | None:
    """The share column a heading names among ``securities``, or None."""
    for s in securities:
        if norm in _phrases(s):
            return security_field(s.code)
    if norm in _COMMON_HEADINGS:
        return _in_role(securities, SecurityKind.COMMON)
    words = norm.split()
    if "placement" in words and "agent" in words:
        return _in_role(securities, SecurityKind.PLACEMENT_AGENT_WARRANT)
    found = [(len(p.split()), security_field(s.code)) for s in securities if s.kind != SecurityKind.COMMON
             for p in _phrases(s) if _contains(words, p)]
    if found:
        return max(found, key=lambda f: f[0])[1]
    if "preferred" in words:
        return _in_role(securities, SecurityKind.PREFERRED)
    warrants = [s for s in securities if s.kind == SecurityKind.WARRANT]
    if {"warrant", "warrants"} & set(words) and len(warrants) == 1:
        return security_field(warrants[0].code)
    return None


def _by_words(words: set[str], norm: str) -> str | None:
    if "price" in words or ("purchase" in words and "amount" in words):
        return "purchase_price"
    if "qualified" in words and "institutional" in words:
        return "qib"
    if norm.startswith("registrable"):
        return "derived"
    return None


def field_for(heading: object, securities: Iterable[SecurityClass] = FORM_SECURITIES) -> str | None:
    """The field a heading names, ``"address_2"`` for numbered address lines, ``"security:D1"``
    for the column of the deal's class D1 (``securities``: the deal's classes; the form's by
    default), or None."""
    norm = normalise_heading(heading)
    for field, names in _EXACT.items():
        if norm in names:
            return field
    numbered = _ADDRESS_N.match(norm)
    if numbered:
        return f"address_{numbered.group(1)}"
    if not norm:
        return None
    return _security(norm, tuple(securities)) or _by_words(set(norm.split()), norm)


def label(field: str) -> str:
    if field.startswith("address_"):
        return f"Address {field.rsplit('_', 1)[1]}"
    code = code_of(field)
    return f"{code} shares" if code is not None else FIELD_LABELS[field]
