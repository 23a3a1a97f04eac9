"""Deadlines to iCalendar, as Outlook imports the same file again and again: UIDs from the deal
file's UUID, SEQUENCE/LAST-MODIFIED advanced only on a change, removed deadlines CANCELLED, done
items left out, Holders named, nothing confidential; each file read back by a second parser."""

import dataclasses
import datetime as dt

import pytest
import vobject
from icalendar import Calendar

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.exchange.ics_export import (
    MASK,
    build_calendar,
    deadlines_calendar,
    export_ics,
    export_store_calendar,
)
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore
from tests.exchange.builders import SECRET, rich_deal

AS_OF = dt.date(2004, 1, 1)
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
LATER = dt.datetime(2024, 2, 1, 9, 0, 0, tzinfo=dt.UTC)
UUID = "0b7f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70"


@pytest.fixture(scope="module")
def deal():
    return rich_deal()


@pytest.fixture(scope="module")
def deadlines(deal):
    return compute_deadlines(deal, AS_OF)


def _events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def _by_key(data: bytes) -> dict:
    """The events as the second parser (vobject) reads them, by deadline key."""
    cal = vobject.readOne(data.decode("utf-8"))
    assert cal.method.value == "PUBLISH"
    return {e.uid.value.split(".")[0]: e for e in cal.vevent_list}


def _open(deadlines):
    return [dataclasses.replace(d, status=DeadlineStatus.OPEN) if d.status == DeadlineStatus.DONE else d
            for d in deadlines]


def test_one_private_all_day_event_per_dated_open_deadline(deal, deadlines, tmp_path):
    result = export_ics(deal, tmp_path / "d.ics", AS_OF, deal_uuid=UUID)
    events = _by_key((tmp_path / "d.ics").read_bytes())
    dated = [d for d in deadlines if d.in_force is not None and d.status.value not in ("done", "waived")]
    assert set(events) == {d.key for d in dated} == set(result.keys) and len(dated) >= 3
    for d in dated:
        event = events[d.key]
        assert event.dtstart.value == d.in_force and not isinstance(event.dtstart.value, dt.datetime)  # all-day
        assert event.dtend.value == d.in_force + dt.timedelta(days=1)
        assert d.clause in event.summary.value and f"Clause {d.clause}" in event.description.value
        assert event.contents["class"][0].value == "PRIVATE" and event.status.value == "CONFIRMED"
        assert event.sequence.value == "0" and event.uid.value == f"{d.key}.{UUID}@rra-desk"
    assert (result.new, result.changed, result.cancelled) == (len(dated), 0, 0)


def test_extended_deadline_is_on_the_instruments_date_and_names_it(deal, deadlines):
    event = _by_key(deadlines_calendar(deal, _open(deadlines), STAMP))["filing_date"]
    text = event.description.value
    assert event.dtstart.value == dt.date(2003, 7, 7)
    assert "Due (as written): 2003-06-21" in text and "act by: 2003-06-20" in text
    assert "extended to (NY GCL §25): 2003-06-23" in text
    assert "Set by extension of 2003-06-15 under 7(f)" in text


def test_uids_survive_any_edit_of_the_deal_and_never_collide(deal, deadlines):
    first = set(_by_key(deadlines_calendar(deal, deadlines, STAMP, deal_uuid=UUID)))
    edited = dataclasses.replace(deal, terms=dataclasses.replace(deal.terms, title="Renamed agreement"),
                                 holders=tuple(dataclasses.replace(h, name=h.name + " II") for h in deal.holders))
    uids = {e.uid.value for e in _by_key(deadlines_calendar(edited, compute_deadlines(edited, AS_OF), LATER,
                                                              deal_uuid=UUID)).values()}
    assert uids == {f"{k}.{UUID}@rra-desk" for k in first}
    other = {str(e["UID"]) for e in _events(deadlines_calendar(deal, deadlines, STAMP, deal_uuid="another"))}
    assert not uids & other


def test_a_moved_date_advances_sequence_and_last_modified_of_that_event_only(deal, deadlines):
    first = build_calendar(deal, deadlines, deal_uuid=UUID, stamp=STAMP)
    moved = [dataclasses.replace(d, in_force=dt.date(2004, 6, 22)) if d.key == "indemnity_fee_payment:c-1:2" else d
             for d in deadlines]
    second = build_calendar(deal, moved, deal_uuid=UUID, previous=first.state, stamp=LATER)
    events = _by_key(second.ics)
    fee = events["indemnity_fee_payment:c-1:2"]
    assert fee.sequence.value == "1" and fee.last_modified.value == LATER and fee.dtstart.value == dt.date(2004, 6, 22)
    untouched = events["earnings_statement:rs-1"]
    assert untouched.sequence.value == "0" and untouched.last_modified.value == STAMP
    assert (second.new, second.changed, second.cancelled) == (0, 1, 0)
    again = build_calendar(deal, moved, deal_uuid=UUID, previous=second.state, stamp=LATER + dt.timedelta(days=1))
    assert again.ics.replace(b"DTSTAMP:20240202", b"DTSTAMP:20240201") == second.ics  # nothing changed


