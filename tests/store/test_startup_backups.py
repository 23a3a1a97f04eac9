"""Backups on open are made only when the deal changed since the newest copy (opening a file
touches its modification time, so that time cannot decide)."""

import dataclasses

from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore, audit, backups
from rra_desktop.store.schema import head_schema


def copies(tmp_path):
    return sorted((tmp_path / ".backups").glob("*.rradeal"))


def test_opening_an_unchanged_deal_again_makes_no_new_copy(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    for _ in range(4):
        DealStore.open(path).close()
    (only,) = copies(tmp_path)
    assert backups.fingerprint(only) == backups.fingerprint(path) is not None

    store = DealStore.open(path)  # a recorded change: the next open copies again
    with store.transaction("Rename") as tx:
        tx.put(dataclasses.replace(store.deal().holders[0], name="Renamed LP"))
    store.close()
    DealStore.open(path).close()
    first, second = copies(tmp_path)
    with DealStore.open(first, read_only=True) as old, DealStore.open(second, read_only=True) as new:
        assert old.deal().holders[0].name != "Renamed LP" and new.deal().holders[0].name == "Renamed LP"


def test_the_fingerprint_reads_the_audit_head_the_audit_trail_writes(tmp_path):
    assert backups.AUDIT_HEAD_KEY == audit.HEAD_KEY
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    schema, head = backups.fingerprint(path)
    assert schema == head_schema() and head is not None and head.split(":")[0].isdigit()
    assert backups.fingerprint(tmp_path / "absent.rradeal") is None
