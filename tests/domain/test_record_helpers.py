"""Small record helpers the rules stand on: a registration's filing or effectiveness set from (or
cleared by) a Timeline fact, the parties a deadline names, and how a fact kind reads."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.fact_kinds import fact_label
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.parties import COMPANY, COUNSEL, Parties, Role, holder, parties
from rra_desktop.domain.registration_facts import effective_on, filed_on, with_fact

SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-106999",
                              filed_at=dt.datetime(2003, 7, 3, 16, 45), filed_document="EDGAR receipt",
                              effective_at=dt.datetime(2003, 7, 30, 10, 0), effective_document="Order of July 30")


def test_a_timed_fact_sets_the_event_and_its_document():
    order = TimelineFact("f", FactKind.RS_EFFECTIVE, dt.date(2003, 8, 4), at=dt.datetime(2003, 8, 4, 17, 45),
                         document="Order of August 4")
    rs = with_fact(SHELF, order, FactKind.RS_EFFECTIVE)
    assert (rs.effective_at, rs.effective_document) == (dt.datetime(2003, 8, 4, 17, 45), "Order of August 4")
    assert effective_on(rs) == dt.date(2003, 8, 4)
    assert (rs.filed_at, rs.filed_document) == (SHELF.filed_at, "EDGAR receipt")  # the other event is untouched


def test_an_untimed_fact_is_taken_at_midnight_of_its_day():
    filing = TimelineFact("f", FactKind.RS_FILED, dt.date(2003, 6, 27), document="Form S-3")
    rs = with_fact(SHELF, filing, FactKind.RS_FILED)
    assert (rs.filed_at, rs.filed_document) == (dt.datetime(2003, 6, 27, 0, 0), "Form S-3")
    assert filed_on(rs) == dt.date(2003, 6, 27)
    assert (rs.effective_at, rs.effective_document) == (SHELF.effective_at, "Order of July 30")


def test_no_fact_clears_the_event_and_its_document():
    cleared = with_fact(SHELF, None, FactKind.RS_EFFECTIVE)
    assert (cleared.effective_at, cleared.effective_document) == (None, "")
    assert effective_on(cleared) is None and cleared.filed_document == "EDGAR receipt"
    unfiled = with_fact(SHELF, None, FactKind.RS_FILED)
    assert (unfiled.filed_at, unfiled.filed_document, filed_on(unfiled)) == (None, "", None)
    assert unfiled.effective_document == "Order of July 30"


def test_the_parties_a_deadline_names_keep_their_roles_in_order_and_their_line():
    who = parties("Holder — OTA LLC; Company cooperates", holder("h-ota"), COMPANY)
    assert who == Parties((holder("h-ota"), COMPANY), "Holder — OTA LLC; Company cooperates")
    assert who.roles[0].role is Role.HOLDER and who.holder_ids == ("h-ota",)
    assert str(who) == "Holder — OTA LLC; Company cooperates"
    assert who.has(Role.COMPANY) and not who.has(Role.COUNSEL)
    assert parties("Counsel", COUNSEL).roles == (COUNSEL,)
    assert parties("Nobody").roles == ()


def test_a_fact_kind_reads_as_its_registry_label_or_spelled_out():
    assert fact_label(FactKind.RS_EFFECTIVE) == "Declared effective (date and time)"
    assert fact_label("rs_filed") == "Registration statement filed (date and time)"
    assert fact_label("board_consent_received") == "Board consent received"
