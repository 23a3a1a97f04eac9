"""The deal file in the window: a refused open leaves the current deal (or an empty start screen,
never the sample), side files are explained and the user chooses, File ▸ Restore backup…, and
the audit view shows the head digest and verifies."""

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import add_holder
from rra_desktop.store import DealStore
from rra_desktop.store.side_files import any_left
from ui.qt import QMessageBox, Qt


def _damaged(tmp_path):
    bad = tmp_path / "bad.rradeal"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 200)
    return bad


def test_a_refused_open_keeps_the_deal_that_is_open(qtbot, window, tmp_path, monkeypatch):
    from ui import errors, file_actions

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, exc: shown.append(str(exc)))
    before = window.context.store
    bad = _damaged(tmp_path)
    data = bad.read_bytes()
    assert file_actions.switch_to(window, bad) is False
    assert window.context.store is before and not before.read_only
    assert shown and "bad.rradeal" in shown[0]
    assert bad.read_bytes() == data


def test_a_refused_deal_at_start_up_shows_an_empty_start_screen_not_the_sample(qtbot, tmp_path, monkeypatch):
    from ui import app, errors
    from ui.settings import open_settings

    monkeypatch.setattr(errors, "show_error", lambda *a: None)
    made = []
    monkeypatch.setattr(app, "ensure_sample_copy", lambda *a: made.append(1))
    store = app._initial_store(None, open_settings(tmp_path / "s.ini"), str(_damaged(tmp_path)))
    try:
        assert made == [] and store.read_only and store.scratch
        assert store.deal().terms.title == "No deal open" and not store.deal().holders
    finally:
        store.close()


def _crashed_mid_write(path):
    script = textwrap.dedent("""
        import os, sqlite3, sys
        con = sqlite3.connect(sys.argv[1], isolation_level=None)
        con.execute("PRAGMA cache_size = 1"); con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE holders SET notes = hex(randomblob(3000))")
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)


def test_a_side_file_is_explained_and_applied_only_when_the_user_says(qtbot, window, tmp_path, monkeypatch):
    from ui import file_actions

    other = tmp_path / "other.rradeal"
    shutil.copyfile(window.context.store.path, other)
    with DealStore.open(other, read_only=True) as s:
        expected = s.deal()
    _crashed_mid_write(other)
    asked = []

    def answer(box, *a):
        asked.append(box.text())
        box.buttons()
        apply = next(b for b in box.buttons() if b.text() == "&Apply")
        box.setProperty("clicked", True)
        apply.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: asked.append(a[2])))
    assert file_actions.switch_to(window, other) is True
    assert "other.rradeal-journal" in asked[0] and "interrupted" in asked[0]
    assert window.context.store.path == other and window.context.deal() == expected
    assert any_left(other) == [] and any("applied" in a for a in asked[1:])


def test_cancel_on_a_side_file_keeps_the_current_deal(qtbot, window, tmp_path, monkeypatch):
    from ui import file_actions

    other = tmp_path / "other.rradeal"
    shutil.copyfile(window.context.store.path, other)
    _crashed_mid_write(other)
    before = window.context.store
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *a: 0)  # closed: no choice
    assert file_actions.switch_to(window, other) is False
    assert window.context.store is before
    assert Path(f"{other}-journal").exists()  # left exactly as found


def test_restore_backup_from_the_file_menu(qtbot, window):

    path = Path(window.context.store.path)
    window.context.store.close()
    with DealStore.open(path) as store:  # the open makes the backup of the deal as it was
        add_holder(store, Holder("h-after", "After Fund"))
    window.context.set_store(DealStore.open(path))
    assert "h-after" in {h.id for h in window.context.deal().holders}
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Restore &backup…")
    action.trigger()
    dialog = window.restore_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.list.count() == 2  # newest first: the deal with "h-after", then the deal as it was made
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "h-after" not in {h.id for h in window.context.deal().holders}, timeout=30_000)
    assert not window.context.read_only and window.context.store.path == path
    assert window.context.store.verify_audit().ok


def test_the_audit_view_shows_the_head_digest_and_verifies(qtbot, window):
    from ui import deal_file_dialogs

    deal_file_dialogs.show_audit(window)
    dialog = window.audit_dialog
    qtbot.waitUntil(dialog.isVisible)
    head = window.context.store.trail_head()
    assert dialog.head.text() == f"Head digest: {head}" and dialog.table.rowCount() == int(head.split(":")[0])
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("Intact")
    con = sqlite3.connect(window.context.store.path)
    con.execute("UPDATE holders SET name = 'Edited outside' WHERE seq = 1")
    con.commit()
    con.close()
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("BROKEN at holders")
    dialog.grab().save(str(Path(window.context.store.path).with_name("audit.png")))


def test_read_only_on_the_command_line_reads_a_deal_someone_is_editing(qtbot, tmp_path, deal_store):
    from ui import app
    from ui.settings import open_settings

    assert app._parse(["--read-only", str(deal_store.path)]).read_only
    store = app._initial_store(None, open_settings(tmp_path / "s.ini"), str(deal_store.path), read_only=True)
    try:
        assert store.read_only and store.deal() == deal_store.deal()
    finally:
        store.close()
