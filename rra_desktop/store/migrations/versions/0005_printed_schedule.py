"""Record Schedule 1's printed totals in the deal's terms (None: no printed schedule to check).

Before this revision the check knew one printed schedule, the 2003 Spectrum agreement's, and
applied it to any deal with that agreement's title and date. Such a file whose register lists
Holders from Schedule 1 keeps the check, those totals being recorded here; every other deal (a new
deal made on the agreement's terms with no Holders yet among them) records none. The terms'
new content is recorded in the audit trail in one action, "Schema upgrade: Schedule 1's printed
totals are part of the deal's terms", so that replaying the trail still gives every record.

Revision ID: 0005
Revises: 0004
"""

import json

import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import set_version, sqlite_of

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ACTION = "Schema upgrade: Schedule 1's printed totals are part of the deal's terms"
SPECTRUM_TITLE = "Spectrum Pharmaceuticals, Inc. — Registration Rights Agreement dated as of May 7, 2003"
SPECTRUM_PRINTED = {"shares": [{"security": "PREF", "shares": 444}, {"security": "D1", "shares": 944_681},
                               {"security": "D2", "shares": 944_681}], "purchase_price": "4440000"}


def upgrade() -> None:
    op.add_column("terms", sa.Column("schedule_1_printed", sa.JSON(), nullable=True))
    op.get_bind().execute(
        sa.text("UPDATE terms SET schedule_1_printed = :printed WHERE title = :title AND agreement_date = '2003-05-07' "
                "AND EXISTS (SELECT 1 FROM holders WHERE on_schedule_1)"),
        {"printed": json.dumps(SPECTRUM_PRINTED), "title": SPECTRUM_TITLE})
    if op.get_bind().dialect.name == "sqlite":  # a server deal is made at the newest schema: no trail yet
        from rra_desktop.store import trail

        trail.record_migration(sqlite_of(op), ACTION, tables=("terms",))
    set_version(op, 5)


def downgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.drop_column("schedule_1_printed")
    set_version(op, 4)
