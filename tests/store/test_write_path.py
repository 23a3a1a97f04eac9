"""An import's write path made fast must give what the general one gives: the content digest of
a batch is the sum of its records' digests, every record is checked as ``check_values`` checks
it, and a record of no table is refused before anything is written."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal
from rra_desktop.services.base import Refused, write
from rra_desktop.services.entries import check_each, check_values
from rra_desktop.store import DealStore, digest


def test_a_batch_digest_is_the_sum_of_its_records_digests():
    ids = ["h-1", "h-2", "h-é", "rs-1/h-ota"]
    texts = ['{"id":"h-1"}', '{"name":"Zürich \\"Nord\\""}', None, '{"x":"北京"}']
    expected = sum(digest.record_digest("holders", i, t) for i, t in zip(ids, texts, strict=True))
    assert digest.digest_sum("holders", ids, texts) == expected
    assert digest.digest_sum("holders", [], []) == 0
    with pytest.raises(ValueError):
        digest.digest_sum("holders", ["h-1"], [])


RECORDS = [
    Holder("h-1", "Fine Fund L.P.", ("1 Main Street",), purchase_price=Decimal("10000.00")),
    Holder("h-2", "Bell\x07 Fund", ("1 Main Street",)),  # a control character
    Holder("h-3", "Fund", ("1 Main Street", 5)),  # type: ignore[arg-type]  # a number among the lines
    PositionEntry("p-1", "h-1", "PREF", PositionKind.ISSUANCE, 10, dt.date(2003, 5, 7)),
    PositionEntry("p-2", "h-1", "PREF", PositionKind.ISSUANCE, 10**30, dt.date(2003, 5, 7)),  # too large
    PositionEntry("p-3", "h-1", "PREF", PositionKind.ISSUANCE, 10, dt.date(1899, 12, 31)),  # before 1900
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_each_record_is_checked_as_check_values_checks_it(record):
    try:
        check_values(record)
    except Refused as expected:
        with pytest.raises(Refused) as got:
            check_each([RECORDS[0], record])
        assert (got.value.message, got.value.field, got.value.problems) == \
               (expected.message, expected.field, expected.problems)
    else:
        check_each([record, record])


def test_an_import_with_a_record_of_no_table_writes_nothing(tmp_path):
    sample = load_sample_deal()
    path = tmp_path / "d.rradeal"
    DealStore.create(path, Deal(sample.terms, sample.securities)).close()

    @dataclasses.dataclass(frozen=True)
    class Stray:
        id: str

    before = path.read_bytes()
    with DealStore.open(path, backup=False) as store:
        with pytest.raises(KeyError), write(store, "Import") as tx:
            tx.add_many([Holder("h-1", "Fine Fund L.P."), Stray("x")])
        assert store.deal().holders == ()
    assert path.read_bytes() == before


def test_an_import_promotes_its_kept_records_after_each_chunk(tmp_path, monkeypatch):
    import gc

    from rra_desktop.store import transaction

    sample = load_sample_deal()
    path = tmp_path / "d.rradeal"
    DealStore.create(path, Deal(sample.terms, sample.securities)).close()
    calls = []
    monkeypatch.setattr(transaction, "promote_kept", lambda: calls.append(gc.get_freeze_count()))
    holders = [Holder(f"h-{n:05d}", f"Fund {n:05d} L.P.") for n in range(transaction.BULK_CHUNK * 2 + 1)]
    with DealStore.open(path, backup=False) as store:
        with write(store, "Import") as tx:
            tx.add_many(holders)
        assert len(store.deal().holders) == len(holders)
        assert store.verify_audit().ok
    assert calls == [0, 0]  # after each full chunk, nothing frozen meanwhile
    assert gc.get_freeze_count() == 0 and gc.isenabled()
