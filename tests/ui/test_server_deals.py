"""Server deals in the GUI (qtbot): a named connection added in the deal library lists the
server's deals (its password in libpq's password file, never in the settings), a double-click
opens one in the main window (on a worker), and an edit refused because someone else changed the
record meanwhile reloads the deal off the GUI thread and says so: the window goes on while the
server is slow (``tests.pg.HeldLink``), the views keep the deal as read until the new read is in,
Cancel or a server that does not answer keeps it (one dialog), the undo history is kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat

import pytest

from rra_desktop.sample import load_sample_deal
from ui.qt import QApplication, QDialogButtonBox, Qt, QTimer


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


@pytest.fixture
def server_deal(server_deals):
    """The sample deal on the test server: (its URL with the password, the same without one)."""
    url = server_deals.url("sample", load_sample_deal)
    return url, url.replace("rra_admin:admin-secret@", "rra_admin@")


def _rows(view):
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_named_connection_lists_the_servers_deals_and_keeps_no_password(qtbot, settings, server_deal,
                                                                          tmp_path):
    from ui import settings as cfg
    from ui.practice_data import PracticeData
    from ui.practice_window import PracticeWindow

    _, bare = server_deal
    win = PracticeWindow(PracticeData(settings, today=lambda: dt.date(2003, 6, 16)))
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(win.home.add_server_button, Qt.MouseButton.LeftButton)
    dialog = win.home.server_dialog
    qtbot.keyClicks(dialog.name, "Firm deals")
    qtbot.keyClicks(dialog.url, bare.split("&deal=")[0])
    qtbot.keyClicks(dialog.password, "admin-secret")
    with qtbot.waitSignal(win.data.loaded):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    kept = cfg.CONNECTIONS.get(settings)
    settings.sync()
    assert kept == [f"Firm deals\t{bare.split('&deal=')[0]}"]
    assert "admin-secret" not in (tmp_path / "settings.ini").read_text()
    pgpass = tmp_path / "pgpass"
    assert pgpass.read_text().rstrip().endswith(":rra_admin:admin-secret")
    assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600
    rows = _rows(win.home)
    assert [r[0] for r in rows] == ["Spectrum Pharmaceuticals, Inc."]
    assert rows[0][3].startswith("Fri Jun 20, 2003") and rows[0][4] == "1" and rows[0][6] == "rra_admin"
    assert rows[0][7] == bare  # the deal's address, no password
    win.grab().save(str(tmp_path / "home-with-server.png"))

    # the connection's name alone is refused; a server that cannot be reached is a line saying why
    qtbot.mouseClick(win.home.add_server_button, Qt.MouseButton.LeftButton)
    dialog = win.home.server_dialog
    qtbot.keyClicks(dialog.name, "Elsewhere")
    qtbot.keyClicks(dialog.url, "http://example.com")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "not a server address" in dialog.error.text()
    dialog.url.setText(bare.split("&deal=")[0].replace("host=", f"host={tmp_path}/no-server-"))
    with qtbot.waitSignal(win.data.loaded):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    rows = _rows(win.home)
    assert len(rows) == 2 and "The server connection Elsewhere cannot be listed" in rows[1][7]
    assert "cannot be reached" in rows[1][7]

    # removing a server's deal from the library removes its connection (and its password line)
    view = win.home.table
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    with qtbot.waitSignal(win.data.loaded):
        qtbot.mouseClick(win.home.remove_button, Qt.MouseButton.LeftButton)
    assert [c.split("\t")[0] for c in cfg.CONNECTIONS.get(settings)] == ["Elsewhere"]
    assert "admin-secret" not in pgpass.read_text()


def _holders_tab(window):
    from ui.tabs.holders import HoldersTab

    tab = next(window.tabs.widget(i).tab for i in range(window.tabs.count())
               if isinstance(window.tabs.widget(i).tab, HoldersTab))
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count()) if window.tabs.widget(i).tab is tab))
    return tab


def _open_through(qtbot, window, location: str) -> None:
    from rra_desktop.store.server import ServerStore
    from ui.practice_window import open_from_library
    from ui.tasks import BackgroundTask

    task = open_from_library(window, location)  # the password from the password file
    assert isinstance(task, BackgroundTask)
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert isinstance(window.context.store, ServerStore)
    assert window.context.store.path == location.replace(":admin-secret@", ":***@")


def _stale_edit(qtbot, window, url: str, link=None) -> tuple:
    """Someone else changes the first Holder; then this window renames it in the Holder dialog
    (``link`` held from then on). Returns the Holder as first read, and what the dialog said."""
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.server import ServerStore
    from ui.dialogs.holder_dialog import HolderDialog

    tab = _holders_tab(window)
    first = window.context.deal().holders[0]
    with ServerStore.open(url) as other:
        update_holder(other, dataclasses.replace(first, notes="called by a colleague"))
    view = tab.table
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    assert tab.current().holder.id == first.id
    if link is not None:
        link.hold()
    seen = {}

    def rename():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HolderDialog)
        dialog.name.setText(first.name + " (renamed)")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["error"] = dialog.general_error.text()
        dialog.reject()

    QTimer.singleShot(0, rename)
    tab.edit_holder()
    return first, seen["error"]


def _notes(window, holder_id: str) -> str:
    return next(h.notes for h in window.context.deal().holders if h.id == holder_id)


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints\(\))")  # offscreen
def test_a_server_deal_opens_from_the_library_and_a_stale_edit_reloads_it_off_the_gui_thread(
        qtbot, window, server_deal, held_link, tmp_path):
    from rra_desktop.services import Refused
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.pgpass import save_password
    from rra_desktop.store.server import ServerStore
    from tests.ui.test_server_windows import grab_over, ticking

    url, bare = server_deal
    through = held_link.url(bare, connect_timeout=10)
    save_password(through, "admin-secret")
    _open_through(qtbot, window, through)
    store = window.context.store
    assert "admin-secret" not in window.windowTitle() and window.windowTitle().endswith("— deal")
    second = window.context.deal().holders[1]
    window.context.perform(update_holder, dataclasses.replace(second, notes="mine"))  # one edit to undo later

    first, error = _stale_edit(qtbot, window, url, held_link)
    assert f"holders {first.id} was changed by rra_admin at" in error and "reloaded" in error
    task = window.context.reread_task
    timer, ticks = ticking(qtbot)
    qtbot.waitUntil(lambda: held_link.waiting == 1, timeout=10_000)  # the new read waits for the server
    qtbot.wait(600)
    assert len(ticks) >= 5 and not task.over and held_link.waiting == 1
    qtbot.waitUntil(task.dialog.isVisible, timeout=5_000)
    assert task.dialog.windowTitle() == "Reading deal again"
    assert task.dialog.labelText() == "Connecting to the server on this computer…"
    assert _notes(window, first.id) != "called by a colleague"  # the views keep what they showed
    grab_over(window, task.dialog, tmp_path / "server-reloading.png")
    with pytest.raises(Refused, match="being read again from the server"):  # never on a deal about to go
        window.context.perform(update_holder, dataclasses.replace(second, notes="too soon"))
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.release()
    timer.stop()
    assert "The deal was reloaded" in window.statusBar().currentMessage()
    fresh = window.context.store
    assert isinstance(fresh, ServerStore) and fresh is not store and fresh.path == store.path
    now = next(h for h in window.context.deal().holders if h.id == first.id)
    assert now.notes == "called by a colleague" and now.name == first.name  # what is there now, nothing lost
    tab = _holders_tab(window)
    assert next(r.holder for r in tab.model.rows() if r.holder.id == first.id).notes == "called by a colleague"
    assert window.context.undo_stack.count() == 1  # the same deal: its undo history still applies
    window.context.undo_stack.undo()
    assert _notes(window, second.id) == second.notes


def test_cancel_of_the_reload_keeps_the_deal_as_read_and_closes_the_new_store(qtbot, window, server_deal, held_link):
    from rra_desktop.services.holders import update_holder
    from ui.qt import QPushButton

    url, _ = server_deal
    _open_through(qtbot, window, held_link.url(url, connect_timeout=10))
    store = window.context.store
    kept_open = held_link.open  # the connections of the open deal's store
    held_link.hold_query("seq, hash, state")  # the server is slow to answer the new read of the deal
    first, error = _stale_edit(qtbot, window, url)
    assert "was not saved" in error
    task = window.context.reread_task
    qtbot.waitUntil(lambda: held_link.queries_held == 1, timeout=10_000)
    qtbot.waitUntil(task.dialog.isVisible, timeout=10_000)
    assert task.dialog.labelText() == "Reading deal again…"
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.hold_query(None)
    assert held_link.passed == kept_open + 1  # the new store was opened, then
    qtbot.waitUntil(lambda: held_link.open == kept_open, timeout=10_000)  # closed
    assert window.context.store is store
    assert _notes(window, first.id) == first.notes  # the deal as it was read
    assert window.statusBar().currentMessage().startswith("The deal was not read again")
    # the next change reads the deal afresh and goes in
    window.context.perform(update_holder, dataclasses.replace(window.context.deal().holders[1], notes="next"))
    assert _notes(window, first.id) == "called by a colleague" and window.context.store is store


def test_a_reload_the_server_does_not_answer_is_one_dialog_and_the_deal_stays(qtbot, window, server_deal,
                                                                               held_link, monkeypatch):
    from tests.ui.test_server_windows import message_boxes, ticking

    url, _ = server_deal
    _open_through(qtbot, window, held_link.url(url, connect_timeout=2))
    store = window.context.store
    shown = message_boxes(monkeypatch)
    first, error = _stale_edit(qtbot, window, url, held_link)  # held until libpq gives up
    assert "The deal has been reloaded; make the change again" in error
    task = window.context.reread_task
    timer, ticks = ticking(qtbot)
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    timer.stop()
    assert len(ticks) >= 10
    assert len(shown) == 1 and shown[0][0] == "Cannot read the server deal again"
    assert "the deal server cannot be reached" in shown[0][1]
    assert window.context.store is store and _notes(window, first.id) == first.notes


def test_an_undo_the_server_refuses_reads_the_deal_again_off_the_gui_thread(qtbot, window, server_deal, held_link):
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.server import ServerStore

    url, _ = server_deal
    _open_through(qtbot, window, held_link.url(url, connect_timeout=10))
    first = window.context.deal().holders[0]
    window.context.perform(update_holder, dataclasses.replace(first, notes="mine"))
    with ServerStore.open(url) as other:  # someone else changes the same Holder after that edit
        theirs = next(h for h in other.deal().holders if h.id == first.id)
        update_holder(other, dataclasses.replace(theirs, notes="theirs"))
    held_link.hold()
    undo = next(a for a in window.menuBar().actions()[1].menu().actions() if a.text().startswith("&Undo"))
    assert undo.isEnabled()
    undo.trigger()  # Edit ▸ Undo: refused by the server
    task = window.context.reread_task
    qtbot.waitUntil(lambda: held_link.waiting == 1, timeout=10_000)
    assert not task.over and _notes(window, first.id) == "mine"  # shown as read until the new read is in
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.release()
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot undo “") and "has been changed since" in message
    assert _notes(window, first.id) == "theirs" and window.context.undo_stack.count() == 0
    assert not undo.isEnabled()
