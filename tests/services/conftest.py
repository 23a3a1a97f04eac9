import pytest

from rra_desktop.store import DealStore
from tests.store.deals import full_deal


@pytest.fixture
def store(tmp_path):
    s = DealStore.create(tmp_path / "deal.rradeal", full_deal())
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
