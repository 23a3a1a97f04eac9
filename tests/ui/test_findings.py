"""View ▸ Check deal shows the findings ``rra-desktop check`` prints, and a new deal is not
compared with Spectrum's printed Schedule 1."""

from __future__ import annotations

import datetime as dt

from ui.qt import Qt
from ui.tabs.holders import HoldersTab, schedule_check_text


def test_check_deal_lists_the_domain_findings_and_follows_the_date(qtbot, window, tmp_path):
    window.check_deal_action.trigger()
    dialog = window.findings_dialog
    qtbot.waitExposed(dialog)
    # today Fri Jun 20, 2003: the Holders' review copies (due Fri Jun 13) are overdue
    assert "1 finding as of June 20, 2003" in dialog.summary.text()
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["error", "overdue", "3(a)"]
    assert "Furnish copies" in dialog.table.item(0, 3).text()
    dialog.as_of.line.clear()
    qtbot.keyClicks(dialog.as_of.line, "5/8/2003")
    qtbot.keyClick(dialog.as_of.line, Qt.Key.Key_Return)
    assert dialog.summary.text() == "No findings as of May 8, 2003." and dialog.table.rowCount() == 0
    dialog.grab().save(str(tmp_path / "findings.png"))


def test_a_new_deal_shows_no_schedule_1_comparison(qtbot, tmp_path):
    from rra_desktop.sample import new_deal
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "new.rradeal", new_deal())
    try:
        context = DealContext(store)
        context.set_today(dt.date(2003, 6, 20))
        tab = HoldersTab(context)
        qtbot.addWidget(tab)
        tab.show()
        assert schedule_check_text(context.deal()) == ""
        assert not tab.schedule_check.isVisible()
    finally:
        store.close()
