"""Initial schema: every part of a deal, and the audit trail

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 15:52:32.379882
"""

import sqlalchemy as sa
from alembic import op

from rra_desktop.store.schema import append_only, set_version

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('tx', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('user', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('table_name', sa.String(), nullable=False),
    sa.Column('row_id', sa.String(), nullable=False),
    sa.Column('before', sa.String(), nullable=True),
    sa.Column('after', sa.String(), nullable=True),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('prev_hash', sa.String(), nullable=False),
    sa.Column('hash', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('blackouts',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('start', sa.String(), nullable=False),
    sa.Column('end', sa.String(), nullable=True),
    sa.Column('basis', sa.String(), nullable=False),
    sa.Column('facts', sa.String(), nullable=False),
    sa.Column('confidential_reason', sa.String(), nullable=False),
    sa.Column('notice_sent_on', sa.String(), nullable=True),
    sa.Column('advice_sent_on', sa.String(), nullable=True),
    sa.Column('override_reason', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('completions',
    sa.Column('deadline_key', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('deadline_key')
    )
    op.create_table('expenses',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('on', sa.String(), nullable=False),
    sa.Column('payee', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.Column('amount', sa.String(), nullable=False),
    sa.Column('invoice', sa.String(), nullable=False),
    sa.Column('reimbursement_requested_on', sa.String(), nullable=True),
    sa.Column('paid_on', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('holders',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('address_lines', sa.JSON(), nullable=False),
    sa.Column('attention', sa.String(), nullable=False),
    sa.Column('fax', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('qib', sa.Boolean(), nullable=False),
    sa.Column('affiliate', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.Column('on_schedule_1', sa.Boolean(), nullable=False),
    sa.Column('schedule_order', sa.Integer(), nullable=False),
    sa.Column('purchase_price', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('instruments',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('clause', sa.String(), nullable=False),
    sa.Column('on', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('given_by', sa.JSON(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('deadline_key', sa.String(), nullable=True),
    sa.Column('new_date', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('notices',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('recipient', sa.String(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('sent_at', sa.String(), nullable=False),
    sa.Column('deemed_given_on', sa.String(), nullable=True),
    sa.Column('received_on', sa.String(), nullable=True),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('supersedes_id', sa.String(), nullable=True),
    sa.Column('annotations', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['supersedes_id'], ['notices.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('registrations',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('form', sa.String(), nullable=False),
    sa.Column('file_no', sa.String(), nullable=False),
    sa.Column('filed_at', sa.String(), nullable=True),
    sa.Column('effective_at', sa.String(), nullable=True),
    sa.Column('shares_registered', sa.Integer(), nullable=False),
    sa.Column('other_securities', sa.JSON(), nullable=False),
    sa.Column('parent_id', sa.String(), nullable=True),
    sa.Column('underwritten', sa.Boolean(), nullable=False),
    sa.Column('underwriter_limit', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['registrations.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('securities',
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('agreement_date', sa.String(), nullable=False),
    sa.Column('purchase_agreement_date', sa.String(), nullable=False),
    sa.Column('closing_date', sa.String(), nullable=True),
    sa.Column('company', sa.JSON(), nullable=False),
    sa.Column('company_counsel', sa.JSON(), nullable=False),
    sa.Column('holders_counsel', sa.JSON(), nullable=False),
    sa.Column('transfer_agent', sa.JSON(), nullable=True),
    sa.Column('letterhead', sa.JSON(), nullable=True),
    sa.Column('calendar', sa.String(), nullable=False),
    sa.Column('closure_days', sa.JSON(), nullable=False),
    sa.Column('fiscal_year_end_month', sa.Integer(), nullable=False),
    sa.Column('fiscal_year_end_day', sa.Integer(), nullable=False),
    sa.Column('minimum_shares', sa.Integer(), nullable=False),
    sa.Column('other_securities_cap', sa.Integer(), nullable=False),
    sa.Column('permitted_piggybacks', sa.JSON(), nullable=False),
    sa.Column('preferred_stated_value', sa.String(), nullable=False),
    sa.Column('conversion_price', sa.String(), nullable=False),
    sa.Column('dividend_rate', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('assignments',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('transferor_id', sa.String(), nullable=False),
    sa.Column('transferee_id', sa.String(), nullable=False),
    sa.Column('security', sa.String(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('on', sa.String(), nullable=False),
    sa.Column('written_assignment_furnished_on', sa.String(), nullable=True),
    sa.Column('transferee_notice_on', sa.String(), nullable=True),
    sa.Column('company_consent_on', sa.String(), nullable=True),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['security'], ['securities.code'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['transferee_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['transferor_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('claims',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('clause', sa.String(), nullable=False),
    sa.Column('indemnified_party', sa.String(), nullable=False),
    sa.Column('indemnifying_party', sa.String(), nullable=False),
    sa.Column('proceeding', sa.String(), nullable=False),
    sa.Column('holder_id', sa.String(), nullable=True),
    sa.Column('notice_sent_at', sa.String(), nullable=True),
    sa.Column('notice_method', sa.String(), nullable=False),
    sa.Column('notice_received_on', sa.String(), nullable=True),
    sa.Column('defense_assumed_on', sa.String(), nullable=True),
    sa.Column('counsel', sa.String(), nullable=False),
    sa.Column('separate_counsel_bases', sa.JSON(), nullable=False),
    sa.Column('fee_notices', sa.JSON(), nullable=False),
    sa.Column('settlement_consents', sa.JSON(), nullable=False),
    sa.Column('exposure', sa.String(), nullable=True),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['holder_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('piggyback_requests',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.String(), nullable=False),
    sa.Column('holder_id', sa.String(), nullable=False),
    sa.Column('shares', sa.Integer(), nullable=False),
    sa.Column('requested_on', sa.String(), nullable=False),
    sa.Column('rule_144k_eligible_shares', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['holder_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('selling_info',
    sa.Column('registration_id', sa.String(), nullable=False),
    sa.Column('holder_id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('registration_id', 'holder_id')
    )
    op.create_table('facts',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('on', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=True),
    sa.Column('holder_id', sa.String(), nullable=True),
    sa.Column('registration_id', sa.String(), nullable=True),
    sa.Column('claim_id', sa.String(), nullable=True),
    sa.Column('received_on', sa.String(), nullable=True),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('positions',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('holder_id', sa.String(), nullable=False),
    sa.Column('security', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('on', sa.String(), nullable=False),
    sa.Column('acquired_on', sa.String(), nullable=True),
    sa.Column('net_proceeds', sa.String(), nullable=True),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('assignment_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['holders.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['security'], ['securities.code'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.create_index('ix_positions_holder', ['holder_id'], unique=False)

    # The audit trail is append-only (the hash chain proves it; these refuse casual edits).
    append_only(op, "audit")
    set_version(op, 1)




def downgrade() -> None:
    op.execute("DROP TRIGGER audit_no_update")
    op.execute("DROP TRIGGER audit_no_delete")

    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.drop_index('ix_positions_holder')

    op.drop_table('positions')
    op.drop_table('facts')
    op.drop_table('selling_info')
    op.drop_table('piggyback_requests')
    op.drop_table('claims')
    op.drop_table('assignments')
    op.drop_table('terms')
    op.drop_table('securities')
    op.drop_table('registrations')
    op.drop_table('notices')
    op.drop_table('meta')
    op.drop_table('instruments')
    op.drop_table('holders')
    op.drop_table('expenses')
    op.drop_table('completions')
    op.drop_table('blackouts')
    op.drop_table('audit')

