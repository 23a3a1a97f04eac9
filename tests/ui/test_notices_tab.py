"""The notices log: a notice logged as sent is evidence — the edit action is disabled, and an
edit that reaches the service is refused and the refusal shown; annotate and supersede work."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from ui.qt import QDialogButtonBox
from ui.tabs.notices import NoticeEntryDialog, NoticesTab

SENT = NoticeRecord("n-1", NoticeDirection.SENT, "blackout", "All Holders", "fax", dt.datetime(2003, 6, 19, 16, 59),
                    file_name="blackout.pdf", sha256="ab" * 32)


def _log(context, notice=SENT):
    from rra_desktop.services import notices as service

    context.perform(service.log_notice, notice)


def test_a_sent_notice_cannot_be_edited(qtbot, context):
    _log(context)
    tab = NoticesTab(context)
    qtbot.addWidget(tab)
    tab.table.select_where(lambda r: r.id == "n-1")
    assert not tab.edit_button.isEnabled()
    assert tab.annotate_button.isEnabled() and tab.supersede_button.isEnabled()
    assert tab.model.row_at(0).deemed_text == "Thu Jun 19, 2003"  # fax before 5:00 p.m., 7(g)(i)

    dialog = NoticeEntryDialog(context, SENT, parent=tab)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and not dialog.recipient.isEnabled()
    # Even if the lock in the dialog were bypassed, the service refuses and says why.
    dialog.recipient.setEnabled(True)
    dialog.recipient.setText("Someone else")
    dialog.accept()
    assert dialog.error_text() or dialog.error_text("recipient")
    assert context.deal().notices[0].recipient == "All Holders"


def test_supersede_points_to_the_corrected_entry(qtbot, context):
    _log(context)
    logged = context.deal().notices[0]
    assert logged.deemed_given_on == dt.date(2003, 6, 19)  # the service fixes the 7(g) date when logging
    dialog = NoticeEntryDialog(context, logged, supersede=True)
    qtbot.addWidget(dialog)
    dialog.recipient.setText("All Holders (corrected list)")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    notices = {n.id: n for n in context.deal().notices}
    assert notices["n-1"] == logged  # the original is untouched
    (new,) = [n for n in notices.values() if n.id != "n-1"]
    assert new.supersedes_id == "n-1" and new.recipient == "All Holders (corrected list)"


def test_email_is_deemed_given_only_on_receipt(qtbot, context):
    _log(context, dataclasses.replace(SENT, id="n-2", method="email"))
    tab = NoticesTab(context)
    qtbot.addWidget(tab)
    assert tab.model.row_at(0).deemed_text == "on receipt only"


def test_the_tab_shows_the_trail_head_digest_as_it_is_now(qtbot, context):
    tab = NoticesTab(context)
    qtbot.addWidget(tab)
    before = context.store.trail_head()
    assert f"audit trail head {before}" in tab.trail.text()
    _log(context)  # the digest moves with every change, and the tab with it
    after = context.store.trail_head()
    assert after != before and int(after.split(":")[0]) == int(before.split(":")[0]) + 1
    assert f"audit trail head {after}" in tab.trail.text() and context.store.path.name in tab.trail.text()
