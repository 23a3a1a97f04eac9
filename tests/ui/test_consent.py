"""The consents dialog counts a majority of the Registrable Securities as of its date, with
Affiliates excluded under 7(o). Sample deal, Jun 20, 2003: 3,967,656 Registrable Securities;
Xmark 1,140,424 and SDS 851,063 together are 1,991,487, more than half."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ui.dialogs.consent_dialog import ConsentDialog


def _dialog(qtbot, context) -> ConsentDialog:
    dialog = ConsentDialog(context)
    qtbot.addWidget(dialog)
    dialog.on.set_value(dt.date(2003, 6, 20))
    return dialog


def test_majority_numbers_update_as_holders_are_ticked(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.set_consenting(["h-xmark-fund"])
    count = dialog.count()
    assert (count.numerator, count.denominator, count.achieved) == (1_140_424, 3_967_656, False)
    assert "not a majority" in dialog.majority.text()
    dialog.set_consenting(["h-xmark-fund", "h-sds-merchant-fund"])
    count = dialog.count()
    assert (count.numerator, count.achieved) == (1_991_487, True)
    assert "1,991,487 of 3,967,656" in dialog.majority.text()


def test_affiliates_are_excluded_under_7o(qtbot, context):
    from rra_desktop.services import holders as service

    xmark = context.deal().holder("h-xmark-fund")
    context.perform(service.update_holder, replace(xmark, affiliate=True))
    dialog = _dialog(qtbot, context)
    dialog.set_consenting(["h-sds-merchant-fund"])
    count = dialog.count()
    assert count.denominator == 3_967_656 - 1_140_424
    assert "Xmark Fund Ltd." in dialog.majority.text()


def test_recording_the_instrument_is_undoable(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.description.setText("Waiver of 3(a) review period")
    dialog.document.setText("Holders' waiver letter of June 20, 2003.pdf")
    dialog.set_consenting(["h-xmark-fund", "h-sds-merchant-fund"])
    dialog.accept()
    assert len(context.deal().instruments) == 1
    assert set(context.deal().instruments[0].given_by) == {"h-xmark-fund", "h-sds-merchant-fund"}
    context.undo_stack.undo()
    assert context.deal().instruments == ()


def test_an_instrument_without_its_document_is_refused_at_the_field(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.description.setText("Waiver of 3(a) review period")
    dialog.set_consenting(["h-xmark-fund", "h-sds-merchant-fund"])
    dialog.accept()
    assert context.deal().instruments == ()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "document" in dialog.error_text("document")
