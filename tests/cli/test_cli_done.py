"""``done`` marks an obligation done from the command line: a 7(p) or 3(c)(C) obligation is logged
as the notice sent (time and 7(g) method required), any other recorded as a completion."""

from __future__ import annotations

from rra_desktop.store import DealStore
from tests.reports.conftest import letter_deal

EXHIBIT_A = "notice_of_effectiveness:rs-1"


def _file(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, letter_deal()).close()
    return path


def test_done_logs_the_7p_notice(cli, tmp_path):
    path = _file(tmp_path)
    result = cli("done", path, EXHIBIT_A, "--on", "2003-06-23", "--at", "2003-06-23T17:30", "--method", "fax",
                 "--document", "fax confirmation")
    assert result.code == 0, result.err
    assert "logged the 7(p) notice sent on Mon Jun 23, 2003" in result.out
    deadlines = cli("deadlines", path, "--as-of", "2003-07-01", "--json").json()["deadlines"]
    exhibit = next(d for d in deadlines if d["key"] == EXHIBIT_A)
    assert exhibit["status"] == "done" and exhibit["done_on"] == "2003-06-23"
    with DealStore.open(path, read_only=True) as store:
        (n,) = store.deal().notices
        assert store.deal().completions == () and n.method == "fax"
        assert n.deemed_given_on.isoformat() == "2003-06-24"  # a fax after 5:00 p.m.: the next Business Day


def test_done_refuses_a_notice_without_its_method_and_an_unknown_key(cli, tmp_path):
    path = _file(tmp_path)
    result = cli("done", path, EXHIBIT_A, "--on", "2003-06-23", "--at", "2003-06-23T09:00")
    assert result.code == 2 and "how the 7(p) notice was sent" in result.err and "Traceback" not in result.err
    result = cli("done", path, "notice_of_effectiveness:nope", "--on", "2003-06-23")
    assert result.code == 2 and "not a deadline of this deal" in result.err
    result = cli("done", path, EXHIBIT_A, "--on", "2003-06-23", "--at", "23 June", "--method", "fax")
    assert result.code == 2 and "YYYY-MM-DDTHH:MM" in result.err
    with DealStore.open(path, read_only=True) as store:
        assert store.deal().notices == () and store.deal().completions == ()


def test_done_records_a_completion_for_another_obligation(cli, tmp_path):
    path = _file(tmp_path)
    assert cli("done", path, "filing_date", "--on", "2003-06-11", "--document", "EDGAR receipt").code == 0
    with DealStore.open(path, read_only=True) as store:
        (c,) = store.deal().completions
        assert (c.deadline_key, c.done_on.isoformat(), c.document) == ("filing_date", "2003-06-11", "EDGAR receipt")
        assert store.deal().notices == ()
