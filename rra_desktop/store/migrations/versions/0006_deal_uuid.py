"""Give every deal file its own UUID (``meta`` key ``deal_uuid``): calendar exports build their
event UIDs from it, so they survive any edit of the deal.

Revision ID: 0006
Revises: 0005
"""

import uuid

from alembic import op
from sqlalchemy import text

from rra_desktop.store.schema import set_version

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(text("INSERT INTO meta (key, value) VALUES ('deal_uuid', :value) ON CONFLICT (key) DO NOTHING"),
                          {"value": str(uuid.uuid4())})
    set_version(op, 6)


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key IN ('deal_uuid', 'calendar_export')")
    set_version(op, 5)
