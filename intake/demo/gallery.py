"""Every email the bot can send, rendered with demo data: `scripts/render-emails DIR`.

Runs the demo's flow on embedded defaults (Maildir in, directory outbox, SQLite) with emailed commands on,
then the reminder runs of the demo's first due date (combined: the morning briefing and the Chair's one
escalation) and of the next working day with ``combine = false`` (one email per reminder and escalation),
and renders through the real templates the kinds no demo message produces (too large, reply
acknowledgement, case updated, command result, a refusal, HELP), plus the Rapid Review invitation, its update
and its cancellation. Writes NAME.eml and NAME.html for each, and NAME.png when Debian's ``chromium`` is
installed; ``widths`` lays pages out at 375 px (a phone) or 600 px (Outlook's reading pane).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import datetime, time, timedelta, timezone
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from intake import config as config_mod, tokens
from intake.demo.forms import demo_messages
from intake.demo.run import DEMO_CONFIG
from intake.duties.action_reminders import owner_reply_help
from intake.duties.rapid_review import cancel, convene, remind_unconvened
from intake.mailbox.maildir_source import MaildirSource
from intake.service.remind import remind
from intake.service.services import build_services, deliver, poll_and_deliver
from intake.store.models import Case, Deadline
from notifier.compose import build_email, render
from notifier.late_referral import STILL_TO_DO
from notifier.summary import reply_help
from notifier.workdays import WorkingCalendar

WIDTH = 600  # px: the widest an email may be (Outlook's reading pane)
PHONE = 375  # px: a phone's screen (iPhone SE/mini); every email must fit it too
DEMO_SECRET = "gallery-demo-secret-0123456789"
_OVERFLOW_PROBE = """<script>window.addEventListener('load', function () {
  var w = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  var h = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
  document.title = 'WIDTH:' + w + ':' + window.innerWidth + ':' + h;
});</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser(args: list[str], timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", "--disable-dev-shm-usage", *args],
                          capture_output=True, text=True, timeout=timeout)


def screenshot(html: Path, png: Path, height: int = 1400, width: int = WIDTH) -> None:
    _browser([f"--screenshot={png}", f"--window-size={width},{height}", html.resolve().as_uri()])


def page_size(html: Path, width: int = WIDTH) -> tuple[int, int, int]:
    """(content width, viewport width, content height) of ``html`` laid out in a window ``width`` px wide."""
    probe = html.with_suffix(".probe.html")
    probe.write_text(html.read_text().replace("</body>", _OVERFLOW_PROBE + "</body>"))
    try:
        out = _browser(["--dump-dom", f"--window-size={width},900", probe.resolve().as_uri()]).stdout
    finally:
        probe.unlink()
    start = out.index("WIDTH:")
    content, viewport, height = out[start + 6:out.index("<", start)].split(":")[:3]
    return int(content), int(viewport), int(height)


def widths(pages: list[Path], width: int = WIDTH) -> dict[str, int]:
    """The laid-out content width of each page in a frame ``width`` px wide, all in one browser run: a page wider
    than its frame scrolls sideways (Outlook's reading pane at 600 px, a phone at 375 px)."""
    import html as html_mod
    import json

    frames = "".join(f'<iframe data-name="{p.stem}" style="width:{width}px;height:300px;border:0;display:block" '
                     f'srcdoc="{html_mod.escape(p.read_text(), quote=True)}"></iframe>' for p in pages)
    probe = ("<script>window.addEventListener('load', function () { var out = {};"
             " document.querySelectorAll('iframe').forEach(function (f) { var d = f.contentDocument;"
             " out[f.dataset.name] = Math.max(d.documentElement.scrollWidth, d.body.scrollWidth); });"
             " var p = document.createElement('pre'); p.id = 'widths'; p.textContent = JSON.stringify(out);"
             " document.body.appendChild(p); });</script>")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "all.html"
        page.write_text(f"<!DOCTYPE html><html><body style='margin:0'>{frames}{probe}</body></html>")
        out = _browser(["--dump-dom", f"--window-size={max(width, WIDTH) + 40},900", page.as_uri()]).stdout
    start = out.index('<pre id="widths">') + len('<pre id="widths">')
    return json.loads(html_mod.unescape(out[start:out.index("</pre>", start)]))


