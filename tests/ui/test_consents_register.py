"""The register of consents and waivers: each recorded instrument with its date, what it covers,
who gave it and the majority count as recorded. Sample deal, Jun 20, 2003: 3,967,656
Registrable Securities; Xmark 1,140,424 and SDS 851,063 together 1,991,487 (50.19%), more than
half (1,983,828)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.model import Instrument, InstrumentKind
from ui.qt import QMessageBox, Qt
from ui.tabs.consents import ConsentsTab

WAIVER = Instrument("i-waiver", InstrumentKind.WAIVER, "7(f)", dt.date(2003, 6, 20), "Waiver of the 3(a) review period",
                    ("h-xmark-fund", "h-sds-merchant-fund"), "Holders' waiver of June 20, 2003.pdf")


@pytest.fixture
def tab(qtbot, context):
    widget = ConsentsTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def _record(context, instrument=WAIVER, override=""):
    from rra_desktop.services import instruments as service

    context.perform(service.record_instrument, instrument, override_reason=override)


def _cells(tab, row=0):
    model = tab.table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_an_empty_register_says_how_to_record_one(tab):
    assert tab.model.rowCount() == 0
    assert "Record…" in tab.table.empty_text
    assert not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()


def test_a_recorded_waiver_shows_its_date_cover_signatories_and_count(tab, context):
    _record(context)
    cells = _cells(tab)
    assert cells[:5] == ["Fri Jun 20, 2003", "Waiver", "7(f)", "Waiver of the 3(a) review period",
                         "Xmark Fund Ltd.; SDS Merchant Fund, L.P."]
    assert cells[5:10] == ["1,991,487", "3,967,656", "50.19%", "more than 1,983,828", "Holders of a majority"]
    assert cells[10] == "Holders' waiver of June 20, 2003.pdf"
    detail = tab.detail.toPlainText()
    assert "Count as recorded" in detail and "1,991,487 of 3,967,656" in detail
    assert "2003-06-20" not in detail and "Fri Jun 20, 2003" in detail
    assert tab.summary.text() == "1 waiver recorded"


def test_the_count_shown_is_the_one_recorded_and_a_changed_register_is_flagged(tab, context):
    """A ledger row before the waiver's date corrected afterwards: the recorded 1,991,487 stays,
    and the detail pane says the recount now differs."""
    from rra_desktop.services import holders as service

    _record(context)
    xmark = context.deal().holder("h-xmark-fund")
    context.perform(service.update_holder, replace(xmark, affiliate=True))  # now excluded under 7(o)
    cells = _cells(tab)
    assert cells[5:7] == ["1,991,487", "3,967,656"]
    detail = tab.detail.toPlainText()
    assert "Recount today" in detail and "851,063 of 2,827,232" in detail
    assert tab.model.highlight(tab.table.current()) is not None


def test_a_minority_instrument_recorded_with_an_override_says_so(tab, context):
    only_xmark = replace(WAIVER, id="i-minority", given_by=("h-xmark-fund",))
    _record(context, only_xmark, override="Company confirmed SDS consent by telephone")
    cells = _cells(tab)
    assert cells[5:10] == ["1,140,424", "3,967,656", "28.74%", "more than 1,983,828", "override"]
    assert "Company confirmed SDS consent by telephone" in tab.detail.toPlainText()


def test_record_button_opens_the_dialog_and_the_new_row_appears(qtbot, tab, context, monkeypatch):
    from ui.dialogs import consent_dialog

    def fill_and_accept(dialog):
        dialog.on.set_value(dt.date(2003, 6, 20))
        qtbot.keyClicks(dialog.description, "Consent to a later filing")
        qtbot.keyClicks(dialog.document, "Consent of June 20, 2003.pdf")
        dialog.set_consenting(["h-xmark-fund", "h-sds-merchant-fund"])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(consent_dialog.ConsentDialog, "exec", fill_and_accept)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert _cells(tab)[3] == "Consent to a later filing"
    context.undo_stack.undo()
    assert tab.model.rowCount() == 0


def test_enter_opens_the_instrument_for_editing_and_keeps_its_id(qtbot, tab, context, monkeypatch):
    from ui.dialogs import consent_dialog

    _record(context)
    seen = {}

    def change_description(dialog):
        seen["title"] = dialog.windowTitle()
        seen["description"] = dialog.description.text()
        dialog.description.setText("Waiver of the 3(a) review period (corrected)")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(consent_dialog.ConsentDialog, "exec", change_description)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert seen == {"title": "Waiver under 7(f)", "description": "Waiver of the 3(a) review period"}
    [instrument] = context.deal().instruments
    assert instrument.id == "i-waiver" and instrument.description.endswith("(corrected)")
    assert set(instrument.given_by) == set(WAIVER.given_by)


def test_remove_asks_once_and_removes_undoably(qtbot, tab, context, monkeypatch):
    _record(context)
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Fri Jun 20, 2003" in asked[0] and "2003-06-20" not in asked[0]
    assert context.deal().instruments == ()
    assert tab.model.rowCount() == 0
    context.undo_stack.undo()
    assert tab.model.rowCount() == 1


def test_the_window_has_the_register_as_a_tab(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Consents and waivers" in titles
    tab = window.tab(titles.index("Consents and waivers"))
    assert isinstance(tab, ConsentsTab)
