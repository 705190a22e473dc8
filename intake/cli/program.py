"""The `intake` command line (DESIGN 4.1). Exit codes: 0 success, 1 operational failure, 2 usage/config error.

Errors are one plain line on stderr; --debug shows the traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from intake import __version__, config as config_mod
from intake.cli import db as db_cli, deadlines as deadline_cli, review as review_cli
from intake.cli.actions import add_parser as add_actions_parser, cmd_actions
from intake.cli.case_view import case_history, summary_lines
from intake.cli.db import cmd_db
from intake.cli.outbox import cmd_outbox
from intake.cli.report import cmd_report, register as register_report
from intake.cli.review import referral_json, referral_lines, register as register_review
from intake.config import Limits
from intake.demo.run import run_demo
from intake.errors import ConfigError, IntakeError, RetryLater
from intake.mailbox.oauth import RedactSecrets
from intake.service import status
from intake.service.checks import become, CheckRefused, current_user, read_env_file, root_refusal, run_checks
from intake.service.send_test import send_test
from intake.service.reprocess import reprocess, UnknownMessage
from intake.service.scheduler import run_service
from intake.service.services import build_services, deliver, open_source, poll_and_deliver
from intake.store.db import open_database
from intake.store.models import AuditEvent, Case
from notifier.deadlines import rules_from_config
from parsers import parse_isolated

log = logging.getLogger("intake")


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake", description="Referral intake for a safeguarding partnership's review group.")
    p.add_argument("--config", metavar="PATH", help="configuration file (default: $INTAKE_CONFIG, else ./config.toml)")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    p.add_argument("--version", action="version", version=f"intake {_version()}", help="print the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    d = sub.add_parser("demo", help="self-contained demonstration on embedded defaults")
    d.add_argument("--dir", metavar="DIR", help="a new or empty folder for the demo files (default: a new temporary "
                                                 "folder); a folder with files in it is refused")
    sub.add_parser("run", help="the service: polling, reminders, digest, delivery; stops on SIGTERM/SIGINT")
    pl = sub.add_parser("poll", help="fetch and process what is new, deliver the outbox")
    pl.add_argument("--once", action="store_true", help="poll once and exit (the only mode; kept for clarity)")
    pa = sub.add_parser("parse", help="parse forms offline (no database)")
    pa.add_argument("files", nargs="+", metavar="FILE", help="a referral form file (Word or PDF), as attached to a referral email")
    pa.add_argument("--json", action="store_true", help="print one JSON object per file (the record and where each answer came from)")
    pa.add_argument("--explain", action="store_true",
                    help="show every label found: the field it was given and why, answers refused by a type check, labels not recognised")
    r = sub.add_parser("referrals", help="list cases")
    r.add_argument("--json", action="store_true", help="print a JSON list of the cases (reference, status, received_at, "
                                                        "referrer_email, message_id, missing, record ...)")
    r1 = sub.add_parser("referral", help="show one case")
    r1.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    r1.add_argument("--json", action="store_true", help="print the case as one JSON object, with where each answer was read")
    dl = sub.add_parser("deadlines", help="open deadlines as of a moment")
    dl.add_argument("--at", metavar="DATETIME", help="the moment to judge overdue against, e.g. 2027-01-04T09:00 "
                                                     "(default: now)")
    dl.add_argument("--json", action="store_true", help="print a JSON list of the open deadlines")
    rm = sub.add_parser("remind", help="send (or show) the reminders, escalations and digest due")
    rm.add_argument("--at", metavar="DATETIME", help="what is due at this moment, e.g. 2027-01-04T09:00 (default: now)")
    rm.add_argument("--dry-run", action="store_true", help="show what would be sent; queue and send nothing")
    rm.add_argument("--json", action="store_true", help="print a JSON list of what is (or would be) sent")
    mk = sub.add_parser("mark", help="record that a deadline was met (or waive / pause / resume / extend it)")
    mk.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    mk.add_argument("clock", metavar="CLOCK", help="the deadline, e.g. C1")
    mk.add_argument("--on", metavar="DATE", help="the day it happened, not later than today (default: today)")
    g = mk.add_mutually_exclusive_group()
    g.add_argument("--waive", action="store_true", help="the deadline no longer applies (needs --reason)")
    g.add_argument("--pause", action="store_true", help="stop the clock, e.g. for criminal proceedings (needs --reason)")
    g.add_argument("--resume", action="store_true", help="restart a paused clock; the due date moves by the working days paused")
    g.add_argument("--extend-to", metavar="DATE", help="a Panel-agreed extension: the new due date (needs --reason)")
    mk.add_argument("--reason", default="", metavar="TEXT", help="why (required with --waive, --pause and --extend-to)")
    ev = sub.add_parser("event", help="record a case event that starts or moves deadlines")
    ev.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    ev.add_argument("event", choices=["decision", "notification_sent", "lcspr_started", "publication_planned"],
                    help="notification_sent also marks C1 met; decision lcspr starts C7; publication_planned starts C8")
    ev.add_argument("--on", metavar="DATE", required=True,
                    help="the day it happened, not later than today (publication_planned: the planned date)")
    ev.add_argument("--value", default=None, metavar="V",
                    help="with decision, required: no_review, rapid_review_only, lcspr or national_review "
                         "(also other_learning_review, single_agency_review)")
    ac = sub.add_parser("action", help="record a single-agency action item with its own due date (clock A1, A2 ...)")
    ac.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    ac.add_argument("--due", metavar="DATE", required=True, help="the day the action is due, e.g. 2027-03-01")
    ac.add_argument("--text", required=True, help="what is to be done (no personal data)")
    ac.add_argument("--agreed", metavar="DATE", help="date the action was agreed (default: today)")
    ac.add_argument("--agency", default="", metavar="NAME", help="the agency that owns the action, shown in reminders")
    ob = sub.add_parser("outbox", help="list outgoing email; `outbox retry ID... | --all-failed` re-queues what failed")
    ob.add_argument("action", nargs="?", choices=["retry"], help="re-queue the emails named (or --all-failed)")
    ob.add_argument("ids", nargs="*", type=int, metavar="ID", help="with retry: the number of an email, as listed")
    ob.add_argument("--failed", action="store_true", help="only emails that could not be delivered")
    ob.add_argument("--all-failed", action="store_true", help="with retry: every failed email")
    ob.add_argument("--json", action="store_true", help="print a JSON list of the emails")
    rp = sub.add_parser("reprocess", help="run stored messages through the pipeline again (after a fix); idempotent")
    rp.add_argument("keys", nargs="*", metavar="KEY", help="an inbound message's source key or number")
    rp.add_argument("--failed", action="store_true", help="every message whose outcome is failed or whose parse timed out")
    ck = sub.add_parser("check", help="validate config; connect to the database, IMAP and SMTP and say what works")
    ck.add_argument("--as-user", metavar="USER",
                    help="run the check as the service's user (e.g. intake), so that what it creates is theirs; needs root")
    ck.add_argument("--env-file", metavar="FILE",
                    help="read the secrets from this KEY=VALUE file first, as systemd's EnvironmentFile= does")
    ck.add_argument("--strict", action="store_true",
                    help="exit 1 on a WARNING too (emailed commands off, LibreOffice missing ...), not only on FAILED")
    ck.add_argument("--production", action="store_true",
                    help="judge the configuration as an installed service's even without [storage] data_dir: a Maildir, "
                         "an outbox directory, any sender accepted and example values are FAILED")
    ck.add_argument("--send-test", action="store_true",
                    help="then send the Manager one test email through the configured SMTP server (read back over "
                         "IMAP when the Manager's address is the referral mailbox)")

    add_actions_parser(sub)
    st = sub.add_parser("status", help="last successful poll, reminder run and delivery, what is waiting; exit 1 when "
                                       "the mailbox has not been checked within [health] max_poll_age (for monitoring)")
    st.add_argument("--json", action="store_true", help="print one JSON object (times in UTC, ages in seconds)")

    register_report(sub)
    register_review(sub)


    db_cli.add_parser(sub)
    _accept_global_options_after_the_command(sub)
    return p


def _accept_global_options_after_the_command(sub) -> None:
    """`intake status --config X` works as `intake --config X status` does: every command (and each action of a
    command group) accepts --config and --debug too. SUPPRESS keeps the value given before the command when none
    is given after it."""
    for command in sub.choices.values():
        command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                             help="configuration file (may also come before the command)")
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show tracebacks and debug logging (may also come before the command)")
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_global_options_after_the_command(action)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version


    try:
        return version("referral-intake")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return __version__


def _load(args):
    return config_mod.load(args.config or config_mod.default_path())


def _setup_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactSecrets())
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    # --debug shows msal's and urllib3's request lines (token endpoint, status codes); the filter redacts secrets
    # apscheduler's "Adding job tentatively" and "Added job" lines: `intake run` logs one line per job itself
    for noisy in ("pdfminer", "alembic", "apscheduler", "imapclient", "matplotlib") + (() if debug else ("msal", "urllib3")):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def parse_moment(text: str | None, tz) -> datetime:
    """ISO 8601; local time in the organisation's timezone unless it carries an offset."""
    if not text:
        return datetime.now(timezone.utc)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a DATETIME; write it like 2027-01-04T09:00") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value.astimezone(timezone.utc)