def _write(msg_bytes: bytes, name: str, directory: Path) -> Path:
    msg = message_from_bytes(msg_bytes, policy=default_policy)
    (directory / f"{name}.eml").write_bytes(msg_bytes)
    html = directory / f"{name}.html"
    html.write_text(msg.get_body(("html",)).get_content())
    return html


def _direct(cfg, now) -> list[tuple[str, object]]:
    """The kinds no demo message produces, through the same templates and build_email."""

    common = {"organisation": cfg.organisation.name, "group": cfg.organisation.group}
    token = tokens.new_short(DEMO_SECRET)  # shown, never looked up: the gallery has no database
    today = now.astimezone(cfg.tz).date()
    made = [
        ("referrer-too_large", "referrer", "too_large", {"limit_mb": 30}),
        ("referrer-reply_ack", "referrer", "reply_ack", {"reference": "SIRG-2026-0002"}),
        ("manager-case_updated", "manager", "case_updated", {
            "reference": "SIRG-2026-0002", "initials": "JD", "sender": "sam.example@example.gov.uk",
            "note": "The police have now confirmed the date they told children's social care.",
            "added": ["Date the local authority became aware", "Date of the incident"], "conflicts": [],
            "moved": ["C1 now due Tuesday 5 January 2027", "C2 now due Tuesday 5 January 2027"], "held": "",
            "replies": reply_help(cfg, "case_updated", token, "manager", reference="SIRG-2026-0002", today=today)}),
        ("person-command_result", "person", "command_result", {
            "applied": ["SIRG-2026-0001: C1 met on Monday 7 December 2026"], "refused": None, "retry": [],
            "warnings": [], "not_sent": "", "forms": [],
            "replies": reply_help(cfg, "command_result", token, "manager", reference="SIRG-2026-0001", today=today)}),
        ("person-command_refused", "person", "command_result", {
            "applied": [], "warnings": [], "forms": [],
            "refused": "EXTEND needs a date after today, then the reason",
            "retry": [f"EXTEND SIRG-2026-0001 C4 {today + timedelta(days=28):%Y-%m-%d} Panel agreed"],
            "not_sent": "If you did not send it, do not reply: someone may be writing as you.",
            "replies": reply_help(cfg, "command_result", token, "manager", reference="SIRG-2026-0001", today=today,
                                  full=True)}),
        ("person-command_help", "person", "command_result", {
            "applied": [], "refused": None, "retry": [], "warnings": [], "not_sent": "", "forms": [],
            "replies": reply_help(cfg, "command_result", token, "manager", reference="SIRG-2026-0001", today=today,
                                  full=True)}),
    ]
    made += _action_plan_emails(cfg, now)
    made.append(("person-undelivered", "person", "undelivered", {
        "role": "the Safeguarding Manager", "name": cfg.people.manager_name, "address": cfg.people.manager.lower(),
        "error": "550 5.2.2 Mailbox full", "since": "10:02 on Monday 28 December 2026",
        "items": ["new referral SIRG-2026-0002", "reminder: SIRG-2026-0001 C1 due Tuesday 5 January 2027",
                  "the morning briefing of Wednesday 30 December 2026"],
        "manager": cfg.people.manager, "chair": cfg.people.chair,
        "replies": reply_help(cfg, "undelivered", token, "chair", reference="SIRG-2026-0002", today=today)}))
    made.append(("person-late_referral", "person", "late_referral", {
        "reference": "SIRG-2026-0003", "initials": "KT", "received": "Friday 4 December 2026", "role": "chair",
        "manager": cfg.people.manager_name,
        "replies": reply_help(cfg, "escalation", tokens.new_short(DEMO_SECRET), "chair", "C1", "SIRG-2026-0003", today),
        "items": [{"clock": "C1", "title": "Notify the national Panel (Serious Incident Notification)",
                   "was_due": "Thursday 9 October 2025", "late_by": "289 working days", "to_do": STILL_TO_DO["C1"],
                   "due": "Friday 11 December 2026"},
                  {"clock": "C4", "title": "Rapid Review completed and sent to the Panel",
                   "was_due": "Thursday 23 October 2025", "late_by": "279 working days", "to_do": STILL_TO_DO["C4"],
                   "due": "Tuesday 5 January 2027"}]}))
    out = []
    for name, audience, kind, ctx in made:
        subject, text, html = render(audience, kind, **common, **ctx)
        to = cfg.people.manager if audience in ("manager", "person") else "sam.example@example.gov.uk"
        if name in ("person-undelivered", "person-late_referral"):
            to = cfg.people.chair  # the Manager's mailbox refuses: the Chair is told
        if name.startswith("person-action_reminder"):
            to = "tom.reid@nhs.net"  # an action's owner
        reply_to = (ctx.get("replies") or {}).get("reply_to")
        out.append((name, build_email(sender=cfg.smtp.from_, to=to, subject=subject, text=text, html=html, now=now,
                                      reply_to=reply_to)))
    return out


