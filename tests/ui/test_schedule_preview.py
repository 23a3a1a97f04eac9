"""Import Schedule 1 shows what it will add before writing, asks the date the positions take
(the Closing Date for a first import, else the date already used), writes it all as one undoable
action and says what it added. Real files: a two-Holder CSV and a two-Holder .xlsx written here,
and the sample's 8-Holder CSV into a new deal (File ▸ New with "Import a Schedule 1")."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.exchange.schedule_files import CSV_FILE
from ui.qt import QFileDialog, QMessageBox, Qt

HEAD = ["Name", "Address", "Fax", "QIB", "Series D Preferred", "D-1 Warrants", "Purchase Price"]
ROWS = [["Acme Fund LP", "1 Main St\nNew York, NY 10001", "212-555-0100", "yes", "10", "21,277", "$100,000"],
        ["Brook Partners L.P.", "2 Elm St\nBoston, MA 02110", "617-555-0101", "no", "5", "10,638", "$50,000"]]


def _csv(tmp_path):
    import csv

    path = tmp_path / "tranche 2.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEAD, *ROWS])
    return path


def _xlsx(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEAD)
    for r in ROWS:
        sheet.append([*r[:4], int(r[4]), int(r[5].replace(",", "")), int(r[6].strip("$").replace(",", ""))])
    path = tmp_path / "tranche 2.xlsx"
    book.save(path)
    return path


@pytest.fixture
def informed(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, title, text, *a, **k: said.append(
        (title, text))))
    return said


def _open_preview(qtbot, window, path, monkeypatch):
    from ui import file_actions

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.schedule_preview = None
    file_actions.import_schedule(window)
    qtbot.waitUntil(lambda: window.schedule_preview is not None, timeout=10_000)
    return window.schedule_preview


def _cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


@pytest.mark.parametrize("make", [_csv, _xlsx], ids=["csv", "xlsx"])
def test_the_preview_shows_the_new_holders_and_rows_per_class_and_nothing_is_written(qtbot, window, tmp_path,
                                                                                      monkeypatch, make):
    before = window.context.deal()
    dialog = _open_preview(qtbot, window, make(tmp_path), monkeypatch)
    assert window.context.deal() is before or window.context.deal().holders == before.holders
    headline = dialog.headline.text()
    assert "2 new Holders, 4 ledger rows, no warnings" in headline and "Nothing has been written" in headline
    assert _cells(dialog.holders, 0) == ["Acme Fund LP", "Brook Partners L.P."]
    assert _cells(dialog.classes, 0) == ["Series D 8% Cumulative Convertible Voting Preferred Stock",
                                         "Series D-1 Warrants"]
    assert _cells(dialog.classes, 1) == ["2", "2"] and _cells(dialog.classes, 2) == ["15", "31,915"]
    assert "none changed" in dialog.changed.text()
    # the sample already holds Schedule 1 positions, dated its Closing Date: that date is offered, and why
    assert dialog.on.value() == dt.date(2003, 5, 7) and dialog.on.text() == "Wed May 7, 2003"
    assert "Schedule 1 positions already in this deal (Wed May 7, 2003)" in dialog.why.text()
    dialog.reject()
    assert window.context.deal().holders == before.holders


def test_import_takes_the_typed_date_as_one_undoable_action_and_says_what_it_added(qtbot, window, tmp_path,
                                                                                   monkeypatch, informed):
    holders_before = len(window.context.deal().holders)
    dialog = _open_preview(qtbot, window, _csv(tmp_path), monkeypatch)
    line = dialog.on.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "6/2/2003")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert dialog.on.value() == dt.date(2003, 6, 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    deal = window.context.deal()
    assert len(deal.holders) == holders_before + 2
    acme = next(h for h in deal.holders if h.name == "Acme Fund LP")
    rows = [p for p in deal.positions if p.holder_id == acme.id]
    assert {(p.security, p.quantity, p.on) for p in rows} == {("PREF", 10, dt.date(2003, 6, 2)),
                                                              ("D1", 21_277, dt.date(2003, 6, 2))}
    [(title, text)] = informed
    assert title == "Schedule 1 imported"
    assert text.startswith("2 Holders added; 4 ledger rows dated Mon Jun 2, 2003: 15 Series D 8% Cumulative")
    assert "2003-06-02" not in text and "Edit ▸ Undo" in text
    window.context.undo_stack.undo()  # one step takes the whole import back
    assert len(window.context.deal().holders) == holders_before
    assert not any(p.on == dt.date(2003, 6, 2) for p in window.context.deal().positions)


def test_a_second_import_offers_the_date_the_first_used(qtbot, window, tmp_path, monkeypatch, informed):
    import csv

    dialog = _open_preview(qtbot, window, _csv(tmp_path), monkeypatch)
    dialog.on.set_value(dt.date(2003, 6, 2))
    dialog.accept()
    path = tmp_path / "tranche 3.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEAD, ["Cedar Fund Ltd.", "3 Oak St\nChicago, IL 60601", "", "no", "1", "0", ""]])
    again = _open_preview(qtbot, window, path, monkeypatch)
    assert again.on.value() == dt.date(2003, 6, 2)
    again.reject()


def test_a_name_already_in_the_deal_is_named_and_import_is_not_offered(qtbot, window, tmp_path, monkeypatch):
    import csv

    path = tmp_path / "again.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEAD, ["Xmark Fund Ltd.", "152 West 57th Street\nNew York, NY 10019", "", "no",
                                        "1", "0", ""]])
    dialog = _open_preview(qtbot, window, path, monkeypatch)
    assert not dialog.import_button.isEnabled()
    assert "'Xmark Fund Ltd.' is already a Holder of this deal" in dialog.problem.text()
    dialog.reject()


def test_a_deal_without_closing_date_or_schedule_offers_no_date(qtbot, window, tmp_path, monkeypatch):
    from rra_desktop.domain.form_of_agreement import FORM_SECURITIES
    from rra_desktop.domain.model import Deal
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    terms = replace(load_sample_deal().terms, closing_date=None)
    store = DealStore.create(tmp_path / "bare.rradeal", Deal(terms=terms, securities=FORM_SECURITIES))
    window.context.set_store(store)
    dialog = _open_preview(qtbot, window, _csv(tmp_path), monkeypatch)
    assert dialog.on.value() is None and dialog.on.text() == ""
    assert "no Closing Date" in dialog.why.text()
    assert not dialog.import_button.isEnabled() and dialog.on.error.text() == "Enter a date."
    qtbot.keyClicks(dialog.on.line, "3/15/04")
    qtbot.keyClick(dialog.on.line, Qt.Key.Key_Tab)
    assert dialog.import_button.isEnabled() and dialog.on.value() == dt.date(2004, 3, 15)
    dialog.reject()


def test_file_new_imports_schedule_1_with_the_preview_dated_the_closing_date(qtbot, window, tmp_path, monkeypatch,
                                                                             informed):
    from tests.ui.test_new_deal import _fill
    from ui import file_actions

    monkeypatch.setattr(file_actions, "_save_path", lambda *_a, **_k: tmp_path / "Acme.rradeal")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(CSV_FILE), "")))
    window.schedule_preview = None
    dialog = file_actions.new_deal(window)
    _fill(qtbot, dialog)
    dialog.import_now.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.schedule_preview is not None, timeout=10_000)
    preview = window.schedule_preview
    assert preview.on.value() == dt.date(2004, 3, 15)  # the Closing Date typed in the new deal
    assert "the Closing Date (Mon Mar 15, 2004), as this is the deal's first Schedule 1" in preview.why.text()
    assert "9 new Holders, 25 ledger rows" in preview.headline.text()
    preview.accept()
    assert len(window.context.deal().holders) == 9
    assert informed[0][1].startswith("9 Holders added; 25 ledger rows dated Mon Mar 15, 2004: ")


def test_the_new_holders_columns_are_headed_by_the_deals_labels_not_its_codes(qtbot, window, tmp_path,
                                                                              monkeypatch):
    dialog = _open_preview(qtbot, window, _csv(tmp_path), monkeypatch)
    header = dialog.holders.horizontalHeaderItem
    headings = [header(c).text() for c in range(dialog.holders.columnCount())]
    assert headings == ["Name", "Series D\nPreferred", "D-1\nWarrants", "Purchase price"]  # as the Holders tab
    assert not {"PREF", "D1"} & set(headings)
    assert header(1).toolTip() == "Series D 8% Cumulative Convertible Voting Preferred Stock (PREF)"
    assert header(2).toolTip() == "Series D-1 Warrants (D1)"
    assert _cells(dialog.holders, 2) == ["21,277", "10,638"]  # the figures stay under their class
    dialog.reject()
