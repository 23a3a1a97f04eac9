"""The store suite's deals: each test taking ``store`` or ``sample_store`` runs on a deal file and
on a PostgreSQL server deal (``tests/pg.py``), unless marked ``sqlite_only``."""

import pytest

from rra_desktop.sample import load_sample_deal
from tests.conftest import open_location
from tests.pg import parametrize_deal_kind
from tests.store.deals import full_deal

pytest_generate_tests = parametrize_deal_kind


@pytest.fixture
def deal_path(tmp_path):
    return tmp_path / "deal.rradeal"


@pytest.fixture
def store(new_location, deal_path):
    s = open_location(new_location("full", full_deal, deal_path))
    yield s
    s.close()


@pytest.fixture
def sample_store(new_location, deal_path):
    s = open_location(new_location("sample", load_sample_deal, deal_path))
    yield s
    s.close()
