"""`intake run`: the scheduler only calls the plain functions the CLI also exposes.

Jobs never overlap (max_instances=1) and missed runs collapse into one
(coalesce=True). A network error is logged as one line and retried on the next
cycle; the service stops cleanly on SIGTERM/SIGINT.
"""

from __future__ import annotations

import logging
import signal

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from intake.config import parse_duration
from intake.errors import RetryLater

log = logging.getLogger(__name__)


def make_jobs(cfg, svc):
    """The service's jobs as plain callables, each safe to run any number of times."""
    from intake.service import deliver, poll_and_deliver

    def poll_job():
        try:
            report, delivery = poll_and_deliver(svc)
            if sum(report.outcomes.values()) or delivery.sent or delivery.failed:
                log.info("%s; delivered %d, deferred %d, failed %d", report.line(), delivery.sent, delivery.deferred, delivery.failed)
        except RetryLater as exc:
            log.warning("poll skipped: %s", exc)
            try:
                deliver(svc)
            except RetryLater as exc2:
                log.warning("delivery skipped: %s", exc2)

    def remind_job():
        try:
            from notifier.remind import remind

            remind(svc, svc.now(), dry_run=False)
        except ImportError:
            return
        except RetryLater as exc:
            log.warning("reminders deferred: %s", exc)

    return poll_job, remind_job


def run_service(cfg) -> int:
    from intake.service import build_services

    svc = build_services(cfg)
    poll_job, remind_job = make_jobs(cfg, svc)
    scheduler = BlockingScheduler(timezone=cfg.tz, job_defaults={"max_instances": 1, "coalesce": True,
                                                                  "misfire_grace_time": 300})
    scheduler.add_job(poll_job, IntervalTrigger(seconds=parse_duration(cfg.schedule.poll_every, "schedule.poll_every")),
                      id="poll", next_run_time=svc.now())
    scheduler.add_job(remind_job, IntervalTrigger(seconds=parse_duration(cfg.schedule.remind_every, "schedule.remind_every")),
                      id="remind")
    hour, minute = (int(x) for x in cfg.schedule.digest_at.split(":"))
    scheduler.add_job(remind_job, CronTrigger(hour=hour, minute=minute, day_of_week="mon-fri", timezone=cfg.tz), id="digest")

    def stop(signum, _frame):
        log.info("received signal %s: stopping after the current job", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("intake running: polling every %s, digest at %s", cfg.schedule.poll_every, cfg.schedule.digest_at)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    log.info("intake stopped")
    return 0
