"""Index the position ledger by date (as-of registers) and name the file format in ``meta``.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_positions_on", "positions", ["on"])
    op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('format', 'rra-desk-deal')")
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    op.drop_index("ix_positions_on", "positions")
    op.execute("DELETE FROM meta WHERE key = 'format'")
    op.execute("PRAGMA user_version = 1")
