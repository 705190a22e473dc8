"""short reply tokens and meeting attendance (issue 24)

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-04 (issue 24)
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reply_token',
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('person', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('case_reference', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('issued_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('token')
    )
    op.create_index(op.f('ix_reply_token_expires_at'), 'reply_token', ['expires_at'], unique=False)
    op.create_table('meeting_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('attendee', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('partstat', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('answered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['referral_case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'attendee', name='uq_attendance_case_attendee')
    )
    op.create_index(op.f('ix_meeting_attendance_case_id'), 'meeting_attendance', ['case_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_meeting_attendance_case_id'), table_name='meeting_attendance')
    op.drop_table('meeting_attendance')
    op.drop_index(op.f('ix_reply_token_expires_at'), table_name='reply_token')
    op.drop_table('reply_token')
