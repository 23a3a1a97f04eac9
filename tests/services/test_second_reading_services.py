"""Services after the second reading: the recorded cutback breaks ties by name as the screen
does; "mark done" records the date given (and the time), never today."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

import pytest

from rra_desktop.domain.model import Holder, PiggybackRequest, RegistrationKind, RegistrationStatement
from rra_desktop.sample import load_sample_deal
from rra_desktop.services import Refused
from rra_desktop.services import registrations as reg_service
from rra_desktop.services import timeline as timeline_service
from rra_desktop.store import DealStore

D = dt.date


@pytest.fixture
def sample_store(tmp_path):
    deal = load_sample_deal()
    alpha = Holder("h-z-alpha", "Alpha Fund LLC")  # its id sorts after OTA's; its name before
    reg = RegistrationStatement("rs-2", RegistrationKind.COMPANY_REGISTRATION, underwritten=True)
    deal = dc.replace(deal, holders=(*deal.holders, alpha), registrations=(reg,), piggyback_requests=(
        PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 9, 20)),
        PiggybackRequest("r2", "rs-2", "h-z-alpha", 10, D(2003, 9, 20))))
    s = DealStore.create(tmp_path / "d.rradeal", deal)
    yield s
    s.close()


def test_record_cutback_breaks_the_tie_by_name(sample_store):
    reg_service.record_cutback(sample_store, "rs-2", 15)
    entry = sample_store.audit_entries()[-1]
    assert entry.reason == "OTA LLC: 7; Alpha Fund LLC: 8"


def test_mark_done_records_the_date_and_time_given(sample_store):
    timeline_service.mark_done(sample_store, "filing_date", D(2003, 6, 18), "EDGAR receipt",
                               done_at=dt.datetime(2003, 6, 18, 18, 5))
    (c,) = sample_store.deal().completions
    assert (c.done_on, c.done_at, c.document) == (D(2003, 6, 18), dt.datetime(2003, 6, 18, 18, 5), "EDGAR receipt")
    with pytest.raises(Refused) as refused:
        timeline_service.mark_done(sample_store, "filing_date", D(2003, 6, 18), "x",
                                   done_at=dt.datetime(2003, 6, 19, 9))
    assert refused.value.field == "done_at"
    with pytest.raises(Refused) as refused:
        timeline_service.mark_done(sample_store, "filing_date", D(2003, 6, 18), " ", require_document=True)
    assert refused.value.field == "document"
