"""action plans: one action_item row per plan action, beside its A<n> deadline (issue 16)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 (issue 16)
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'action_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('clock', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('match_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('recommendation', sa.Text(), nullable=False),
        sa.Column('action', sa.Text(), nullable=False),
        sa.Column('owner_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('owner_email', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('agency', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('plan_status', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('progress', sa.Text(), nullable=True),
        sa.Column('progress_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('inbound_id', sa.Integer(), nullable=True),
        sa.Column('plan_row', sa.Integer(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['referral_case.id']),
        sa.ForeignKeyConstraint(['inbound_id'], ['inbound_message.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'clock', name='uq_action_case_clock'),
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_match_key'), ['match_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_agency'), ['agency'], unique=False)


def downgrade() -> None:
    op.drop_table('action_item')
