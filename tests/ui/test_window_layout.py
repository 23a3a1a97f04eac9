"""The window keeps its layout readable: a remembered geometry stays on the screen, the Holders
columns fit the first register with Holders and then keep the user's widths across deal switches."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("saved", [(700, 500, 2400, 1500), (-900, -700, 1000, 800), (600, 650, 700, 500)])
def test_a_saved_geometry_larger_or_off_the_screen_opens_wholly_on_it(qtbot, context, settings, saved):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QMainWindow

    from ui import settings as cfg
    from ui.main_window import MainWindow

    other = QMainWindow()  # the window as it was left on a larger screen or at another scaling
    qtbot.addWidget(other)
    other.show()
    other.setGeometry(QRect(*saved))
    cfg.GEOMETRY.set(settings, other.saveGeometry())
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    available = win.screen().availableGeometry()
    assert available.contains(win.frameGeometry()), (win.frameGeometry(), available)


def _open_on(qtbot, settings, store):
    import datetime as dt

    from ui.context import DealContext
    from ui.main_window import MainWindow

    context = DealContext(store)
    context.set_today(dt.date(2003, 6, 20))
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_holders_columns_fit_the_first_register_with_holders_after_a_new_empty_deal(qtbot, tmp_path, settings):
    from rra_desktop.sample import load_sample_deal, new_deal
    from rra_desktop.store import DealStore

    win = _open_on(qtbot, settings, DealStore.create(tmp_path / "new.rradeal", new_deal()))
    tab = win.tab(0)
    win.context.set_store(DealStore.create(tmp_path / "spectrum.rradeal", load_sample_deal()))
    header, table = tab.table.horizontalHeader(), tab.table
    assert tab.model.rowCount() == 9
    assert header.sectionSize(0) >= min(table.sizeHintForColumn(0), 300)  # "North Sound Legacy Fund LLC"
    for col in range(1, 4):  # preferred, D-1, D-2: "100,000" in full, not "100,0…"
        assert header.sectionSize(col) >= table.sizeHintForColumn(col), col
    win.context.store.close()


def test_holders_column_widths_the_user_set_survive_a_deal_switch(qtbot, tmp_path, settings):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    win = _open_on(qtbot, settings, DealStore.create(tmp_path / "a.rradeal", load_sample_deal()))
    header = win.tab(0).table.horizontalHeader()
    header.resizeSection(0, 333)
    widths = [header.sectionSize(c) for c in range(header.count() - 1)]  # the last one stretches
    win.context.set_store(DealStore.create(tmp_path / "b.rradeal", load_sample_deal()))
    assert [header.sectionSize(c) for c in range(header.count() - 1)] == widths
    win.context.store.close()


def test_the_agreement_dock_leaves_the_holder_detail_pane_readable(qtbot, window):
    tab = window.tab(0)
    tab.table.selectRow(0)
    window.show_clause("7(g)")  # F1 opens the Agreement dock beside the tabs
    qtbot.waitUntil(lambda: window.agreement_dock.isVisible())
    qtbot.wait(20)
    metrics = tab.detail.fontMetrics()
    assert tab.detail.width() >= metrics.horizontalAdvance("c/o North Sound Capital LLC"), tab.detail.width()
    assert tab.table.width() > tab.detail.width() // 2  # the register is still there too
