"""7(f)'s other route, "the Company and each Holder": the Company can be ticked in "Given by"
(id "company", as the instruments service reads it) and the majority line says when the Company
and every Holder signed. Sample deal, Jun 20, 2003."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ui.dialogs.consent_dialog import ConsentDialog


@pytest.fixture
def no_override_asked(monkeypatch):
    import ui.widgets.reason_dialog as reason

    def fail(*_a, **_k):
        raise AssertionError("an override reason was asked for an instrument 7(f) accepts")

    monkeypatch.setattr(reason, "ask_reason", fail)


def _dialog(qtbot, context) -> ConsentDialog:
    dialog = ConsentDialog(context)
    qtbot.addWidget(dialog)
    dialog.on.set_value(dt.date(2003, 6, 20))
    return dialog


def _everyone(context) -> list[str]:
    return ["company", *(h.id for h in context.deal().holders)]


def test_the_company_is_the_first_checkable_signatory(qtbot, context):
    from ui.qt import Qt

    dialog = _dialog(qtbot, context)
    first = dialog.holders.item(0)
    assert first.text() == "Spectrum Pharmaceuticals, Inc. (the Company)"
    assert first.data(Qt.ItemDataRole.UserRole) == "company"
    assert first.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.holders.count() == len(context.deal().holders) + 1


def test_the_company_alone_is_not_counted_and_not_enough(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.set_consenting(["company"])
    count = dialog.count()
    assert (count.numerator, count.denominator, count.achieved) == (0, 3_967_656, False)
    assert "not a majority" in dialog.majority.text() and "every Holder" not in dialog.majority.text()
    assert not dialog.signed_enough()


def test_company_and_every_holder_is_said_and_recorded_without_override(qtbot, context, no_override_asked):
    dialog = _dialog(qtbot, context)
    dialog.description.setText("Amendment of Section 3(n)")
    dialog.document.setText("Amendment No. 1 signed by the Company and each Holder.pdf")
    dialog.set_consenting(_everyone(context))
    assert dialog.company_and_each_holder()
    assert "The Company and every Holder signed (7(f))" in dialog.majority.text()
    assert "3,967,656 of 3,967,656" in dialog.majority.text()
    dialog.accept()
    (instrument,) = context.deal().instruments
    assert set(instrument.given_by) == set(_everyone(context))
    assert "company" in instrument.given_by


def test_each_holder_means_affiliates_too(qtbot, context):
    from rra_desktop.services import holders as service

    xmark = context.deal().holder("h-xmark-fund")
    context.perform(service.update_holder, replace(xmark, affiliate=True))
    dialog = _dialog(qtbot, context)
    dialog.set_consenting([i for i in _everyone(context) if i != "h-xmark-fund"])
    assert dialog.count().achieved  # a majority of those counted under 7(o) ...
    assert not dialog.company_and_each_holder()  # ... but not each Holder
    assert "every Holder" not in dialog.majority.text()
    dialog.set_consenting(_everyone(context))
    assert "The Company and every Holder signed" in dialog.majority.text()


def test_every_holder_without_the_company_is_only_a_majority(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.set_consenting([h.id for h in context.deal().holders])
    assert dialog.count().achieved and not dialog.company_and_each_holder()
    assert "every Holder" not in dialog.majority.text()
