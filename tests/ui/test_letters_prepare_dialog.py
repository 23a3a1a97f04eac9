"""Prepare notice: a readable "Save to:" mnemonic, accessible names, All/None right after the
recipients in the Tab order, and a "Concerning:" choice passed through the NoticeRequest field
the command line's --registration/--blackout/--claim/--assignment fill."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from reports.catalog import build_letters
from tests.reports.conftest import letter_deal


@pytest.fixture
def dialog_for(qtbot, tmp_path):
    from rra_desktop.store import DealStore
    from ui.context import DealContext
    from ui.letters.prepare import PrepareNoticeDialog

    deal = letter_deal()
    earlier = replace(deal.blackouts[0], id="b0", start=dt.date(2003, 7, 1), end=dt.date(2003, 7, 10),
                      facts="Acquisition talks")
    store = DealStore.create(tmp_path / "d.rradeal", replace(deal, blackouts=(earlier, *deal.blackouts)))
    ctx = DealContext(store)
    ctx.set_today(dt.date(2003, 6, 23))
    made = []

    def make(kind):
        dialog = PrepareNoticeDialog(ctx, None, kind=kind)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    yield make
    store.close()


def test_save_to_label_has_its_mnemonic_and_no_clash(dialog_for):
    from ui.qt import QCheckBox, QLabel, QPushButton

    dialog = dialog_for("blackout")
    labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    save_to = next(w for w in labels if w.text() == "Save &to:")
    assert save_to.buddy() is dialog.folder  # a buddy makes Qt draw "Save to:" with the T underlined
    buttons = dialog.findChildren(QPushButton) + dialog.findChildren(QCheckBox)
    texts = [w.text() for w in labels] + [b.text() for b in buttons]
    keys = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
    assert "t" in keys and len(keys) == len(set(keys)), keys


def test_every_combo_and_list_has_an_accessible_name(dialog_for):
    from ui.qt import QComboBox, QListWidget

    dialog = dialog_for("blackout")
    widgets = dialog.findChildren(QComboBox) + dialog.findChildren(QListWidget)
    assert len(widgets) >= 5
    assert all(w.accessibleName() for w in widgets), [type(w).__name__ for w in widgets if not w.accessibleName()]
    assert dialog.concerning.accessibleName() == "Concerning"


def test_all_and_none_follow_the_recipients_in_the_tab_order(qtbot, dialog_for):
    dialog = dialog_for("blackout")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.recipients.setFocus()
    order = []
    for _ in range(3):
        dialog.focusNextChild()
        order.append(dialog.focusWidget())
    assert order == [dialog.all_button, dialog.none_button, dialog.method]


def test_concerning_lists_the_blackouts_defaults_to_the_latest_and_is_passed_on(dialog_for):
    dialog = dialog_for("blackout")
    assert dialog.concerning.isVisibleTo(dialog)
    assert [dialog.concerning.itemData(i) for i in range(dialog.concerning.count())] == ["b0", "b1"]
    assert dialog.concerning.currentData() == "b1"  # the latest, as the generator's default
    assert dialog.request().blackout_id == "b1"
    dialog.concerning.setCurrentIndex(dialog.concerning.findData("b0"))
    request = dialog.request()
    assert request.blackout_id == "b0"
    letters = build_letters(dialog.context.deal(), request)
    assert letters and {letter.extra["blackout_id"] for letter in letters} == {"b0"}


@pytest.mark.parametrize(("kind", "field", "ids"), [
    ("notice-of-effectiveness", "registration_id", ["rs-1"]),
    ("effectiveness", "registration_id", ["rs-1"]),
    ("piggyback", "registration_id", ["cr-1"]),  # 7(d): a Company registration
    ("advice", "blackout_id", ["b0", "b1"]),
    ("proceeding", "claim_id", ["c1"]),
    ("assignment-acknowledgement", "assignment_id", ["a1"]),
])
def test_concerning_lists_the_records_each_kind_needs(dialog_for, kind, field, ids):
    dialog = dialog_for(kind)
    assert [dialog.concerning.itemData(i) for i in range(dialog.concerning.count())] == ids
    assert getattr(dialog.request(), field) == ids[-1]


def test_concerning_is_hidden_for_kinds_that_need_no_record(dialog_for):
    dialog = dialog_for("rule144-certification")
    assert not dialog.concerning.isVisibleTo(dialog) and not dialog.concerning_label.isVisibleTo(dialog)
    request = dialog.request()
    assert (request.registration_id, request.blackout_id, request.claim_id, request.assignment_id) == (None,) * 4
    dialog.kind.setCurrentIndex(dialog.kind.findData("blackout"))
    assert dialog.concerning.isVisibleTo(dialog) and dialog.concerning.count() == 2
