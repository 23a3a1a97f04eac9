"""Record each letter made in the deal's notice log, through the services layer (7(g)).

A sent notice is evidence: the log keeps the recipient, the kind, the method, the time sent,
the date it is deemed given (``rra_desktop.domain.notices.deemed_given``; None where only
recorded receipt can fix it), the file name and the file's SHA-256. For Exhibit A the 7(p)
obligation is also marked done with a ``Completion`` (the deadline builder also reads the log).
"""

from __future__ import annotations

import datetime as dt
import importlib
import uuid

from reports.catalog import LetterKind
from reports.letters import NoticeRequest
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.model import Completion, Deal, NoticeDirection, NoticeRecord
from rra_desktop.domain.notices import deemed_given

COMPLETION_SERVICES = (("completions", "record_completion"), ("completions", "mark_done"),
                       ("deadlines", "mark_done"), ("deadlines", "record_completion"))


def notice_record(deal: Deal, request: NoticeRequest, kind: LetterKind, recipient: str, file_name: str,
                  sha256: str) -> NoticeRecord:
    given = deemed_given(request.method, request.sent_at, calendar=calendar_for(deal.terms))
    return NoticeRecord(id=f"n-{uuid.uuid4().hex[:12]}", direction=NoticeDirection.SENT, kind=kind.log_kind,
                        recipient=recipient, method=request.method, sent_at=request.sent_at,
                        deemed_given_on=given.date, file_name=file_name, sha256=sha256)


def completion_for(kind: LetterKind, extra: dict, sent_on: dt.date, file_name: str) -> Completion | None:
    if not kind.completes or not extra.get("registration_id"):
        return None
    return Completion(f"{kind.completes}:{extra['registration_id']}", sent_on, file_name)


def _completion_service():
    for module, name in COMPLETION_SERVICES:
        try:
            found = getattr(importlib.import_module(f"rra_desktop.services.{module}"), name, None)
        except ImportError:
            continue
        if found is not None:
            return found
    return None


def record(perform, records: list[NoticeRecord], completion: Completion | None) -> list:
    """Log ``records`` (and the completion) with ``perform(service_fn, *args)`` — the GUI's
    ``context.perform`` (undoable) or ``lambda fn, *a: fn(store, *a)`` on the command line.
    Returns the ``Change`` objects; raises ImportError when the notice log service is missing."""
    from rra_desktop.services import notices as service

    changes = [perform(service.log_notice, r) for r in records]
    mark = _completion_service() if completion is not None else None
    if mark is not None:
        changes.append(perform(mark, completion))
    return changes
