"""an index on the inbound messages' sender (issue 28: the reply cap per sender read the whole table for every
message answered)

Revision ID: 0009
Revises: 0008
Create Date: 2027-01-12 (issue 28)
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_inbound_message_from_address'), 'inbound_message', ['from_address'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_inbound_message_from_address'), table_name='inbound_message')
