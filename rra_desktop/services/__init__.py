"""One function per user action: validate, write one audited transaction, return a ``Change``.

``Change`` (from the store) is what the GUI's undo stack holds: ``store.undo(change)`` and
``store.redo(change)`` reverse and replay it. A refusal raises ``Refused`` and writes nothing.
"""

from rra_desktop.services.base import Refused
from rra_desktop.services.deal import replace_deal
from rra_desktop.store.transaction import Change

__all__ = ["Change", "Refused", "replace_deal"]
