"""Record Schedule 1's printed totals in the deal's terms (None: no printed schedule to check).

Before this revision the check knew one printed schedule, the 2003 Spectrum agreement's, and
applied it to any deal with that agreement's title and date. Such a file whose register lists
Holders from Schedule 1 keeps the check, those totals being recorded here; every other deal (a new
deal made on the agreement's terms with no Holders yet among them) records none.

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SPECTRUM_TITLE = "Spectrum Pharmaceuticals, Inc. — Registration Rights Agreement dated as of May 7, 2003"
SPECTRUM_PRINTED = {"shares": [{"security": "PREF", "shares": 444}, {"security": "D1", "shares": 944_681},
                               {"security": "D2", "shares": 944_681}], "purchase_price": "4440000"}


def upgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.add_column(sa.Column("schedule_1_printed", sa.JSON(), nullable=True))
    op.get_bind().execute(
        sa.text("UPDATE terms SET schedule_1_printed = :printed WHERE title = :title AND agreement_date = '2003-05-07' "
                "AND EXISTS (SELECT 1 FROM holders WHERE on_schedule_1)"),
        {"printed": json.dumps(SPECTRUM_PRINTED), "title": SPECTRUM_TITLE})
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    with op.batch_alter_table("terms") as batch:
        batch.drop_column("schedule_1_printed")
    op.execute("PRAGMA user_version = 3")
