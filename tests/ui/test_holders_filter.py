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
