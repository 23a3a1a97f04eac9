"""The deal library window: the home view, the agenda across deals, library reminders (qtbot).

Worked dates as in tests/practice/test_agenda.py: as of Mon Jun 16, 2003, each sample deal has
the 3(a) review copies overdue (Fri Jun 13), the Filing Date due soon (Fri Jun 20, within 5
Business Days) and two Effectiveness deadlines upcoming (Tue Aug 5); with 3 Business Days the
Filing Date is upcoming.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest

from ui.qt import QFileDialog, Qt

JUNE_16 = dt.date(2003, 6, 16)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    path = tmp_path_factory.mktemp("t") / "sample.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    return path


@pytest.fixture
def deals(template, tmp_path):
    """A folder with Alpha and Beta (good) and a damaged file."""
    from rra_desktop.services.terms import edit_party
    from rra_desktop.store import DealStore

    folder = tmp_path / "deals"
    folder.mkdir()
    for name in ("Alpha Pharma", "Beta Bio"):
        path = folder / f"{name.split()[0].lower()}.rradeal"
        shutil.copyfile(template, path)
        with DealStore.open(path, backup=False) as store:
            edit_party(store, "company", dataclasses.replace(store.deal().terms.company, name=name))
    data = template.read_bytes()
    (folder / "damaged.rradeal").write_bytes(data[: len(data) // 2])
    return folder


@pytest.fixture
def practice(qtbot, settings, deals, monkeypatch):
    from ui.practice_data import PracticeData
    from ui.practice_window import PracticeWindow

    data = PracticeData(settings, today=lambda: JUNE_16)
    win = PracticeWindow(data)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(deals)))
    with qtbot.waitSignal(data.loaded):  # the library is read on a worker thread
        qtbot.mouseClick(win.home.add_folder_button, Qt.MouseButton.LeftButton)
    return win


def _rows(view):
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_adding_a_folder_lists_every_deal_and_remembers_it(practice, settings, deals, tmp_path):
    from ui import settings as cfg

    assert cfg.LIBRARY_LOCATIONS.get(settings) == [str(deals.resolve())]
    rows = _rows(practice.home)
    assert [r[0] for r in rows] == ["Alpha Pharma", "Beta Bio", "damaged.rradeal"]
    alpha = rows[0]
    assert alpha[1:5] == ["Wed May 7, 2003", "Wed May 7, 2003",
                          "Fri Jun 20, 2003: File the shelf Registration Statement (Filing Date)", "1"]
    assert alpha[6] and alpha[5]  # by whom and when the last change was made
    assert "truncated" in rows[2][7]
    assert "3 deals in the library" in practice.home.summary.text() and "1 cannot be read" in \
        practice.home.summary.text()
    practice.grab().save(str(tmp_path / "home.png"))


def test_double_click_asks_to_open_the_deal(practice, qtbot, deals):
    view = practice.home.table
    rect = view.visualRect(view.model().index(1, 0))
    with qtbot.waitSignal(practice.home.openRequested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [str((deals / "beta.rradeal").resolve())]
    with qtbot.waitSignal(practice.home.openRequested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Up)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [str((deals / "alpha.rradeal").resolve())]


def test_remove_takes_the_folder_out_of_the_library(practice, qtbot, settings):
    from ui import settings as cfg

    view = practice.home.table
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    with qtbot.waitSignal(practice.data.loaded):
        qtbot.mouseClick(practice.home.remove_button, Qt.MouseButton.LeftButton)
    assert cfg.LIBRARY_LOCATIONS.get(settings) == [] and _rows(practice.home) == []


def test_agenda_filters_by_horizon_party_and_deal(practice, qtbot, tmp_path):
    agenda = practice.agenda
    practice.tabs.setCurrentWidget(agenda)
    rows = _rows(agenda)
    assert [r[0] for r in rows] == ["Overdue", "Overdue", "Due soon", "Due soon"] + ["Upcoming"] * 4
    assert rows[2][1:4] == ["Fri Jun 20, 2003", "Alpha Pharma", "1, 2, 3(a)"]
    assert "cannot be read" in agenda.summary.text()
    agenda.horizon.clear()
    qtbot.keyClicks(agenda.horizon, "3")
    assert [r[0] for r in _rows(agenda)].count("Due soon") == 0
    agenda.party_box.setCurrentText("Holders")
    assert _rows(agenda) == []
    agenda.party_box.setCurrentText("All parties")
    agenda.deal_box.setCurrentText("Beta Bio")
    assert {r[2] for r in _rows(agenda)} == {"Beta Bio"} and len(_rows(agenda)) == 4
    practice.grab().save(str(tmp_path / "agenda.png"))


def test_agenda_sorts_by_a_column_and_exports_what_it_shows(practice, qtbot, tmp_path, monkeypatch):
    from icalendar import Calendar
    from openpyxl import load_workbook

    agenda = practice.agenda
    header = agenda.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, 2))
    deals_shown = [r[2] for r in _rows(agenda)]
    assert deals_shown == sorted(deals_shown)
    target = tmp_path / "agenda.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(agenda.xlsx_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    assert sheet["A1"].value == "Agenda as of 2003-06-16"
    assert [c.value for c in sheet[2]][:3] == ["When", "In force", "Deal"]
    assert [sheet.cell(r, 3).value for r in range(3, 11)] == deals_shown
    assert sheet.cell(3, 2).value.date() in (dt.date(2003, 6, 13), dt.date(2003, 6, 20), dt.date(2003, 8, 5))
    ics = tmp_path / "agenda.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(ics), "")))
    qtbot.mouseClick(agenda.ics_button, Qt.MouseButton.LeftButton)
    assert len(list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))) == 8


def _section_center(header, section):
    from ui.qt import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_library_reminders_notify_once_then_each_new_item(qtbot, settings, deals, template):
    from ui.practice_data import LibraryReminders, PracticeData, add_location

    add_location(settings, str(deals))
    data = PracticeData(settings, today=lambda: JUNE_16)
    reminders = LibraryReminders(data, None, lambda: str((deals / "alpha.rradeal").resolve()))
    with qtbot.waitSignal(data.loaded):
        data.reload()
    assert reminders.notified == ["RRA Desk: the deal library — 1 overdue, 1 due within 5 Business Days, "
                                  "across 1 other deal"]
    shutil.copyfile(deals / "beta.rradeal", deals / "gamma.rradeal")
    with qtbot.waitSignal(data.loaded):
        data.reload()
    assert len(reminders.notified) == 3 and reminders.notified[1].startswith("Overdue: Beta Bio")


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints\(\))")
def test_the_main_window_opens_the_library_and_a_deal_from_it(window, qtbot, settings, deals, monkeypatch):
    from ui.practice_data import add_location
    from ui.practice_window import open_from_library, show_library

    add_location(settings, str(deals))
    library = show_library(window)
    qtbot.waitExposed(library)
    qtbot.waitUntil(lambda: not library.data.busy)
    assert [r[0] for r in _rows(library.home)][:2] == ["Alpha Pharma", "Beta Bio"]
    assert open_from_library(window, str(deals / "beta.rradeal")) is True
    assert window.context.deal().terms.company.name == "Beta Bio"
