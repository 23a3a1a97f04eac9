"""A remembered window geometry is kept on the screen the window opens on."""

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
