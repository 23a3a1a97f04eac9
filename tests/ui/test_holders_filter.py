"""The Holders filter computes its answers once a keystroke and again when the rows change."""

from __future__ import annotations

import datetime as dt


def test_the_filter_follows_typing_and_a_new_as_of_date(qtbot, window):
    tab = window.tab(0)
    qtbot.keyClicks(tab.filter_edit, "north sound")
    names = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert len(names) == 3 and all("North Sound" in n for n in names)
    assert tab.totals.text().startswith("Totals of 3 of 9 Holders shown")
    tab.as_of.set_value(dt.date(2003, 5, 1))  # before the Closing: the rows are rebuilt
    assert tab.proxy.rowCount() == 3 and tab.totals.text().startswith("Totals of 3 of ")
    tab.filter_edit.clear()
    assert tab.proxy.rowCount() == len(tab.model.rows())


def test_sorting_and_filtering_keep_the_current_holder_and_the_sort(qtbot, window):
    from ui.models.holders import HoldersModel
    from ui.qt import Qt

    tab = window.tab(0)
    view = tab.table
    assert tab.select("h-ota")
    view.sortByColumn(HoldersModel.COL_PREFERRED, Qt.SortOrder.DescendingOrder)
    assert tab.current().holder.id == "h-ota"  # a sort moves the row, not the selection
    counts = [r.preferred for r in tab.proxy.shown_rows()]
    assert counts == sorted(counts, reverse=True)
    qtbot.keyClicks(tab.filter_edit, "l")  # OTA LLC still matches: it stays current
    assert tab.current().holder.id == "h-ota"
    shown = tab.proxy.shown_rows()
    assert all("l" in r.haystack for r in shown) and [r.preferred for r in shown] == sorted(
        (r.preferred for r in shown), reverse=True)  # the filter keeps the sort
    qtbot.keyClicks(tab.filter_edit, "egacy")  # "legacy": OTA is filtered out, the first row shown is current
    assert tab.current().holder.name == tab.proxy.index(0, 0).data() and "Legacy" in tab.current().holder.name
    assert tab.proxy.rowCount() == 3 and "Totals of 3 of 9 Holders" in tab.totals.text()
    tab.filter_edit.clear()  # widening again: every Holder, still in the user's sort
    assert tab.proxy.rowCount() == 9
    assert [r.preferred for r in tab.proxy.shown_rows()] == sorted(counts, reverse=True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to Schedule 1 order
    assert [r.holder.id for r in tab.proxy.shown_rows()] == [h.id for h in window.context.deal().holders]