def _action_plan_emails(cfg, now) -> list[tuple[str, str, str, dict]]:
    """Issue 16's emails: the plan's acknowledgement (with a row not read), the unknown-case reply, and an owner's
    reminder with the reply commands (the longest action text a plan is likely to hold)."""

    today = now.date()
    token = tokens.new_short(DEMO_SECRET)
    listed = [{"clock": "A1", "row": 2, "at": "row 2", "due": "Wednesday 31 March 2027", "agency": "Example Community Health NHS Trust",
               "owner": "Priya Shah", "state": "new"},
              {"clock": "A2", "row": 3, "at": "row 3", "due": "Friday 26 February 2027", "agency": "Example Community Health NHS Trust",
               "owner": "Tom Reid", "state": "updated"},
              {"clock": "A3", "row": 5, "at": "table 2, row 5", "due": "Friday 30 April 2027", "agency": "Education Service", "owner": "Dana Cole",
               "state": "done"}]
    action = {"case": "SIRG-2026-0001", "clock": "A2", "due": "Friday 26 February 2027", "distance": "due in 5 working days",
              "action": "Briefing on household composition for all health visitors, with a check in supervision that "
                        "every record names who lives in the household", "owner": "Tom Reid",
              "recommendation": "1. Health visitors to record who lives in the household",
              "agency": "Example Community Health NHS Trust", "progress": None}
    return [
        ("referrer-action_plan_ack", "referrer", "action_plan_ack", {
            "reference": "SIRG-2026-0001", "file": "Health action plan v2.xlsx", "where": "sheet 'Plan'",
            "actions": listed, "refused": [{"row": 4, "at": "row 4", "reason": "the target date is not a date (write it like 31/03/2027)"}],
            "not_in_plan": [], "nobody": ["A3"], "before": cfg.actions.remind_before, "problem": None}),
        ("referrer-action_plan_ack_unreadable", "referrer", "action_plan_ack", {
            "reference": "SIRG-2026-0001", "file": "Health action plan.xlsx", "where": "", "actions": [], "refused": [],
            "not_in_plan": [], "nobody": [], "before": cfg.actions.remind_before,
            "problem": "is damaged and cannot be opened; please save and attach it again"}),
        ("referrer-action_plan_unknown_case", "referrer", "action_plan_unknown_case", {
            "reference": "SIRG-2026-0099", "example": "SIRG-2026-0001"}),
        ("person-action_reminder", "person", "action_reminder", {
            "a": action, "overdue": False, "as_lead": False, "replies": owner_reply_help(cfg, token, "A2", today)}),
        ("person-action_reminder_overdue", "person", "action_reminder", {
            "a": dict(action, distance="6 working days late", progress="Briefing written; booked for the March team day"),
            "overdue": True, "as_lead": True, "replies": owner_reply_help(cfg, token, "A2", today)}),
    ]


