"""delivery leases on outgoing email; reminder keys carry the due date; the digest that listed each case; linked cases

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 (issue 11)
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbound_email', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('lease_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    rekey_alerts(op.get_bind())
    with op.batch_alter_table('referral_case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('linked_to', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    # Cases stored before an existing digest was made count as listed by the first such digest; the rest
    # (stored after the last digest) are listed by the next one.
    op.execute(sa.text(
        "UPDATE referral_case SET digest_id = (SELECT o.id FROM outbound_email o WHERE o.kind = 'digest' AND o.created_at >= "
        "COALESCE((SELECT m.processed_at FROM inbound_message m WHERE m.id = referral_case.inbound_id), referral_case.received_at) "
        "ORDER BY o.created_at LIMIT 1)"))


def downgrade() -> None:
    with op.batch_alter_table('referral_case', schema=None) as batch_op:
        batch_op.drop_column('linked_to')
        batch_op.drop_column('digest_id')
    with op.batch_alter_table('outbound_email', schema=None) as batch_op:
        batch_op.drop_column('lease_until')
        batch_op.drop_column('lease_owner')


def _due_when_sent(history: list, created_at, current_due: str) -> str:
    """The deadline's due date when a reminder row was written: the last history entry at or before it."""
    due = None
    for entry in history:
        if "due" in entry and entry.get("at", "") <= created_at:
            due = entry["due"]
    return due or current_due


def rekey_alerts(conn) -> None:
    """Reminder and escalation keys gain the due date (kind:case:clock:due:stage) so that a moved deadline is
    re-armed; rows written before this migration get the due date in force when they were written, so nothing
    already sent is sent again."""
    import json

    rows = conn.execute(sa.text("SELECT id, key, created_at FROM outbound_email WHERE kind IN ('reminder', 'escalation')")).all()
    for row_id, key, created_at in rows:
        parts = key.split(":")
        if len(parts) != 4:
            continue
        kind, ref, clock, stage = parts
        deadline = conn.execute(sa.text("SELECT d.due, d.history FROM deadline d JOIN referral_case c ON c.id = d.case_id "
                                        "WHERE c.reference = :ref AND d.clock = :clock"), {"ref": ref, "clock": clock}).first()
        if deadline is None:
            continue
        when = created_at.isoformat() if hasattr(created_at, "isoformat") else str(created_at).replace(" ", "T")
        new_due = _due_when_sent(json.loads(deadline[1] or "[]"), when, str(deadline[0]))
        conn.execute(sa.text("UPDATE outbound_email SET key = :key WHERE id = :id"),
                     {"key": f"{kind}:{ref}:{clock}:{new_due}:{stage}", "id": row_id})
