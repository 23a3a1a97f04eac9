"""Rule 144 over a Holder's lots, worked to the day: the latest lot governs (a one-share lot too,
a zero-share correction never), what the Warrant text dates from, and what each reason says."""

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.model import Holder, PositionEntry, PositionKind, SecurityKind
from rra_desktop.domain.rule144 import (
    AFFILIATE,
    RULE_144B,
    RULE_144K,
    holder_free_date,
    holdings,
    rule144_dates,
    rule144_dates_all,
)
from rra_desktop.sample import load_sample_deal

D = dt.date
K = PositionKind
KINDS = {"PREF": SecurityKind.PREFERRED, "D1": SecurityKind.WARRANT, "COMMON": SecurityKind.COMMON}
SAMPLE = load_sample_deal()


def row(security, kind, qty, on, acquired_on=None, holder="h-x", i=[0]):  # noqa: B006 - a counter for unique ids
    i[0] += 1
    return PositionEntry(f"lot{i[0]}", holder, security, kind, qty, on, acquired_on)


def _deal(*rows, affiliate=False):
    return replace(SAMPLE, holders=(Holder("h-x", "X Fund", affiliate=affiliate), Holder("h-y", "Y Fund")),
                   positions=tuple(rows))


def test_a_one_share_lot_bought_later_governs_the_holder():
    rows = [row("COMMON", K.ISSUANCE, 5_000, D(2003, 5, 7)), row("COMMON", K.ISSUANCE, 1, D(2006, 3, 1))]
    when, start, rule, why = holder_free_date(rows, KINDS, False)
    # May 7, 2003 + 2 years = May 7, 2005; Mar 1, 2006 + 2 years is after 144(k)'s removal
    assert (when, start, rule) == (D(2008, 2, 15), D(2006, 3, 1), RULE_144B)
    assert why.startswith("COMMON governs: acquired Wed Mar 1, 2006;")
    (common,) = rule144_dates(_deal(*[replace(r, holder_id="h-x") for r in rows]), "h-x")
    assert (common.quantity, common.holding_from, common.date) == (5_001, D(2006, 3, 1), D(2008, 2, 15))


def test_a_zero_share_correction_row_is_no_acquisition():
    rows = [row("COMMON", K.ISSUANCE, 5_000, D(2003, 5, 7)), row("COMMON", K.ISSUANCE, 0, D(2006, 3, 1))]
    assert holder_free_date(rows, KINDS, False)[:3] == (D(2005, 5, 7), D(2003, 5, 7), RULE_144K)
    (h,) = holdings(rows, KINDS)
    assert (h.held, h.lot) == (5_000, (D(2003, 5, 7), rows[0]))


def test_conversion_shares_tack_to_the_latest_preferred_lot_even_of_one_share():
    rows = [row("PREF", K.ISSUANCE, 10, D(2003, 5, 7)), row("PREF", K.ISSUANCE, 1, D(2005, 1, 10)),
            row("PREF", K.ISSUANCE, 0, D(2006, 6, 1)),  # a correction, not a purchase
            row("PREF", K.CONVERSION, -11, D(2007, 1, 5)), row("COMMON", K.CONVERSION, 46_808, D(2007, 1, 5))]
    # the 1-share lot of Jan 10, 2005 governs: + 2 years = Jan 10, 2007, before 144(k)'s removal
    assert holder_free_date(rows, KINDS, False)[:3] == (D(2007, 1, 10), D(2005, 1, 10), RULE_144K)
    (h,) = holdings(rows, KINDS)
    assert (h.security, h.kind, h.held, h.lot) == ("COMMON", SecurityKind.COMMON, 46_808, (D(2005, 1, 10), rows[4]))


def test_cashless_exercise_tacks_to_the_latest_warrant_lot_even_of_one_share():
    rows = [row("D1", K.ISSUANCE, 100, D(2003, 5, 7)), row("D1", K.ISSUANCE, 1, D(2004, 8, 2)),
            row("D1", K.ISSUANCE, 0, D(2006, 6, 1)),
            row("D1", K.EXERCISE_CASHLESS, -101, D(2007, 3, 1)), row("COMMON", K.EXERCISE_CASHLESS, 70, D(2007, 3, 1))]
    when, start, rule, why = holder_free_date(rows, KINDS, False)
    assert (when, start, rule) == (D(2006, 8, 2), D(2004, 8, 2), RULE_144K)
    assert "cashless exercise tacks to the Warrant's acquisition on Mon Aug 2, 2004" in why


