"""the briefing that listed each message needing review (issue 22.4)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 (issue 22)
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbound_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest_id', sa.Integer(), nullable=True))
    # Messages processed before an existing briefing was made count as listed by the first such briefing; the rest
    # (processed after the last briefing) are listed by the next one.
    op.execute(sa.text(
        "UPDATE inbound_message SET digest_id = (SELECT o.id FROM outbound_email o WHERE o.kind = 'digest' "
        "AND o.created_at >= inbound_message.processed_at ORDER BY o.created_at LIMIT 1)"))


def downgrade() -> None:
    with op.batch_alter_table('inbound_message', schema=None) as batch_op:
        batch_op.drop_column('digest_id')
