"""Server deals in the GUI (qtbot): a named connection added in the deal library lists the
server's deals (its password in libpq's password file, never in the settings), a double-click
opens one in the main window, and an edit refused because someone else changed the record meanwhile
reloads the deal and says so."""

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


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints\(\))")  # offscreen
def test_a_server_deal_opens_from_the_library_and_a_stale_edit_reloads_it(qtbot, window, settings, server_deal,
                                                                          monkeypatch):
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.pgpass import save_password
    from rra_desktop.store.server import ServerStore
    from ui.dialogs.holder_dialog import HolderDialog
    from ui.practice_window import open_from_library
    from ui.tabs.holders import HoldersTab

    url, bare = server_deal
    save_password(bare, "admin-secret")
    assert open_from_library(window, bare) is True  # the password from the password file
    store = window.context.store
    assert isinstance(store, ServerStore) and "admin-secret" not in window.windowTitle()
    assert window.windowTitle().endswith("— deal")

    tab = next(window.tabs.widget(i).tab for i in range(window.tabs.count())
               if isinstance(window.tabs.widget(i).tab, HoldersTab))
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count()) if window.tabs.widget(i).tab is tab))
    first = window.context.deal().holders[0]
    with ServerStore.open(url) as other:  # someone else changes the same Holder meanwhile
        update_holder(other, dataclasses.replace(first, notes="called by a colleague"))
    view = tab.table
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    assert tab.current().holder.id == first.id
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
    assert f"holders {first.id} was changed by rra_admin at" in seen["error"] and "reloaded" in seen["error"]
    assert "The deal was reloaded" in window.statusBar().currentMessage()
    now = next(h for h in window.context.deal().holders if h.id == first.id)
    assert now.notes == "called by a colleague" and now.name == first.name  # what is there now, nothing lost
    assert next(r.holder for r in tab.model.rows() if r.holder.id == first.id).notes == "called by a colleague"
