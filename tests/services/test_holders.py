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


@pytest.mark.parametrize("retyped", ["QUILLON FUND LTD.", "Quillon  Fund Ltd.", "Quillon Fund\u200b Ltd.",
                                     "Ｑuillon Fund Ltd.", "Quillon Fund Ltd.\u00ad"])
def test_a_retyped_name_is_refused_however_often_names_were_compared(store, retyped):
    """Name keys are remembered between edits: the comparison must refuse the same variants on
    the hundredth edit as on the first, and a renamed Holder is compared under its new name."""
    first = service.add_holder(store, Holder("h-xm", "Quillon Fund Ltd."))
    assert first.label.startswith("Add Holder")
    other = service.add_holder(store, Holder("h-other", "Other Fund LP"))
    assert other
    for i in range(3):  # warm every name's key
        service.update_holder(store, dataclasses.replace(store.deal().holder("h-other"), notes=f"edit {i}"))
    with pytest.raises(Refused, match=r"already a Holder of this deal as 'Quillon Fund Ltd\.'"):
        service.update_holder(store, dataclasses.replace(store.deal().holder("h-other"), name=retyped))
    service.update_holder(store, dataclasses.replace(store.deal().holder("h-xm"), name="Rillon Fund Ltd."))
    service.update_holder(store, dataclasses.replace(store.deal().holder("h-other"), name=retyped))
    assert store.deal().holder("h-other").name == retyped
    with pytest.raises(Refused, match="already a Holder of this deal as"):
        service.add_holder(store, Holder("h-third", "rillon fund ltd."))
