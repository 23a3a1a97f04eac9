"""A notice logged as sent is evidence (7(g)), through every path."""

import dataclasses
import datetime as dt
import hashlib

import pytest

from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from rra_desktop.services import Refused, replace_deal
from rra_desktop.services import notices as service
from rra_desktop.store import LockedRecord

SENT_AT = dt.datetime(2004, 2, 6, 16, 0)  # a Friday afternoon


def sent(nid="n-9", **kw):
    return NoticeRecord(nid, NoticeDirection.SENT, "blackout", "All Holders", "fax", SENT_AT, **kw)


def test_log_notice_computes_deemed_given_and_file_hash(store, tmp_path):
    letter = tmp_path / "blackout.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    change = service.log_notice(store, sent(), file_path=letter)
    logged = store.deal().notices[-1]
    assert logged.file_name == "blackout.pdf"
    assert logged.sha256 == hashlib.sha256(b"%PDF-1.4 letter").hexdigest()
    assert logged.deemed_given_on is not None and logged.deemed_given_on >= SENT_AT.date()
    assert not change.undoable


def test_sent_notice_cannot_be_edited_or_removed_by_any_path(store):
    service.log_notice(store, sent())
    before = store.deal()
    with pytest.raises(Refused, match="logged as sent"):
        service.edit_notice(store, dataclasses.replace(before.notices[-1], recipient="Someone else"))
    with pytest.raises(Refused, match="logged as sent"):
        service.remove_notice(store, "n-9")
    altered = dataclasses.replace(before, notices=(*before.notices[:-1],
                                                   dataclasses.replace(before.notices[-1], method="mail")))
    with pytest.raises(Refused, match="cannot be edited"):
        replace_deal(store, altered)
    with pytest.raises(Refused, match="cannot be deleted"):
        replace_deal(store, dataclasses.replace(before, notices=before.notices[:-1]))
    with pytest.raises(LockedRecord), store.transaction("raw") as tx:  # even the store's own unit of work
        tx.remove("notices", "n-9")
    assert store.deal() == before


def test_undo_of_logging_a_sent_notice_is_refused(store):
    change = service.log_notice(store, sent())
    before = store.deal()
    with pytest.raises(LockedRecord):
        store.undo(change)
    assert store.deal() == before


def test_annotate_and_supersede_leave_the_original_as_sent(store):
    original = store.deal().notices[0]
    service.annotate_notice(store, original.id, "Fax log attached")
    service.supersede_notice(store, original.id, sent("n-10", file_name="corrected.pdf"))
    deal = store.deal()
    assert deal.notices[0] == dataclasses.replace(original, annotations=("Fax log attached",))
    assert deal.notices[-1].supersedes_id == original.id
    with pytest.raises(Refused, match="already has a correcting entry"):
        service.supersede_notice(store, original.id, sent("n-11"))


def test_received_notice_can_be_corrected(store):
    received = store.deal().notices[1]
    service.edit_notice(store, dataclasses.replace(received, recipient="ProMed"))
    assert store.deal().notices[1].recipient == "ProMed"


def test_unknown_method_is_refused_by_field(store):
    with pytest.raises(Refused) as exc:
        service.log_notice(store, dataclasses.replace(sent(), method="pigeon"))
    assert exc.value.field == "method"
