"""One record of a registration's filing and effectiveness: the registration's.

Adds ``filed_document`` / ``effective_document`` to ``registrations`` and moves every stored
``rs_filed`` / ``rs_effective`` timeline fact into the registration it speaks of (the one it
names, else the first Section 2 shelf, else a new shelf "shelf"): the time where the record has
none (a fact without a time counts from midnight of its day), the document where the record has
none; then deletes those facts. ``rra_desktop.domain.registration_facts`` does the same to an
exchange file written before this revision. The records it changes (every registration gains the
two fields) are recorded in the audit trail in one action, so that replaying the trail still
gives every record.

Revision ID: 0007
Revises: 0006
"""


import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import set_version, sqlite_of

revision = "0007"
down_revision = "0006"
ACTION = "Schema upgrade: a registration's filing and effectiveness are kept on its record"
branch_labels = None
depends_on = None

FIELDS = {"rs_filed": ("filed_at", "filed_document"), "rs_effective": ("effective_at", "effective_document")}


def upgrade() -> None:
    with op.batch_alter_table("registrations") as batch:
        batch.add_column(sa.Column("filed_document", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("effective_document", sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    facts = conn.execute(sa.text(
        "SELECT id, kind, \"on\", at, registration_id, document FROM facts "
        "WHERE kind IN ('rs_filed', 'rs_effective') ORDER BY \"on\", id")).all()
    if facts:
        shelf = conn.execute(sa.text(
            "SELECT id FROM registrations WHERE kind = 'section_2_shelf' ORDER BY seq LIMIT 1")).scalar()
        for fact_id, kind, on, at, registration_id, document in facts:
            rid = registration_id or shelf or "shelf"
            if conn.execute(sa.text("SELECT 1 FROM registrations WHERE id = :id"), {"id": rid}).first() is None:
                top = conn.execute(sa.text("SELECT COALESCE(MAX(seq), 0) FROM registrations")).scalar() or 0
                conn.execute(sa.text(
                    "INSERT INTO registrations (id, seq, kind, form, file_no, shares_registered, other_securities, "
                    "underwritten, note, filed_document, effective_document) "
                    "VALUES (:id, :seq, 'section_2_shelf', 'S-3', '', 0, '[]', 0, '', '', '')"),
                    {"id": rid, "seq": top + 1})
                shelf = shelf or rid
            at_field, doc_field = FIELDS[kind]
            conn.execute(sa.text(
                f"UPDATE registrations SET {at_field} = COALESCE({at_field}, :at), "
                f"{doc_field} = CASE WHEN {doc_field} = '' THEN :doc ELSE {doc_field} END WHERE id = :id"),
                {"at": at or f"{on}T00:00:00", "doc": document or "", "id": rid})
            conn.execute(sa.text("DELETE FROM facts WHERE id = :id"), {"id": fact_id})
    if conn.dialect.name == "sqlite":  # a server deal is made at the newest schema: no trail yet
        from rra_desktop.store import trail

        trail.record_migration(sqlite_of(op), ACTION)
    set_version(op, 7)


def downgrade() -> None:
    with op.batch_alter_table("registrations") as batch:
        batch.drop_column("effective_document")
        batch.drop_column("filed_document")
    set_version(op, 6)
