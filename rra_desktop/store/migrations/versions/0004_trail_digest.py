"""The trail covers the records: each audit entry records the content digest after it.

Adds ``audit.state``. The trail of a file made before this revision is replayed; any record whose
content the replay does not give (which a file written only by RRA Desk has none of) is recorded
in one action, "Schema upgrade: the audit trail now covers every record", so that from here on
replaying the trail gives every record, and the content digest is kept in ``meta`` for the next
entry to build on.

Revision ID: 0004
Revises: 0003
"""


import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import put_meta, set_version, sqlite_of

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BASELINE_ACTION = "Schema upgrade: the audit trail now covers every record"


def upgrade() -> None:
    from rra_desktop.store import digest, trail
    from rra_desktop.store.locking import current_user

    op.add_column("audit", sa.Column("state", sa.String(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        # A deal on a server is created at the newest schema by this version: nothing to replay.
        put_meta(op, "trail_state", digest.state_text(0))
        return
    con = sqlite_of(op)
    bad, expected, state, count, prev = trail.replay(con)
    items = []
    if bad is None:
        for spec in trail.TABLES:
            for row_id, content in trail.record_rows(con, spec):
                want = expected.pop((spec.name, row_id), None)
                if want != content:
                    items.append((spec.name, row_id, want, content))
        items += [(table, row_id, want, None) for (table, row_id), want in expected.items()]
    else:
        state = trail.content_digest(con)
    state, count, prev = trail.append_entries(con, items, BASELINE_ACTION, state, count, prev, current_user())
    if items:
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)", (f"{count}:{prev}",))
    con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('trail_state', ?)", (digest.state_text(state),))
    set_version(op, 4)


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key = 'trail_state'")
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("state")
    set_version(op, 3)
