"""Registration statements: the EDGAR 5:30 p.m. check, the 3(m)(i) checklist, and a 7(d)
cutback with ties worked through the dialogs as a person would."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from rra_desktop.domain.calendar import EdgarCalendar
from rra_desktop.domain.model import RegistrationKind, RegistrationStatement
from ui.dialogs.registration_dialog import PiggybackRequestDialog, RegistrationDialog
from ui.models.registrations import COL_CUT_FINAL, COL_CUT_REMAINDER
from ui.qt import QDialogButtonBox
from ui.tabs.registrations import RegistrationsTab, edgar_check

OK = QDialogButtonBox.StandardButton.Ok


def test_a_filing_at_6_05_pm_on_the_filing_date_is_late():
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF,
                                  filed_at=dt.datetime(2003, 6, 20, 18, 5))
    text, late = edgar_check(shelf, EdgarCalendar(), dt.date(2003, 6, 20))
    assert late
    assert text == ("filed 6:05 p.m. on Fri Jun 20, 2003: deemed filed next filing day, Mon Jun 23, 2003"
                    " — LATE (due Fri Jun 20, 2003)")
    on_time, late = edgar_check(shelf.__class__("rs-1", shelf.kind, filed_at=dt.datetime(2003, 6, 20, 17, 30)),
                                EdgarCalendar(), dt.date(2003, 6, 20))
    assert not late and "filed that day" in on_time


def _company_registration(qtbot, context, limit):
    dialog = RegistrationDialog(context)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RegistrationKind.COMPANY_REGISTRATION.value))
    dialog.underwritten.setChecked(True)
    dialog.limit.setValue(limit)
    dialog.buttons.button(OK).click()
    assert dialog.error_text() == ""
    return context.deal().registrations[-1]


def _request(qtbot, context, registration_id, holder, shares, eligible=0):
    dialog = PiggybackRequestDialog(context, registration_id)
    qtbot.addWidget(dialog)
    dialog.holder.setCurrentIndex(dialog.holder.findText(holder))
    dialog.shares.setValue(shares)
    dialog.eligible.setValue(eligible)
    dialog.buttons.button(OK).click()
    assert dialog.error_text() == ""


def test_cutback_table_with_ties_goes_by_name(qtbot, context):
    tab = RegistrationsTab(context)
    qtbot.addWidget(tab)
    reg = _company_registration(qtbot, context, limit=10)
    _request(qtbot, context, reg.id, "OTA LLC", 8, eligible=3)  # 3 eligible under 144(k): 5 counted
    _request(qtbot, context, reg.id, "North Sound Legacy International Ltd.", 5)
    _request(qtbot, context, reg.id, "North Sound Legacy Fund LLC", 5)
    tab.table.select_where(lambda r: r.id == reg.id)
    rows = {r.holder: r for r in tab.cutback_model.rows()}
    # A = 10, R = 15: each gets floor(10 x 5 / 15) = 3 with 1/3 left; the one share left goes to the
    # tie's first name.
    assert {h: (r.counted, r.floor, r.remainder, r.extra, r.final) for h, r in rows.items()} == {
        "North Sound Legacy Fund LLC": (5, 3, Fraction(1, 3), 1, 4),
        "North Sound Legacy International Ltd.": (5, 3, Fraction(1, 3), 0, 3),
        "OTA LLC": (5, 3, Fraction(1, 3), 0, 3),
    }
    assert rows["OTA LLC"].requested == 8 and rows["OTA LLC"].excluded_144k == 3
    assert sum(r.final for r in rows.values()) == 10
    finals = [tab.cutback_model.index(r, COL_CUT_FINAL).data() for r in range(3)]
    assert sorted(finals) == ["3", "3", "4"]
    assert tab.cutback_model.index(0, COL_CUT_REMAINDER).data() == "0.3333"
    assert "largest fractional remainders" in tab.rule.text() and "product's choice" in tab.rule.text()
    assert tab.stack.currentIndex() == 1


def test_selling_stockholder_information_checklist(qtbot, context):
    tab = RegistrationsTab(context)
    qtbot.addWidget(tab)
    dialog = RegistrationDialog(context)
    qtbot.addWidget(dialog)
    dialog.buttons.button(OK).click()
    assert tab.stack.currentIndex() == 0
    assert tab.info_model.rowCount() == len(context.deal().holders)
    assert all(r.received_on is None for r in tab.info_model.rows())
    assert tab.info_model.index(0, 1).data() == "MISSING"
