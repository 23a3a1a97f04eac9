"""File ▸ New deal makes the user's deal: typed Company, dates and parties, no sample fact."""

from __future__ import annotations

import datetime as dt
import json

import pytest


def _type(qtbot, widget, text: str) -> None:
    from ui.qt import Qt

    widget.setFocus()
    widget.selectAll()  # as a person does before typing over "0"
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _fill(qtbot, dialog) -> None:
    company = dialog.parties["company"]
    _type(qtbot, company["name"], "Acme Biologics, Inc.")
    company["address_lines"].setPlainText("1 Harbor Way\nBoston, Massachusetts 02110")
    _type(qtbot, dialog.parties["company_counsel"]["name"], "Hale & Dorr LLP")
    _type(qtbot, dialog.parties["holders_counsel"]["name"], "Kane Kessler, P.C.")
    _type(qtbot, dialog.parties["transfer_agent"]["name"], "Computershare")
    _type(qtbot, dialog.parties["transfer_agent"]["fax"], "617-555-0199")
    _type(qtbot, dialog.agreement_date.line, "March 3, 2004")
    _type(qtbot, dialog.purchase_date.line, "3/1/04")
    dialog.closing.check.setChecked(True)
    _type(qtbot, dialog.closing.field.line, "15 Mar 2004")
    _type(qtbot, dialog.minimum, "2500000")
    _type(qtbot, dialog.stated, "1,000")
    _type(qtbot, dialog.price, "3.10")
    _type(qtbot, dialog.rate, "6%")


def test_new_deal_asks_for_the_company_dates_and_parties_and_opens_that_deal(qtbot, window, tmp_path, monkeypatch):
    from ui import file_actions, menus

    target = tmp_path / "Acme Biologics, Inc..rradeal"
    suggested = []
    monkeypatch.setattr(file_actions, "_save_path",
                        lambda _w, _t, _f, _s, name="": suggested.append(name) or target)
    dialog = file_actions.new_deal(window)
    assert dialog.agreement_date.value() is None and dialog.agreement_date.text() == ""  # no date offered
    _fill(qtbot, dialog)
    dialog.accept()
    assert not dialog.isVisible(), dialog.error_text()
    assert suggested == ["Acme Biologics, Inc.rradeal"]
    terms = window.context.deal().terms
    assert window.context.store.path == target
    assert terms.company.name == "Acme Biologics, Inc." and terms.transfer_agent.fax == "617-555-0199"
    assert (terms.agreement_date, terms.purchase_agreement_date, terms.closing_date) == (
        dt.date(2004, 3, 3), dt.date(2004, 3, 1), dt.date(2004, 3, 15))
    assert terms.title == "Acme Biologics, Inc. — Registration Rights Agreement dated as of March 3, 2004"
    assert terms.minimum_shares == 2_500_000 and str(terms.conversion_price) == "3.10"
    assert window.context.deal().holders == ()
    from rra_desktop.exchange.deal_json import deal_to_json

    everything = json.dumps(deal_to_json(window.context.deal()), default=str)
    for spectrum_fact in ("Spectrum", "4967600", "10538", "Series D", "Jefferies", "2.35"):
        assert spectrum_fact not in everything
    assert "Spectrum" not in menus.about_text(window) and "Acme Biologics" in menus.about_text(window)


def test_new_deal_refuses_without_the_agreements_date(qtbot, window, monkeypatch):
    from ui import file_actions

    monkeypatch.setattr(file_actions, "_save_path", lambda *a, **k: pytest.fail("no file before the form is right"))
    dialog = file_actions.new_deal(window)
    _type(qtbot, dialog.parties["company"]["name"], "Acme Biologics, Inc.")
    dialog.accept()
    assert dialog.isVisible() and dialog.agreement_date.error.text() == "Enter a date."
    assert dialog.tabs.currentIndex() == 0  # the Agreement tab, where the date is


def test_the_new_deal_dialog_shows_the_periods_the_engine_applies(qtbot, window):
    from ui import file_actions

    dialog = file_actions.new_deal(window)
    cells = [dialog.rules.item(r, 2).text() for r in range(dialog.rules.rowCount())]
    assert "45 days after the Closing Date" in cells and "3 Business Days after receipt" in cells
    dialog.reject()
