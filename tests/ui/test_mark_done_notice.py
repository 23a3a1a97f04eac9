"""Mark done on the 7(p) Exhibit A deadline asks when and how the notice went, offers the
deadline's date at noon, and logs the notice (the one record the rules read), not a completion."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.reports.conftest import letter_deal
from ui.qt import QApplication, Qt, QTimer
from ui.tabs.timeline import TimelineTab

EXHIBIT_A = "notice_of_effectiveness:rs-1"


@pytest.fixture
def notice_context(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext

    store = DealStore.create(tmp_path / "d.rradeal", letter_deal())
    ctx = DealContext(store)
    ctx.set_today(dt.date(2003, 6, 26))
    yield ctx
    store.close()


def test_mark_done_logs_the_exhibit_a_notice(qtbot, notice_context):
    from ui.dialogs.mark_done_dialog import MarkDoneDialog

    tab = TimelineTab(notice_context)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.select(EXHIBIT_A)
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MarkDoneDialog):
            QTimer.singleShot(10, fill)
            return
        seen["offered"] = (dialog.done_on.value(), dialog.done_at.value())
        qtbot.keyClicks(dialog.document, "fax confirmation 4411")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.error_text("method")  # no method chosen: refused, the dialog stays open
        dialog.method.setFocus()
        qtbot.keyClicks(dialog.method, "fax")
        seen["method"] = dialog.method_value()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    tab.mark_done()
    # offered: the deadline's date in force (Tue Jun 24, 2003: effective Fri Jun 20 + 2 Business Days), at noon
    assert seen["offered"] == (dt.date(2003, 6, 24), dt.datetime(2003, 6, 24, 12))
    assert "how the 7(p) notice was sent" in seen["refused"] and seen["method"] == "fax"
    deal = notice_context.deal()
    (n,) = deal.notices
    assert deal.completions == () and (n.kind, n.method, n.sent_at) == ("notice_of_effectiveness", "fax",
                                                                         dt.datetime(2003, 6, 24, 12))
    done = next(d for d in notice_context.deadlines() if d.key == EXHIBIT_A)
    assert str(done.status) == "done" and done.done_on == dt.date(2003, 6, 24)
    notice_context.undo_stack.undo()  # a notice logged as sent is evidence: undo cannot remove it
    assert notice_context.deal().notices == (n,)
