"""Give every deal file its own UUID (``meta`` key ``deal_uuid``): calendar exports build their
event UIDs from it, so they survive any edit of the deal.

Revision ID: 0006
Revises: 0005
"""

import uuid

from alembic import op
from sqlalchemy import text

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(text("INSERT OR IGNORE INTO meta (key, value) VALUES ('deal_uuid', :value)"),
                          {"value": str(uuid.uuid4())})
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key IN ('deal_uuid', 'calendar_export')")
    op.execute("PRAGMA user_version = 5")
