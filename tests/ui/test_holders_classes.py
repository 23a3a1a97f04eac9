"""The Holders tab's share columns are the deal's own classes: a deal of "SerA", "WTS", "AGT" and
"CS" shows one column per class headed by its label, totals per class, and sorts on them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.other_classes import other_deal
from ui.qt import QPoint, Qt
from ui.tabs.holders import HoldersTab


@pytest.fixture
def other_context(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "other.rradeal", other_deal())
    ctx = DealContext(store)
    ctx.set_today(dt.date(2004, 2, 2))
    yield ctx
    store.close()


def _headers(tab) -> list[str]:
    model = tab.model
    return [model.headerData(i, Qt.Orientation.Horizontal).replace("\n", " ") for i in range(model.columnCount())]


def test_columns_are_the_deals_classes(qtbot, other_context):
    tab = HoldersTab(other_context)
    qtbot.addWidget(tab)
    tab.show()
    assert _headers(tab) == ["Name", "Series A", "Warrants", "Agent Warrants", "Common Shares", "Registrable",
                             "% of total", "QIB", "Affiliate", "Fax"]
    text = tab.totals.text()
    assert "Series A 30" in text and "Warrants 5,000" in text and "Agent Warrants 1,000" in text
    assert "Registrable 133,659" in text  # 42,553 + 5,000 + 85,106 + 1,000
    qtbot.keyClicks(tab.filter_edit, "beta")
    assert tab.proxy.rowCount() == 1 and "Series A 20" in tab.totals.text()
    tab.filter_edit.clear()
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    values = [tab.proxy.index(r, 2).data() for r in range(tab.proxy.rowCount())]
    assert sorted(values, key=lambda v: int(v.replace(",", ""))) in (values, values[::-1]) and "5,000" in values


def test_switching_deals_switches_the_columns(qtbot, other_context, tmp_path):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    tab = HoldersTab(other_context)
    qtbot.addWidget(tab)
    assert "Series A" in _headers(tab)
    other_context.set_store(DealStore.create(tmp_path / "sample.rradeal", load_sample_deal()))
    assert _headers(tab)[1:6] == ["Series D Preferred", "D-1 Warrants", "D-2 Warrants", "Placement Agent Warrants",
                                  "Common"]
    tab.as_of.set_value(dt.date(2003, 6, 20))
    assert "D-1 Warrants 944,681" in tab.totals.text() and "Series A" not in tab.totals.text()


def test_double_clicking_a_class_heading_edits_the_class_and_add_class_adds_one(qtbot, other_context):
    from ui.dialogs.security_class_dialog import SecurityClassDialog
    from ui.qt import QApplication, QTimer

    tab = HoldersTab(other_context)
    qtbot.addWidget(tab)
    tab.show()
    seen = {}

    def fill(label=None, code=None, name=None):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SecurityClassDialog):
            QTimer.singleShot(10, lambda: fill(label, code, name))
            return
        seen["read_only"] = dialog.code.isReadOnly()
        for field, typed in ((dialog.code, code), (dialog.name, name), (dialog.label, label)):
            if typed is not None:
                field.selectAll()
                qtbot.keyClicks(field, typed)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    QTimer.singleShot(0, lambda: fill(label="Purchase Warrants"))
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert seen["read_only"] and _headers(tab)[2] == "Purchase Warrants"
    assert "Purchase Warrants 5,000" in tab.totals.text()
    QTimer.singleShot(0, lambda: fill(code="SerB", name="Series B Preferred", label="Series B"))
    qtbot.mouseClick(tab.classes_button, Qt.MouseButton.LeftButton)
    assert not seen["read_only"] and _headers(tab)[5] == "Series B" and "Series B 0" in tab.totals.text()
