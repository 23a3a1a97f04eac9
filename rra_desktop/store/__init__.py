"""The deal file: ``DealStore`` and the errors it raises (see docs/contracts.md).

The audit and transaction names are imported on first use (PEP 562): they need SQLAlchemy,
which opening and reading a deal does not, and the GUI starts faster without it.
"""

from importlib import import_module

from rra_desktop.store.deal_store import EXTENSION, DealStore, empty_deal
from rra_desktop.store.errors import (
    CannotWrite,
    ChangeConflict,
    DealFileDamaged,
    DealLocked,
    LockedRecord,
    MalformedValue,
    NewerSchema,
    NoAccess,
    NotADealFile,
    ReadOnlyDeal,
    StoreError,
)

_LAZY = {
    "AuditEntry": "audit",
    "AuditReport": "audit",
    "Change": "transaction",
    "RowChange": "transaction",
    "Transaction": "transaction",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f"rra_desktop.store.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXTENSION",
    "AuditEntry",
    "AuditReport",
    "CannotWrite",
    "Change",
    "ChangeConflict",
    "DealFileDamaged",
    "DealLocked",
    "DealStore",
    "LockedRecord",
    "MalformedValue",
    "NewerSchema",
    "NoAccess",
    "NotADealFile",
    "ReadOnlyDeal",
    "RowChange",
    "StoreError",
    "Transaction",
    "empty_deal",
]
