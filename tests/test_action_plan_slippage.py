"""The group sees the slippage (issue 16): `intake actions`, the Manager's briefing and the Chair's meeting pack."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

from sqlmodel import Session

from intake import config as config_mod
from intake.cli.program import main
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.demo.plans import SAMPLE_ROWS, WORDING_B, cells, plan_xlsx
from intake.service.services import build_services
from intake.mailbox.maildir_source import MaildirSource
from notifier.deadlines_store import working_calendar
from intake.duties.meeting_pack import pack_context
from intake.service.remind import open_deadlines
from tests.configs import LOCAL_CONFIG

CONFIG = LOCAL_CONFIG + """
[policy]
allowed_sender_domains = ["liverpool.gov.uk", "alderhey.nhs.uk"]
[agencies]
"Education Service" = "education.lead@liverpool.gov.uk"
"""


def deliver(tmp_path: Path, raw: bytes, when: datetime) -> None:
    src = MaildirSource(tmp_path / "maildir")
    name = src.deliver(raw)
    os.utime(tmp_path / "maildir" / "new" / name, (when.timestamp(), when.timestamp()))
    assert main(["--config", str(tmp_path / "config.toml"), "poll", "--once"]) == 0


def case_with_plan(tmp_path: Path) -> Path:
    (tmp_path / "config.toml").write_text(CONFIG)
    deliver(tmp_path, referral_email("Sam <sam@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                                     [("f.docx", docx_form(SAMPLE))]), datetime(2026, 11, 2, 10, tzinfo=timezone.utc))
    plan = plan_xlsx(WORDING_B, [cells(r, WORDING_B, lambda d: d) for r in SAMPLE_ROWS])
    deliver(tmp_path, referral_email("Lee <lee@alderhey.nhs.uk>", "referrals@liverpool.gov.uk",
                                     "SIRG-2026-0001 action plan", [("plan.xlsx", plan)]),
            datetime(2026, 11, 20, 10, tzinfo=timezone.utc))
    return tmp_path / "config.toml"


def actions_json(cfg_path, capsys, *args):
    capsys.readouterr()
    assert main(["--config", str(cfg_path), "actions", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_actions_lists_the_plans_actions_and_overdue_ones_as_of_a_moment(tmp_path, capsys):
    # Three actions read from the plan; on Fri 5 Mar 2027 only A2 (due Fri 26 Feb) is overdue, 5 working days.
    cfg_path = case_with_plan(tmp_path)
    rows = actions_json(cfg_path, capsys)
    assert [(r["clock"], r["due"], r["agency"], r["reminded"], r["status"], r["source"]) for r in rows] == [
        ("A1", "2027-03-31", "Alder Hey", "priya.shah@alderhey.nhs.uk", "open", "action_plan"),
        ("A2", "2027-02-26", "Alder Hey", "tom.reid@alderhey.nhs.uk", "open", "action_plan"),
        ("A3", "2027-04-30", "Education Service", "education.lead@liverpool.gov.uk", "open", "action_plan")]
    late = actions_json(cfg_path, capsys, "sirg-2026-0001", "--overdue", "--at", "2027-03-05T09:00")
    assert [(r["clock"], r["working_days_late"]) for r in late] == [("A2", 5)]
    assert actions_json(cfg_path, capsys, "--overdue", "--at", "2027-02-26T09:00") == []  # due today is not late


def test_actions_typed_on_the_command_line_share_the_numbering_and_are_listed(tmp_path, capsys):
    # `intake action` after a plan takes A4 and is listed beside the plan's actions; an unknown case is refused.
    cfg_path = case_with_plan(tmp_path)
    assert main(["--config", str(cfg_path), "action", "SIRG-2026-0001", "--due", "2027-06-30", "--text",
                 "Multi-agency audit", "--agreed", "2026-11-30", "--agency", "LSCP"]) == 0
    rows = actions_json(cfg_path, capsys)
    assert [(r["clock"], r["source"], r["agency"]) for r in rows][-1] == ("A4", "cli", "LSCP")
    capsys.readouterr()
    assert main(["--config", str(cfg_path), "actions", "SIRG-2026-0099"]) == 2
    assert capsys.readouterr().err.strip() == "intake: no case with reference SIRG-2026-0099"


def test_overdue_action_in_the_briefing_and_in_the_chairs_pack_only_after_5_working_days(tmp_path):
    # Mon 1 Mar 2027: A2 is 1 working day late: in the Manager's briefing (overdue), not in the Chair's pack;
    # Fri 5 Mar: 5 working days late: in the pack too.
    from notifier.briefing import digest_context

    cfg = config_mod.load(case_with_plan(tmp_path))
    svc = build_services(cfg, isolated=False)
    cal = working_calendar(cfg)
    with Session(svc.engine) as s:
        monday = datetime(2027, 3, 1, 8, tzinfo=timezone.utc).astimezone(cfg.tz)
        briefing = digest_context(s, cfg, monday, open_deadlines(s, cfg), cal, 10)
        assert [(d["case"], d["clock"]) for d in briefing["overdue"] if d["clock"].startswith("A")] == [("SIRG-2026-0001", "A2")]
        assert "(Alder Hey)" in [d["title"] for d in briefing["overdue"] if d["clock"] == "A2"][0]
        meeting = date(2027, 3, 9)
        assert pack_context(s, cfg, meeting, date(2027, 3, 1), cal, (meeting,))["actions"] == []
        pack = pack_context(s, cfg, meeting, date(2027, 3, 5), cal, (meeting,))["actions"]
        assert [(a["case"], a["clock"], a["late"]) for a in pack] == [("SIRG-2026-0001", "A2", "5 working days late")]


def test_reprocess_does_not_rerun_an_applied_action_plan(tmp_path, capsys):
    # An old version re-run after a newer one would move its dates back: `intake reprocess` leaves it alone.
    cfg_path = case_with_plan(tmp_path)
    rows = [dict(SAMPLE_ROWS[0], due=date(2027, 5, 28))] + SAMPLE_ROWS[1:]
    deliver(tmp_path, referral_email("Lee <lee@alderhey.nhs.uk>", "referrals@liverpool.gov.uk", "SIRG-2026-0001 plan v2",
                                     [("plan.xlsx", plan_xlsx(WORDING_B, [cells(r, WORDING_B, lambda d: d) for r in rows]))]),
            datetime(2026, 11, 25, 10, tzinfo=timezone.utc))
    capsys.readouterr()
    assert main(["--config", str(cfg_path), "reprocess", "2"]) == 0
    assert "action_plan -> action_plan; not re-run: it was applied already" in capsys.readouterr().out
    assert actions_json(cfg_path, capsys)[0]["due"] == "2027-05-28"
