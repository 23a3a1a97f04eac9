"""Index the position ledger by date (as-of registers) and name the file format in ``meta``.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from rra_desktop.store.schema import put_meta, set_version

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_positions_on", "positions", ["on"])
    put_meta(op, "format", "rra-desk-deal")
    set_version(op, 2)


def downgrade() -> None:
    op.drop_index("ix_positions_on", "positions")
    op.execute("DELETE FROM meta WHERE key = 'format'")
    set_version(op, 1)