def test_on_a_tie_the_lot_recorded_first_names_the_governing_security():
    rows = [row("PREF", K.ISSUANCE, 10, D(2003, 5, 7)), row("COMMON", K.ISSUANCE, 300, D(2003, 5, 7))]
    when, start, _, why = holder_free_date(rows, KINDS, False)
    assert (when, start) == (D(2005, 5, 7), D(2003, 5, 7))
    assert why == ("PREF governs: Conversion Shares tack to the purchase of the Preferred on Wed May 7, 2003; "
                   "Wed May 7, 2003 + 2 years = Sat May 7, 2005 under Rule 144(k)")


def test_two_lots_of_one_security_on_one_day_give_that_day():
    rows = [row("COMMON", K.ISSUANCE, 10, D(2003, 5, 7)), row("COMMON", K.ISSUANCE, 20, D(2006, 3, 1)),
            row("COMMON", K.ISSUANCE, 30, D(2006, 3, 1))]
    (h,) = holdings(rows, KINDS)
    assert (h.held, h.lot) == (60, (D(2006, 3, 1), rows[1]))


def test_a_code_the_kinds_do_not_name_is_common_and_warrants_have_no_start():
    rows = [row("XYZ", K.ISSUANCE, 7, D(2004, 2, 2)), row("D1", K.ISSUANCE, 3, D(2003, 5, 7))]
    got = {h.security: (h.kind, h.held, h.lot) for h in holdings(rows, KINDS)}
    assert got == {"XYZ": (SecurityKind.COMMON, 7, (D(2004, 2, 2), rows[0])), "D1": (SecurityKind.WARRANT, 3, None)}
    assert holder_free_date(rows[:1], KINDS, False)[3].startswith("XYZ governs: acquired Mon Feb 2, 2004;")


def test_unexercised_warrants_name_their_own_acquisition_not_a_later_lot_of_another_security():
    rows = [row("D1", K.ISSUANCE, 100, D(2003, 5, 7)), row("D1", K.ISSUANCE, 0, D(2005, 9, 9)),
            row("COMMON", K.ISSUANCE, 50, D(2006, 3, 1), holder="h-x")]
    warrant = next(r for r in rule144_dates(_deal(*rows), "h-x") if r.security == "D1")
    assert (warrant.date, warrant.rule, warrant.holding_from) == (None, "", None)
    assert warrant.explanation.endswith("tack to the Warrant's acquisition Wed May 7, 2003 (free Sat May 7, 2005, "
                                        "Rule 144(k))")
    assert holder_free_date(rows, KINDS, False) == (
        None, None, "", "Warrants unexercised (D1): Warrant Shares not yet issued: a cash exercise starts a new "
        "holding period on exercise; a cashless one would tack to the Warrant's acquisition Wed May 7, 2003 "
        "(free Sat May 7, 2005, Rule 144(k))")


def test_a_one_share_warrant_lot_dates_the_warrant_text():
    rows = [row("D1", K.ISSUANCE, 1, D(2004, 8, 2))]
    (warrant,) = rule144_dates(_deal(*rows), "h-x")
    assert "Warrant's acquisition Mon Aug 2, 2004 (free Wed Aug 2, 2006, Rule 144(k))" in warrant.explanation


def test_exercised_warrants_no_longer_hold_the_date_back():
    rows = [row("D1", K.ISSUANCE, 100, D(2003, 5, 7)), row("D1", K.EXERCISE_CASH, -100, D(2007, 6, 1)),
            row("COMMON", K.EXERCISE_CASH, 100, D(2007, 6, 1))]
    when, start, rule, why = holder_free_date(rows, KINDS, False)
    assert (when, start, rule) == (D(2008, 6, 1), D(2007, 6, 1), RULE_144B)
    assert why == ("COMMON governs: cash exercise on Fri Jun 1, 2007 starts the holding period; Fri Jun 1, 2007 "
                   "+ 1 year = Sun Jun 1, 2008 under Rule 144(b)(1)(i) (non-affiliate, reporting company)")