# -- commands ------------------------------------------------------------------------------------

def _parse_vocabulary(args) -> dict | None:
    """[vocabulary] from the configuration when there is one (--config, $INTAKE_CONFIG or ./config.toml);
    parsing needs no configuration otherwise."""
    path = args.config or config_mod.default_path()
    if not args.config and not Path(path).exists():
        return None
    return _load(args).vocabulary or None


def _at(e: dict | None) -> str:
    return f" [{e['at']}]" if e and e.get("at") else ""


def explain_lines(result) -> list[str]:
    """For every field: the answer's confidence, the label it was read beside and the runner-up; for every
    empty field, why it stayed empty. Labels, places and confidences only: answers are not printed (the form
    holds a child's details)."""
    out = []
    info = result.explain or {}
    for e in info.get("labels", []):  # the rule cascade's reading: one line per label found
        where = f" [{e['at']}]" if e.get("at") else ""
        section = f", section {e['section']}" if e.get("section") else ""
        out.append(f"  {e['label']!r} -> {e['field']} ({e.get('outcome', '?')}; label score {e.get('score', 0):.2f}"
                   f"{section}){where}")
    for path, e in info.get("fields", {}).items():  # the trained reader's: one line per field
        if e.get("marked"):
            out.append(f"  {path}: set, the one kind marked in a list of kinds of incident printed on the form{_at(e)}")
        elif e["outcome"] == "set":
            line = f"  {path}: set, confidence {e['confidence']:.2f}, beside {e['label']!r} ({e['relation']}){_at(e)}"
            if e.get("vouched") == "repeated":
                line += ("; below the model's bar, taken because the rule reader read the same question's answer for "
                         "another child")
            elif e.get("vouched") == "kind":
                line += f"; below the model's bar, taken because its own words say it is {e.get('kind')}"
            elif e.get("vouched"):
                line += "; below the model's bar, taken because the rule reader read the same"
            if e.get("read_on"):
                line += "; read on into more paragraphs as the rule reader read them"
            if e.get("overruled"):
                line += "; overruled by the first name and surname asked apart, which are surer and name someone else"
            runner = e.get("runner_up")
            if runner:
                line += f"; runner-up beside {runner['label']!r} ({runner['confidence']:.2f}){_at(runner)}"
            out.append(line)
        else:
            best = e.get("best")
            near = f"; best candidate beside {best['label']!r}{_at(best)}" if best else _at(e)
            out.append(f"  {path}: empty, {e['why']}{near}")
    for e in info.get("unrecognised", []):
        out.append(f"  {e['label']!r} -> not recognised [{e['at']}]; teach it in [vocabulary] if it is a field")
    return out


