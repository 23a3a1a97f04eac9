"""Every file the product writes is 0600 and every folder it makes 0700, under umask 022; a
logged letter is never overwritten, and the notice log says which files changed or went missing."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from reports.batch import write_batch
from reports.catalog import build_letters
from reports.cli import run_reports_cli
from reports.letters import NoticeRequest
from rra_desktop.cli import run_cli
from rra_desktop.outputs import OutputRefused, private_target, unused_path, write_private
from rra_desktop.store import DealStore
from tests.reports.conftest import letter_deal


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def letter_file(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, letter_deal()).close()
    return path


def test_the_helper_writes_0600_and_makes_folders_0700(tmp_path, umask_022):
    tmp_path.chmod(0o755)
    target = write_private(tmp_path / "a" / "b" / "c.txt", "confidential")
    assert mode(target) == 0o600 and mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700
    assert mode(tmp_path) == 0o755  # a folder that was there already is left as it was
    target.chmod(0o644)
    write_private(target, "again")  # replacing a file makes it private too
    assert mode(target) == 0o600 and target.read_text() == "again"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = write_private(tmp_path / "c.txt", "old")
    with pytest.raises(RuntimeError), private_target(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("writer failed")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["c.txt"]
    with pytest.raises(OutputRefused, match=r"cannot write /proc/x\.txt"):
        write_private("/proc/x.txt", "x")


@pytest.mark.parametrize(("argv", "name"), [
    (("export", "{deal}", "-o", "{out}/deal.json"), "deal.json"),
    (("calendar", "{deal}", "-o", "{out}/deadlines.ics", "--as-of", "2004-01-01"), "deadlines.ics"),
])
def test_core_exports_are_private(letter_file, tmp_path, umask_022, capsys, argv, name):
    (tmp_path / "out").mkdir()
    assert run_cli([a.format(deal=letter_file, out=tmp_path / "out") for a in argv]) == 0, capsys.readouterr().err
    assert mode(tmp_path / "out" / name) == 0o600


@pytest.mark.parametrize("kind", ["register", "blackout-ledger"])
def test_reports_are_private(letter_file, tmp_path, umask_022, kind):
    out = tmp_path / "reports" / f"{kind}.pdf"
    assert run_reports_cli(["report", kind, str(letter_file), "--as-of", "2004-01-01", "-o", str(out)]) == 0
    assert mode(out) == 0o600 and mode(out.parent) == 0o700


def test_register_exports_are_private(tmp_path, umask_022):
    from rra_desktop.exchange.register_export import export_register

    for name in ("register.csv", "register.xlsx"):
        export_register(letter_deal(), tmp_path / name, dt.date(2004, 1, 1))
        assert mode(tmp_path / name) == 0o600


def test_letters_and_the_combined_pdf_are_private(tmp_path, umask_022):
    deal = letter_deal()
    request = NoticeRequest("piggyback", dt.datetime(2003, 9, 1, 10), holder_ids=tuple(h.id for h in deal.holders[:3]))
    result = write_batch(build_letters(deal, request), tmp_path / "Notices", "2003-09-01")
    assert result.combined is not None and mode(result.combined) == 0o600
    assert all(mode(m.path) == 0o600 for m in result.made) and mode(tmp_path / "Notices") == 0o700


def test_a_logged_letter_is_never_overwritten(letter_file, tmp_path, capsys):
    out = tmp_path / "exa.pdf"
    argv = ["notice", "notice-of-effectiveness", str(letter_file), "--sent-at", "2003-06-23T10:00", "-o", str(out)]
    assert run_reports_cli(argv) == 0
    first = out.read_bytes()
    assert run_reports_cli(argv) == 0
    err = capsys.readouterr().err
    assert out.read_bytes() == first  # the letter that was sent is still the letter that was sent
    assert (tmp_path / "exa (2).pdf").exists() and "exa.pdf is a logged notice and is kept" in err
    store = DealStore.open(letter_file, read_only=True)
    names = sorted(n.file_name for n in store.deal().notices)
    store.close()
    assert names == ["exa (2).pdf", "exa.pdf"]


def test_a_draft_not_logged_may_be_replaced(tmp_path):
    draft = write_private(tmp_path / "draft.pdf", b"draft")
    assert unused_path(draft, lambda _p: False) == draft
    assert unused_path(draft, lambda p: p == draft) == tmp_path / "draft (2).pdf"


def test_notices_verify_names_changed_and_missing_files(letter_file, tmp_path, cli):
    folder = tmp_path / "Notices"
    for i, when in enumerate(("2003-06-23T10:00", "2003-06-24T10:00", "2003-06-25T10:00")):
        assert run_reports_cli(["notice", "notice-of-effectiveness", str(letter_file), "--sent-at", when,
                                "-o", str(folder / f"exa-{i}.pdf")]) == 0
    assert cli("notices", letter_file, "--verify").code == 0  # the deal's own Notices folder is searched
    (folder / "exa-1.pdf").write_bytes(b"%PDF- altered")
    (folder / "exa-2.pdf").unlink()
    result = cli("notices", letter_file, "--verify")
    assert result.code == 1
    lines = result.out.splitlines()
    assert "exa-0.pdf: intact" in lines[0]
    assert lines[0].startswith("  notice of effectiveness to ") and " sent Mon Jun 23, 2003 10:00 a.m.: " in lines[0]
    assert "exa-1.pdf: CHANGED since it was logged" in lines[1]
    assert "exa-2.pdf: MISSING" in lines[2]
    assert "2 of 3 logged files changed or missing" in result.out


def test_discarding_refused_letters_never_deletes_a_logged_file(letter_file, tmp_path):
    from reports.batch import discard
    from rra_desktop.notice_files import keeper

    out = tmp_path / "exa.docx"
    assert run_reports_cli(["notice", "notice-of-effectiveness", str(letter_file), "--sent-at", "2003-06-23T10:00",
                            "--docx", "-o", str(out)]) == 0
    sent = out.read_bytes()
    draft = write_private(tmp_path / "exa.pdf", b"%PDF- a draft whose logging was refused")
    store = DealStore.open(letter_file, read_only=True)
    deal = store.deal()
    store.close()
    discard([draft, draft.with_suffix(".docx")], keeper(deal))  # the .docx is the logged letter
    assert not draft.exists() and out.read_bytes() == sent
