"""holders, deadlines, check and calendar through ``run_cli``: tables, JSON with ISO dates,
findings and their exit code, and a calendar with no confidential text."""

import dataclasses
import datetime as dt
import re
from decimal import Decimal

import pytest
from icalendar import Calendar

from rra_desktop.exchange.deal_json import write_deal_json
from rra_desktop.sample import load_sample_deal
from tests.exchange.builders import SECRET, rich_deal


@pytest.fixture
def rich_file(cli, tmp_path, deal_kind, request):
    if deal_kind == "postgresql":
        return request.getfixturevalue("server_deals").url("rich", rich_deal)
    source = tmp_path / "rich.json"
    write_deal_json(rich_deal(), source)
    path = tmp_path / "rich.rradeal"
    assert cli("import", path, source).code == 0
    return path


def test_holders_table_is_aligned_with_totals(cli, sample_file):
    result = cli("holders", sample_file, "--as-of", "2003-05-07")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "as of Wed May 7, 2003" in lines[0]
    total = next(line for line in lines if line.startswith("Total"))
    assert "444" in total and "944,681" in total and "188,936" in total and "100.0000" in total
    assert "$4,440,000" in total
    rows = lines[1:]
    assert len({len(line) for line in rows if line.strip() and not line.startswith("-")}) <= 2  # aligned columns
    assert any(line.startswith("Xmark Fund Ltd.") for line in lines)


def test_holders_json_before_the_closing_is_empty(cli, sample_file):
    data = cli("holders", sample_file, "--as-of", "2003-05-06", "--json").json()
    assert data == {"as_of": "2003-05-06", "holders": [], "totals": {
        "purchase_price": "0", "securities": dict.fromkeys(("PREF", "D1", "D2", "PAW", "COMMON"), 0),
        **dict.fromkeys(("preferred", "warrants", "common", "conversion_shares", "registrable"), 0),
        "percent": "0.0000"}}


def test_holders_json_has_exact_percent_and_ids(cli, sample_file):
    data = cli("holders", sample_file, "--as-of", "2003-06-01", "--json").json()
    xmark = next(h for h in data["holders"] if h["holder_id"] == "h-xmark-fund")
    assert xmark["securities"]["D1"] == 285_106 and isinstance(xmark["percent"], str)
    assert xmark["preferred"] == 134 and xmark["warrants"] == 2 * 285_106  # the totals by role
    # Schedule 1 whole: the notice details 7(g) uses and the purchase price
    assert xmark["fax"] == "212-247-1329" and xmark["address_lines"][0] == "152 West 57th Street, 21st Floor"
    assert xmark["attention"] and xmark["purchase_price"] == "1340000"
    assert data["totals"]["purchase_price"] == "4440000" and data["totals"]["percent"] == "100.0000"
    assert sum(Decimal(h["percent"]) for h in data["holders"]) == 100


def test_deadlines_json_every_field_with_iso_dates(cli, rich_file):
    data = cli("deadlines", rich_file, "--as-of", "2004-01-01", "--json").json()
    assert data["as_of"] == "2004-01-01"
    filing = next(d for d in data["deadlines"] if d["key"] == "filing_date")
    assert (filing["due"], filing["act_by"], filing["extended_to"], filing["in_force"]) == (
        "2003-06-21", "2003-06-20", "2003-06-23", "2003-07-07")
    assert filing["instrument"]["clause"] == "7(f)" and filing["clause"] and filing["party"] and filing["explanation"]
    for d in data["deadlines"]:
        assert set(d) >= {"key", "clause", "title", "party", "due", "act_by", "extended_to", "in_force", "status",
                          "explanation"}


def test_deadlines_table(cli, rich_file):
    result = cli("deadlines", rich_file, "--as-of", "2004-01-01")
    assert result.code == 0 and result.out.startswith("Deadlines as of Thu Jan 1, 2004\n")
    filing = next(line for line in result.out.splitlines() if "filing_date:" in line)
    assert "Mon Jul 7, 2003" in filing  # the 7(f) instrument's date, as the screens write it
    table = [line for line in result.out.splitlines() if not line.startswith("    ")]  # not the explanations
    assert "not yet triggered" in result.out and "not_yet_triggered" not in result.out  # a status in words
    assert not re.search(r"\d{4}-\d{2}-\d{2}", "\n".join(table))
    assert "Closing Date" in result.out  # the explanation line under the deadline


def test_check_sample_at_closing_has_no_findings(cli, sample_file):
    result = cli("check", sample_file, "--as-of", "2003-05-08")
    assert result.code == 0 and "No findings" in result.out


def test_check_reports_every_kind_of_finding_with_exit_1(cli, rich_file):
    result = cli("check", rich_file, "--as-of", "2004-07-01", "--json")
    assert result.code == 1
    data = result.json()
    assert data["count"] == len(data["findings"]) > 0
    areas = {f["area"] for f in data["findings"]}
    assert {"blackouts", "overdue", "assignments"} <= areas
    assert any("counsel advised" in f["message"] for f in data["findings"])  # the override reason is shown
    text = cli("check", rich_file, "--as-of", "2004-07-01")
    assert text.code == 1 and "[blackouts 3(n)]" in text.out and "[assignments 7(i)]" in text.out


def test_check_compares_the_sample_with_its_printed_totals(cli, tmp_path):
    sample = load_sample_deal()
    positions = tuple(dataclasses.replace(p, quantity=p.quantity - 1) if p.id == "p-ota-d1" else p
                      for p in sample.positions)
    source = tmp_path / "off.json"
    write_deal_json(dataclasses.replace(sample, positions=positions), source)
    assert cli("import", tmp_path / "off.rradeal", source).code == 0
    result = cli("check", tmp_path / "off.rradeal", "--as-of", "2003-05-08", "--json")
    assert result.code == 1
    [finding] = result.json()["findings"]
    assert finding["area"] == "schedule_1" and finding["subject"] == "D1" and "944,680" in finding["message"]
    text = cli("check", tmp_path / "off.rradeal", "--as-of", "2003-05-08").out
    assert "[schedule 1 " in text and "schedule_1" not in text  # the area in words, as a paralegal reads it


def test_calendar_writes_events_without_confidential_text(cli, rich_file, tmp_path):
    out = tmp_path / "deadlines.ics"
    result = cli("calendar", rich_file, "-o", out, "--as-of", "2004-01-01")
    assert result.code == 0
    text = out.read_bytes().decode("utf-8")
    assert SECRET not in text.replace("\r\n ", "")
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all(isinstance(e.decoded("DTSTART"), dt.date) for e in events)


def test_calendar_to_a_missing_folder_is_bad_input(cli, rich_file, tmp_path):
    result = cli("calendar", rich_file, "-o", tmp_path / "no" / "such" / "x.ics")
    assert result.code == 2 and "Traceback" not in result.err