def cmd_parse(args) -> int:
    limits = Limits()  # untrusted files: each parsed in a limited child process, as the service does
    vocabulary = _parse_vocabulary(args)
    worst = 0
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"intake: cannot read {name}: {exc.strerror}", file=sys.stderr)
            worst = 1
            continue
        result = parse_isolated(data, path.name, seconds=limits.parse_seconds, memory_mb=limits.parse_memory_mb,
                                vocabulary=vocabulary)
        if args.json:
            print(json.dumps(result.to_json(explain=args.explain), ensure_ascii=False))
            continue
        print(f"{path.name}: {result.status}" + (f" ({result.reason})" if result.reason else "")
              + (f"; missing: {', '.join(result.missing)}" if result.missing else ""))
        for w in result.warnings:
            print(f"  warning: {w}")
        if args.explain:
            print("fields:" if "fields" in (result.explain or {}) else "labels:")
            for line in explain_lines(result):
                print(line)
    return worst


def cmd_poll(args) -> int:
    cfg = _load(args)
    svc = build_services(cfg)
    # What start-up made (modules, classes, the config, the engine) lives as long as the process: the cyclic garbage
    # collector need not go through it again in each full collection (two of ~0.25 s each in a 300-referral poll),
    # and the process delivering alongside the poll, forked next, does not copy those pages when it collects.
    gc.freeze()
    try:
        report, delivery = poll_and_deliver(svc, alongside=True)
    except RetryLater as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    print(report.line())
    if report.moved_again:
        print(f"finished moving {report.moved_again} message(s) recorded earlier")
    if report.stuck:
        print(f"{len(report.stuck)} message(s) could not be moved out of the inbox; tried again next time")
    print(f"delivered {delivery.sent} email(s); {delivery.deferred} deferred; {delivery.failed} failed")
    return 0


