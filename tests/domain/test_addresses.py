"""7(g): the notice address in force on a date. A change of address is itself a notice, in force
on the day it is deemed given (or the later day it names), until it is withdrawn."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from rra_desktop.domain.addresses import address_in_force, addressed_as_of, first_designated, takes_effect
from rra_desktop.domain.model import AddressChange, AddressOf
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
HOLDER = AddressOf.HOLDER
NEW_LINES = ("c/o North Sound Capital LLC", "20 Horseneck Lane", "Greenwich, Connecticut 06830")


FAXED = T(2003, 7, 9, 15, 0)


def change(cid="ac-1", sent_at=FAXED, method="fax", **more):
    values = dict(of=HOLDER, holder_id="h-north-sound-legacy-fund", address_lines=NEW_LINES,
                  attention="Mr. Andrew Wilder", fax="203-340-5701")
    values.update(more)
    return AddressChange(cid, values.pop("of"), values.pop("address_lines"), method, sent_at, **values)


def deal_with(*changes):
    return dc.replace(load_sample_deal(), address_changes=changes)


def lines_on(deal, day, holder_id="h-north-sound-legacy-fund"):
    return address_in_force(deal, HOLDER, day, holder_id).lines


OLD = first_designated(load_sample_deal(), HOLDER, "h-north-sound-legacy-fund").lines


def test_the_schedule_1_address_is_in_force_until_the_change_is_deemed_given():
    deal = deal_with(change())  # faxed Wed Jul 9, 2003 at 3:00 p.m.: given that day (7(g)(i))
    assert OLD[1] == "53 Forest Avenue, Suite 202"
    assert lines_on(deal, D(2003, 7, 8)) == OLD
    assert lines_on(deal, D(2003, 7, 9)) == NEW_LINES
    assert address_in_force(deal, HOLDER, D(2003, 7, 9), "h-north-sound-legacy-fund").fax == "203-340-5701"
    assert lines_on(deal, D(2004, 1, 1)) == NEW_LINES


def test_a_change_faxed_after_5_pm_on_a_friday_takes_effect_on_monday():
    deal = deal_with(change(sent_at=T(2003, 6, 13, 17, 30)))  # Fri Jun 13, 2003
    assert takes_effect(deal.address_changes[0]).date == D(2003, 6, 16)
    assert lines_on(deal, D(2003, 6, 15)) == OLD
    assert lines_on(deal, D(2003, 6, 16)) == NEW_LINES


def test_a_change_by_courier_before_independence_day_takes_effect_the_next_business_day():
    deal = deal_with(change(method="courier", sent_at=T(2003, 7, 3, 16, 0)))  # Thu; Fri Jul 4 a holiday
    assert takes_effect(deal.address_changes[0]).date == D(2003, 7, 7)
    assert lines_on(deal, D(2003, 7, 6)) == OLD and lines_on(deal, D(2003, 7, 7)) == NEW_LINES


def test_a_mailed_change_is_not_in_force_until_its_receipt_is_recorded():
    mailed = change(method="mail", sent_at=T(2003, 7, 9, 10, 0))
    effect = takes_effect(mailed)
    assert effect.date is None and "Not in force yet" in effect.explanation
    assert lines_on(deal_with(mailed), D(2010, 1, 1)) == OLD
    received = dc.replace(mailed, received_on=D(2003, 7, 14))
    assert lines_on(deal_with(received), D(2003, 7, 11)) == OLD
    assert lines_on(deal_with(received), D(2003, 7, 14)) == NEW_LINES


def test_a_later_day_the_notice_names_governs_and_an_earlier_one_does_not_reach_back():
    later = deal_with(change(effective_from=D(2003, 8, 1)))
    assert lines_on(later, D(2003, 7, 31)) == OLD and lines_on(later, D(2003, 8, 1)) == NEW_LINES
    earlier = deal_with(change(effective_from=D(2003, 7, 1)))
    assert lines_on(earlier, D(2003, 7, 8)) == OLD and lines_on(earlier, D(2003, 7, 9)) == NEW_LINES


def test_the_change_that_took_effect_last_wins_and_a_withdrawal_restores_the_one_before():
    second_lines = ("1 Second Street", "Stamford, Connecticut 06901")
    first = change("ac-1")
    second = change("ac-2", sent_at=T(2003, 9, 2, 11, 0), address_lines=second_lines)
    deal = deal_with(second, first)  # recorded out of order: the dates decide
    assert lines_on(deal, D(2003, 8, 1)) == NEW_LINES
    assert lines_on(deal, D(2003, 9, 2)) == second_lines
    withdrawn = deal_with(first, dc.replace(second, withdrawn_on=D(2003, 10, 1)))
    assert lines_on(withdrawn, D(2003, 9, 30)) == second_lines
    assert lines_on(withdrawn, D(2003, 10, 1)) == NEW_LINES


def test_two_changes_in_force_the_same_day_are_ordered_by_when_they_were_sent():
    morning = change("ac-1", sent_at=T(2003, 7, 9, 9, 0), address_lines=("Morning",))
    noon = change("ac-2", sent_at=T(2003, 7, 9, 12, 0), address_lines=("Noon",))
    assert lines_on(deal_with(noon, morning), D(2003, 7, 9)) == ("Noon",)


def test_other_holders_are_untouched():
    deal = deal_with(change())
    other = "h-north-sound-legacy-international"
    assert lines_on(deal, D(2003, 8, 1), other) == first_designated(deal, HOLDER, other).lines


def test_the_deal_as_addressed_on_a_day_carries_each_party_in_force():
    company = AddressChange("ac-co", AddressOf.COMPANY, ("2 New Drive", "Irvine, California 92618"), "courier",
                            T(2003, 7, 1, 12, 0), attention="General Counsel", fax="949-000-0000")
    deal = deal_with(change(), company)
    before, after = addressed_as_of(deal, D(2003, 7, 1)), addressed_as_of(deal, D(2003, 7, 9))
    assert before.terms.company.address_lines[0] == "157 Technology Drive"
    assert after.terms.company.address_lines == ("2 New Drive", "Irvine, California 92618")
    assert after.terms.company.attention == "General Counsel" and after.terms.company.name == deal.terms.company.name
    assert before.holder("h-north-sound-legacy-fund").address_lines == OLD
    assert after.holder("h-north-sound-legacy-fund").address_lines == NEW_LINES
    assert after.holder("h-north-sound-legacy-fund").fax == "203-340-5701"
    plain = load_sample_deal()
    assert addressed_as_of(plain, D(2003, 7, 9)) is plain
