"""What can go wrong with a deal file, in words a paralegal can act on.

Every error the store raises on purpose is a ``StoreError``; anything else is a bug. The GUI
shows ``str(exc)`` as it is, so each message says what happened and what to do next.
"""

from __future__ import annotations


class StoreError(Exception):
    """A known problem with a deal file (as opposed to a programming error)."""


class NotADealFile(StoreError):
    """The file is not an RRA Desk deal (not SQLite, or SQLite written by something else)."""


class DealFileDamaged(StoreError):
    """The file is a deal but is truncated or corrupt; it was left exactly as found."""


class NewerSchema(StoreError):
    """The file was written by a newer RRA Desk than this one."""

    def __init__(self, path, found: int, known: int):
        self.found, self.known = found, known
        super().__init__(
            f"{path} was written by a newer version of RRA Desk (schema {found}); this version reads up to "
            f"{known}. Install the newer version to open it; the file was not changed."
        )


class DealLocked(StoreError):
    """Someone else has the file open for editing; it can still be opened read-only."""

    def __init__(self, path, holder: dict):
        self.path, self.holder = path, holder
        super().__init__(f"{path} is {self.who()}; nothing was changed. "
                         "To read it meanwhile, open it read-only: rra-desktop --read-only FILE opens the window "
                         "read-only, and the commands that only read a deal (holders, deadlines, check, audit, "
                         "export) work as they are.")


    def who(self) -> str:
        """"open for editing by ann on desk-7 (since Wed Dec 2, 2026 9:40 a.m.)": the time as the
        screens write it, in this computer's time zone."""
        user, host = self.holder.get("user") or "another user", self.holder.get("host") or "an unknown computer"
        return f"open for editing by {user} on {host} (since {since_text(self.holder.get('since'))})"


def since_text(stamp: str | None) -> str:
    """The lock file's ISO time ("2026-12-02T09:40-05:00") as "Wed Dec 2, 2026 9:40 a.m."."""
    import datetime as dt

    from rra_desktop.domain.counting import fmt

    try:
        at = dt.datetime.fromisoformat(stamp or "")
    except ValueError:
        return stamp or "an unknown time"
    if at.tzinfo is not None:
        at = at.astimezone()
    hour = at.hour % 12 or 12
    return f"{fmt(at.date())} {hour}:{at.minute:02d} {'a.m.' if at.hour < 12 else 'p.m.'}"


class ReadOnlyDeal(StoreError):
    """A change was attempted on a deal opened read-only."""


class ChangeConflict(StoreError):
    """An undo/redo or write whose rows changed since (or a reference that does not exist)."""


class LockedRecord(StoreError):
    """A write would alter evidence: a notice logged as sent (7(g))."""


class CannotWrite(StoreError):
    """The deal cannot be changed where it is: a read-only folder, file, disk or share, no
    permission, or a full disk. The file was not changed; it can still be opened read-only."""


class NoAccess(StoreError):
    """The file cannot even be read (permission denied)."""


class MalformedValue(DealFileDamaged):
    """A row holds a value its column cannot hold (written by something other than RRA Desk)."""

    def __init__(self, table: str, row_id: str, column: str, detail: str):
        self.table, self.row_id, self.column = table, row_id, column
        super().__init__(f"{table} {row_id} holds a malformed value in {column!r} ({detail})")

    def with_message(self, found: MalformedValue, message: str) -> MalformedValue:
        """``found`` again, with a message that names the file."""
        self.table, self.row_id, self.column = found.table, found.row_id, found.column
        Exception.__init__(self, message)
        return self
