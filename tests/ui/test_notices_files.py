"""The Notices tab checks each logged file against its SHA-256 when it is shown, marks a
changed or missing one, and opens a logged file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from PySide6.QtCore import Qt

from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from ui.models.notices import COL_CHECK
from ui.tabs.notices import NoticesTab


def _logged(context, folder, name: str, data: bytes, sent: dt.datetime) -> NoticeRecord:
    from rra_desktop.services import notices as service

    (folder / name).write_bytes(data)
    record = NoticeRecord(f"n-{name}", NoticeDirection.SENT, "blackout", "All Holders", "courier", sent,
                          file_name=name, sha256=hashlib.sha256(data).hexdigest())
    context.perform(service.log_notice, record)
    return record


def test_the_tab_says_which_files_changed_or_are_missing_and_opens_one(qtbot, context):
    folder = context.store.path.parent / "Notices"
    folder.mkdir()
    _logged(context, folder, "a.pdf", b"%PDF-a", dt.datetime(2003, 6, 2, 10))
    _logged(context, folder, "b.pdf", b"%PDF-b", dt.datetime(2003, 6, 3, 10))
    _logged(context, folder, "c.pdf", b"%PDF-c", dt.datetime(2003, 6, 4, 10))
    (folder / "b.pdf").write_bytes(b"%PDF-b altered")
    (folder / "c.pdf").unlink()
    tab = NoticesTab(context)
    qtbot.addWidget(tab)
    opened = []
    tab.opener = opened.append
    tab.show()
    checks = {tab.model.row_at(i).notice.file_name: tab.model.index(i, COL_CHECK).data()
              for i in range(tab.model.rowCount())}
    assert checks == {"a.pdf": "intact", "b.pdf": "changed", "c.pdf": "missing"}

    tab.table.select_where(lambda r: r.notice.file_name == "b.pdf")
    assert "CHANGED" in tab.detail.text()
    tab.table.select_where(lambda r: r.notice.file_name == "c.pdf")
    assert "MISSING" in tab.detail.text() and not tab.open_button.isEnabled()
    tab.table.select_where(lambda r: r.notice.file_name == "a.pdf")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert opened == [folder / "a.pdf"]

    (folder / "b.pdf").write_bytes(b"%PDF-b")  # put back as sent: shown intact on the next visit
    tab.hide()
    tab.show()
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row_at(i).notice.file_name == "b.pdf")
    assert tab.model.index(row, COL_CHECK).data() == "intact"
    assert dataclasses.is_dataclass(tab.model.row_at(row))
