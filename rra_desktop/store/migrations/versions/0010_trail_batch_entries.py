"""The audit trail may hold one entry for many records added at once (an import's chunk of up to
5,000 records of one table: ``record_text.BatchAdded``), its "after" the JSON array of their
texts. Nothing in the file changes; the number tells an earlier version, which would read such
an entry as one record and report the trail broken, that the file is newer than it.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

from rra_desktop.store.schema import set_version

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    set_version(op, 10)


def downgrade() -> None:
    set_version(op, 9)
