"""Audit rows written straight to their table, several in one statement.

Nothing reads an audit row's id back, so the rows a step writes need not go through the ORM one by one: on SQLite
the ORM sends one ``INSERT ... RETURNING`` per row (it must match each new id to its object, and SQLite does not
promise RETURNING's order), six a referral. ``write_audit`` sends them as one executemany. The trail keeps its
order: audit rows still waiting in the session (added through the ORM before these) are written first.
"""

from __future__ import annotations

from sqlalchemy import insert

from intake.store.models import AuditEvent

_INSERT = insert(AuditEvent.__table__)


def audit_row(at, actor: str, action: str, case_id: int | None, detail: str = "{}") -> dict:
    """One audit row, as ``write_audit`` takes it (the columns of ``AuditEvent`` but its id)."""
    return {"at": at, "actor": actor, "action": action, "case_id": case_id, "detail": detail}


def write_audit(session, rows: list[dict]) -> None:
    """Insert ``rows`` (``audit_row``) in this session's transaction now, in their order, after any audit row added
    to the session before them. Their case must be written already (it has an id)."""
    if not rows:
        return
    if any(isinstance(obj, AuditEvent) for obj in session.new):
        session.flush()  # an earlier audit row keeps its lower id
    session.execute(_INSERT, rows)