def test_a_deadline_that_no_longer_exists_is_cancelled_not_dropped(deal, deadlines):
    first = build_calendar(deal, deadlines, deal_uuid=UUID, stamp=STAMP)
    gone = [d for d in deadlines if d.key != "earnings_statement:rs-1"]
    second = build_calendar(deal, gone, deal_uuid=UUID, previous=first.state, stamp=LATER)
    event = _by_key(second.ics)["earnings_statement:rs-1"]
    assert event.status.value == "CANCELLED" and event.sequence.value == "1"
    assert event.dtstart.value == dt.date(2004, 11, 12) and event.summary.value.startswith("Cancelled: ")
    assert not hasattr(event, "valarm") and second.cancelled == 1
    third = build_calendar(deal, gone, deal_uuid=UUID, previous=second.state, stamp=LATER)
    assert _by_key(third.ics)["earnings_statement:rs-1"].sequence.value == "1" and third.cancelled == 0


def test_done_items_are_left_out_unless_already_on_the_calendar_then_marked(deal, deadlines):
    assert "filing_date" not in _by_key(deadlines_calendar(deal, deadlines, STAMP))
    first = build_calendar(deal, _open(deadlines), deal_uuid=UUID, stamp=STAMP)
    second = build_calendar(deal, deadlines, deal_uuid=UUID, previous=first.state, stamp=LATER)
    event = _by_key(second.ics)["filing_date"]
    assert event.summary.value.startswith("Done: File the shelf") and event.sequence.value == "1"
    assert not hasattr(event, "valarm")


def test_every_holder_entry_names_its_holder(deal, deadlines):
    events = _by_key(deadlines_calendar(deal, _open(deadlines), STAMP))
    ota = next(h.name for h in deal.holders if h.id == "h-ota")
    for d in deadlines:
        if d.holder_id and d.key in events:
            assert ota in events[d.key].summary.value and f"Holder: {ota}" in events[d.key].description.value


def test_alarm_two_business_days_before_at_nine_skipping_the_fourth_of_july(deal, deadlines):
    # Monday Jul 7, 2003: two Business Days before is Wednesday Jul 2 (Fri Jul 4 is a holiday)
    event = _by_key(deadlines_calendar(deal, _open(deadlines), STAMP))["filing_date"]
    trigger = event.valarm.trigger.value
    assert dt.datetime(2003, 7, 7) + trigger == dt.datetime(2003, 7, 2, 9, 0)
    assert event.valarm.action.value == "DISPLAY"
    one = _by_key(deadlines_calendar(deal, _open(deadlines), STAMP, alarm_business_days=1))["filing_date"]
    assert dt.datetime(2003, 7, 7) + one.valarm.trigger.value == dt.datetime(2003, 7, 3, 9, 0)
    none = _by_key(deadlines_calendar(deal, _open(deadlines), STAMP, alarm_business_days=None))["filing_date"]
    assert not hasattr(none, "valarm")


def test_nothing_confidential_in_any_field(deal, deadlines):
    text = Calendar.from_ical(deadlines_calendar(deal, _open(deadlines), STAMP)).to_ical().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert SECRET not in unfolded and "Doe v. OTA" not in unfolded and MASK in unfolded
    # Even a deadline whose working quoted the reason is masked before it is written.
    leaky = [dataclasses.replace(d, explanation=f"because {SECRET}", title=f"{d.title} {SECRET}")
             for d in deadlines]
    unfolded = deadlines_calendar(deal, leaky, STAMP).decode("utf-8").replace("\r\n ", "")
    assert SECRET not in unfolded and "ZEBRA" not in unfolded


def test_the_deal_file_keeps_its_uuid_and_the_last_export(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    with DealStore.open(path) as store:
        uuid = store.deal_uuid()
        first = export_store_calendar(store, tmp_path / "a.ics", dt.date(2003, 6, 1))
    with DealStore.open(path) as store:
        assert store.deal_uuid() == uuid
        second = export_store_calendar(store, tmp_path / "b.ics", dt.date(2003, 6, 1))
    assert first.new > 0 and (second.new, second.changed, second.cancelled) == (0, 0, 0)
    assert all(e.uid.value.endswith(f".{uuid}@rra-desk") for e in _by_key((tmp_path / "b.ics").read_bytes()).values())
    with DealStore.open(path, read_only=True) as store:  # read-only: exports, keeps nothing
        export_store_calendar(store, tmp_path / "c.ics", dt.date(2003, 6, 1))
    other = tmp_path / "e.rradeal"
    DealStore.create(other, load_sample_deal()).close()
    with DealStore.open(other, read_only=True) as store:
        assert store.deal_uuid() != uuid
