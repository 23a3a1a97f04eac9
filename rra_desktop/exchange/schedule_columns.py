"""Schedule 1 headings: which column means what, whatever a paralegal called it.

A heading is normalised (case, apostrophes, hyphens, punctuation and spacing ignored, "&" read
as "and") and then matched, first against exact names, then against the words a heading must
contain: "Shares of Common Stock Acquirable under Series D-1 Warrants" is the D-1 column because
it names D-1 and a warrant, which no other column does.
"""

from __future__ import annotations

import re

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
    "preferred": "Series D Preferred",
    "d1": "D-1 Warrants",
    "d2": "D-2 Warrants",
    "paw": "Placement Agent Warrants",
    "common": "Common",
    "purchase_price": "Purchase Price",
    "qib": "QIB",
    "affiliate": "Affiliate",
    "derived": "(derived column)",
}

# The share columns and the security class codes of the ledger rows they become.
COUNT_FIELDS = {"preferred": "PREF", "d1": "D1", "d2": "D2", "paw": "PAW", "common": "COMMON"}

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
    "common": {"common", "common stock", "common shares", "shares of common stock"},
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


def _by_words(words: set[str], norm: str) -> str | None:
    if "placement" in words and "agent" in words:
        return "paw"
    for series in ("d1", "d2"):
        if series in words:
            return series
    if "preferred" in words:
        return "preferred"
    if "price" in words or ("purchase" in words and "amount" in words):
        return "purchase_price"
    if "qualified" in words and "institutional" in words:
        return "qib"
    if norm.startswith("registrable"):
        return "derived"
    return None


def field_for(heading: object) -> str | None:
    """The field a heading names, ``"address_2"`` for numbered address lines, or None."""
    norm = normalise_heading(heading)
    for field, names in _EXACT.items():
        if norm in names:
            return field
    numbered = _ADDRESS_N.match(norm)
    if numbered:
        return f"address_{numbered.group(1)}"
    return _by_words(set(norm.split()), norm)


def label(field: str) -> str:
    if field.startswith("address_"):
        return f"Address {field.rsplit('_', 1)[1]}"
    return FIELD_LABELS[field]
