import os
import stat

from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore, empty_deal
from tests.conftest import open_location
from tests.store.deals import full_deal


def test_sample_deal_round_trips(deal_path):
    with DealStore.create(deal_path, load_sample_deal()) as store:
        assert store.deal() == load_sample_deal()
    with DealStore.open(deal_path) as store:
        assert store.deal() == load_sample_deal()


def test_every_part_of_a_deal_round_trips(store):
    expected = full_deal()
    assert store.deal() == expected
    store.close()
    with open_location(store.location, read_only=True) as again:
        got = again.deal()
    assert got == expected
    # spot checks that would catch a silent type change (Decimal exactness, datetimes, enums)
    assert str(got.claims[0].fee_notices[0].amount) == "25000.00"
    assert got.registrations[0].filed_at.hour == 17 and got.registrations[0].filed_at.minute == 45
    assert got.blackouts[1].end is None and got.blackouts[1].basis == "3(m)(iii)"


def test_empty_deal_has_blank_terms_and_the_agreement_securities(deal_path):
    with DealStore.create(deal_path) as store:
        deal = store.deal()
    assert deal == empty_deal().__class__(terms=deal.terms, securities=deal.securities)
    assert deal.terms.company.name == "" and deal.terms.closing_date is None
    assert {s.code for s in deal.securities} == {"PREF", "D1", "D2", "PAW", "COMMON"}
    assert deal.holders == ()


def test_new_deal_file_is_owner_only(deal_path):
    DealStore.create(deal_path).close()
    assert stat.S_IMODE(os.stat(deal_path).st_mode) == 0o600


def test_snapshot_is_cached_until_a_change(sample_store):
    assert sample_store.deal() is sample_store.deal()
