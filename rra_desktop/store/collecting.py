"""Reading a large deal without the cyclic garbage collector's full passes over it mid-read.

Reading a deal of 10,000 Holders and 100,000 ledger rows makes some 120,000 records, every one
of them kept. CPython's collector counts new objects: every 700 it examines the newest ones,
every tenth of those passes the middle generation too, and every tenth of *those* it walks every
object in the process (when enough objects have been kept since the last walk, which a read
always satisfies). Two or three of those full walks fell inside each read, each over the records
read so far, all of them alive: a quarter of the time to open the deal, for nothing found.

``full_collections_postponed()`` raises only the third threshold (full walks) while a snapshot
is read, and puts it back afterwards, even when the read fails. The collector stays on
throughout: the young generations are examined exactly as before, so short-lived garbage of the
read (and of any other thread) is still collected as it arises, and the next full walk comes
with the first middle pass after the read, which is what happens after any large allocation.
Nothing is frozen: ``gc.freeze()`` was the other candidate, but it moves *every* object of the
process into a generation the collector never examines again (a garbage cycle among them would
never be freed until ``gc.unfreeze()``), which is a process-wide change this module must not make.

Nested and concurrent reads (several stores, threads) share one postponement: the threshold is
raised by the first and put back by the last, and it is put back only if nobody changed it
meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

POSTPONED = 1_000_000  # middle passes before a full walk while a read runs (one read makes about 20)

_lock = threading.Lock()
_readers = 0
_saved: int | None = None  # the third threshold to put back (None: this module did not change it)


@contextmanager
def full_collections_postponed() -> Iterator[None]:
    """While the block runs, the collector skips its full walks (see the module docstring)."""
    global _readers, _saved
    with _lock:
        if _readers == 0:
            first, second, third = gc.get_threshold()
            _saved = third if third != POSTPONED else None
            if _saved is not None:
                gc.set_threshold(first, second, POSTPONED)
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0 and _saved is not None:
                first, second, third = gc.get_threshold()
                if third == POSTPONED:
                    gc.set_threshold(first, second, _saved)
                _saved = None
