"""Recording a 3(a) objection: what it names must exist; nothing is written when refused."""

import dataclasses as dc
import datetime as dt

import pytest

from rra_desktop.domain.model import FactKind, Objection, TimelineFact
from rra_desktop.domain.objections import SPECIAL_COUNSEL
from rra_desktop.sample import load_sample_deal
from rra_desktop.services import Refused
from rra_desktop.services import objections as service
from rra_desktop.store import DealStore

D = dt.date
COPIES = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6))


@pytest.fixture
def store(tmp_path):
    s = DealStore.create(tmp_path / "d.rradeal", dc.replace(load_sample_deal(), facts=(COPIES,)))
    yield s
    s.close()


def test_record_and_withdraw_and_undo(store):
    o = Objection("o1", "Prospectus", ("h-ota", SPECIAL_COUNSEL), D(2003, 6, 9), copies_fact_id="c1")
    service.record_objection(store, o)
    assert store.deal().objections == (o,)
    service.withdraw_objection(store, "o1", D(2003, 6, 12))
    assert store.deal().objections[0].withdrawn_on == D(2003, 6, 12)


@pytest.mark.parametrize("bad, field", [
    (dict(document=" "), "document"),
    (dict(objectors=()), "objectors"),
    (dict(objectors=("h-nobody",)), "objectors"),
    (dict(copies_fact_id="nope"), "copies_fact_id"),
    (dict(received_on=D(2003, 6, 5)), "received_on"),
    (dict(withdrawn_on=D(2003, 6, 1)), "withdrawn_on"),
])
def test_refusals_name_the_field_and_write_nothing(store, bad, field):
    o = dc.replace(Objection("o1", "Prospectus", ("h-ota",), D(2003, 6, 9), copies_fact_id="c1"), **bad)
    before = store.deal()
    with pytest.raises(Refused) as refused:
        service.record_objection(store, o)
    assert refused.value.field == field and store.deal() == before
