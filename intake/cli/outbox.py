"""`intake outbox`: list outgoing mail (all, or only what failed) and re-queue what failed."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlmodel import Session, select

from intake.service.services import build_services, deliver
from intake.store.db import open_database
from intake.store.models import AuditEvent, OutboundEmail


def _row_json(o: OutboundEmail) -> dict:
    def iso(t):
        return t.astimezone(timezone.utc).isoformat() if t else None
    return {"id": o.id, "key": o.key, "kind": o.kind, "status": o.status, "to": o.to_address, "subject": o.subject,
            "attempts": o.attempts, "created_at": iso(o.created_at), "next_attempt_at": iso(o.next_attempt_at),
            "sent_at": iso(o.sent_at), "last_error": o.last_error}


def requeue(session: Session, ids: list[int] | None, now: datetime, actor: str) -> list[OutboundEmail]:
    """Put failed (or superseded) rows back in the queue, to be sent at the next delivery. ``ids=None``: every failed row.
    Raises ValueError naming a row that does not exist or was already sent."""
    if ids is None:
        rows = session.exec(select(OutboundEmail).where(OutboundEmail.status == "failed").order_by(OutboundEmail.id)).all()
    else:
        rows = []
        for i in ids:
            row = session.get(OutboundEmail, i)
            if row is None:
                raise ValueError(f"no outgoing email with id {i}; see intake outbox")
            if row.status == "sent":
                raise ValueError(f"outgoing email {i} was already sent on {row.sent_at:%Y-%m-%d %H:%M}")
            rows.append(row)
    for row in rows:
        before = row.status
        row.status, row.attempts, row.next_attempt_at = "pending", 0, now
        row.lease_owner = row.lease_until = None
        session.add(row)
        session.add(AuditEvent(at=now, actor=actor, action="outbox_retry", case_id=row.case_id,
                               detail=json.dumps({"outbox": row.id, "key": row.key, "was": before})))
    return rows


def cmd_outbox(args, cfg, parse_moment, UsageError) -> int:
    now = datetime.now(timezone.utc)
    engine = open_database(cfg.database_url)
    if args.action == "retry":
        if bool(args.ids) == bool(args.all_failed):
            raise UsageError("intake outbox retry needs email ids (see intake outbox --failed) or --all-failed, not both")
        with Session(engine) as s:
            try:
                rows = requeue(s, None if args.all_failed else args.ids, now, "cli")
            except ValueError as exc:
                raise UsageError(str(exc)) from None
            s.commit()
            ids = [r.id for r in rows]
        print(f"re-queued {len(ids)} email(s){': ' + ', '.join(map(str, ids)) if ids else ''}")
        if ids:
            report = deliver(build_services(cfg, engine=engine))
            print(f"delivered {report.sent} email(s); {report.deferred} deferred; {report.failed} failed"
                  + ("; the SMTP server is unavailable, they stay queued" if report.server_unavailable else ""))
        return 0
    if args.ids or args.all_failed:
        raise UsageError("email ids and --all-failed go with `intake outbox retry`")
    with Session(engine) as s:
        query = select(OutboundEmail).order_by(OutboundEmail.id)
        if args.failed:
            query = query.where(OutboundEmail.status == "failed")
        rows = [_row_json(o) for o in s.exec(query)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'ID':>6} {'STATUS':10} {'KIND':16} {'TRIES':>5} {'CREATED':17} SUBJECT / LAST ERROR")
    for r in rows:
        print(f"{r['id']:>6} {r['status']:10} {r['kind']:16} {r['attempts']:>5} {r['created_at'][:16]:17} {r['subject']}"
              + (f"\n{'':58}{r['last_error']}" if r["last_error"] and r["status"] != "sent" else ""))
    if not rows:
        print("nothing" + (" failed" if args.failed else " in the outbox"))
    return 0
