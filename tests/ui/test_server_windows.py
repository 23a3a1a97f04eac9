"""A deal on the firm's server in the deal-file windows (qtbot, a real server deal): the audit
window names the deal, its database and its server and verifies its trail; File ▸ Restore backup…
lists the backups of the library's files holding the same deal and puts the chosen one's deal in
place as one undoable action; File ▸ New deal makes a deal on a library server. A server deal opens
on a worker (File ▸ Open recent, a deal handed over by a second start): the window goes on while
the server is slow to answer (``tests.pg.HeldLink``), Cancel closes the half-opened store and keeps
the open deal, a server that does not answer is one dialog."""

from __future__ import annotations

import re

import pytest

from rra_desktop.sample import load_sample_deal
from tests.ui.test_open_large_deal import _closed
from ui.qt import QDialogButtonBox, Qt


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


def _menu_action(window, menu: int, text: str):
    return next(a for a in window.menuBar().actions()[menu].menu().actions() if a.text() == text)


def _open_server_deal(qtbot, window, url: str) -> None:
    from rra_desktop.store.server import ServerStore
    from ui.file_actions import switch_to
    from ui.tasks import BackgroundTask

    task = switch_to(window, url)
    assert isinstance(task, BackgroundTask)
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert isinstance(window.context.store, ServerStore)


def test_the_audit_window_names_the_server_deal_and_verifies_it(qtbot, window, server_deals, tmp_path):
    url = server_deals.url("sample", load_sample_deal)
    _open_server_deal(qtbot, window, url)
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
    _open_server_deal(qtbot, window, url)
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


# -- opening a server deal off the GUI thread (a held link is a server that is slow to answer) ----------
def ticking(qtbot):
    """A timer on the GUI thread, and the list its ticks go into: it grows only while the GUI
    thread is free to run its events."""
    from ui.qt import QTimer

    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    return timer, ticks


def message_boxes(monkeypatch) -> list[tuple[str, str]]:
    """The title and text of every message box shown (and answered at once) from now on."""
    from ui.qt import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)
    return shown


def grab_over(window, dialog, path) -> None:
    """The window with ``dialog`` painted where it shows over it, as a PNG."""
    from ui.qt import QPainter, QPoint

    image = window.grab()
    painter = QPainter(image)
    painter.drawPixmap(dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)), dialog.grab())
    painter.end()
    image.save(str(path))


def held_open(qtbot, window, url: str, link):
    """Open ``url`` through File ▸ Open recent while ``link`` holds its connection: the running
    task, once its worker waits for the server."""
    from ui import settings as cfg
    from ui.menus import fill_recent

    link.hold()
    cfg.add_recent(window.settings, url)
    fill_recent(window)
    window.recent_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: link.waiting == 1, timeout=10_000)
    return running(window)


def running(window):
    """The one task of ``window`` still running."""
    from ui.tasks import BackgroundTask

    tasks = [t for t in window.findChildren(BackgroundTask) if not t.over]
    assert len(tasks) == 1
    return tasks[0]


def bare(url: str) -> str:
    """``url`` without its password, which then comes from the password file."""
    from rra_desktop.store.pgpass import save_password

    without = url.replace("rra_admin:admin-secret@", "rra_admin@")
    save_password(without, "admin-secret")
    return without


def test_a_server_deal_opens_on_a_worker_while_the_window_goes_on(qtbot, window, server_deals, held_link, tmp_path):
    from rra_desktop.store.server import ServerStore

    url = bare(held_link.url(server_deals.url("sample", load_sample_deal), connect_timeout=10))
    before = window.context.store
    timer, ticks = ticking(qtbot)
    task = held_open(qtbot, window, url, held_link)
    qtbot.wait(600)  # the worker waits for the server all this time
    assert len(ticks) >= 5 and held_link.waiting == 1 and not task.over
    qtbot.waitUntil(task.dialog.isVisible, timeout=5_000)
    assert task.dialog.windowTitle() == "Opening deal"
    assert task.dialog.labelText() == "Connecting to the server on this computer…"
    assert window.context.store is before and window.context.deal().holders  # the open deal still reads
    grab_over(window, task.dialog, tmp_path / "server-connecting.png")
    held_link.hold_query("audit_head")  # then the server is slow to answer the deal's first read
    held_link.release()
    qtbot.waitUntil(lambda: held_link.queries_held == 1, timeout=10_000)
    qtbot.waitUntil(lambda: task.dialog.labelText() == "Reading deal…", timeout=5_000)
    ticks.clear()
    qtbot.wait(300)
    assert len(ticks) >= 3 and not task.over and window.context.store is before
    grab_over(window, task.dialog, tmp_path / "server-reading.png")
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.hold_query(None)
    timer.stop()
    store = window.context.store
    assert isinstance(store, ServerStore) and store.path == url
    assert window.context.deal().holders == load_sample_deal().holders
    assert window.windowTitle().endswith("— deal") and _closed(before)
    assert not task.dialog.isVisible()


def test_cancel_closes_the_half_opened_server_store_and_keeps_the_open_deal(qtbot, window, server_deals, held_link):
    from ui.qt import QPushButton

    url = held_link.url(server_deals.url("sample", load_sample_deal), connect_timeout=10)
    before = window.context.store
    task = held_open(qtbot, window, url, held_link)
    qtbot.waitUntil(task.dialog.isVisible, timeout=5_000)
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    assert not task.dialog.isVisible()  # the window is the paralegal's again at once
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.release()  # the server answers after all: the store is opened, then closed
    assert held_link.passed == 1
    qtbot.waitUntil(lambda: held_link.open == 0, timeout=10_000)  # its connection is closed
    assert window.context.store is before and not _closed(before)
    assert window.context.deal().holders == load_sample_deal().holders  # and no dialog was shown


