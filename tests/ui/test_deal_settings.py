"""Edit ▸ Deal settings: the parties and terms, each visit one undoable, audited action."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.reports.conftest import letter_deal


@pytest.fixture
def letter_context(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "d.rradeal", letter_deal())
    ctx = DealContext(store)
    ctx.set_today(dt.date(2003, 6, 23))
    yield ctx
    store.close()


def _open(qtbot, context):
    from ui.dialogs.deal_settings import DealSettingsDialog

    dialog = DealSettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tab(dialog, title: str) -> None:
    titles = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    dialog.tabs.setCurrentIndex(titles.index(title))


def _exhibit_a_by_fax(qtbot, context, folder):
    from ui.letters.prepare import PrepareNoticeDialog

    prepare = PrepareNoticeDialog(context, None, kind="notice-of-effectiveness")
    qtbot.addWidget(prepare)
    prepare.folder.setText(str(folder))
    prepare.method.setCurrentText("fax")
    return prepare, prepare.generate()


def test_the_transfer_agents_fax_typed_in_deal_settings_lets_exhibit_a_go_by_fax(qtbot, letter_context, tmp_path):
    from pypdf import PdfReader

    from ui.qt import Qt

    prepare, path = _exhibit_a_by_fax(qtbot, letter_context, tmp_path / "out")
    assert path is None and "fax" in prepare.status.text()  # no fax number recorded yet
    dialog = _open(qtbot, letter_context)
    _tab(dialog, "Transfer agent")
    fax = dialog.parties["transfer_agent"]["fax"]
    qtbot.mouseClick(fax, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(fax, "8185551234")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert letter_context.deal().terms.transfer_agent.fax == "8185551234"
    assert letter_context.undo_stack.undoText() == "Deal settings: transfer agent"
    assert letter_context.store.audit_entries()[-1].action == "Deal settings: transfer agent"
    prepare, path = _exhibit_a_by_fax(qtbot, letter_context, tmp_path / "out")
    assert path is not None, prepare.status.text()
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Via Facsimile (818) 555-1234" in text and "U.S. Stock Transfer Corporation" in text


def test_undo_restores_the_previous_settings(qtbot, letter_context):
    dialog = _open(qtbot, letter_context)
    _tab(dialog, "Letterhead")
    dialog.letterhead["signer_title"].setText("Secretary")
    dialog.accept()
    assert letter_context.deal().terms.letterhead.signer_title == "Secretary"
    letter_context.undo_stack.undo()
    assert letter_context.deal().terms.letterhead.signer_title != "Secretary"


def test_ok_without_a_change_writes_nothing(qtbot, letter_context):
    count = len(letter_context.store.audit_entries())
    dialog = _open(qtbot, letter_context)
    dialog.accept()
    assert not dialog.isVisible() and len(letter_context.store.audit_entries()) == count
    assert letter_context.undo_stack.count() == 0


def test_a_blank_company_name_is_refused_on_its_tab(qtbot, letter_context):
    dialog = _open(qtbot, letter_context)
    dialog.parties["company"]["name"].clear()
    _tab(dialog, "Rules applied")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_text("company.name") == "Enter the Company's name."
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()).replace("&", "") == "Company"


def test_a_wrong_closure_day_and_dividend_rate_say_what_is_wrong(qtbot, letter_context):
    dialog = _open(qtbot, letter_context)
    dialog.closures.setPlainText("9/31/2003")
    dialog.accept()
    assert dialog.error_text("closure_days") == "Closure day “9/31/2003”: September 2003 has 30 days, not 31."
    dialog.closures.setPlainText("Sep 12, 2003")
    dialog.rate.setText("eight")
    dialog.accept()
    assert "percentage" in dialog.error_text("dividend_rate")
    dialog.rate.setText("8%")
    dialog.accept()
    assert letter_context.deal().terms.closure_days == (dt.date(2003, 9, 12),)


def test_moving_the_closing_date_previews_the_deadlines_that_move(qtbot, context, monkeypatch):
    from ui.dialogs import recalc_preview

    shown = []
    monkeypatch.setattr(recalc_preview.RecalcPreviewDialog, "exec", lambda self: shown.append(self.rows) or 0)
    dialog = _open(qtbot, context)
    before = context.deal().terms.closing_date
    dialog.closing.field.set_value(before + dt.timedelta(days=7))
    dialog.accept()
    assert shown and any("Filing Date" in row[0] for row in shown[0])
    assert dialog.isVisible() and context.deal().terms.closing_date == before  # cancelled: nothing applied


def test_the_rules_tab_shows_the_periods_read_only(qtbot, context):
    dialog = _open(qtbot, context)
    table = dialog.rules
    cells = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert "45 days after the Closing Date" in cells and "90 days after the Closing Date" in cells
    assert not table.editTriggers()


def test_the_edit_menu_opens_deal_settings(qtbot, window):
    window.deal_settings_action.trigger()
    assert window.deal_settings_dialog.isVisible()
    window.deal_settings_dialog.reject()
