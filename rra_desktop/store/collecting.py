"""Reading a large deal without making the cyclic garbage collector walk the whole process for it.

Reading a deal of 10,000 Holders and 100,000 ledger rows makes some 120,000 records, every one of
them kept as long as the deal is. CPython's collector counts new objects: every 700 it examines
the newest ones, every tenth of those passes it examines the middle generation and moves what
survives into the oldest one, and once the objects moved there since its last full walk exceed a
quarter of those it found in that walk, it walks every object in the process. A read moves its
120,000 records there through those passes, so each read set off one or more full walks, over
the records read so far and everything else alive (another deal, the rules engine's cache): a
third of the time to open the deal and, in a process holding 300,000 objects, half of it, for
nothing found.

``promote_kept()``, called by the snapshot reader after every few thousand records, moves the
objects the collector tracks straight into its oldest generation, where they would have gone:
``gc.freeze()`` followed at once by ``gc.unfreeze()`` (freezing moves every tracked object into a
permanent generation, unfreezing moves them all back into the oldest one). Nothing stays frozen,
the collector stays on and runs as before, and the records are examined by full walks as every
long-lived object is; what the read no longer does is count them as new arrivals and set off full
walks of its own. The cost to the rest of the process is that young objects alive at that moment
(the reading thread's, and any other thread's) wait for the next full walk rather than the next
young pass to be examined: a cycle among them is freed later, never lost.

An import's write (``Transaction.add_many``) promotes after each chunk of 5,000 records for the
same reason: its records and row changes are kept (the deal, the ``Change`` that undoes it).

It does nothing while anything is frozen (a caller's own ``gc.freeze()``, which the unfreeze would
undo) or the collector is off.
"""

from __future__ import annotations

import gc
import threading

PROMOTE_EVERY = 5_000  # records read between promotions: fewer than one middle pass's worth (7,000 objects)

_lock = threading.Lock()


def promote_kept() -> None:
    """Move every tracked object into the oldest generation at once (see the module docstring)."""
    with _lock:
        if gc.isenabled() and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()


def kept_records(take, build) -> tuple:
    """The records ``build`` makes of the rows ``take(n)`` hands out ``n`` at a time (a list, empty
    at the end), with the records kept so far promoted after each full batch: the readers of a
    deal file and of a server deal both read this way."""
    records: list = []
    while batch := take(PROMOTE_EVERY):
        records.extend(map(build, batch))
        if len(batch) < PROMOTE_EVERY:  # the table's last rows: read through
            break
        promote_kept()
    return tuple(records)
