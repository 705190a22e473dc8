"""`intake status`: what the service has done lately, for a person or a monitoring system (Nagios, Zabbix, a
systemd timer). It reads the database only: no IMAP, SMTP or identity provider is contacted, nothing is created.

Exit status: 0 when the mailbox was checked successfully within ``[health] max_poll_age`` and every alert (reminder,
escalation, briefing, agenda, new referral, case updated) has been delivered; 1 when the mailbox was not checked (or
never), an alert is undelivered (refused by the Manager's or the Chair's mail server, given up, or waiting for more
than an hour), or the database cannot be read; 2 for a usage or configuration error.

    mailbox: ok (last checked 2027-01-20 09:58, 2 min ago; limit 2h)
    reminders: last run 2027-01-20 09:45
    delivery: last email delivered 2027-01-20 09:58
    inbound: 1 kept for review, 0 failed
    outgoing: 0 pending, 0 failed
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from intake.config import parse_duration
from intake.errors import IntakeError
from intake.mailbox.oauth import credential_check
from intake.store.attention import REVIEW_OUTCOMES
from intake.store.db import make_engine
from intake.store.models import InboundMessage, OutboundEmail, ServiceState
from notifier.delivery import LAST_OK, outage, OUTAGE_ALERT_AFTER
from notifier.refusals import undelivered_alerts, undelivered_summary


def _now() -> datetime:
    """The moment the command runs (a seam: tests pin it)."""
    return datetime.now(timezone.utc)


def _utc(value: datetime | None) -> datetime | None:
    """Times are stored in UTC; SQLite hands them back without an offset."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def age(delta: timedelta) -> str:
    """'2 min', '3 h 05 min', '2 days 4 h': how long ago, to the minute."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def uses_oauth2(cfg) -> bool:
    return (cfg.mailbox.backend == "imap" and cfg.mailbox.auth == "oauth2") or (
        cfg.smtp.backend == "smtp" and cfg.smtp.auth == "oauth2")


def gather(cfg, now: datetime) -> dict:
    """The service's state as of ``now`` (UTC), read from the database; raises IntakeError when it cannot be read."""
    from sqlalchemy import func
    from sqlalchemy.exc import DatabaseError
    from sqlmodel import Session, select


    url = cfg.database_url
    if url.startswith("sqlite:///") and ":memory:" not in url and not Path(url[len("sqlite:///"):]).exists():
        raise IntakeError(f"there is no database at {url[len('sqlite:///'):]} yet: the service has never run with this "
                          "configuration; run intake check --as-user USER, then start it")
    limit = timedelta(seconds=parse_duration(cfg.health.max_poll_age, "health.max_poll_age"))
    engine = make_engine(url)  # no migration: status changes nothing

    def when(session, key: str) -> datetime | None:
        row = session.get(ServiceState, key)
        return _utc(row.updated_at) if row else None

    def count(session, model, *where) -> int:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()

    try:
        with Session(engine) as s:
            poll, poll_error_at = when(s, "last_poll_ok"), when(s, "last_poll_error")
            error_row = s.get(ServiceState, "last_poll_error")
            newer_error = error_row is not None and (poll is None or poll_error_at > poll)
            undelivered = undelivered_alerts(s, now)
            down = outage(s)  # (failing since, last error): said once it has lasted an hour, as the digest does
            down_since = _utc(down[0]) if down and now - _utc(down[0]) >= OUTAGE_ALERT_AFTER else None
            state = {
                "last_poll": poll, "last_reminders": when(s, "last_remind_ok"), "last_delivery": when(s, LAST_OK),
                "poll_error": error_row.value if newer_error else None,
                "poll_error_at": poll_error_at if newer_error else None,
                "review": count(s, InboundMessage, InboundMessage.outcome.in_([o for o in REVIEW_OUTCOMES if o != "failed"])),
                "failed": count(s, InboundMessage, InboundMessage.outcome == "failed"),
                "pending": count(s, OutboundEmail, OutboundEmail.status == "pending"),
                "outgoing_failed": count(s, OutboundEmail, OutboundEmail.status == "failed"),
                "delivery_down_since": down_since,
                "undelivered": len(undelivered),
                "undelivered_line": undelivered_summary(undelivered) if undelivered else None,
            }
    except DatabaseError as exc:  # not a database, no tables yet, locked ...
        raise IntakeError(f"cannot read the database {engine.url.render_as_string(hide_password=True)} "
                          f"({getattr(exc, 'orig', exc)}); run intake check --as-user USER") from None
    finally:
        engine.dispose()
    state["max_poll_age"] = limit
    state["mailbox_ok"] = poll is not None and now - poll <= limit
    state["healthy"] = state["mailbox_ok"] and not state["undelivered"]
    state["credential"] = None
    if uses_oauth2(cfg):
        ok, line = credential_check(cfg, now, need_secret=False)
        state["credential"] = {"ok": ok, "line": line}
    return state


