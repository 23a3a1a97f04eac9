"""One function per user action: validate, write one audited transaction, return a ``Change``.

``Change`` (from the store) is what the GUI's undo stack holds: ``store.undo(change)`` and
``store.redo(change)`` reverse and replay it. A refusal raises ``Refused`` and writes nothing.
An action over several services runs them in one ``unit_of_work`` (one transaction, one Change).
"""

from rra_desktop.services.base import Refused
from rra_desktop.services.deal import replace_deal
from rra_desktop.services.unit_of_work import UnitOfWork, unit_of_work
from rra_desktop.store.transaction import Change

__all__ = ["Change", "Refused", "UnitOfWork", "replace_deal", "unit_of_work"]
