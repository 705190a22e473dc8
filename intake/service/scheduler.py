"""`intake run`: the scheduler only calls the plain functions the CLI also exposes.

Jobs never overlap themselves (max_instances=1; a skipped run is logged as an
overrun), run side by side on a thread pool so one stuck job cannot stop the
others, and missed runs collapse into one (coalesce=True). A network error is logged as one line and retried on the next
cycle; the service stops cleanly on SIGTERM/SIGINT.
"""

from __future__ import annotations

import logging
import signal
import threading

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from intake.config import parse_duration
from intake.errors import RetryLater
from intake.mailbox.imap_source import ImapMailSource, idle_check_seconds
from intake.service import remind as clock_round  # called as clock_round.remind: the tests replace it on the module
from intake.service.services import build_services, deliver, poll_and_deliver
from intake.store import leases

log = logging.getLogger(__name__)


def make_jobs(cfg, svc, woken: threading.Event | None = None):
    """The service's jobs as plain callables, each safe to run any number of times. ``woken`` is set by IDLE when
    mail arrives: mail that arrives while a poll runs is polled for at once by the same job (a wake-up then
    would find the job running and be skipped), never left to the next cycle."""

    def poll_job():
        for _ in range(AGAIN_AT_MOST):
            if woken is not None:
                woken.clear()
            poll_once_and_log()
            if woken is None or not woken.is_set():
                return

    def poll_once_and_log():
        try:
            report, delivery = poll_and_deliver(svc, everything=False)  # a cycle keeps one delivery run's cap
            log.info("poll: %s; delivered %d, deferred %d, failed %d", report.line(), delivery.sent, delivery.deferred,
                     delivery.failed)
        except RetryLater as exc:
            log.warning("poll skipped: %s", exc)
            try:
                deliver(svc)
            except RetryLater as exc2:
                log.warning("delivery skipped: %s", exc2)
        except Exception as exc:  # noqa: BLE001 - the service must outlive any one failure
            log.error("poll failed: %s: %s", exc.__class__.__name__, str(exc)[:300])

    def remind_job():
        # Reminders, the morning briefing and the meeting pack: one worker at a time across all workers sharing
        # the database (the others skip this cycle); a worker that dies mid-run lets go when its lease runs out.

        # one owner per run, never the process's own id: the interval and the cron job of one process are two
        # runs, and a lease owned by both would let both run at once and the first to finish free the other's
        owner = leases.worker_id()
        try:
            mine = leases.claim(svc.engine, REMIND_LEASE, owner, svc.now(), svc.claim_lease)
        except Exception as exc:  # noqa: BLE001 - the database is unavailable: next cycle
            log.error("reminders failed: %s: %s", exc.__class__.__name__, str(exc)[:300])
            return
        if not mine:
            log.info("reminders: another worker is running them now; skipped here")
            return
        try:
            with leases.keep(svc.engine, REMIND_LEASE, owner, svc.now, svc.claim_lease):
                items = clock_round.remind(svc, svc.now(), dry_run=False)
            log.info("reminders: %d due now (reminders, escalations, briefing, meeting pack) queued and delivered",
                     len(items or []))
        except RetryLater as exc:
            log.warning("reminders deferred: %s", exc)
        except Exception as exc:  # noqa: BLE001
            log.error("reminders failed: %s: %s", exc.__class__.__name__, str(exc)[:300])
        finally:
            try:
                leases.release(svc.engine, REMIND_LEASE, owner)
            except Exception as exc:  # noqa: BLE001 - the lease runs out on its own
                log.warning("reminders: could not release the run's lease (%s); it runs out by itself", exc)

    return poll_job, remind_job


REMIND_LEASE = "job:remind"
AGAIN_AT_MOST = 20  # polls in a row while mail keeps arriving (then the next wake-up or cycle)
IDLE_RENEW_SECONDS = 25 * 60  # re-issue IDLE well before the 29-minute server timeout


