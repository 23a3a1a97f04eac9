import dataclasses

import pytest

from rra_desktop.domain.model import Holder
from rra_desktop.services import Refused
from rra_desktop.services import holders as service
from tests.services.conftest import assert_undo_redo


def test_add_edit_remove_holder_with_undo(store):
    before = store.deal()
    change = service.add_holder(store, Holder("h-new", "New Fund", ("1 Wall St",)))
    assert change.label == "Add Holder New Fund"
    assert store.deal().holder("h-new").address_lines == ("1 Wall St",)
    assert_undo_redo(store, change, before)

    before = store.deal()
    change = service.update_holder(store, dataclasses.replace(store.deal().holder("h-new"), fax="212-555-0100"))
    assert store.deal().holder("h-new").fax == "212-555-0100"
    assert_undo_redo(store, change, before)

    before = store.deal()
    change = service.remove_holder(store, "h-new")
    assert all(h.id != "h-new" for h in store.deal().holders)
    assert_undo_redo(store, change, before)


def test_refusals_name_the_field(store):
    with pytest.raises(Refused) as exc:
        service.add_holder(store, Holder("h-x", "  "))
    assert exc.value.field == "name"
    with pytest.raises(Refused) as exc:
        service.add_holder(store, Holder(store.deal().holders[0].id, "Dup"))
    assert exc.value.field == "id"
    with pytest.raises(Refused, match="ledger row"):
        service.remove_holder(store, store.deal().holders[0].id)


def test_undo_refused_when_the_row_changed_since(store):
    change = service.add_holder(store, Holder("h-new", "New Fund"))
    service.update_holder(store, Holder("h-new", "New Fund II"))
    before = store.deal()
    from rra_desktop.store import ChangeConflict

    with pytest.raises(ChangeConflict, match="changed since"):
        store.undo(change)
    assert store.deal() == before