def cmd_reprocess(args) -> int:
    if not args.keys and not args.failed:
        raise UsageError("reprocess needs KEY... or --failed")
    cfg = _load(args)
    svc = build_services(cfg)
    source = open_source(cfg)
    try:
        results = reprocess(svc, args.keys, args.failed, source)
    except UnknownMessage as exc:
        raise UsageError(f"no inbound message {exc}; see the Failed folder or the digest") from None
    except RetryLater as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    finally:
        source.close()
    for r in results:
        print(f"{r.key}: {r.before} -> {r.after}" + (f" ({', '.join(r.references)})" if r.references else "")
              + (f"; {r.note}" if r.note else ""))
    print(f"reprocessed {len(results)} message(s)")
    try:
        delivery = deliver(svc)
        print(f"delivered {delivery.sent} email(s); {delivery.deferred} deferred; {delivery.failed} failed")
    except RetryLater as exc:
        print(f"intake: delivery deferred: {exc}", file=sys.stderr)
    return 0


def _sources_of(case, session) -> dict:
    """Where each answer of the stored form was read (kept with the case's creation in the audit trail)."""
    from sqlmodel import select


    event = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                  AuditEvent.action == "case_created")).first()
    try:
        return json.loads(event.detail).get("sources", {}) if event is not None and event.detail else {}
    except ValueError:
        return {}


def _case_json(case, session, sources: bool = False) -> dict:
    from sqlmodel import select


    extra = {"sources": _sources_of(case, session)} if sources else {}
    return extra | {
        "reference": case.reference, "status": case.status,
        "received_at": case.received_at.astimezone(timezone.utc).isoformat(),
        "referrer_email": case.referrer_email, "message_id": case.message_id,
        "initials": case.initials, "missing": json.loads(case.missing_json),
        "warnings": json.loads(case.warnings_json), "linked_to": case.linked_to,
        "linked_cases": list(session.exec(select(Case.reference).where(Case.linked_to == case.reference)
                                          .order_by(Case.year, Case.seq)).all()),
        "record": json.loads(case.record_json),
    }


def cmd_referrals(args, one: str | None = None) -> int:
    from sqlmodel import Session, select


    cfg = _load(args)
    engine = open_database(cfg.database_url)
    with Session(engine) as session:
        query = select(Case).order_by(Case.year, Case.seq)
        if one:
            query = query.where(Case.reference == one.strip().upper())  # references are not case-sensitive
        cases = session.exec(query).all()
        if one and not cases:
            raise UsageError(f"no case with reference {one}; see intake referrals")
        rows = [_case_json(c, session, sources=bool(one)) for c in cases]
        if one:
            rows[0].update(referral_json(session, cases[0], cfg))
            extra_lines = referral_lines(session, cases[0], cfg)
            deadlines, events = case_history(session, cases[0])
    if args.json:
        print(json.dumps(rows[0] if one else rows, ensure_ascii=False, indent=2))
        return 0
    if one:
        _rules, cal, _settings = rules_from_config(cfg.deadlines)
        today = datetime.now(timezone.utc).astimezone(cfg.tz).date()
        print("\n".join(summary_lines(rows[0], extra_lines, deadlines, events, cfg.tz, today, cal)))
        return 0
    print(f"{'REFERENCE':16} {'STATUS':18} {'RECEIVED':20} {'CHILD':8} MISSING")
    for r in rows:
        print(f"{r['reference']:16} {r['status']:18} {r['received_at'][:16]:20} {r['initials'] or '?':8} {len(r['missing'])}")
    return 0


