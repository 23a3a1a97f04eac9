"""A deal on the firm's server in the deal-file windows (qtbot, a real server deal): the audit
window names the deal, its database and its server and verifies its trail; File ▸ Restore backup…
lists the backups of the library's files holding the same deal and puts the chosen one's deal in
place as one undoable action; File ▸ New deal makes a deal on a library server."""

from __future__ import annotations

import re

import pytest

from rra_desktop.sample import load_sample_deal
from ui.qt import QDialogButtonBox, Qt


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


def _menu_action(window, menu: int, text: str):
    return next(a for a in window.menuBar().actions()[menu].menu().actions() if a.text() == text)


def _open_server_deal(window, url: str) -> None:
    from ui.file_actions import switch_to

    assert switch_to(window, url) is True


def test_the_audit_window_names_the_server_deal_and_verifies_it(qtbot, window, server_deals, tmp_path):
    url = server_deals.url("sample", load_sample_deal)
    _open_server_deal(window, url)
    db = re.search(r"/(t_[0-9_]+)\?", url)[1]
    from ui import deal_file_dialogs

    deal_file_dialogs.show_audit(window)
    dialog = window.audit_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == f"Audit trail — deal deal in {db} on this computer"
    head = window.context.store.trail_head()
    assert dialog.head.text() == f"Head digest: {head}" and dialog.table.rowCount() == int(head.split(":")[0])
    assert dialog.table.item(0, 2).text() == "rra_admin"  # the database user
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("Intact")
    dialog.grab().save(str(tmp_path / "server-audit.png"))


def test_restore_puts_a_backup_of_the_same_deal_in_place_and_undo_takes_it_back(qtbot, window, settings,
                                                                                   server_deals, tmp_path):
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder
    from rra_desktop.store import DealStore
    from rra_desktop.store.copying import copy_deal
    from ui.practice_data import add_location

    folder = tmp_path / "deals"
    folder.mkdir()
    path = folder / "spectrum.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    with DealStore.open(path) as store:  # the open makes a backup of the deal as it was made
        add_holder(store, Holder("h-later", "Later Fund"))
    add_location(settings, str(folder))
    url = server_deals.fresh_url("spectrum")
    copy_deal(str(path), url)  # the server deal is the same deal (its UUID), with "Later Fund"
    _open_server_deal(window, url)
    assert "h-later" in {h.id for h in window.context.deal().holders}

    _menu_action(window, 0, "Restore &backup…").trigger()
    dialog = window.restore_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle().startswith("Restore into the deal spectrum in t_")
    assert "keeps no backup copies of its own" in dialog.findChildren(type(dialog.error))[0].text()
    assert dialog.list.count() == 1 and "/deals/.backups/spectrum." in dialog.list.item(0).toolTip()
    dialog.grab().save(str(tmp_path / "server-restore.png"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()
    holders = {h.id for h in window.context.deal().holders}
    assert "h-later" not in holders and len(holders) == len(load_sample_deal().holders)
    assert "now holds the deal of spectrum." in window.statusBar().currentMessage()
    store = window.context.store
    assert store.verify_audit().ok and store.audit_entries()[-1].action.startswith("Restore backup spectrum.")
    window.context.undo_stack.undo()  # the restore is one recorded action
    assert "h-later" in {h.id for h in window.context.deal().holders}

    # a file that is not a verified deal is refused in the dialog, the deal left as it is
    bad = tmp_path / "bad.rradeal"
    bad.write_bytes(path.read_bytes()[:4096])
    _menu_action(window, 0, "Restore &backup…").trigger()
    dialog = window.restore_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.choose_file(str(bad))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text().startswith("bad.rradeal was not restored")
    assert "h-later" in {h.id for h in window.context.deal().holders}
    dialog.reject()


def test_new_deal_on_a_library_server(qtbot, window, settings, server_deals, tmp_path, monkeypatch):
    from rra_desktop.store.server import ServerStore
    from tests.ui.test_new_deal import _fill
    from ui import file_actions
    from ui.practice_data import add_connection

    url = server_deals.fresh_url("unused")
    connection = url.split("&deal=")[0]
    add_connection(settings, "Firm deals", connection)  # the password goes to the password file
    monkeypatch.setattr(file_actions, "_save_path", lambda *a, **k: pytest.fail("no file is asked for"))
    dialog = file_actions.new_deal(window)
    assert dialog.where.isVisible() and not dialog.server_name.isEnabled()
    dialog.where.setFocus()
    qtbot.keyClick(dialog.where, Qt.Key.Key_Down)  # "on the server Firm deals"
    assert dialog.where.currentText() == "on the server Firm deals" and dialog.server_name.isEnabled()
    _fill(qtbot, dialog)
    assert dialog.server_name.text() == "acme-biologics-inc"  # proposed from the Company's name
    dialog.grab().save(str(tmp_path / "new-on-server.png"))
    dialog.server_name.selectAll()
    qtbot.keyClicks(dialog.server_name, "Acme 2004!")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "cannot name a deal on the server" in dialog.error_text()
    dialog.server_name.selectAll()
    qtbot.keyClicks(dialog.server_name, "acme-2004")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error_text()
    qtbot.waitUntil(lambda: isinstance(window.context.store, ServerStore), timeout=20_000)
    store = window.context.store
    assert store.path.deal == "acme-2004" and "Firm" not in str(store.path) and "secret" not in str(store.path)
    assert window.context.deal().terms.company.name == "Acme Biologics, Inc."
    assert store.verify_audit().ok and store.audit_entries()[0].action == "Create deal"

    # the same name again: refused by the server, one dialog, the open deal stays
    shown = []
    monkeypatch.setattr("ui.errors.show_error", lambda _p, title, exc, **k: shown.append(f"{title}: {exc}"))
    dialog = file_actions.new_deal(window)
    dialog.where.setCurrentIndex(1)
    _fill(qtbot, dialog)
    dialog.server_name.setText("acme-2004")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "a deal named acme-2004 already exists there" in shown[0] and window.context.store is store


def test_the_library_makes_a_new_deal_on_the_selected_rows_server(qtbot, window, settings, server_deals, tmp_path):
    from rra_desktop.store.server import ServerStore
    from tests.ui.test_new_deal import _fill
    from ui.practice_data import add_connection
    from ui.practice_window import show_library

    url = server_deals.url("sample", load_sample_deal)
    add_connection(settings, "Firm deals", url.split("&deal=")[0])
    add_connection(settings, "Elsewhere", url.split("&deal=")[0].replace("/t_", "/other_"))
    library = show_library(window)
    qtbot.waitUntil(lambda: not library.data.busy, timeout=20_000)
    view = library.home.table
    row = next(r for r in range(view.model().rowCount())
               if view.model().index(r, 0).data() == "Spectrum Pharmaceuticals, Inc.")
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(library.home.new_deal_button, Qt.MouseButton.LeftButton)
    dialog = window.new_deal_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.where.currentText() == "on the server Firm deals"  # the selected row's server
    _fill(qtbot, dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error_text()
    qtbot.waitUntil(lambda: isinstance(window.context.store, ServerStore), timeout=20_000)
    assert window.context.store.path.deal == "acme-biologics-inc"
    qtbot.waitUntil(lambda: not library.data.busy, timeout=20_000)
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert "Acme Biologics, Inc." in names and "Spectrum Pharmaceuticals, Inc." in names
    library.grab().save(str(tmp_path / "library-new-deal.png"))
