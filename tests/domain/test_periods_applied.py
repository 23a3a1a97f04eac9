"""The periods shown read-only in Deal settings are the ones the engine computes with."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.periods_applied import PERIODS_APPLIED
from rra_desktop.sample import load_sample_deal


def _periods() -> dict[str, str]:
    return {what.split(":")[0]: period for _clause, what, period in PERIODS_APPLIED}


def test_the_table_names_the_filing_and_effectiveness_periods_the_engine_uses():
    deal = load_sample_deal()
    closing = dt.date(2003, 5, 9)
    deal = dataclasses.replace(deal, terms=dataclasses.replace(deal.terms, closing_date=closing))
    found = {d.kind: d for d in compute_deadlines(deal, dt.date(2003, 5, 12))}
    assert found["filing_date"].due == closing + dt.timedelta(days=45) and "45 days" in _periods()["Filing Date"]
    assert found["effectiveness_date"].due == closing + dt.timedelta(days=90)
    assert "90 days" in _periods()["Effectiveness Date"]
    assert "at most 20 consecutive days, and 40 days" in _periods()["Blackout Period"]
    assert _periods()["The Indemnified Party's fees and expenses paid"].startswith("10 Business Days")
