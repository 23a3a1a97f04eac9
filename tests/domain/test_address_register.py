"""7(g): the register of address changes (each change's state on a day), the address book (every
Holder's and party's address in force), whose address a line names, and an address on one line."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from rra_desktop.domain.addresses import (
    Address,
    Effect,
    address_book,
    address_in_force,
    addressed_as_of,
    first_designated,
    one_line,
    party_name,
    register,
    takes_effect,
)
from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.model import AddressChange, AddressOf, CalendarName
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
FUND = "h-north-sound-legacy-fund"
SAMPLE = load_sample_deal()


def _changes():
    return (
        # faxed Wed Jul 9, 2003 at 3:00 p.m.: deemed given that day (7(g)(i))
        AddressChange("ac-1", AddressOf.HOLDER, ("20 Horseneck Lane", "Greenwich, Connecticut 06830"), "fax",
                      T(2003, 7, 9, 15, 0), holder_id=FUND, attention="Mr. Andrew Wilder", fax="203-340-5701"),
        # faxed Tue Sep 2, 2003 at 11:00 a.m.: replaces ac-1 from that day
        AddressChange("ac-2", AddressOf.HOLDER, ("1 Second Street", "Stamford, Connecticut 06901"), "fax",
                      T(2003, 9, 2, 11, 0), holder_id=FUND),
        # mailed: no 7(g)(i)-(iii) day, and no receipt recorded
        AddressChange("ac-3", AddressOf.COMPANY, ("2 New Drive", "Irvine, California 92618"), "mail",
                      T(2003, 7, 10, 10, 0)),
        # couriered Thu Jul 3, 2003 (Fri Jul 4 a holiday): in force Mon Jul 7; withdrawn from Aug 1
        AddressChange("ac-4", AddressOf.HOLDERS_COUNSEL, ("1 Penn Plaza", "New York, New York 10119"), "courier",
                      T(2003, 7, 3, 16, 0), withdrawn_on=D(2003, 8, 1)),
        # faxed Jul 9, naming October 1, 2003 as the day it takes effect
        AddressChange("ac-5", AddressOf.TRANSFER_AGENT, ("10 Brand Boulevard", "Glendale, California 91203"), "fax",
                      T(2003, 7, 9, 9, 0), effective_from=D(2003, 10, 1)),
    )


DEAL = dc.replace(SAMPLE, address_changes=_changes())


def states(on):
    return [(e.id, e.state) for e in register(DEAL, on)]


def test_each_change_has_its_state_on_the_registers_day():
    assert states(D(2003, 9, 15)) == [("ac-1", "replaced"), ("ac-2", "in force"), ("ac-3", "awaiting receipt"),
                                      ("ac-4", "withdrawn"), ("ac-5", "not yet in force")]


def test_a_change_is_in_force_on_the_day_it_takes_effect_and_withdrawn_on_its_withdrawal_day():
    assert states(D(2003, 7, 8))[0] == ("ac-1", "not yet in force")
    assert states(D(2003, 7, 9))[0] == ("ac-1", "in force")
    assert states(D(2003, 9, 1))[:2] == [("ac-1", "in force"), ("ac-2", "not yet in force")]
    assert states(D(2003, 9, 2))[:2] == [("ac-1", "replaced"), ("ac-2", "in force")]
    assert states(D(2003, 7, 6))[3] == ("ac-4", "not yet in force")
    assert states(D(2003, 7, 7))[3] == ("ac-4", "in force")
    assert states(D(2003, 7, 31))[3] == ("ac-4", "in force")
    assert states(D(2003, 8, 1))[3] == ("ac-4", "withdrawn")
    assert states(D(2003, 9, 30))[4] == ("ac-5", "not yet in force")
    assert states(D(2003, 10, 1))[4] == ("ac-5", "in force")


def test_a_withdrawn_change_reads_withdrawn_even_before_it_would_have_taken_effect():
    late = dc.replace(_changes()[4], withdrawn_on=D(2003, 9, 1))  # named Oct 1, withdrawn Sep 1
    entry = register(dc.replace(SAMPLE, address_changes=(late,)), D(2003, 9, 15))[0]
    assert entry.state == "withdrawn"


def test_the_register_names_whose_address_and_when_each_change_takes_effect():
    entries = {e.id: e for e in register(DEAL, D(2003, 9, 15))}
    assert [e.whose for e in entries.values()] == [
        "North Sound Legacy Fund LLC", "North Sound Legacy Fund LLC", "Spectrum Pharmaceuticals, Inc. (the Company)",
        "Kane Kessler, P.C. (Holders' counsel)", "U.S. Stock Transfer Corporation (the transfer agent)"]
    assert (entries["ac-1"].effect.date, entries["ac-1"].effect.given_on) == (D(2003, 7, 9), D(2003, 7, 9))
    assert entries["ac-3"].effect.date is None and entries["ac-3"].effect.given_on is None
    assert entries["ac-3"].effect.explanation.startswith("Not in force yet: 7(g)(iv): first class mail")
    assert (entries["ac-4"].effect.date, entries["ac-5"].effect.date) == (D(2003, 7, 7), D(2003, 10, 1))
    assert entries["ac-5"].effect.given_on == D(2003, 7, 9)
    assert entries["ac-5"].change is DEAL.address_changes[4]


def test_the_address_book_lists_every_holder_then_the_parties_each_at_its_address_that_day():
    book = address_book(DEAL, D(2003, 9, 15))
    assert [b.id for b in book] == [h.id for h in SAMPLE.holders] + [
        "company", "company_counsel", "holders_counsel", "transfer_agent"]
    assert [b.of for b in book[-4:]] == [AddressOf.COMPANY, AddressOf.COMPANY_COUNSEL, AddressOf.HOLDERS_COUNSEL,
                                        AddressOf.TRANSFER_AGENT]
    assert all(b.of == AddressOf.HOLDER and b.holder_id == b.id for b in book[:-4])
    by_id = {b.id: b for b in book}
    assert by_id[FUND].whose == "North Sound Legacy Fund LLC"
    assert by_id[FUND].address.lines == ("1 Second Street", "Stamford, Connecticut 06901")
    assert by_id[FUND].address.change is DEAL.address_changes[1]
    # the mailed Company change awaits receipt, ac-4 is withdrawn, ac-5 not yet in force: first designated
    assert by_id["company"].address == Address(("157 Technology Drive", "Irvine, California 92618"), "CEO",
                                               "949-788-6706")
    assert by_id["holders_counsel"].address.lines == ("1350 Avenue of the Americas", "New York, New York 10019")
    assert by_id["transfer_agent"].address.lines == ("1745 Gardena Avenue", "Glendale, California 91204")
    assert by_id["company_counsel"].whose == "Latham & Watkins LLP (Company counsel)"
    assert by_id["h-ota"].address.lines == ("1 Manhattanville Road", "Purchase, New York 10577")
    later = {b.id: b for b in address_book(DEAL, D(2003, 10, 1))}
    assert later["transfer_agent"].address.lines == ("10 Brand Boulevard", "Glendale, California 91203")
    assert later["transfer_agent"].address.change is DEAL.address_changes[4]


def test_a_party_the_deal_does_not_record_is_left_out_of_the_address_book():
    deal = dc.replace(DEAL, terms=dc.replace(DEAL.terms, transfer_agent=None))
    assert [b.id for b in address_book(deal, D(2003, 9, 15))][-3:] == ["company", "company_counsel",
                                                                         "holders_counsel"]


def test_whose_address_names_the_record_or_falls_back_to_the_role():
    assert party_name(SAMPLE, AddressOf.HOLDER, "h-ota") == "OTA LLC"
    assert party_name(SAMPLE, AddressOf.COMPANY) == "Spectrum Pharmaceuticals, Inc. (the Company)"
    assert party_name(SAMPLE, AddressOf.TRANSFER_AGENT) == "U.S. Stock Transfer Corporation (the transfer agent)"
    assert party_name(SAMPLE, AddressOf.HOLDER, "h-unknown") == "h-unknown"
    assert party_name(SAMPLE, AddressOf.HOLDER) == ""
    unnamed = dc.replace(SAMPLE, terms=dc.replace(SAMPLE.terms, company=dc.replace(SAMPLE.terms.company, name="")),
                         holders=tuple(dc.replace(h, name="") if h.id == "h-ota" else h for h in SAMPLE.holders))
    assert party_name(unnamed, AddressOf.COMPANY) == "the Company"
    assert party_name(unnamed, AddressOf.HOLDER, "h-ota") == "h-ota"
    none = dc.replace(SAMPLE, terms=dc.replace(SAMPLE.terms, company_counsel=None))
    assert party_name(none, AddressOf.COMPANY_COUNSEL) == "Company counsel"


def test_an_address_on_one_line():
    full = Address(("c/o North Sound Capital LLC", "53 Forest Avenue, Suite 202"), "Mr. Andrew Wilder", "203-967-5701")
    assert one_line(full) == ("c/o North Sound Capital LLC, 53 Forest Avenue, Suite 202; Attention: Mr. Andrew Wilder; "
                              "Fax: 203-967-5701")
    assert one_line(Address(("1 Manhattanville Road", "Purchase, New York 10577"))) == (
        "1 Manhattanville Road, Purchase, New York 10577")
    assert one_line(Address((), fax="914-694-6335")) == "Fax: 914-694-6335"
    assert one_line(Address((), attention="Compliance Department")) == "Attention: Compliance Department"
    assert one_line(Address(())) == ""


def test_the_address_first_designated_is_the_records_lines_attention_and_fax():
    assert first_designated(SAMPLE, AddressOf.HOLDER, "h-ota") == Address(
        ("1 Manhattanville Road", "Purchase, New York 10577"), "Mr. Richard M. Cayne", "914-694-6335")
    assert first_designated(SAMPLE, AddressOf.HOLDERS_COUNSEL) == Address(
        ("1350 Avenue of the Americas", "New York, New York 10019"), "Robert L. Lawrence, Esq.", "(212) 245-3009")
    nobody = first_designated(SAMPLE, AddressOf.HOLDER, "h-unknown")
    assert nobody == Address(()) and nobody.lines == () and one_line(nobody) == ""


def test_a_change_for_a_party_the_deal_does_not_record_readdresses_nobody():
    agent = _changes()[4]  # the transfer agent's change, in force from Oct 1, 2003
    deal = dc.replace(SAMPLE, address_changes=(agent,), terms=dc.replace(SAMPLE.terms, transfer_agent=None))
    addressed = addressed_as_of(deal, D(2003, 12, 1))
    assert addressed.terms.transfer_agent is None and addressed.terms.company == SAMPLE.terms.company
    assert addressed.holders == SAMPLE.holders


RULE_I = "7(g)(i): fax sent before 5:00 p.m. Eastern on a Business Day — deemed given that day"


def test_why_a_change_takes_effect_when_it_does():
    named = _changes()[4]  # faxed Wed Jul 9, 2003 at 9:00 a.m., naming Oct 1, 2003
    assert takes_effect(named) == Effect(D(2003, 10, 1), D(2003, 7, 9),
                                         f"Deemed given Wed Jul 9, 2003 ({RULE_I}); in force from the later day the "
                                         "notice names.")
    same_day = dc.replace(named, effective_from=D(2003, 7, 9))  # names the day it is given: nothing later
    assert takes_effect(same_day) == Effect(D(2003, 7, 9), D(2003, 7, 9),
                                            f"In force from the day the notice is deemed given: {RULE_I}.")


def test_the_deals_own_business_day_calendar_dates_a_change():
    # faxed Wed Feb 11, 2004 at 6:00 p.m.: 7(g)(ii), the next Business Day. The Federal Reserve is
    # open on Thu Feb 12 (Lincoln's Birthday); the strict New York calendar is not: Fri Feb 13
    late_fax = AddressChange("ac-9", AddressOf.HOLDER, ("9 Ninth Avenue", "New York, New York 10011"), "fax",
                             T(2004, 2, 11, 18, 0), holder_id="h-ota")
    federal = dc.replace(SAMPLE, address_changes=(late_fax,))
    strict = dc.replace(federal, terms=dc.replace(SAMPLE.terms, calendar=CalendarName.NEW_YORK_STRICT))
    old = ("1 Manhattanville Road", "Purchase, New York 10577")
    assert address_in_force(federal, AddressOf.HOLDER, D(2004, 2, 12), "h-ota").lines == late_fax.address_lines
    assert address_in_force(strict, AddressOf.HOLDER, D(2004, 2, 12), "h-ota").lines == old
    assert address_in_force(strict, AddressOf.HOLDER, D(2004, 2, 13), "h-ota").change is late_fax
    ny = BusinessCalendar(CalendarName.NEW_YORK_STRICT)
    assert address_in_force(federal, AddressOf.HOLDER, D(2004, 2, 12), "h-ota", cal=ny).lines == old
    (entry,) = register(strict, D(2004, 2, 12))
    assert (entry.state, entry.effect.date) == ("not yet in force", D(2004, 2, 13))
    assert addressed_as_of(strict, D(2004, 2, 12)).holder("h-ota").address_lines == old
    assert addressed_as_of(strict, D(2004, 2, 13)).holder("h-ota").address_lines == late_fax.address_lines