def idle_loop(cfg, wake, stop: threading.Event, source_factory=None) -> None:
    """Hold an IMAP connection in IDLE and call ``wake()`` when mail arrives; polling stays the fallback.
    Errors are logged as one line and retried with backoff; this loop never raises."""

    backoff = 5.0
    source = None
    while not stop.is_set():
        try:
            if source is None:
                source = (source_factory or ImapMailSource.from_config)(cfg)
                if not source.supports_idle():
                    log.info("the IMAP server does not support IDLE; relying on polling")
                    return
                backoff = 5.0
                named = getattr(source, "server_name", None) if cfg.mailbox.idle_check == "auto" else None
                check_every = idle_check_seconds(cfg.mailbox.idle_check, named() if named else "")
                log.info("waiting for new mail in IMAP IDLE%s", f", started again every {check_every:g} s"
                         if check_every else "")
            if source.idle_wait(timeout=IDLE_RENEW_SECONDS, check_every=check_every):
                wake()
        except Exception as exc:  # noqa: BLE001 - one line per failure, then back off
            log.warning("IMAP IDLE unavailable (%s); retrying in %.0f s", exc, backoff)
            if source is not None:
                source.close()
            source = None
            stop.wait(backoff)
            backoff = min(backoff * 2, 300.0)
    if source is not None:
        source.close()


def schedule_jobs(scheduler, cfg, svc, woken: threading.Event | None = None) -> None:
    """Poll, reminders and digest as three jobs on the scheduler's thread pool: one stuck job cannot stop the
    others (every network call has a timeout, and delivery claims each email, so they never send one twice).
    A job still running when it is due again is not started twice: the skipped run is logged as an overrun."""
    from apscheduler.events import EVENT_JOB_MAX_INSTANCES

    poll_job, remind_job = make_jobs(cfg, svc, woken)
    scheduler.add_job(poll_job, IntervalTrigger(seconds=parse_duration(cfg.schedule.poll_every, "schedule.poll_every")),
                      id="poll", next_run_time=svc.now())
    scheduler.add_job(remind_job, IntervalTrigger(seconds=parse_duration(cfg.schedule.remind_every, "schedule.remind_every")),
                      id="remind")
    hour, minute = (int(x) for x in cfg.schedule.digest_at.split(":"))
    scheduler.add_job(remind_job, CronTrigger(hour=hour, minute=minute, day_of_week="mon-fri", timezone=cfg.tz), id="digest")

    def overran(event):
        log.warning("job %s overran: it is still running from an earlier start, so this run was skipped "
                    "(the other jobs carry on)", event.job_id)

    scheduler.add_listener(overran, EVENT_JOB_MAX_INSTANCES)
    for line in job_lines(cfg):
        log.info("%s", line)


def job_lines(cfg) -> list[str]:
    """One line per job, as `intake run` logs them at start (apscheduler's own start-up lines are silenced)."""
    return [f"job poll: fetch, process and deliver every {cfg.schedule.poll_every} (the first now)"
            + ("; IMAP IDLE wakes it when mail arrives" if cfg.mailbox.backend == "imap" and cfg.mailbox.idle else ""),
            f"job remind: reminders, escalations and the meeting pack every {cfg.schedule.remind_every}",
            f"job digest: the Manager's morning briefing at {cfg.schedule.digest_at} on working days "
            f"({cfg.organisation.timezone})"]


def run_service(cfg) -> int:
    svc = build_services(cfg)
    scheduler = BlockingScheduler(timezone=cfg.tz, job_defaults={"max_instances": 1, "coalesce": True,
                                                                  "misfire_grace_time": 300})
    woken = threading.Event()
    schedule_jobs(scheduler, cfg, svc, woken)

    stopping = threading.Event()

    def stop(signum, _frame):
        log.info("received signal %s: stopping after the current job", signum)
        stopping.set()
        scheduler.shutdown(wait=False)

    if cfg.mailbox.backend == "imap" and cfg.mailbox.idle:
        def wake():
            log.info("IDLE: new mail; polling now")
            woken.set()
            scheduler.modify_job("poll", next_run_time=svc.now())

        threading.Thread(target=idle_loop, args=(cfg, wake, stopping), name="imap-idle", daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("intake running (stop with SIGTERM or Ctrl-C)")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    log.info("intake stopped")
    return 0
