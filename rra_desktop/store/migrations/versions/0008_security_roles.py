"""Each class of security carries its role and its heading: the deal's, not the program's.

Adds ``label`` to ``securities`` (the short heading the register, the exports and the screens
show) and fills it, for a class coded as the 2003 form codes it, with the heading the register
printed for that code before (``form_of_agreement.FORMER_HEADINGS``); a Warrant coded "PAW"
becomes a Placement Agent Warrant (``SecurityKind.PLACEMENT_AGENT_WARRANT``). Every output of an
existing deal stays as it was. ``form_of_agreement.with_form_roles`` does the same to an
exchange file written before this revision. The classes it changes are recorded in the audit
trail in one action, so that replaying the trail still gives every record.

Revision ID: 0008
Revises: 0007
"""


import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import set_version, sqlite_of

revision = "0008"
down_revision = "0007"
ACTION = "Schema upgrade: each class of security carries its role and its heading"
branch_labels = None
depends_on = None

# as in rra_desktop.domain.form_of_agreement (kept here: a revision does not change when code does)
FORMER_HEADINGS = {"PREF": "Series D Preferred", "D1": "D-1 Warrants", "D2": "D-2 Warrants",
                   "PAW": "Placement Agent Warrants", "COMMON": "Common"}


def upgrade() -> None:
    with op.batch_alter_table("securities") as batch:
        batch.add_column(sa.Column("label", sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    for code, label in FORMER_HEADINGS.items():
        conn.execute(sa.text("UPDATE securities SET label = :label WHERE code = :code AND label = ''"),
                     {"label": label, "code": code})
    conn.execute(sa.text("UPDATE securities SET kind = 'placement_agent_warrant' "
                         "WHERE code = 'PAW' AND kind = 'warrant'"))
    if conn.dialect.name == "sqlite":  # a server deal is made at the newest schema: no trail yet
        from rra_desktop.store import trail

        trail.record_migration(sqlite_of(op), ACTION)
    set_version(op, 8)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE securities SET kind = 'warrant' WHERE kind = 'placement_agent_warrant'"))
    with op.batch_alter_table("securities") as batch:
        batch.drop_column("label")
    set_version(op, 7)
