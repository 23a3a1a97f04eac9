"""Deadlines to iCalendar: one all-day event per dated deadline on the date in force, stable
UIDs, the clause and the instrument in the description, and never a confidential reason."""

import dataclasses
import datetime as dt

import pytest
from icalendar import Calendar

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.exchange.ics_export import MASK, deadlines_calendar, export_ics
from tests.exchange.builders import SECRET, rich_deal

AS_OF = dt.date(2004, 1, 1)
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def deal():
    return rich_deal()


@pytest.fixture(scope="module")
def deadlines(deal):
    return compute_deadlines(deal, AS_OF)


def _events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_all_day_event_per_dated_deadline(deal, deadlines, tmp_path):
    path = export_ics(deal, tmp_path / "d.ics", AS_OF)
    events = _events(path.read_bytes())
    dated = [d for d in deadlines if d.in_force is not None]
    assert len(events) == len(dated) > 5
    by_uid = {str(e["UID"]).split(".")[0]: e for e in events}
    for d in dated:
        event = by_uid[d.key]
        start = event.decoded("DTSTART")
        assert start == d.in_force and not isinstance(start, dt.datetime)  # all-day
        assert event.decoded("DTEND") == d.in_force + dt.timedelta(days=1)
        assert d.title in str(event["SUMMARY"]) and f"({d.clause})" in str(event["SUMMARY"])
        assert f"Clause {d.clause}" in str(event["DESCRIPTION"])


def test_extended_deadline_is_on_the_instruments_date_and_names_it(deal, deadlines):
    filing = next(d for d in deadlines if d.key == "filing_date")
    assert filing.in_force == dt.date(2003, 7, 7) and filing.due == dt.date(2003, 6, 21)
    event = next(e for e in _events(deadlines_calendar(deal, deadlines, STAMP))
                 if str(e["UID"]).startswith("filing_date."))
    text = str(event["DESCRIPTION"])
    assert event.decoded("DTSTART") == dt.date(2003, 7, 7)
    assert "Due (as written): 2003-06-21" in text and "act by: 2003-06-20" in text
    assert "extended to (NY GCL §25): 2003-06-23" in text
    assert "Set by extension of 2003-06-15 under 7(f)" in text


def test_uids_are_stable_and_unique(deal, deadlines):
    first = [str(e["UID"]) for e in _events(deadlines_calendar(deal, deadlines, STAMP))]
    again = [str(e["UID"]) for e in _events(deadlines_calendar(deal, compute_deadlines(deal, AS_OF)))]
    assert first == again and len(set(first)) == len(first)
    other = dataclasses.replace(deal, terms=dataclasses.replace(deal.terms, title="Another deal"))
    assert not set(first) & {str(e["UID"]) for e in _events(deadlines_calendar(other, deadlines, STAMP))}


def test_confidential_reason_never_appears(deal, deadlines):
    assert SECRET not in deadlines_calendar(deal, deadlines, STAMP).decode("utf-8")
    # Even a deadline whose working quoted the reason is masked before it is written.
    leaky = [dataclasses.replace(d, explanation=f"because {SECRET}", title=f"{d.title} {SECRET}")
             for d in deadlines]
    text = Calendar.from_ical(deadlines_calendar(deal, leaky, STAMP)).to_ical().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert SECRET not in unfolded and "ZEBRA" not in unfolded and MASK in unfolded
