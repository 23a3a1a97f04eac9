"""One user action that spans several services: one transaction, one audit entry, one ``Change``.

Logging a batch of letters writes the notices and what they set in motion (the blackout
ledger's notice and Advice dates, the 7(p) completion, the 3(a)/7(d) window facts); each is a
service of its own. Run them inside one unit of work and pass the unit in place of the store::

    with unit_of_work(store, "Log 3 notices") as uow:
        blackouts.record_advice(uow, "b-1", on)
        notices.log_notice(uow, record)
    uow.change          # the one undoable Change (one entry on the GUI's undo stack)

A ``UnitOfWork`` offers what a service uses of a store: ``deal()`` is the deal as this action
has left it so far (each service validates against the earlier steps), and ``transaction()``
joins the open transaction as a step instead of committing one of its own. Each step runs in
a savepoint, so a step that is refused leaves nothing of itself behind; a refusal that leaves
the ``with`` block rolls the whole action back: nothing is committed, no audit entry written,
and (from the GUI) nothing is pushed on the undo stack. The same holds from the command line,
where a refusal half-way used to leave the earlier steps committed.

Units nest: ``unit_of_work(uow, label)`` runs as one step of ``uow``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rra_desktop.domain.model import Deal
from rra_desktop.services.base import write
from rra_desktop.store.errors import ChangeConflict
from rra_desktop.store.transaction import Change, Transaction


class UnitOfWork:
    """An open action over ``store``; services take it where they take a store."""

    read_only = False

    def __init__(self, store: Any, tx: Transaction):
        self.store = store
        self._tx = tx
        self._deal: Deal | None = None
        self._deal_rows = -1
        self._change: Change | None = None

    @property
    def path(self) -> Any:
        return self.store.path

    @property
    def label(self) -> str:
        return self._tx.label

    @property
    def change(self) -> Change:
        """The whole action's Change, once the ``with`` block has committed it."""
        if self._change is None:
            raise RuntimeError(f"“{self._tx.label}” has not been committed yet")
        return self._change

    def deal(self) -> Deal:
        """The deal as stored plus what the steps so far have written (not yet committed)."""
        if self._deal is None or self._deal_rows != len(self._tx.rows):
            conn = self._tx.session.connection()
            if conn.dialect.name == "sqlite":
                from rra_desktop.store.snapshot import read_deal

                self._deal = read_deal(conn.connection.dbapi_connection)
            else:  # a server deal: read through SQLAlchemy (psycopg decodes JSON columns itself)
                from rra_desktop.store.server import read_deal_through

                self._deal = read_deal_through(conn)[0]
            self._deal_rows = len(self._tx.rows)
        return self._deal

    @contextmanager
    def transaction(self, label: str, reason: str = "") -> Iterator[Transaction]:
        """One service's writes, as a step of this action (the store's ``transaction`` contract,
        without its own commit or audit entry)."""
        from sqlalchemy.exc import IntegrityError

        step = self._tx.step(label, reason)
        savepoint = self._tx.session.begin_nested()
        try:
            yield step
        except IntegrityError as exc:
            savepoint.rollback()
            raise ChangeConflict(f"“{label}” was not saved: it refers to a record that does not exist "
                                 f"or repeats one that does ({exc.orig})") from None
        except BaseException:
            savepoint.rollback()
            raise
        finally:
            self._deal = None
        savepoint.commit()
        self._tx.end_step(step)


@contextmanager
def unit_of_work(store: Any, label: str, reason: str = "") -> Iterator[UnitOfWork]:
    """Open one action over ``store`` (a ``DealStore``, or a ``UnitOfWork`` to nest in); on a
    clean exit its steps commit together with one audit entry and ``uow.change`` is set. The
    store's refusals become ``Refused``, as in every service."""
    with write(store, label, reason) as tx:
        uow = UnitOfWork(store, tx)
        yield uow
    uow._change = tx.change
