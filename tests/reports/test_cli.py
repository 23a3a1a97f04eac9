"""``rra-desktop notice`` / ``report`` over a deal file: letters logged, 7(p) marked done."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from reports.cli import run_reports_cli
from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.store import DealStore
from tests.reports.conftest import letter_deal, pdf_text


def _deal_file(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, letter_deal()).close()
    return path


def _deal(path):
    store = DealStore.open(path, read_only=True)
    try:
        return store.deal()
    finally:
        store.close()


def test_exhibit_a_is_logged_and_marks_7p_done(tmp_path, capsys):
    path = _deal_file(tmp_path)
    out = tmp_path / "exa.pdf"
    code = run_reports_cli(["notice", "notice-of-effectiveness", str(path), "--sent-at", "2003-06-23T10:00",
                            "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    deal = _deal(path)
    [n] = deal.notices
    assert (n.kind, n.recipient, n.method) == ("notice_of_effectiveness", "U.S. Stock Transfer Corporation", "courier")
    assert n.sent_at == dt.datetime(2003, 6, 23, 10) and n.deemed_given_on == dt.date(2003, 6, 24)
    assert n.sha256 == hashlib.sha256(out.read_bytes()).hexdigest() and n.file_name == "exa.pdf"
    noe = next(d for d in compute_deadlines(deal, dt.date(2003, 6, 25)) if d.key == "notice_of_effectiveness:rs-1")
    assert noe.status == DeadlineStatus.DONE


def test_batch_to_all_holders_logs_one_notice_each(tmp_path, capsys):
    path = _deal_file(tmp_path)
    folder = tmp_path / "out"
    code = run_reports_cli(["notice", "piggyback", str(path), "--all", "--method", "fax",
                            "--sent-at", "2003-06-09T10:00", "-o", str(folder)])
    assert code == 0, capsys.readouterr().err
    deal = _deal(path)
    letters = sorted(p for p in folder.glob("*.pdf") if "combined" not in p.name)
    assert len(letters) == len(deal.holders) == len(deal.notices) == 9
    assert {n.recipient for n in deal.notices} == {h.name for h in deal.holders}
    assert {n.file_name for n in deal.notices} == {p.name for p in letters}
    # each letter's 7(d) window is now on the timeline, dated as the letter says
    windows = [d for d in compute_deadlines(deal, dt.date(2003, 6, 9)) if d.kind == "piggyback_response"]
    assert len(windows) == 9 and {d.in_force for d in windows} == {dt.date(2003, 6, 27)}
    assert "Friday, June 27, 2003" in pdf_text(str(letters[0]))


def test_bad_input_exits_2_with_a_reason(tmp_path, capsys):
    path = _deal_file(tmp_path)
    assert run_reports_cli(["notice", "blackout", str(path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "--holder" in capsys.readouterr().err
    assert run_reports_cli(["notice", "blackout", str(path), "--holder", "Nobody", "-o", str(tmp_path / "x")]) == 2
    assert "Nobody" in capsys.readouterr().err
    assert run_reports_cli(["notice", "blackout", str(tmp_path / "missing.rradeal"), "--all", "-o", "x"]) == 2
    assert run_reports_cli(["report", "calendar", str(path), "-o", str(tmp_path / "c.pdf")]) == 2
    assert "--from" in capsys.readouterr().err
    assert _deal(path).notices == ()


def test_reports_from_the_command_line(tmp_path):
    path = _deal_file(tmp_path)
    for kind in ("register", "blackout-ledger"):
        out = str(tmp_path / f"{kind}.pdf")
        assert run_reports_cli(["report", kind, str(path), "--as-of", "2003-10-01", "-o", out]) == 0
    assert run_reports_cli(["report", "calendar", str(path), "--from", "2003-06-01", "--to", "2003-12-31",
                            "-o", str(tmp_path / "cal.pdf")]) == 0
    assert "CONFIDENTIAL" in pdf_text(str(tmp_path / "blackout-ledger.pdf"))


def test_a_blackout_notice_from_the_command_line_is_logged_and_dates_the_ledger(tmp_path, capsys):
    """Logging a blackout letter also records its notice date in the ledger (a follow-up service
    called with keyword arguments): the command must finish, not die with a traceback."""
    path = _deal_file(tmp_path)
    holder = _deal(path).holders[0]
    code = run_reports_cli(["notice", "blackout", str(path), "--holder", holder.name, "--method", "courier",
                            "--sent-at", "2003-06-23T11:00", "-o", str(tmp_path / "b.pdf")])
    assert code == 0, capsys.readouterr().err
    deal = _deal(path)
    assert [n.kind for n in deal.notices] == ["blackout"]
    assert deal.blackouts[0].notice_sent_on == dt.date(2003, 6, 23)


def test_a_refused_follow_up_logs_nothing_and_leaves_no_file(tmp_path, capsys):
    """An Advice dated before its blackout starts (Sep 2) is refused by the ledger: no notice is
    logged (a logged notice can never be removed) and the letter written is deleted."""
    path = _deal_file(tmp_path)
    out = tmp_path / "advice.pdf"
    holder = _deal(path).holders[0].name
    stored = path.read_bytes()
    code = run_reports_cli(["notice", "advice", str(path), "--holder", holder, "--sent-at", "2003-07-16T11:00",
                            "-o", str(out)])
    assert code == 2
    assert path.read_bytes() == stored  # one transaction, rolled back: not a byte of the deal file moved
    assert "The Advice cannot be sent before the period starts" in capsys.readouterr().err
    deal = _deal(path)
    assert deal.notices == () and deal.blackouts[0].advice_sent_on is None
    assert not out.exists()
    folder = tmp_path / "batch"
    assert run_reports_cli(["notice", "advice", str(path), "--all", "--sent-at", "2003-07-16T11:00",
                            "-o", str(folder)]) == 2
    assert _deal(path).notices == () and list(folder.iterdir()) == []


def test_docx_output_is_named_docx_and_logged_so(tmp_path, capsys):
    path = _deal_file(tmp_path)
    code = run_reports_cli(["notice", "blackout", str(path), "--holder", _deal(path).holders[0].name, "--docx",
                            "--sent-at", "2003-09-03T10:00", "-o", str(tmp_path / "x.pdf")])
    assert code == 0, capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and (tmp_path / "x.docx").read_bytes()[:2] == b"PK"
    [n] = _deal(path).notices
    assert n.file_name == "x.docx" and n.sha256 == hashlib.sha256((tmp_path / "x.docx").read_bytes()).hexdigest()


def test_holder_by_a_unique_start_of_its_name_or_refused_with_the_candidates(tmp_path, capsys):
    from reports.letters import NoticeRefused
    from reports.recipients import find_holder

    deal = letter_deal()
    assert find_holder(deal, "xmark").id == "h-xmark-fund"
    assert find_holder(deal, "  société ").id == "h-promed-partners"
    with pytest.raises(NoticeRefused) as refused:
        find_holder(deal, "north sound legacy")
    assert "North Sound Legacy Fund LLC; North Sound Legacy International Ltd.;" in str(refused.value)
    path = _deal_file(tmp_path)
    assert run_reports_cli(["notice", "blackout", str(path), "--holder", "SCO", "--no-log",
                            "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "SCO Capital Partners LLC" in err and "SCO Financial Group LLC" in err
    assert run_reports_cli(["notice", "blackout", str(path), "--holder", "sco cap", "--no-log",
                            "--sent-at", "2003-09-03T10:00", "-o", str(tmp_path / "x.pdf")]) == 0
    assert "SCO Capital Partners LLC" in pdf_text(str(tmp_path / "x.pdf"))
