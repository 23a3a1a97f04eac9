"""A server edit's writes go to the server queued (psycopg's pipeline mode), so a write the server
refuses is answered only after the statements behind it were sent: the whole edit is still
refused with a clear message, nothing of it is written, and the store goes on writing."""

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.model import PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal
from rra_desktop.store.errors import ChangeConflict


def test_a_write_refused_by_the_server_behind_queued_ones_leaves_nothing(pg_cluster, server_url):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    with ServerStore.open(server_url) as store:
        before = store.deal()
        head = store.trail_head()
        holder = before.holders[0]
        orphan = PositionEntry("p-orphan", "h-nobody", "COMMON", PositionKind.ISSUANCE, 5, dt.date(2004, 1, 5))
        with pytest.raises(ChangeConflict) as refused, store.transaction("Two writes") as tx:
            tx.update(dataclasses.replace(holder, notes="queued first"))
            tx.add(orphan)
        assert str(refused.value).startswith("“Two writes” was not saved")
        assert "foreign key" in str(refused.value)
        assert store.trail_head() == head
        assert store.deal() == before
        with ServerStore.open(server_url) as other:
            assert other.deal() == before
        # the connection it used is out of pipeline mode: the store still writes
        with store.transaction("Then one") as tx:
            tx.update(dataclasses.replace(holder, notes="later"))
        assert store.deal().holders[0].notes == "later"
        assert store.verify_audit().ok


def test_a_python_error_after_queued_writes_leaves_nothing(pg_cluster, server_url):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    with ServerStore.open(server_url) as store:
        before = store.deal()
        holder = before.holders[0]
        with pytest.raises(ValueError), store.transaction("Edit") as tx:
            tx.update(dataclasses.replace(holder, notes="queued"))
            raise ValueError("bad input")
        assert store.deal() == before
        with ServerStore.open(server_url) as other:
            assert other.deal() == before
        with store.transaction("Then one") as tx:
            tx.update(dataclasses.replace(holder, notes="later"))
        with ServerStore.open(server_url) as other:
            assert other.deal().holders[0].notes == "later"
        assert store.verify_audit().ok
