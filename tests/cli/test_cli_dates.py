"""What the commands print for a person writes dates as the screens and letters do ("Mon Jun 23,
2003"); ``--json``, the .ics file and file names keep ISO dates for programs."""

from __future__ import annotations

import re

import pytest

from rra_desktop.cli_views import fmt_at, fmt_stamp
from rra_desktop.store import DealStore
from tests.reports.conftest import letter_deal

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
EXHIBIT_A = "notice_of_effectiveness:rs-1"


@pytest.fixture
def noticed(cli, tmp_path):
    """A deal file whose notice log holds the 7(p) notice, faxed Mon Jun 23, 2003 at 5:30 p.m."""
    path = tmp_path / "d.rradeal"
    DealStore.create(path, letter_deal()).close()
    assert cli("done", path, EXHIBIT_A, "--on", "2003-06-23", "--at", "2003-06-23T17:30", "--method", "fax").code == 0
    return path


def test_the_notice_log_writes_when_sent_and_deemed_given_as_dates(cli, noticed):
    out = cli("notices", noticed).out
    [row] = [line for line in out.splitlines() if "fax" in line]
    # a fax after 5:00 p.m. Eastern is deemed given the next Business Day (7(g))
    assert row.startswith("Mon Jun 23, 2003 5:30 p.m.") and "Tue Jun 24, 2003" in row
    assert not ISO.search(out)


def test_the_audit_listing_writes_each_stamp_as_a_date_and_utc_time(cli, noticed):
    out = cli("audit", noticed).out
    lines = out.splitlines()
    assert re.match(r"\s+1  \w{3} \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [ap]\.m\. UTC  ", lines[0])
    assert not ISO.search(out)


def test_the_backup_list_writes_when_each_copy_was_taken(cli, noticed):
    out = cli("restore", noticed).out  # ``done`` opened the file for writing: a backup was taken first
    [first, *_] = out.splitlines()
    assert re.match(r"\s+1  \w{3} \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [ap]\.m\. UTC  trail ", first)
    assert not ISO.search(first.split("trail")[0])  # the file name after it keeps its own stamp


def test_the_calendar_message_names_its_day(cli, noticed, tmp_path):
    result = cli("calendar", noticed, "-o", tmp_path / "d.ics", "--as-of", "2003-07-01")
    assert result.code == 0 and "(deadlines as of Tue Jul 1, 2003;" in result.out
    assert "DTSTART;VALUE=DATE:2003" in (tmp_path / "d.ics").read_text()  # the file itself stays machine-dated


def test_the_json_keeps_iso_dates(cli, noticed):
    data = cli("check", noticed, "--as-of", "2003-07-01", "--json").json()
    assert data["as_of"] == "2003-07-01"


def test_stamps_read_in_utc_whatever_zone_they_were_written_in():
    assert fmt_stamp("2026-12-02T04:15:23.514253+00:00") == "Wed Dec 2, 2026 4:15:23 a.m. UTC"
    assert fmt_stamp("2003-06-23T20:30:05-04:00") == "Tue Jun 24, 2003 12:30:05 a.m. UTC"
    assert fmt_stamp("2003-06-23T12:00:00Z") == "Mon Jun 23, 2003 12:00:00 p.m. UTC"
    assert fmt_stamp("not a stamp") == "not a stamp"


def test_a_recorded_time_reads_as_the_agreement_writes_it():
    import datetime as dt

    assert fmt_at(dt.datetime(2003, 6, 23, 0, 5)) == "Mon Jun 23, 2003 12:05 a.m."
    assert fmt_at(dt.datetime(2003, 6, 23, 17, 30)) == "Mon Jun 23, 2003 5:30 p.m."
