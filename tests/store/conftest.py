import pytest

from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore
from tests.store.deals import full_deal


@pytest.fixture
def deal_path(tmp_path):
    return tmp_path / "deal.rradeal"


@pytest.fixture
def store(deal_path):
    s = DealStore.create(deal_path, full_deal())
    yield s
    s.close()


@pytest.fixture
def sample_store(deal_path):
    s = DealStore.create(deal_path, load_sample_deal())
    yield s
    s.close()
