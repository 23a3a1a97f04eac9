"""The deal's classes of security are edited through the services: add one, change its name,
label and role (the counts follow), never its code; a class something names is not removed."""

from __future__ import annotations

import dataclasses

import pytest

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import SecurityClass, SecurityKind
from rra_desktop.services import securities
from rra_desktop.services.base import Refused
from rra_desktop.services.entries import deal_problems
from rra_desktop.store import DealStore
from tests.other_classes import AGENT, ISSUED, other_deal


@pytest.fixture
def store(tmp_path):
    s = DealStore.create(tmp_path / "d.rradeal", other_deal())
    yield s
    s.close()


def test_a_changed_role_changes_the_counts_at_once(store):
    agt = store.deal().securities[2]
    securities.edit_class(store, dataclasses.replace(agt, kind=SecurityKind.COMMON, label="Agent shares"))
    agent = next(p for p in register_as_of(store.deal(), ISSUED) if p.holder_id == AGENT)
    assert (agent.warrants, agent.common, agent.registrable) == (0, 1_000, 1_000)
    assert store.deal().securities[2].heading == "Agent shares" and store.verify_audit().ok


def test_add_and_remove_a_class(store):
    securities.add_class(store, SecurityClass("SerB", "Series B Preferred", SecurityKind.PREFERRED, "Series B"))
    assert [s.code for s in store.deal().securities][-1] == "SerB"
    securities.remove_class(store, "SerB")
    assert "SerB" not in {s.code for s in store.deal().securities}


@pytest.mark.parametrize(("cls", "field", "says"), [
    (SecurityClass("Ser A", "x", SecurityKind.PREFERRED), "code", "no spaces"),
    (SecurityClass("sera", "x", SecurityKind.PREFERRED), "code", "already has a class coded 'sera'"),
    (SecurityClass("SerC", " ", SecurityKind.PREFERRED), "name", "name of the class"),
    # a role the agreement does not know is refused in its words, not the program's ("'placement_agent'")
    (SecurityClass("SerD", "x", "placement_agent"), "kind",
     "role the class plays in the agreement: Preferred, Warrants, Placement Agent Warrants, Common Stock"),
])
def test_bad_classes_are_refused_and_nothing_written(store, cls, field, says):
    before = store.deal().securities
    with pytest.raises(Refused, match=says) as refused:
        securities.add_class(store, cls)
    assert refused.value.field == field and store.deal().securities == before


def test_a_class_the_ledger_names_stays_and_its_code_is_never_edited(store):
    with pytest.raises(Refused, match=r"Series A \(SerA\) is named by ledger rows"):
        securities.remove_class(store, "SerA")
    with pytest.raises(Refused, match="class of security"):
        securities.edit_class(store, SecurityClass("SERA", "x", SecurityKind.PREFERRED))
    assert [s.code for s in store.deal().securities] == ["SerA", "WTS", "AGT", "CS"]


def test_an_imported_deal_with_a_bad_class_is_refused():
    deal = dataclasses.replace(other_deal(), securities=(SecurityClass("A B", "x", SecurityKind.COMMON),))
    assert ("securities[0].code", "The code 'A B' may hold only letters, digits, '-' and '_' (no spaces)") in \
        deal_problems(deal)
