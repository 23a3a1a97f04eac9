"""The services suite's deal: each test taking ``store`` runs on a deal file and on a PostgreSQL
server deal (``tests/pg.py``), unless marked ``sqlite_only``."""

import pytest

from tests.conftest import open_location
from tests.pg import parametrize_deal_kind
from tests.store.deals import full_deal

pytest_generate_tests = parametrize_deal_kind


@pytest.fixture
def store(new_location, tmp_path):
    s = open_location(new_location("full", full_deal, tmp_path / "deal.rradeal"))
    yield s
    s.close()


def assert_undo_redo(store, change, before):
    """Undo gives back exactly the snapshot before the change, redo exactly the one after."""
    after = store.deal()
    assert after != before
    store.undo(change)
    assert store.deal() == before
    store.redo(change)
    assert store.deal() == after
