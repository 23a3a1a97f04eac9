"""7(d) on the deal's facts: the Rule 144 shares left out of a request (the product's own dates,
converted where the class is Preferred), requests added up per Holder, and the cutback when the
registration names no underwriter limit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import (
    Assignment,
    FactKind,
    Holder,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.domain.piggyback import counted_for, registration_cutback, rule144_free_shares, shelf_covering_all
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
TEST = Holder("h-test", "Test Fund LLC")


def holding(*rows):
    positions = tuple(PositionEntry(f"p{i}", "h-test", code, PositionKind.ISSUANCE, qty, on)
                      for i, (code, qty, on) in enumerate(rows))
    return replace(SAMPLE, holders=(*SAMPLE.holders, TEST), positions=(*SAMPLE.positions, *positions))


# 1 Preferred bought at the Closing (Wed May 7, 2003): 4,255 Conversion Shares, free under 144(k) from
# Sat May 7, 2005; 500 Common bought Thu Mar 1, 2007: free under 144(b)(1)(i) one year later, Sat Mar 1, 2008
MIXED = holding(("PREF", 1, D(2003, 5, 7)), ("COMMON", 500, D(2007, 3, 1)))


def test_free_shares_add_up_over_the_securities_preferred_as_converted_common_share_for_share():
    assert rule144_free_shares(MIXED, "h-test", D(2005, 5, 6)) == (0, "")
    assert rule144_free_shares(MIXED, "h-test", D(2005, 5, 7)) == (4_255, "Rule 144(k)")
    assert rule144_free_shares(MIXED, "h-test", D(2008, 2, 29)) == (4_255, "Rule 144(k)")
    assert rule144_free_shares(MIXED, "h-test", D(2008, 3, 1)) == (4_755, "Rule 144(b)(1)(i), Rule 144(k)")


def test_one_share_of_preferred_is_counted_as_converted():
    single = holding(("PREF", 1, D(2007, 3, 1)))
    assert rule144_free_shares(single, "h-test", D(2008, 3, 1)) == (4_255, "Rule 144(b)(1)(i)")


REG = RegistrationStatement("rs-2", RegistrationKind.COMPANY_REGISTRATION)  # no underwriter limit
# faxed Fri Sep 5, 2003 at 10:00 a.m.: deemed given that day; the 20 days run to Thu Sep 25, 2003
NOTICE = TimelineFact("pn", FactKind.PIGGYBACK_NOTICE, D(2003, 9, 5), at=T(2003, 9, 5, 10), method="fax",
                      registration_id="rs-2")


def requesting(*requests):
    return replace(SAMPLE, registrations=(REG,), facts=(NOTICE,), piggyback_requests=requests)


def test_requests_of_one_holder_are_added_up_and_recorded_144k_shares_left_out():
    deal = requesting(PiggybackRequest("r1", "rs-2", "h-ota", 1_000, D(2003, 9, 10), rule_144k_eligible_shares=300),
                      PiggybackRequest("r2", "rs-2", "h-ota", 2_000, D(2003, 9, 12)),
                      PiggybackRequest("r3", "rs-2", "h-xmark-fund", 500, D(2003, 9, 11)))
    (ota, xmark) = counted_for(deal, "rs-2")
    assert (ota.holder_id, ota.name, ota.first_on) == ("h-ota", "OTA LLC", D(2003, 9, 10))
    assert (ota.requested, ota.late, ota.rule144, ota.counted) == (3_000, 0, 300, 2_700)
    assert ota.why == "300 shares saleable under Rule 144 (as recorded) on Wed Sep 10, 2003"
    assert (xmark.requested, xmark.rule144, xmark.counted, xmark.why) == (500, 0, 500, "")


def test_without_an_underwriter_limit_every_counted_share_is_included():
    deal = requesting(PiggybackRequest("r1", "rs-2", "h-ota", 1_000, D(2003, 9, 10)),
                      PiggybackRequest("r2", "rs-2", "h-xmark-fund", 500, D(2003, 9, 11)))
    cut = registration_cutback(deal, "rs-2")
    assert not cut.cut and (cut.allowed, cut.requested_total) == (1_500, 1_500)
    assert cut.as_dict() == {"h-ota": 1_000, "h-xmark-fund": 500}
    assert cut.rule == "7(d): the 1,500 shares requested fit within the 1,500 allowed; no cutback."
    limited = replace(deal, registrations=(replace(REG, underwritten=True, underwriter_limit=600),))
    assert registration_cutback(limited, "rs-2").as_dict() == {"h-ota": 400, "h-xmark-fund": 200}
    assert registration_cutback(deal, "rs-2", 900).as_dict() == {"h-ota": 600, "h-xmark-fund": 300}


def test_a_registration_the_deal_does_not_record_has_nothing_to_cut():
    cut = registration_cutback(requesting(), "rs-unknown")
    assert cut.lines == () and (cut.allowed, cut.requested_total) == (0, 0) and not cut.cut


def test_a_shelf_covers_all_when_it_registers_the_register_of_rights_in_full():
    # 1 Preferred assigned by OTA Tue Sep 2, 2003, not yet effective (no transferee notice): the register
    # of rights keeps OTA's 10 (42,553 Conversion Shares), 3,967,656 in all; the ledger's split (9 and 1:
    # 38,297 + 4,255) would be one share fewer. A shelf effective Fri Aug 1 registering exactly that covers.
    sep_2 = D(2003, 9, 2)
    pending = Assignment("a-1", "h-ota", "h-new", "PREF", 1, sep_2, written_assignment_furnished_on=sep_2)
    moved = (PositionEntry("t-out", "h-ota", "PREF", PositionKind.TRANSFER_OUT, -1, sep_2, assignment_id="a-1"),
             PositionEntry("t-in", "h-new", "PREF", PositionKind.TRANSFER_IN, 1, sep_2, assignment_id="a-1"))
    unfiled = RegistrationStatement("rs-0", RegistrationKind.SECTION_2_SHELF)
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-106999",
                                  filed_at=T(2003, 6, 18, 9), effective_at=T(2003, 8, 1, 9),
                                  shares_registered=3_967_656)
    deal = replace(SAMPLE, holders=(*SAMPLE.holders, Holder("h-new", "New Fund LP")),
                   positions=(*SAMPLE.positions, *moved), assignments=(pending,), registrations=(REG, unfiled, shelf))
    assert shelf_covering_all(deal, D(2003, 9, 5)) == (
        "7(d) applies only when no effective Registration Statement covers all of the Registrable Securities; on "
        "Fri Sep 5, 2003 the shelf 333-106999, effective Fri Aug 1, 2003, registers 3,967,656 shares against "
        "3,967,656 Registrable Securities: no piggy-back window")
    short = replace(deal, registrations=(REG, unfiled, replace(shelf, shares_registered=3_967_655)))
    assert shelf_covering_all(short, D(2003, 9, 5)) == ""
    assert shelf_covering_all(deal, D(2003, 7, 31)) == ""  # not yet effective
    ledger = sum(p.registrable for p in register_as_of(deal, D(2003, 9, 5)))
    assert ledger == 3_967_655