def test_a_server_that_does_not_answer_is_one_dialog_and_the_open_deal_stays(qtbot, window, server_deals,
                                                                               held_link, monkeypatch):
    url = held_link.url(server_deals.url("sample", load_sample_deal), connect_timeout=2)
    before = window.context.store
    shown = message_boxes(monkeypatch)
    timer, ticks = ticking(qtbot)
    task = held_open(qtbot, window, url, held_link)  # never released: libpq gives up after 2 seconds
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    timer.stop()
    assert len(ticks) >= 20  # the 2 seconds of waiting were the GUI thread's to use
    assert len(shown) == 1 and shown[0][0] == "Cannot open the server deal"
    assert "the deal server cannot be reached" in shown[0][1] and "check the address" in shown[0][1]
    assert window.context.store is before and not _closed(before)
    assert window.context.deal().holders == load_sample_deal().holders and held_link.passed == 0


def test_a_server_deal_handed_over_by_a_second_start_opens_on_a_worker(qtbot, window, server_deals, held_link):
    from rra_desktop.store.server import ServerStore
    from ui.app import open_handed_over
    from ui.tasks import BackgroundTask

    url = bare(held_link.url(server_deals.url("sample", load_sample_deal)))
    before = window.context.store
    held_link.hold()
    open_handed_over(window, url)  # returns at once: the worker waits for the server
    task = running(window)
    qtbot.waitUntil(lambda: held_link.waiting == 1, timeout=10_000)
    assert window.context.store is before and not task.over
    with qtbot.waitSignal(task.done, timeout=20_000):
        held_link.release()
    store = window.context.store
    assert isinstance(store, ServerStore) and store.path == url
    tasks = len(window.findChildren(BackgroundTask))
    open_handed_over(window, url)  # the deal already open: only raised
    assert len(window.findChildren(BackgroundTask)) == tasks and window.context.store is store


QUIT_WHILE_CONNECTING = """
import sys
from pathlib import Path
from rra_desktop.store import DealStore
from ui.qt import QApplication, QTimer
from ui.context import DealContext
from ui.file_actions import switch_to
from ui.main_window import MainWindow
from ui.settings import open_settings

app = QApplication([])
window = MainWindow(DealContext(DealStore.open(Path(sys.argv[1]))), open_settings(Path(sys.argv[2])))
window.show()
task = switch_to(window, sys.argv[3])
QTimer.singleShot(1500, window.close)  # the paralegal gives up and closes the window
QTimer.singleShot(1600, app.quit)
sys.exit(app.exec())
"""


def test_the_program_ends_cleanly_when_closed_while_a_server_connects(server_deals, held_link, tmp_path):
    import os
    import subprocess
    import sys
    import time

    from rra_desktop.store import DealStore

    path = tmp_path / "open.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    url = held_link.url(server_deals.url("sample", load_sample_deal), connect_timeout=60)
    held_link.hold()  # the server never answers while the program runs
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", QUIT_WHILE_CONNECTING, str(path), str(tmp_path / "s.ini"), url],
                          capture_output=True, text=True, timeout=50,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "Destroyed while thread" not in done.stderr and time.monotonic() - started < 40
    assert held_link.passed == 0 and held_link.waiting == 1  # it was still connecting when it ended


START_ON_LAST_SERVER_DEAL = """
import sys
from ui.qt import QApplication, QTimer
import ui.app

app = QApplication([sys.argv[0]])
seen = []

def poll():
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"), None)
    if window is not None:
        seen.append(type(window.context.store).__name__)
        if seen[-1] == "ServerStore":
            print("first:", seen[0], "| then:", seen[-1], "|", window.windowTitle(), flush=True)
            window.close()
            app.quit()
            return
    QTimer.singleShot(50, poll)

QTimer.singleShot(0, poll)
QTimer.singleShot(30_000, app.quit)
sys.exit(ui.app.run_gui(sys.argv[1:]))
"""


def test_a_start_whose_last_deal_is_a_server_deal_shows_the_window_and_opens_it_on_a_worker(server_deals, tmp_path):
    import os
    import subprocess
    import sys
    import uuid

    from ui.settings import LAST_DEAL, open_settings

    url = server_deals.url("sample", load_sample_deal)
    ini = tmp_path / "s.ini"
    settings = open_settings(ini)
    LAST_DEAL.set(settings, url)
    settings.sync()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "USER": f"rra-test-{uuid.uuid4().hex[:8]}"}
    done = subprocess.run([sys.executable, "-c", START_ON_LAST_SERVER_DEAL, "--settings", str(ini)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    # the window showed the empty start screen first, then the server deal came in; the sample was
    # never opened for editing in its place (no copy of it was made)
    assert "first: DealStore | then: ServerStore | Spectrum" in done.stdout, done.stdout
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.rradeal"))


def test_the_server_deal_a_start_opens(tmp_path):
    from ui.app import server_deal_to_open
    from ui.settings import LAST_DEAL, open_settings

    url = "postgresql://rra@db.firm.example/deals?deal=spectrum"
    settings = open_settings(tmp_path / "s.ini")
    assert server_deal_to_open(settings, None) is None  # a first start: the sample
    assert server_deal_to_open(settings, url) == url  # asked for on the command line
    LAST_DEAL.set(settings, url)
    assert server_deal_to_open(settings, None) == url  # the last deal open
    assert server_deal_to_open(settings, str(tmp_path / "deal.rradeal")) is None  # a file asked for wins
