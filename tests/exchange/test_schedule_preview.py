"""The import preview's counts, its summary in number ("1 Holder", "2 ledger rows") with the date
as the screens write it, and the date it offers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.form_of_agreement import FORM_SECURITIES
from rra_desktop.domain.model import Deal
from rra_desktop.exchange.schedule_import import Schedule1, Schedule1Row
from rra_desktop.exchange.schedule_preview import default_issuance_date, preview
from rra_desktop.sample import load_sample_deal


def _deal(**terms) -> Deal:
    return Deal(terms=replace(load_sample_deal().terms, **terms), securities=FORM_SECURITIES)


def test_one_holder_one_row_reads_in_the_singular():
    schedule = Schedule1("one.csv", (Schedule1Row(2, "Acme Fund LP", shares=(("PREF", 10),)),))
    found = preview(_deal(), schedule, dt.date(2003, 9, 2))
    assert found.summary() == ("1 Holder added; 1 ledger row dated Tue Sep 2, 2003: 10 Convertible Preferred Stock "
                               "(1 row). No Holder already in the deal was changed.")


def test_rows_are_counted_per_class_in_the_deals_order():
    schedule = Schedule1("two.csv", (Schedule1Row(2, "Acme Fund LP", shares=(("PREF", 1), ("D1", 5))),
                                     Schedule1Row(3, "Brook L.P.", shares=(("D1", 7),))))
    found = preview(_deal(), schedule, dt.date(2003, 9, 2))
    assert [(c.code, c.rows, c.shares) for c in found.classes] == [("PREF", 1, 1), ("D1", 2, 12)]
    assert {p.on for p in found.entries.positions} == {dt.date(2003, 9, 2)}


def test_the_date_offered_is_the_closing_date_then_the_last_date_used_and_never_today():
    assert default_issuance_date(_deal(closing_date=dt.date(2004, 3, 15)))[0] == dt.date(2004, 3, 15)
    assert default_issuance_date(_deal(closing_date=None)) == (
        None, "the deal records no Closing Date: type the date the securities were issued")
    sample = load_sample_deal()  # its Schedule 1 rows are dated the Closing Date, May 7, 2003
    later = replace(sample, terms=replace(sample.terms, closing_date=dt.date(2003, 1, 2)))
    day, why = default_issuance_date(later)
    assert day == dt.date(2003, 5, 7) and "already in this deal (Wed May 7, 2003)" in why
