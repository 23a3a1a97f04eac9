"""The agreement read more closely: what a blackout postpones (3(n)), a late 7(d) request the
Company accepted, the time an obligation was done, and 3(a) written objections.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import set_version

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("blackouts") as batch:
        batch.add_column(sa.Column("postpones", sa.String(), nullable=True))
    with op.batch_alter_table("piggyback_requests") as batch:
        batch.add_column(sa.Column("late_accepted_on", sa.String(), nullable=True))
    with op.batch_alter_table("completions") as batch:
        batch.add_column(sa.Column("done_at", sa.String(), nullable=True))
    op.create_table(
        "objections",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(), nullable=False),
        sa.Column("objectors", sa.JSON(), nullable=False),
        sa.Column("received_on", sa.String(), nullable=False),
        sa.Column("registration_id", sa.String(), nullable=True),
        sa.Column("copies_fact_id", sa.String(), nullable=True),
        sa.Column("withdrawn_on", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], deferrable=True, initially="DEFERRED"),
        sa.ForeignKeyConstraint(["copies_fact_id"], ["facts.id"], deferrable=True, initially="DEFERRED"),
        sa.PrimaryKeyConstraint("id"),
    )
    set_version(op, 3)


def downgrade() -> None:
    op.drop_table("objections")
    with op.batch_alter_table("completions") as batch:
        batch.drop_column("done_at")
    with op.batch_alter_table("piggyback_requests") as batch:
        batch.drop_column("late_accepted_on")
    with op.batch_alter_table("blackouts") as batch:
        batch.drop_column("postpones")
    set_version(op, 2)
