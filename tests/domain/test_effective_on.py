""""When was this statement effective" is answered once (``registration_facts.effective_on``):
the Eastern date of the effectiveness order, for the engine, the 7(d) shelf test and the letters."""

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import RegistrationKind, RegistrationStatement
from rra_desktop.domain.piggyback import shelf_covering_all
from rra_desktop.domain.registration_facts import effective_on, filed_on
from rra_desktop.sample import load_sample_deal

PACIFIC = ZoneInfo("America/Los_Angeles")
# declared effective Tue Jul 15, 2003 at 10:30 p.m. in California: 1:30 a.m. Wed Jul 16 in New York
LATE_IN_CALIFORNIA = dt.datetime(2003, 7, 15, 22, 30, tzinfo=PACIFIC)


def _shelf(**kw):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-1", shares_registered=9_999_999,
                                 filed_at=dt.datetime(2003, 6, 20, 10), **kw)


def test_the_eastern_date_of_the_order():
    assert effective_on(_shelf()) is None
    assert effective_on(_shelf(effective_at=dt.datetime(2003, 7, 15, 16))) == dt.date(2003, 7, 15)  # naive: Eastern
    assert effective_on(_shelf(effective_at=LATE_IN_CALIFORNIA)) == dt.date(2003, 7, 16)
    assert filed_on(_shelf()) == dt.date(2003, 6, 20)


def test_the_engine_and_the_7d_shelf_test_read_the_same_day():
    deal = replace(load_sample_deal(), registrations=(_shelf(effective_at=LATE_IN_CALIFORNIA),))
    notice = {d.key: d for d in compute_deadlines(deal, dt.date(2003, 7, 16))}["notice_of_effectiveness:rs-1"]
    assert notice.trigger_date == dt.date(2003, 7, 16)
    assert shelf_covering_all(deal, dt.date(2003, 7, 15)) == ""  # not yet effective that day in New York
    assert "covers all" in shelf_covering_all(deal, dt.date(2003, 7, 16))
