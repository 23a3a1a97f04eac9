"""The deal library reads on a worker thread (qtbot): a named connection whose server accepts the
connection and then says nothing (the case that used to freeze the window for the whole connection
timeout) shows "Listing deals on NAME…" at once, the window goes on answering clicks meanwhile,
and once the timeout passes the row says why the server cannot be listed; the deal files of the
library are listed before it."""

from __future__ import annotations

import datetime as dt
import itertools
import socket
import time

import pytest

from ui.qt import QTimer

TIMEOUT = 4  # libpq's connect_timeout for the silent server, in seconds


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


@pytest.fixture
def silent_server():
    """A local TCP port that accepts connections and never answers (a hung or firewalled server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def _rows(view):
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_server_that_does_not_answer_leaves_the_window_responsive(qtbot, settings, silent_server, tmp_path):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from ui.practice_data import PracticeData, add_connection, add_location
    from ui.practice_window import PracticeWindow

    folder = tmp_path / "deals"
    folder.mkdir()
    DealStore.create(folder / "spectrum.rradeal", load_sample_deal()).close()
    add_location(settings, str(folder))
    add_connection(settings, "Silent server",
                   f"postgresql://rra@127.0.0.1:{silent_server}/firm?connect_timeout={TIMEOUT}")
    data = PracticeData(settings, today=lambda: dt.date(2003, 6, 16))
    win = PracticeWindow(data)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    ticks = []
    timer = QTimer(win)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)

    started = time.monotonic()
    qtbot.mouseClick(win.home.refresh_button, qtbot_button())
    assert time.monotonic() - started < 2.0  # the click returns at once (the read has not even begun)
    qtbot.waitUntil(lambda: any(r[0] == "Spectrum Pharmaceuticals, Inc." for r in _rows(win.home)), timeout=5000)
    rows = _rows(win.home)
    assert rows[-1][0] == "Listing deals on Silent server…" and data.busy
    assert "reading…" in win.home.summary.text()
    win.grab().save(str(tmp_path / "library-listing.png"))
    # the window answers meanwhile: a tab click switches, the agenda already shows the file deal's items
    qtbot.mouseClick(win.tabs.tabBar(), qtbot_button(), pos=win.tabs.tabBar().tabRect(1).center())
    assert win.tabs.currentWidget() is win.agenda and win.agenda.model.rowCount() == 4
    with qtbot.waitSignal(data.loaded, timeout=(TIMEOUT + 10) * 1000):
        pass
    took = time.monotonic() - started
    assert took >= TIMEOUT - 0.5
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # the event loop went on all along: a read on the GUI thread would stop it for the whole timeout
    assert len(ticks) > 10 and max(gaps) < TIMEOUT - 1
    qtbot.mouseClick(win.tabs.tabBar(), qtbot_button(), pos=win.tabs.tabBar().tabRect(0).center())
    rows = _rows(win.home)
    assert rows[0][0] == "Spectrum Pharmaceuticals, Inc." and len(rows) == 2
    assert rows[1][3].startswith("Cannot be read")
    assert "The server connection Silent server cannot be listed" in rows[1][7] and "cannot be reached" in rows[1][7]
    assert "timeout" in rows[1][7]
    assert "reading…" not in win.home.summary.text()
    win.grab().save(str(tmp_path / "library-unreachable.png"))


def qtbot_button():
    from ui.qt import Qt

    return Qt.MouseButton.LeftButton


def test_the_library_folders_are_walked_on_the_worker_and_a_location_gone_is_listed_last(qtbot, settings, tmp_path,
                                                                                       monkeypatch):
    """A folder on a network share that does not answer would hold the walk: it is the worker's,
    never the GUI thread's (the real walk, watched for the thread it runs on)."""
    import threading

    from rra_desktop.practice import library
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from ui.practice_data import PracticeData, add_location

    folder, gone = tmp_path / "deals", tmp_path / "moved away"
    folder.mkdir()
    DealStore.create(folder / "spectrum.rradeal", load_sample_deal()).close()
    add_location(settings, str(folder))
    add_location(settings, str(gone))
    walked_on: list[bool] = []
    real_walk = library.deal_locations
    monkeypatch.setattr(library, "deal_locations",
                        lambda paths: walked_on.append(threading.current_thread() is threading.main_thread())
                        or real_walk(paths))
    data = PracticeData(settings, today=lambda: dt.date(2003, 6, 16))
    with qtbot.waitSignal(data.loaded, timeout=10000):
        data.reload()
        assert walked_on.count(True) == 0  # reload() returned without walking a folder
    assert len(walked_on) == 2 and not any(walked_on)
    names = [e.name for e in data.entries]
    assert names[0] == "Spectrum Pharmaceuticals, Inc." and data.entries[-1].location == str(gone.resolve())
    assert "no longer exists (moved or deleted?)" in data.entries[-1].problem
