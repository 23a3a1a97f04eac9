"""The deal file: ``DealStore`` and the errors it raises (see docs/contracts.md)."""

from rra_desktop.store.audit import AuditEntry, AuditReport
from rra_desktop.store.deal_store import EXTENSION, DealStore, empty_deal
from rra_desktop.store.errors import (
    ChangeConflict,
    DealFileDamaged,
    DealLocked,
    LockedRecord,
    NewerSchema,
    NotADealFile,
    ReadOnlyDeal,
    StoreError,
)
from rra_desktop.store.transaction import Change, RowChange, Transaction

__all__ = [
    "EXTENSION",
    "AuditEntry",
    "AuditReport",
    "Change",
    "ChangeConflict",
    "DealFileDamaged",
    "DealLocked",
    "DealStore",
    "LockedRecord",
    "NewerSchema",
    "NotADealFile",
    "ReadOnlyDeal",
    "RowChange",
    "StoreError",
    "Transaction",
    "empty_deal",
]
