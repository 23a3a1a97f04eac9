"""The Prepare notice dialog ticks the Holders in force on the letter's sending date."""

from __future__ import annotations

import datetime as dt

from tests.reports.test_letters_on_their_date import assigned_deal
from ui.qt import Qt


def test_recipients_follow_the_sending_date(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext
    from ui.letters.prepare import PrepareNoticeDialog

    store = DealStore.create(tmp_path / "a.rradeal", assigned_deal())
    try:
        context = DealContext(store)
        context.set_today(dt.date(2003, 7, 2))
        dialog = PrepareNoticeDialog(context, kind="effectiveness")
        qtbot.addWidget(dialog)

        def ticked():
            items = (dialog.recipients.item(i) for i in range(dialog.recipients.count()))
            return {i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked}

        assert "h-ota" in ticked() and "h-new" not in ticked()
        dialog.sent_at.line.setFocus()
        dialog.sent_at.line.selectAll()
        qtbot.keyClicks(dialog.sent_at.line, "8/19/2003 9:00 AM")
        qtbot.keyClick(dialog.sent_at.line, Qt.Key.Key_Tab)
        assert dialog.sent_at.value() == dt.datetime(2003, 8, 19, 9, 0)
        assert {"h-ota", "h-new"} <= ticked()
    finally:
        store.close()
