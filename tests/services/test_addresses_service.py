"""Recording a 7(g) change of notice address: one audited, undoable action; what it names must
exist; refusals name the field and write nothing."""

import dataclasses as dc
import datetime as dt

import pytest

from rra_desktop.domain.addresses import address_in_force
from rra_desktop.domain.model import AddressChange, AddressOf
from rra_desktop.sample import load_sample_deal
from rra_desktop.services import Refused
from rra_desktop.services import addresses as service
from rra_desktop.services.entries import deal_problems
from rra_desktop.services.holders import removal_refusal
from rra_desktop.store import DealStore

D, T = dt.date, dt.datetime
OTA = "h-ota"
CHANGE = AddressChange("ac-1", AddressOf.HOLDER, (" One Penn Plaza ", "", "New York, New York 10119"), "fax",
                       T(2003, 7, 9, 15, 0), holder_id=OTA, attention=" Ira M. Gostin ", fax="212-555-0199")


@pytest.fixture
def store(tmp_path):
    s = DealStore.create(tmp_path / "d.rradeal", load_sample_deal())
    yield s
    s.close()


def test_record_withdraw_undo_and_the_trail(store):
    change = service.record_address_change(store, CHANGE)
    (stored,) = store.deal().address_changes
    assert stored.address_lines == ("One Penn Plaza", "New York, New York 10119")
    assert stored.attention == "Ira M. Gostin"
    assert change.label == "Record 7(g) address change of OTA LLC, in force Wed Jul 9, 2003"
    assert store.audit_entries()[-1].action == change.label
    assert address_in_force(store.deal(), AddressOf.HOLDER, D(2003, 7, 9), OTA).lines[0] == "One Penn Plaza"
    withdrawn = service.withdraw_address_change(store, "ac-1", D(2003, 9, 2))
    assert store.deal().address_changes[0].withdrawn_on == D(2003, 9, 2)
    store.undo(withdrawn)
    assert store.deal().address_changes[0].withdrawn_on is None
    store.undo(change)
    assert store.deal().address_changes == ()
    assert store.verify_audit().ok


def test_a_change_kept_in_the_file_reads_back_the_same(store, tmp_path):
    service.record_address_change(store, dc.replace(CHANGE, method="mail", received_on=D(2003, 7, 14),
                                                    effective_from=D(2003, 8, 1), document="letter.pdf"))
    expected = store.deal()
    store.close()
    with DealStore.open(tmp_path / "d.rradeal", read_only=True) as again:
        assert again.deal().address_changes == expected.address_changes


def test_the_label_of_a_change_awaiting_receipt_says_so(store):
    change = service.record_address_change(store, dc.replace(CHANGE, method="mail"))
    assert change.label.endswith("awaiting receipt")


def test_a_party_change_names_the_party(store):
    company = AddressChange("ac-co", AddressOf.COMPANY, ("2 New Drive",), "courier", T(2003, 7, 1, 12))
    assert "Spectrum Pharmaceuticals, Inc. (the Company)" in service.record_address_change(store, company).label


@pytest.mark.parametrize("bad, field", [
    (dict(holder_id=None), "holder_id"),
    (dict(holder_id="h-nobody"), "holder_id"),
    (dict(address_lines=(" ",), fax=""), "address_lines"),
    (dict(method="pigeon"), "method"),
    (dict(fax="call Ira"), "fax"),
    (dict(received_on=D(2003, 7, 1)), "received_on"),
    (dict(effective_from=D(2003, 7, 8)), "effective_from"),
    (dict(withdrawn_on=D(2003, 7, 8)), "withdrawn_on"),
    (dict(of=AddressOf.COMPANY), "holder_id"),
    (dict(sent_at=T(1850, 1, 1)), "sent_at"),
])
def test_refusals_name_the_field_and_write_nothing(store, bad, field):
    before = store.deal()
    with pytest.raises(Refused) as refused:
        service.record_address_change(store, dc.replace(CHANGE, **bad))
    assert refused.value.field == field and store.deal() == before
    assert len(store.audit_entries()) == len(DealStore.audit_entries(store))


def test_the_transfer_agent_needs_recording_first(store, tmp_path):
    s = DealStore.create(tmp_path / "n.rradeal", dc.replace(load_sample_deal(), terms=dc.replace(
        load_sample_deal().terms, transfer_agent=None)))
    with pytest.raises(Refused, match="no transfer agent"):
        service.record_address_change(s, AddressChange("t", AddressOf.TRANSFER_AGENT, ("x",), "fax", T(2003, 7, 9, 9)))
    s.close()


def test_a_holder_with_an_address_change_cannot_be_removed(store):
    service.record_address_change(store, CHANGE)
    assert "1 notice-address change" in removal_refusal(store.deal(), OTA)
    service.remove_address_change(store, "ac-1")
    assert store.deal().address_changes == ()


def test_an_import_refuses_a_bad_change():
    deal = dc.replace(load_sample_deal(), address_changes=(dc.replace(CHANGE, holder_id="h-nobody"),))
    assert ("address_changes[0].holder_id", "There is no Holder 'h-nobody' in this deal") in deal_problems(deal)
