"""Replacing the whole deal (JSON import, Schedule 1 import): one transaction, only the rows
that differ are written, and a notice logged as sent can be neither altered nor removed."""

from __future__ import annotations

from rra_desktop.domain.model import Deal
from rra_desktop.services.base import Refused, write
from rra_desktop.store.codec import RECORD_TABLES
from rra_desktop.store.errors import LockedRecord
from rra_desktop.store.transaction import Change, RowChange, check_sent_notice


def replace_deal(store, deal: Deal, label: str = "Replace deal") -> Change:
    """Make the stored deal equal ``deal`` in one audited transaction. Records already stored
    keep their place in the deal's order; new ones follow them in ``deal``'s order.
    Refused, writing nothing, if it would edit or delete a notice logged as sent (7(g): it is evidence)."""
    current = store.deal()
    rows: list[RowChange] = []
    if deal.terms != current.terms:
        rows.append(RowChange("terms", (), current.terms, deal.terms, 1))
    for spec in RECORD_TABLES:
        old = {spec.key_of(r): (r, i) for i, r in enumerate(getattr(current, spec.name), start=1)}
        new = getattr(deal, spec.name)
        keys = [spec.key_of(r) for r in new]
        if len(set(keys)) != len(keys):
            dup = next(k for k in keys if keys.count(k) > 1)
            raise Refused(f"The deal lists {spec.name} {spec.row_id(dup)} twice.", field=spec.name)
        top, kept = max((i for _, i in old.values()), default=0), set(keys)
        for key, (record, seq) in old.items():
            if key not in kept:
                rows.append(RowChange(spec.name, key, record, None, seq))
        for record, key in zip(new, keys, strict=True):
            if key not in old:
                top += 1
                rows.append(RowChange(spec.name, key, None, record, top))
            elif old[key][0] != record:
                rows.append(RowChange(spec.name, key, old[key][0], record, old[key][1]))
    for rc in rows:
        if rc.table == "notices":
            try:
                check_sent_notice(rc.before, rc.after)
            except LockedRecord as exc:
                raise Refused(f"{label} refused: {exc}.", field="notices") from None
    with write(store, label) as tx:
        tx.apply(rows)
    return tx.change