def _rapid_review(cfg, svc, cal, now) -> None:
    """The Rapid Review emails: the panel's invitation for the first case, the Manager's reminder that no meeting
    is set for the second (5 working days after it arrived)."""
    from sqlmodel import Session, select


    cfg.people.rapid_review_panel = ["designated.nurse@nhs.net", "dci.reviews@example.police.uk"]
    cfg.meetings.location = "Microsoft Teams: https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ3ZDFhYzQtZmE1Ny00YjE0LWJmZjgtZjY3MjM0ZTk2NmQx%40thread.v2/0"
    start = datetime.combine(cal.add(now.date(), 6), time(10, 0), tzinfo=cfg.tz)
    with Session(svc.engine) as s:
        cases = s.exec(select(Case).order_by(Case.seq)).all()
        first = cases[0]
        convene(s, cfg, first, start, ["named.gp@nhs.net"], "gallery", now)
        convene(s, cfg, first, start + timedelta(days=1, hours=4), [], "gallery", now)   # moved: an update
        convene(s, cfg, cases[1], start, [], "gallery", now)   # the second case's: set, then cancelled
        cancel(s, cfg, cases[1], "gallery", now)
        at = datetime.combine(cal.add(first.received_at.astimezone(cfg.tz).date(), 5), time(9, 0), tzinfo=cfg.tz)
        remind_unconvened(s, cfg, at, cal)
        s.commit()
    deliver(svc, now=max(at, now))


def _kind_of(eml: Path) -> str:
    """The outbox file's kind; a Rapid Review invitation, its update and its cancellation are three kinds to see."""
    kind = eml.stem.split("-", 1)[1]
    if kind == "rapid_review":
        subject = message_from_bytes(eml.read_bytes(), policy=default_policy)["Subject"] or ""
        kind += "_cancelled" if subject.startswith("Cancelled") else "_update" if "moved" in subject else ""
    return kind


def render_all(directory: Path, pictures: bool = True) -> list[Path]:
    """Write every email into ``directory``; returns the .html files written."""
    directory.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="intake-gallery-"))
    before = os.environ.get("INTAKE_COMMAND_SECRET")
    os.environ["INTAKE_COMMAND_SECRET"] = DEMO_SECRET  # the gallery shows the reply commands
    try:
        return _render_all(directory, work, pictures)
    finally:
        if before is None:
            os.environ.pop("INTAKE_COMMAND_SECRET", None)
        else:
            os.environ["INTAKE_COMMAND_SECRET"] = before
        shutil.rmtree(work, ignore_errors=True)


def _render_all(directory: Path, work: Path, pictures: bool) -> list[Path]:
    from sqlmodel import Session, select


    now = datetime.now(timezone.utc).replace(microsecond=0)
    clock = {"now": now}
    cal = WorkingCalendar()
    meeting = cal.add(now.date(), 8)  # its agenda summary goes out on the first due date
    (work / "config.toml").write_text(DEMO_CONFIG + f'\n[meetings]\ndates = ["{meeting.isoformat()}"]\n')
    cfg = config_mod.load(work / "config.toml")
    svc = build_services(cfg, now=lambda: clock["now"], isolated=False)
    source = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for _, raw in demo_messages(cfg.smtp.from_):
        source.deliver(raw)
    poll_and_deliver(svc, source=source)
    with Session(svc.engine) as s:
        first_due = min(d.due for d in s.exec(select(Deadline)))
    at = datetime.combine(first_due, time(9, 0), tzinfo=cfg.tz)
    clock["now"] = at - timedelta(minutes=5)
    poll_and_deliver(svc, source=source)              # the mailbox was checked this morning
    clock["now"] = at
    remind(svc, at)                                   # the morning briefing and the Chair's escalation
    cfg.notifications.combine = False                 # the next working day, one email per reminder
    remind(svc, datetime.combine(cal.add(first_due, 1), time(9, 0), tzinfo=cfg.tz) + timedelta(minutes=1))
    _rapid_review(cfg, svc, cal, now)
    written, seen = [], {}
    for eml in sorted(cfg.resolve(cfg.smtp.path).glob("*.eml")):
        kind = _kind_of(eml)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] > 2:  # two of a kind are enough to look at
            continue
        written.append(_write(eml.read_bytes(), f"{eml.stem.split('-')[0][-3:]}-{kind}", directory))
    for name, msg in _direct(cfg, now):
        written.append(_write(msg.as_bytes(), name, directory))
    if pictures and chromium():
        for html in written:
            screenshot(html, html.with_suffix(".png"), height=page_size(html)[2] + 24)
    return written