def cmd_check(args) -> int:
    try:
        if args.env_file:
            read_env_file(args.env_file)  # before switching user: secrets.env is root's alone, as systemd reads it
        if args.as_user:
            become(args.as_user)
    except CheckRefused as exc:
        raise UsageError(str(exc)) from None
    try:
        cfg = _load(args)
    except ConfigError as exc:
        print(f"config: FAILED - {exc}")
        return 2
    cfg.secrets_file = args.env_file or ""
    refusal = None if args.as_user else root_refusal(cfg, args.config or config_mod.default_path())
    if refusal:
        raise UsageError(refusal)
    print(f"config: ok ({args.config or config_mod.default_path()}, read as {current_user()}; data directory {cfg.data_dir})")
    if os.geteuid() == 0 and not args.as_user:
        print("user: WARNING - running as root: what this check creates belongs to root; if the service runs as "
              "another user, run: intake check --as-user USER")
    path = args.config or config_mod.default_path()
    result = run_checks(cfg, production=args.production, strict=args.strict, config_path=path, env_file=args.env_file)
    if args.send_test:
        result = max(result, send_test(cfg))
    return result


def cmd_status(args) -> int:
    cfg = _load(args)
    now = status._now()
    state = status.gather(cfg, now)
    if args.json:
        print(json.dumps(status.as_json(state, now), indent=2))
    else:
        print("\n".join(status.lines(cfg, state, now)))
    return 0 if state["healthy"] else 1


def cmd_run(args) -> int:
    cfg = _load(args)
    return run_service(cfg)


def cmd_demo(args) -> int:
    if args.dir:
        target = Path(args.dir)
        if target.exists() and not target.is_dir():
            raise UsageError(f"{args.dir} is a file, not a folder; name a new or empty folder with --dir")
        if target.is_dir() and any(target.iterdir()):
            raise UsageError(f"{args.dir} is not empty; the demo starts fresh: remove the folder or name a new one "
                             "with --dir")
    if not args.debug:
        logging.getLogger().setLevel(logging.WARNING)
    return run_demo(args.dir)


def _deadline_cmd(name):
    def runner(args):
        return getattr(deadline_cli, name)(args, _load(args), parse_moment, UsageError)
    return runner


def _actions(args) -> int:
    return cmd_actions(args, _load(args), parse_moment, UsageError)


def _review_cmd(name):
    def runner(args):
        return getattr(review_cli, name)(args, _load(args), parse_moment, UsageError)
    return runner


def _report(args) -> int:
    return cmd_report(args, _load(args), parse_moment, UsageError)


def _db(args) -> int:
    return cmd_db(args, _load(args), UsageError)


def _outbox(args) -> int:
    return cmd_outbox(args, _load(args), parse_moment, UsageError)


COMMANDS = {
    "parse": cmd_parse, "poll": cmd_poll, "reprocess": cmd_reprocess, "referrals": cmd_referrals,
    "referral": lambda a: cmd_referrals(a, one=a.reference), "check": cmd_check, "run": cmd_run, "demo": cmd_demo,
    "deadlines": _deadline_cmd("cmd_deadlines"), "remind": _deadline_cmd("cmd_remind"),
    "outbox": _outbox, "status": cmd_status, "actions": _actions, "report": _report, "db": _db,
    "rapid-review": _review_cmd("cmd_rapid_review"), "review": _review_cmd("cmd_review"),
    "mark": _deadline_cmd("cmd_mark"), "event": _deadline_cmd("cmd_event"), "action": _deadline_cmd("cmd_action"),
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    _setup_logging(args.debug)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"intake: configuration error: {exc}", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 2
    except (IntakeError, OSError) as exc:
        if args.debug:
            raise
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence prints one line
        if args.debug:
            raise
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            print(f"intake: the database is unavailable ({' '.join(str(exc.orig).split())}); check database.url",
                  file=sys.stderr)
        else:
            detail = " ".join(str(exc).split())[:500]  # one line, whatever the exception's text holds
            print(f"intake: unexpected error ({exc.__class__.__name__}: {detail}); run with --debug for details",
                  file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
