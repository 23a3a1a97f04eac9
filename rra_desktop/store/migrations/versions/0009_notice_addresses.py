"""Dated changes of notice address under 7(g): the ``address_changes`` table.

The address each Holder's record and the deal's terms already carry is read as the address first
designated (Schedule 1, the agreement, a transferee's 7(i) notice), in force from the beginning
until the first recorded change takes effect (``rra_desktop.domain.addresses``). So no existing
row changes and nothing is added to the audit trail: a file upgraded to this revision addresses
every letter exactly as before until a change is recorded.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import set_version

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "address_changes",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("of", sa.String(), nullable=False),
        sa.Column("address_lines", sa.JSON(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("sent_at", sa.String(), nullable=False),
        sa.Column("holder_id", sa.String(), nullable=True),
        sa.Column("attention", sa.String(), nullable=False),
        sa.Column("fax", sa.String(), nullable=False),
        sa.Column("received_on", sa.String(), nullable=True),
        sa.Column("effective_from", sa.String(), nullable=True),
        sa.Column("withdrawn_on", sa.String(), nullable=True),
        sa.Column("document", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["holder_id"], ["holders.id"], deferrable=True, initially="DEFERRED"),
        sa.PrimaryKeyConstraint("id"),
    )
    set_version(op, 9)


def downgrade() -> None:
    op.drop_table("address_changes")
    set_version(op, 8)
