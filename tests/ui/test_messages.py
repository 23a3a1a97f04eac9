"""Messages write dates as the screens do, name things as a paralegal does, put counts in
number, and ask a question once: worked through the services' labels and refusals and the
window's lock question."""

from __future__ import annotations

import datetime as dt
import re

import pytest

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_undo_labels_write_dates_as_the_screens_do(context):
    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from rra_desktop.services import blackouts, timeline

    context.perform(blackouts.add_blackout, BlackoutPeriod("b-m", dt.date(2003, 9, 2), dt.date(2003, 9, 10),
                                                           BlackoutBasis.MNPI, "Merger talks"), today=context.today())
    assert context.undo_stack.undoText() == "Add blackout Tue Sep 2, 2003 – Wed Sep 10, 2003"
    key = next(d.key for d in context.deadlines() if d.key.startswith("filing_date"))
    context.perform(timeline.mark_done, key, dt.date(2003, 6, 20), "EDGAR acceptance",
                    done_at=dt.datetime(2003, 6, 20, 16, 30))
    label = context.undo_stack.undoText()
    assert label.startswith("Mark done: File the shelf Registration Statement") and "filing_date" not in label
    assert label.endswith("on Fri Jun 20, 2003 at 4:30 p.m.")
    assert not ISO.search(label)


def test_a_consent_without_its_document_is_asked_for_in_plain_words(context):
    from rra_desktop.domain.model import Instrument, InstrumentKind
    from rra_desktop.services import Refused, instruments

    bare = Instrument("i-1", InstrumentKind.WAIVER, "7(f)", dt.date(2003, 6, 20), "Waiver",
                      ("h-xmark-fund", "h-sds-merchant-fund"))
    with pytest.raises(Refused) as exc:
        instruments.record_instrument(context.store, bare)
    assert str(exc.value) == "Enter the document the instrument came from (the signed consent, letter or e-mail)."
    assert "field" not in str(exc.value)


def test_the_majority_sentence_writes_its_date_as_the_screens_do(context):
    from rra_desktop.domain.majority import majority_count

    sentence = majority_count(context.deal(), dt.date(2003, 6, 20), ["h-xmark-fund"]).sentence
    assert sentence.startswith("On Fri Jun 20, 2003, Holders of 1,140,424 of 3,967,656 Registrable Securities")


@pytest.mark.parametrize(("n", "text"), [(1, "+ 1 Business Day ="), (2, "+ 2 Business Days =")])
def test_one_business_day_is_in_the_singular(n, text):
    from rra_desktop.domain.calendar import calendar_for
    from rra_desktop.domain.counting import business_days_after
    from rra_desktop.sample import load_sample_deal

    counted = business_days_after(dt.date(2003, 6, 20), n, calendar_for(load_sample_deal().terms), "Effective")
    assert text in counted.explanation


def test_the_lock_question_is_asked_once_with_the_time_as_the_screens_write_it(qtbot, window, tmp_path,
                                                                            monkeypatch):
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from ui.app import open_store
    from ui.qt import QMessageBox

    path = tmp_path / "Acme.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    holder = DealStore.open(path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Cancel))
    try:
        assert open_store(window, path) is None
    finally:
        holder.close()
    [text] = asked
    assert text.startswith("Acme.rradeal is open for editing by ")
    assert text.count("read-only") == 1 and "--read-only" not in text and "rra-desktop" not in text
    assert not ISO.search(text) and re.search(r"since \w{3} \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2} [ap]\.m\.\)", text)
