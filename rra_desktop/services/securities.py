"""The deal's classes of security (``security_classes``): add a class, change what a class is
called and the role it plays, or remove a class nothing names.

A class's ``code`` is what its ledger rows, assignments and printed Schedule 1 name, so it is
never changed (add a class under the new code instead). Its name, label and role may change: the
register, Rule 144, majority counts and every export follow at once (a role changed on a class
the ledger holds changes the counts, which is the point). A class that a ledger row, an
assignment or the printed Schedule 1 names is not removed.
"""

from __future__ import annotations

from rra_desktop.domain.model import SecurityClass, SecurityKind
from rra_desktop.domain.security_classes import ROLE_NAMES
from rra_desktop.services.base import Refused, find, text, write
from rra_desktop.store.transaction import Change


def check_class(cls: SecurityClass) -> SecurityClass:
    """A class's own fields: a code of letters, digits, "-" or "_", a name, a known role."""
    code = text(cls.code, "code", "code")
    if not all(ch.isalnum() or ch in "-_" for ch in code) or code != cls.code:
        raise Refused(f"The code {cls.code!r} may hold only letters, digits, '-' and '_' (no spaces).", field="code")
    text(cls.name, "name", "name of the class")
    if not isinstance(cls.kind, SecurityKind):
        roles = ", ".join(ROLE_NAMES.values())
        raise Refused(f"Choose the role the class plays in the agreement: {roles}.", field="kind")
    if cls.label != cls.label.strip() or "\n" in cls.label:
        raise Refused("The label is one line without surrounding blanks.", field="label")
    return cls


def add_class(store, cls: SecurityClass) -> Change:
    check_class(cls)
    if any(s.code.casefold() == cls.code.casefold() for s in store.deal().securities):
        raise Refused(f"The deal already has a class coded {cls.code!r}.", field="code")
    with write(store, f"Add class of security {cls.code} ({cls.heading})") as tx:
        tx.add(cls)
    return tx.change


def edit_class(store, cls: SecurityClass) -> Change:
    """Change a class's name, label or role (its code stays: see the module docstring)."""
    check_class(cls)
    before = find(store.deal().securities, "code", cls.code, "class of security", "code")
    what = "role" if before.kind != cls.kind else "name and label"
    with write(store, f"Change the {what} of class {cls.code}") as tx:
        tx.update(cls)
    return tx.change


def remove_class(store, code: str) -> Change:
    deal = store.deal()
    cls = find(deal.securities, "code", code, "class of security", "code")
    users = [what for what, used in (
        ("ledger rows", any(p.security == code for p in deal.positions)),
        ("assignments", any(a.security == code for a in deal.assignments)),
        ("the printed Schedule 1", any(s.security == code for s in
                                       (deal.terms.schedule_1_printed.shares if deal.terms.schedule_1_printed else ())))
    ) if used]
    if users:
        raise Refused(f"{cls.heading} ({code}) is named by {' and '.join(users)}: it stays.", field="code")
    with write(store, f"Remove class of security {code}") as tx:
        tx.remove(SecurityClass, code)
    return tx.change
