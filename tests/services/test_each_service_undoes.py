"""Every kind of service: it writes what it says, and undo/redo restore the exact snapshots."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from rra_desktop.domain.model import (
    AddressChange,
    AddressOf,
    Assignment,
    Claim,
    ClaimClause,
    Expense,
    ExpenseCategory,
    FactKind,
    Holder,
    Instrument,
    InstrumentKind,
    NoticeDirection,
    NoticeRecord,
    Objection,
    Party,
    PiggybackRequest,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.services import (
    addresses,
    assignments,
    claims,
    expenses,
    instruments,
    ledger,
    notices,
    objections,
    registrations,
    replace_deal,
    terms,
    timeline,
)
from tests.services.conftest import assert_undo_redo

D = dt.date


def first_holder(store):
    return "h-xmark-fund"  # 134 PREF, 285,106 D1 and D2 in the sample


ACTIONS = {
    "issuance": lambda s: ledger.record_issuance(s, first_holder(s), "COMMON", 1000, D(2004, 1, 2)),
    "sale": lambda s: ledger.record_sale(s, first_holder(s), "PREF", 1, D(2004, 1, 2), Decimal("9000.00")),
    "conversion": lambda s: ledger.record_conversion(s, first_holder(s), 1, 4255, D(2004, 1, 2)),
    "exercise": lambda s: ledger.record_exercise(s, first_holder(s), "D1", 100, 60, D(2004, 1, 2), cashless=True),
    "dividend": lambda s: ledger.record_dividend(s, first_holder(s), 50, D(2004, 1, 2)),
    "transfer": lambda s: ledger.record_transfer(s, first_holder(s), "h-assignee", "D2", 10, D(2004, 1, 2)),
    "fact": lambda s: timeline.record_fact(s, TimelineFact("f-new", FactKind.RS_EFFECTIVE, D(2003, 7, 1),
                                                           dt.datetime(2003, 7, 1, 15, 0), registration_id="rs-2")),
    "closing": lambda s: timeline.set_closing_date(s, D(2003, 5, 8)),
    "mark_done": lambda s: timeline.mark_done(s, "file_rs:rs-1", D(2003, 6, 5)),
    "registration": lambda s: registrations.add_registration(
        s, RegistrationStatement("rs-9", RegistrationKind.AMENDMENT, parent_id="rs-1", file_no="333-1")),
    "selling_info": lambda s: registrations.record_selling_info(s, "rs-1", store_holder(s, 1), D(2003, 6, 1)),
    "piggyback": lambda s: registrations.add_piggyback_request(
        s, PiggybackRequest("pr-9", "rs-3", store_holder(s, 2), 700, D(2003, 12, 11))),
    "cutback": lambda s: registrations.record_cutback(s, "rs-3", 500),
    "instrument": lambda s: instruments.record_instrument(
        s, Instrument("i-9", InstrumentKind.EXTENSION, "3(a)", D(2003, 8, 2), "More time", ("company",),
                      document="extension.pdf", deadline_key="review_copies:rs-1", new_date=D(2003, 8, 20)),
        override_reason="Holders' consents to follow"),
    "assignment": lambda s: assignments.record_assignment(
        s, Assignment("a-9", first_holder(s), "h-new", "D1", 100, D(2004, 3, 1), documents=("a.pdf",)),
        Holder("h-new", "New Assignee", ("2 Main St",))),
    "claim": lambda s: claims.open_claim(s, Claim("c-9", ClaimClause.HOLDER_INDEMNIFIES, "Company", "Holder",
                                                  "SEC inquiry", holder_id=first_holder(s))),
    "fee_notice": lambda s: claims.record_fee_notice(s, "c-1", D(2004, 3, 1), Decimal("1000")),
    "close_claim": lambda s: claims.close_claim(s, "c-1", "Settled"),
    "notice": lambda s: notices.log_notice(s, NoticeRecord("n-9", NoticeDirection.RECEIVED, "piggyback", "OTA LLC",
                                                           "fax", dt.datetime(2004, 2, 2, 10, 0))),
    "annotate": lambda s: notices.annotate_notice(s, "n-1", "Fax confirmation filed"),
    "expense": lambda s: expenses.add_expense(s, Expense("e-9", D(2004, 1, 1), "Printer", ExpenseCategory.PRINTING,
                                                         Decimal("99.95"))),
    "paid": lambda s: expenses.mark_paid(s, "e-1", D(2004, 1, 9)),
    "terms": lambda s: terms.edit_party(s, "holders_counsel", Party("New Counsel LLP", ("5 Park Ave",))),
    "objection": lambda s: objections.record_objection(s, Objection("o-1", "Prospectus", ("special_counsel",),
                                                                    D(2003, 6, 9))),
    "address_change": lambda s: addresses.record_address_change(s, AddressChange(
        "ac-1", AddressOf.HOLDER, ("20 Horseneck Lane", "Greenwich, CT 06830"), "fax", dt.datetime(2003, 7, 9, 15),
        holder_id=first_holder(s))),
    "replace": lambda s: replace_deal(s, dataclasses.replace(s.deal(), expenses=()), label="Import"),
}


def store_holder(store, i):
    return store.deal().holders[i].id


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_service_writes_audits_and_undoes(store, name):
    before = store.deal()
    audited = len(store.audit_entries())
    change = ACTIONS[name](store)
    assert change.label and change.rows
    entries = store.audit_entries()[audited:]
    assert {e.action for e in entries} == {change.label} and len(entries) == len(change.rows)
    assert_undo_redo(store, change, before)
    assert store.audit_entries()[-1].action.startswith("Redo: ")
    assert store.verify_audit().ok
