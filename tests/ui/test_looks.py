"""What the screens show: the agenda keeps its status in view and says why a deadline has no
date, empty ledgers explain how to add a record, and the README's demo deal is still accepted
by the services (so the screenshots never silently lose a tab's data)."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_demo_deal_of_the_screenshots_is_accepted_by_the_services(deal_store):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        demo = importlib.import_module("screenshot_demo")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    for module, name, args, kwargs in demo.demo_edits():
        getattr(importlib.import_module(f"rra_desktop.services.{module}"), name)(deal_store, *args, **kwargs)
    deal = deal_store.deal()
    shelf = next(r for r in deal.registrations if r.file_no == "333-106240")
    assert shelf.filed_at == dt.datetime(2003, 6, 20, 16, 12) and shelf.shares_registered == 4_967_600
    assert sum(1 for i in deal.selling_info if i.received_on is None) == 1
    assert len(deal.piggyback_requests) == 3 and len(deal.expenses) == 3 and len(deal.claims) == 1
    assert deal.blackouts[0].end - deal.blackouts[0].start == dt.timedelta(days=14)  # 15 days counted


def test_undated_deadline_says_why_instead_of_a_blank_cell():
    from rra_desktop.domain.deadlines import DeadlineStatus
    from ui.models.deadlines import date_text

    class D:
        in_force = None
        status = DeadlineStatus.NOT_YET_TRIGGERED
        explanation = "Not yet triggered: Warrants unexercised (D1, D2): Warrant Shares not yet issued"

    assert date_text(D) == "no date: warrants unexercised"
    D.explanation = "Not yet triggered: the shelf has not been filed"
    assert date_text(D) == "no date: the shelf has not been filed"
    D.explanation = "no trigger recorded"
    assert date_text(D) == "not yet triggered"
    D.in_force = dt.date(2003, 6, 20)
    assert date_text(D) == "Fri Jun 20, 2003"


def test_agenda_keeps_status_in_view_and_gives_the_title_the_room(qtbot, window, context):
    from ui.models.deadlines import DeadlinesModel

    context.set_today(dt.date(2003, 7, 16))
    window.resize(1400, 900)
    window.tabs.setCurrentIndex(1)
    agenda = window.tabs.currentWidget().build().agenda
    qtbot.waitUntil(lambda: agenda.proxy.rowCount() > 0 and agenda.viewport().width() > 800)
    header = agenda.horizontalHeader()
    status_right = header.sectionViewportPosition(DeadlinesModel.COL_STATUS) + header.sectionSize(
        DeadlinesModel.COL_STATUS)
    assert status_right <= agenda.viewport().width()
    assert header.sectionSize(DeadlinesModel.COL_TITLE) > 2 * header.sectionSize(DeadlinesModel.COL_PARTY)
    texts = [agenda.proxy.index(r, DeadlinesModel.COL_IN_FORCE).data() for r in range(agenda.proxy.rowCount())]
    assert all(texts), "an undated deadline shows an empty In force cell"
    assert "Fri Jun 13, 2003" in texts


@pytest.mark.parametrize(("index", "attribute", "start"), [
    (2, "table", "No Blackout Periods recorded."),
    (3, "table", "No claims recorded. New claim… records one."),
    (4, "table", "No assignments recorded."),
    (5, "table", "No notices logged."),
    (7, "table", "No expenses recorded."),
])
def test_empty_ledger_says_how_to_add_a_record(qtbot, window, index, attribute, start):
    window.tabs.setCurrentIndex(index)
    table = getattr(window.tabs.currentWidget().build(), attribute)
    assert table.proxy.rowCount() == 0  # the sample deal records none yet
    assert table.empty_text.startswith(start)
    table.grab()  # paints the sentence without error