def _local(cfg, moment: datetime | None) -> str:
    return moment.astimezone(cfg.tz).strftime("%Y-%m-%d %H:%M") if moment else "never"


def lines(cfg, state: dict, now: datetime) -> list[str]:
    """What `intake status` prints: the mailbox line first (monitoring shows the first line), in `intake check`'s
    "name: ok (...)" / "name: WARNING - ..." / "name: FAILED - ..." form, times in the organisation's timezone."""
    limit = cfg.health.max_poll_age
    poll = state["last_poll"]
    if poll is None:
        out = ["mailbox: FAILED - never checked successfully; is the service running? (systemctl status intake)"]
    elif state["mailbox_ok"]:
        out = [f"mailbox: ok (last checked {_local(cfg, poll)}, {age(now - poll)} ago; limit {limit})"]
    else:
        out = [f"mailbox: FAILED - not checked successfully since {_local(cfg, poll)} ({age(now - poll)} ago, more "
               f"than health.max_poll_age = {limit}); see journalctl -u intake and run intake check"]
    if state["undelivered"]:
        # first when failing: monitoring shows the first line
        out.insert(0, f"alerts: FAILED - {state['undelivered_line']}; the other person (and people.deputy, people.service_desk) "
                      "is told by email; see intake outbox")
    if state["poll_error"]:
        out.append(f"mailbox: last error {_local(cfg, state['poll_error_at'])}: {state['poll_error'][:300]}")
    out.append(f"reminders: last run {_local(cfg, state['last_reminders'])}")
    if state["delivery_down_since"]:
        out.append(f"delivery: WARNING - nothing delivered since {_local(cfg, state['delivery_down_since'])}; "
                   "see intake outbox")
    out.append(f"delivery: last email delivered {_local(cfg, state['last_delivery'])}")
    out.append(f"inbound: {state['review']} kept for review, {state['failed']} failed"
               + ("; see intake reprocess --failed" if state["failed"] else ""))
    out.append(f"outgoing: {state['pending']} pending, {state['outgoing_failed']} failed"
               + ("; see intake outbox --failed" if state["outgoing_failed"] else ""))
    if state["credential"]:
        out.append(f"oauth2 credential: {state['credential']['line']}")
    return out


def as_json(state: dict, now: datetime) -> dict:
    """`intake status --json`: times in UTC (ISO 8601), ages and limits in seconds."""
    iso = lambda t: t.isoformat(timespec="seconds") if t else None  # noqa: E731
    poll = state["last_poll"]
    return {
        "healthy": state["healthy"], "now": iso(now),
        "last_poll": iso(poll), "poll_age_seconds": int((now - poll).total_seconds()) if poll else None,
        "max_poll_age_seconds": int(state["max_poll_age"].total_seconds()),
        "last_poll_error": {"at": iso(state["poll_error_at"]), "error": state["poll_error"]} if state["poll_error"] else None,
        "last_reminders": iso(state["last_reminders"]), "last_delivery": iso(state["last_delivery"]),
        "delivery_down_since": iso(state["delivery_down_since"]),
        "undelivered_alerts": state["undelivered"],
        "inbound": {"review": state["review"], "failed": state["failed"]},
        "outgoing": {"pending": state["pending"], "failed": state["outgoing_failed"]},
        "oauth2_credential": state["credential"],
    }
