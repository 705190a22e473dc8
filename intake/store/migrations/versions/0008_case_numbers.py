"""case numbers handed out before their case commits (issue 28: PostgreSQL workers number cases in turn only
for a moment)

Revision ID: 0008
Revises: 0007
Create Date: 2027-01-10 (issue 28)
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_number',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('year', 'seq')
    )
    op.create_index(op.f('ix_case_number_holder'), 'case_number', ['holder'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_case_number_holder'), table_name='case_number')
    op.drop_table('case_number')