def test_no_date_answers_carry_no_rule():
    warrants = [row("D1", K.ISSUANCE, 100, D(2003, 5, 7))]
    assert holder_free_date(warrants, KINDS, False)[:3] == (None, None, "")
    common = [row("COMMON", K.ISSUANCE, 100, D(2003, 5, 7))]
    assert holder_free_date(common, KINDS, True) == (None, None, "", AFFILIATE)
    sold = [*common, row("COMMON", K.SALE, -100, D(2004, 1, 2))]
    assert holder_free_date(sold, KINDS, False) == (None, None, "", "holds no securities")


def test_dividend_and_cash_exercise_reasons_name_their_day():
    rows = [row("PREF", K.ISSUANCE, 10, D(2003, 5, 7)), row("PREF", K.SALE, -10, D(2004, 1, 5)),
            row("COMMON", K.DIVIDEND, 400, D(2004, 1, 5)),
            row("COMMON", K.EXERCISE_CASH, 50, D(2004, 2, 9), holder="h-y")]
    every = rule144_dates_all(_deal(*rows))
    (dividend,) = every["h-x"]
    assert dividend.explanation.startswith("Dividend Shares tack to the purchase of the Preferred on Wed May 7, 2003;")
    (cash,) = every["h-y"]
    assert cash.explanation.startswith("cash exercise on Mon Feb 9, 2004 starts the holding period;")
    assert (cash.date, cash.rule) == (D(2006, 2, 9), RULE_144K)


def test_every_holder_at_once_knows_its_affiliates():
    rows = [row("COMMON", K.ISSUANCE, 100, D(2003, 5, 7)), row("COMMON", K.ISSUANCE, 100, D(2003, 5, 7), holder="h-y")]
    every = rule144_dates_all(_deal(*rows, affiliate=True))
    assert (every["h-x"][0].date, every["h-x"][0].explanation) == (None, AFFILIATE)
    assert every["h-y"][0].date == D(2005, 5, 7)
    assert every == {hid: rule144_dates(_deal(*rows, affiliate=True), hid) for hid in ("h-x", "h-y")}


def test_a_lot_recorded_later_but_acquired_earlier_does_not_move_the_tacking_date_back():
    # the second Preferred and Warrant lots were transferred in on 2006-01-02 from a Holder who bought in 2003
    rows = [row("PREF", K.ISSUANCE, 10, D(2005, 1, 10)), row("PREF", K.TRANSFER_IN, 5, D(2006, 1, 2), D(2003, 5, 7)),
            row("PREF", K.CONVERSION, -15, D(2007, 1, 5)), row("COMMON", K.CONVERSION, 63_829, D(2007, 1, 5)),
            row("D1", K.ISSUANCE, 10, D(2004, 8, 2)), row("D1", K.TRANSFER_IN, 5, D(2006, 1, 2), D(2003, 5, 7)),
            row("D1", K.EXERCISE_CASHLESS, -15, D(2007, 1, 5)), row("COMMON", K.EXERCISE_CASHLESS, 9, D(2007, 1, 5))]
    when, start, rule, _ = holder_free_date(rows, KINDS, False)
    # Conversion Shares tack to Jan 10, 2005 (the latest Preferred acquisition), the cashless Warrant
    # Shares to Aug 2, 2004: the conversion governs, Jan 10, 2005 + 2 years
    assert (when, start, rule) == (D(2007, 1, 10), D(2005, 1, 10), RULE_144K)
    (common,) = rule144_dates(_deal(*rows), "h-x")
    assert common.holding_from == D(2005, 1, 10)
    warrant_only = [r for r in rows if r.security == "D1"] + [rows[-1]]
    assert holder_free_date(warrant_only, KINDS, False)[:2] == (D(2006, 8, 2), D(2004, 8, 2))
