"""The digests of the audit trail, independent of any database: pure functions over text.

- ``record_digest``: SHA-256 of one record's table, id and canonical JSON (the form the trail
  keeps as "before" and "after": ``codec.audit_json``), read as a 256-bit number.
- The **content digest** of a deal is the sum, modulo 2**256, of the digests of all its records.
  A sum can be kept up to date in constant time: an action that changes a record subtracts the
  digest of the record before and adds the digest after (``advance``), so recording an edit on a
  deal of 100,000 rows costs two hashes, not a rehash of the deal.
- ``entry_hash``: each audit entry's SHA-256 covers its content, the content digest of the deal
  after its change (``state``) and the previous entry's hash, so the newest entry's hash (the
  **head digest**) commits to the whole history and to every record as it now stands.

The content digest alone is a fingerprint, not a proof: a sum of hashes can be matched by a
crafted set of records. What makes it evidence is the chain (changing any earlier entry changes
the head) and a head digest kept outside the file (a backup, a printed report).
"""

from __future__ import annotations

import hashlib
import json

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one for every entry
MODULUS = 1 << 256
GENESIS = "0" * 64  # the "previous hash" of the first entry
# What each entry's hash covers, in this order ("state" only for entries that record one:
# entries written before the trail covered the records have none).
CONTENT = ("seq", "tx", "at", "user", "action", "table_name", "row_id", "before", "after", "reason")


def record_digest(table: str, row_id: str, content: str | None) -> int:
    """The digest of one record (0 for an absent one, so that adding and removing are sums)."""
    if content is None:
        return 0
    return int.from_bytes(hashlib.sha256(f"{table}\x1f{row_id}\x1f{content}".encode()).digest(), "big")


def digest_sum(table: str, row_ids, texts) -> int:
    """The sum of ``record_digest(table, row_id, text)`` over paired ``row_ids`` and ``texts``
    (not reduced): each hash made in one comprehension, no call per record (an import's
    records)."""
    sha256, from_bytes, prefix = hashlib.sha256, int.from_bytes, f"{table}\x1f"
    return sum([from_bytes(sha256(f"{prefix}{row_id}\x1f{text}".encode()).digest(), "big")
                for row_id, text in zip(row_ids, texts, strict=True) if text is not None])


def advance(state: int, table: str, row_id: str, before: str | None, after: str | None) -> int:
    """The content digest after one record changed from ``before`` to ``after`` (JSON or None)."""
    return (state - record_digest(table, row_id, before) + record_digest(table, row_id, after)) % MODULUS


def state_text(state: int) -> str:
    return f"{state % MODULUS:064x}"


def state_value(text: str | None) -> int:
    return int(text, 16) if text else 0


def entry_hash(values: dict, prev_hash: str) -> str:
    """The hash of one entry: ``values`` holds ``CONTENT`` (and ``state`` when it has one)."""
    fields = [values[k] for k in CONTENT]
    if values.get("state") is not None:
        fields.append(values["state"])
    content = _ENCODER.encode(fields)  # = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def head_text(entries: int, digest: str) -> str:
    """How the head digest is printed and given back to ``audit --verify --against``."""
    return f"{entries}:{digest}"


def parse_head(text: str) -> tuple[int | None, str]:
    """``"N:hex"`` or a bare hex digest (at least 16 digits) → (N or None, hex in lower case)."""
    text = text.strip().lower()
    count, _, digest = text.rpartition(":")
    if not digest or any(c not in "0123456789abcdef" for c in digest) or len(digest) < 16:
        raise ValueError(f"{text!r} is not a trail digest (write it as printed: ENTRIES:HEX, at least 16 hex digits)")
    if count and not count.isdigit():
        raise ValueError(f"{text!r} is not a trail digest (the part before the colon is the number of entries)")
    return (int(count) if count else None), digest
