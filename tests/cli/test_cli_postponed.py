"""The command line after the second reading: with a blackout from Tue Jun 10, 2003 postponing the
filing, ``check`` on Mon Jun 23 does not report the Filing Date (act by Fri Jun 20) overdue, and
``deadlines --json`` shows the postponed date with the blackout that set it."""

import dataclasses
import datetime as dt

from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, BlackoutScope
from rra_desktop.exchange.deal_json import write_deal_json
from rra_desktop.sample import load_sample_deal

BLACKOUT = BlackoutPeriod("b-1", dt.date(2003, 6, 10), dt.date(2003, 6, 29), BlackoutBasis.MNPI, "talks",
                          postpones=BlackoutScope.FILING)


def _file(cli, new_target, tmp_path):
    source, path = tmp_path / "b.json", new_target(tmp_path / "b.rradeal")
    write_deal_json(dataclasses.replace(load_sample_deal(), blackouts=(BLACKOUT,)), source)
    assert cli("import", path, source).code == 0
    return path


def test_check_does_not_report_the_postponed_filing_date(cli, new_target, tmp_path):
    path = _file(cli, new_target, tmp_path)
    result = cli("check", path, "--as-of", "2003-06-23", "--json")
    assert not [f for f in result.json()["findings"] if f["subject"] == "filing_date"]


def test_deadlines_json_shows_the_postponement(cli, new_target, tmp_path):
    path = _file(cli, new_target, tmp_path)
    rows = {d["key"]: d for d in cli("deadlines", path, "--as-of", "2003-06-23", "--json").json()["deadlines"]}
    filing = rows["filing_date"]
    assert (filing["act_by"], filing["in_force"]) == ("2003-06-20", "2003-06-30")
    assert filing["postponed_by"] == {"blackout_id": "b-1", "start": "2003-06-10", "clause": "3(n)"}
    assert filing["late_by"] is None
