"""Moving a deal between a deal file and a firm server (either way): ``copy_deal(source, dest)``.

The copy is exact: every record with its place in the deal's order, every audit entry as it was
recorded (who, when, the hashes and content digests), and the trail's head, so the destination's
``audit --verify`` gives the same head digest as the source's. The destination must not exist; it
is verified before the copy is reported done, and removed again if anything fails (nothing is
left half-written). The source is only read.
"""

from __future__ import annotations

from pathlib import Path

from rra_desktop.store.codec import RECORD_TABLES, TERMS
from rra_desktop.store.deal_store import DealStore
from rra_desktop.store.errors import StoreError


def is_server(location: str) -> bool:
    return str(location).startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


class _BlankFile(DealStore):
    """A new deal file at the newest schema holding nothing (no "Create deal" entry)."""

    def _write_whole_deal(self, deal, label):
        return None


def _open_source(location: str):
    if is_server(location):
        from rra_desktop.store.server import ServerStore

        return ServerStore.open(location, read_only=True)
    if not Path(location).exists():
        raise StoreError(f"{location}: no such deal file")
    return DealStore.open(location, read_only=True)


def _blank_destination(location: str):
    if is_server(location):
        from rra_desktop.store.server import ServerStore

        class _BlankServer(ServerStore):
            def _write_whole_deal(self, deal, label):
                return None

        return _BlankServer.create(location)
    if Path(location).exists():
        raise StoreError(f"{location} already exists; copy to a new file")
    return _BlankFile.create(location)


def _remove(location: str, store) -> None:
    store.close()
    if is_server(location):
        from sqlalchemy import text

        from rra_desktop.store.server import make_engine, parse_url

        address = parse_url(location)
        engine = make_engine(address)
        try:
            with engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{address.schema}" CASCADE'))
        finally:
            engine.dispose()
    else:
        for leftover in (Path(location), Path(f"{location}.lock"), Path(f"{location}-journal")):
            leftover.unlink(missing_ok=True)


def copy_deal(source: str, destination: str):
    """Copy the deal at ``source`` to ``destination`` (a new file or a new server deal); returns the
    destination's ``AuditReport`` (ok, with the same head digest as the source's)."""
    from sqlalchemy import delete, insert, select

    from rra_desktop.store.tables import AuditRow, Meta

    src = _open_source(source)
    try:
        report = src.verify_audit()
        if not report.ok:
            raise StoreError(f"{source}: its audit trail does not verify ({report.message}); not copied")
        deal = src.deal()
        with src.engine.connect() as conn:
            audit_rows = [dict(r._mapping) for r in conn.execute(select(AuditRow.__table__).order_by(AuditRow.seq))]
            meta_rows = [dict(r._mapping) for r in conn.execute(select(Meta.__table__))]
    finally:
        src.close()
    dest = _blank_destination(destination)
    try:
        with dest.engine.begin() as conn:
            conn.execute(delete(Meta))
            conn.execute(TERMS.table.insert(), [{**TERMS.to_row(deal.terms), "id": 1}])
            for spec in RECORD_TABLES:
                rows = [{**spec.to_row(r), "seq": i} for i, r in enumerate(getattr(deal, spec.name), start=1)]
                if rows:
                    conn.execute(spec.table.insert(), rows)
            if audit_rows:
                conn.execute(insert(AuditRow), audit_rows)
            if meta_rows:
                conn.execute(insert(Meta), meta_rows)
        dest._snapshot = None
        copied = dest.verify_audit()
        if not copied.ok or copied.head != report.head:
            raise StoreError(f"the copy at {destination} does not verify ({copied.message}); it was removed")
    except BaseException:
        _remove(destination, dest)
        raise
    dest.close()
    return copied
