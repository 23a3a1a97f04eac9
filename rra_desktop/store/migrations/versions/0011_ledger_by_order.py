"""Index the position ledger by its order (``seq``): a snapshot reads the ledger in the order the
deal lists it (``ORDER BY seq``), which without an index SQLite sorts on every open (a tenth of
the time to read a 100,000-row ledger). Nothing in a record changes, so nothing is added to the
audit trail; the number tells an earlier version that the file is newer than it.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

from rra_desktop.store.schema import set_version

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_positions_seq", "positions", ["seq"])
    set_version(op, 11)


def downgrade() -> None:
    op.drop_index("ix_positions_seq", "positions")
    set_version(op, 10)
