"""Action plans: a plan's rows become the case's tracked actions (A1, A2 ...), a later version updates them.

Each action is an ``ActionItem`` row (what the plan said: recommendation, action, owner, agency, status)
beside the case's ``Deadline`` row with the same clock (due date, open/met, met_on, history), so the
reminders, ``intake mark`` and the Manager's emailed DONE treat it as any other clock. Everything here
runs in the caller's session (the caller commits) and is audited.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, select

from intake.duties import actions
from intake.duties.commands import _date, CommandError, top_of_reply
from intake.mailbox.mail import domain_allowed
from intake.store.models import ActionItem, AuditEvent, Case, Deadline, InboundMessage
from notifier.deadlines_store import move_due
from parsers.action_plan import match_key, row_label

TITLE_CHARS = 120


@dataclass
class PlanApplied:
    """What one version of a plan did to a case's actions (for the acknowledgement and the audit trail)."""
    created: list[dict] = field(default_factory=list)     # {"clock", "row", "due", "agency", "status"}
    updated: list[dict] = field(default_factory=list)     # {... "changes": ["target date", ...]}
    unchanged: list[dict] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)     # {"row", "reason"} from the reader
    not_in_plan: list[str] = field(default_factory=list)  # clocks of earlier versions this version no longer lists
    nobody_to_remind: list[str] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)   # {"row", "at", "clock", "agency"}: another agency's action

    @property
    def read(self) -> list[dict]:
        return sorted(self.created + self.updated + self.unchanged, key=lambda a: a["order"])


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).split())


def agency_lead(agencies: dict[str, str], agency: str | None) -> str | None:
    """The configured lead of the plan's agency: the same name (case, spacing and punctuation aside), else a
    configured name whose words all appear in the plan's wording ("Alder Hey" in "Alder Hey Children's NHS FT")."""
    want = _norm(agency)
    if not want:
        return None
    names = {_norm(k): v for k, v in agencies.items()}
    if want in names:
        return names[want]
    for name, email in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if name and re.search(rf"\b{re.escape(name)}\b", want):
            return email
    return None


def recipient(cfg, item: ActionItem) -> str | None:
    """Who is reminded of an action and may change it by email: its owner when the plan gives an address in an
    allowed domain (any address when no domains are configured), else the agency's configured lead."""

    if item.owner_email and domain_allowed(item.owner_email, tuple(cfg.policy.allowed_sender_domains)):
        return item.owner_email.lower()
    return agency_lead(cfg.agencies, item.agency)


def case_actions(session: Session, case: Case) -> list[tuple[ActionItem, Deadline | None]]:
    items = session.exec(select(ActionItem).where(ActionItem.case_id == case.id)).all()
    rows = {d.clock: d for d in session.exec(select(Deadline).where(Deadline.case_id == case.id,
                                                                       Deadline.clock.like("A%")))}
    return sorted(((i, rows.get(i.clock)) for i in items), key=lambda p: int(p[0].clock[1:]))


def next_clock(session: Session, case: Case) -> str:
    """A<n> after the highest action clock the case has (typed with `intake action` or read from a plan)."""
    numbers = [int(c[1:]) for c in session.exec(select(Deadline.clock).where(Deadline.case_id == case.id))
               if re.fullmatch(r"A\d+", c)]
    return f"A{max(numbers, default=0) + 1}"


def title_of(action: str, agency: str | None) -> str:
    text = " ".join(action.split())
    if len(text) > TITLE_CHARS:
        text = text[:TITLE_CHARS - 1].rstrip() + "…"
    return f"Action: {text}" + (f" ({agency})" if agency else "")


def _domain(address: str | None) -> str | None:
    return address.rsplit("@", 1)[1].lower() if address and "@" in address else None


def _item_domain(session: Session, item: ActionItem, deadline: Deadline | None) -> str | None:
    """The domain of the sender whose plan created the action (kept in its clock's rule; for actions read before
    that was kept, the sender of the plan version that last set it)."""
    rule = json.loads(deadline.rule or "{}") if deadline is not None else {}
    if rule.get("domain"):
        return rule["domain"]
    inbound = session.get(InboundMessage, item.inbound_id) if item.inbound_id else None
    return _domain(inbound.from_address) if inbound is not None else None


def _ours(session: Session, item: ActionItem, deadline: Deadline | None, agency: str | None,
          domain: str | None) -> bool:
    """An action a plan may update: of the same agency (exact, after normalisation) and sent from the same domain."""
    if _norm(item.agency) != _norm(agency):
        return False
    known = _item_domain(session, item, deadline)
    return known is None or domain is None or known == domain


def _find(items: list[ActionItem], used: set[int], key: str) -> list[ActionItem]:
    """Earlier actions with exactly this recommendation and action (after normalisation): no fuzzy merging, since
    two agencies' nearly-identical actions ("... all frontline staff" / "... all frontline health staff") differ."""
    return [item for item in items if item.id not in used and item.match_key == key]


def _same(name: str, old, new) -> bool:
    """Retyped words (case, spacing, punctuation, numbering) are no change to report; the new text is kept."""
    if name in ("recommendation", "action"):
        return match_key(old, "") == match_key(new, "")
    return old == new


def _summary(item: ActionItem, row: dict, deadline: Deadline) -> dict:
    return {"clock": item.clock, "row": row["row"], "at": row_label(row), "order": row.get("order", 0),
            "due": deadline.due, "agency": item.agency or "",
            "owner": item.owner_name or item.owner_email or "", "status": deadline.status}


def _complete(session, case, deadline: Deadline, row: dict, actor: str, now: datetime, cfg) -> bool:
    if not row["complete"] or deadline.status != "open":
        return False
    today = now.astimezone(cfg.tz).date()
    on = date.fromisoformat(row["completed_on"]) if row.get("completed_on") else today
    actions.mark(session, case, deadline.clock, "met", min(on, today), "", actor, now, cfg)
    return True


def apply_plan(session: Session, case: Case, plan: dict, inbound_id: int | None, actor: str, now: datetime,
               cfg) -> PlanApplied:
    """Create or update the case's actions from one version of its plan (``parsers.action_plan`` record).
    A row is the same action as an earlier one when its recommendation and action text match exactly (case,
    spacing, punctuation and numbering aside); it is updated, never duplicated. A plan updates only the actions of
    its own agency (the row's agency, and the domain of the sender, ``actor`` "email:<address>"): a row naming
    another agency's action is not applied (``conflicts``, for the Manager), so no plan closes or reassigns it."""
    out = PlanApplied(refused=[{**r, "at": row_label(r)} for r in plan.get("refused") or []])
    items = session.exec(select(ActionItem).where(ActionItem.case_id == case.id).order_by(ActionItem.id)).all()
    clocks = {d.clock: d for d in session.exec(select(Deadline).where(Deadline.case_id == case.id))}
    domain = _domain(actor.split(":", 1)[1]) if actor.startswith("email:") else None
    used: set[int] = set()
    today = now.astimezone(cfg.tz).date()
    for order, row in enumerate(plan["rows"]):
        row = {**row, "order": order}
        key = match_key(row["recommendation"], row["action"])
        due = date.fromisoformat(row["target_date"])
        same = _find(items, used, key)
        mine = [i for i in same if _ours(session, i, clocks.get(i.clock), row["agency"], domain)]
        if same and not mine:
            other = same[0]
            out.conflicts.append({"row": row["row"], "at": row_label(row), "clock": other.clock,
                                  "agency": other.agency or "", "plan_agency": row["agency"] or ""})
            session.add(AuditEvent(at=now, actor=actor, action="action_plan_conflict", case_id=case.id,
                                   detail=json.dumps({"clock": other.clock, "plan_row": row["row"],
                                                      "agency": row["agency"], "their_agency": other.agency})))
            continue
        item = mine[0] if mine else None
        fields = {"recommendation": row["recommendation"] or "", "action": row["action"],
                  "owner_name": row["owner_name"], "owner_email": row["owner_email"], "agency": row["agency"],
                  "plan_status": row["status"]}
        if item is None:
            clock = next_clock(session, case)
            deadline = Deadline(case_id=case.id, clock=clock, title=title_of(row["action"], row["agency"]),
                                anchor="action_agreed", anchor_date=today, due=due,
                                rule=json.dumps({"unit": "own due date", "agency": row["agency"] or "",
                                                 "source": "action_plan", "domain": domain}),
                                history=json.dumps([{"at": now.isoformat(), "by": actor, "what": "created",
                                                     "due": due.isoformat()}]))
            item = ActionItem(case_id=case.id, clock=clock, match_key=key, inbound_id=inbound_id, plan_row=row["row"],
                              created_at=now, updated_at=now, **fields)
            session.add(deadline)
            session.add(item)
            session.flush()
            items.append(item)
            clocks[clock] = deadline
            session.add(AuditEvent(at=now, actor=actor, action="action_created", case_id=case.id,
                                   detail=json.dumps({"clock": clock, "due": due.isoformat(), "plan_row": row["row"],
                                                      "agreed": today.isoformat(), "from": "action_plan"})))
            _complete(session, case, deadline, row, actor, now, cfg)
            out.created.append(_summary(item, row, deadline))
        else:
            deadline = session.exec(select(Deadline).where(Deadline.case_id == case.id,
                                                           Deadline.clock == item.clock)).one()
            changes = [name.replace("_", " ") for name, value in fields.items() if not _same(name, getattr(item, name), value)]
            for name, value in fields.items():
                setattr(item, name, value)
            item.match_key, item.inbound_id, item.plan_row, item.updated_at = key, inbound_id, row["row"], now
            new_title = title_of(row["action"], row["agency"])
            if deadline.title != new_title:
                deadline.title = new_title
                session.add(deadline)
            if deadline.due != due and deadline.status in ("open", "paused"):
                move_due(session, case, deadline, due, actor, now, what="moved", because="action plan updated")
                changes.append("target date")
            if _complete(session, case, deadline, row, actor, now, cfg):
                changes.append("completed")
            session.add(item)
            if changes:
                session.add(AuditEvent(at=now, actor=actor, action="action_updated", case_id=case.id,
                                       detail=json.dumps({"clock": item.clock, "changes": changes,
                                                          "plan_row": row["row"]})))
                out.updated.append({**_summary(item, row, deadline), "changes": changes})
            else:
                out.unchanged.append(_summary(item, row, deadline))
        used.add(item.id)
        if recipient(cfg, item) is None:
            out.nobody_to_remind.append(item.clock)
    # (only this sender's domain's own actions: another agency's plan does not list ours, and that is no news)
    out.not_in_plan = [i.clock for i in items if i.id not in used
                       and _item_domain(session, i, clocks.get(i.clock)) in (None, domain)]
    return out


# -- what an owner may do by email -----------------------------------------------------------------

OWNER_PURPOSE = "action_owner"   # the purpose of the reply token in an owner's reminder
OWNER_VERBS = ("DONE", "PROGRESS", "DATE", "HELP")
OWNER_HELP = """Reply to this email with one line per action, at the top of your reply:
  DONE A3 today                the action was completed on that date (today, yesterday or like 2027-03-01)
  PROGRESS A3 text             a short progress update for the group (no names of children or families)
  DATE A3 2027-04-30 reason    a new target date, and why
  HELP                         this list
Replying to the bot's email is enough; in a new email, include the [intake:...] line of the bot's email."""


@dataclass(frozen=True)
class OwnerCommand:
    verb: str
    clock: str | None = None
    on: date | None = None
    text: str | None = None


def parse_owner_commands(text: str, today: date | None = None) -> list[OwnerCommand]:
    """The owner's commands at the top of a reply; CommandError for a line that starts with a verb but cannot
    be read. A date may be ``today`` or ``yesterday`` (given ``today``)."""

    out = []
    for line in top_of_reply(text):
        words = line.split()
        if not words or words[0].upper().rstrip(":") not in OWNER_VERBS:
            continue
        verb, rest = words[0].upper().rstrip(":"), words[1:]
        if verb == "HELP":
            out.append(OwnerCommand("HELP"))
            continue
        if not rest or not re.fullmatch(r"A\d{1,3}", rest[0].upper()):
            raise CommandError(f"{verb} needs the action's number, e.g. {verb} A3")
        clock = rest[0].upper()
        if verb == "DONE":
            out.append(OwnerCommand("DONE", clock, _date(" ".join(rest[1:]), today) if rest[1:] else None))
        elif verb == "PROGRESS":
            if not rest[1:]:
                raise CommandError("PROGRESS needs a few words after the action's number")
            out.append(OwnerCommand("PROGRESS", clock, text=" ".join(rest[1:])[:2000]))
        else:
            if len(rest) < 3:
                raise CommandError("DATE needs the action's number, the new date and the reason, "
                                   "e.g. DATE A3 2027-04-30 waiting for training dates")
            out.append(OwnerCommand("DATE", clock, _date(rest[1], today), " ".join(rest[2:])[:2000]))
    return out


def looks_like_owner_commands(text: str) -> bool:
    return any(line.split()[0].upper().rstrip(":") in OWNER_VERBS for line in top_of_reply(text) if line.split())


def check_owner_command(session: Session, cfg, case: Case, sender: str, cmd: OwnerCommand,
                        now: datetime) -> tuple[ActionItem, Deadline]:
    """The action the command names, when it is the sender's own and the command can apply; ActionError if not."""
    item = session.exec(select(ActionItem).where(ActionItem.case_id == case.id, ActionItem.clock == cmd.clock)).first()
    if item is None or recipient(cfg, item) != sender:
        raise actions.ActionError(f"{cmd.clock} is not one of your actions on {case.reference}")
    deadline = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == cmd.clock)).one()
    today = now.astimezone(cfg.tz).date()
    if cmd.verb == "DONE":
        actions.check_happened("met", cmd.on or today, now, cfg.tz)
        if deadline.status == "met":
            raise actions.ActionError(f"{cmd.clock} is recorded as done already (on {deadline.met_on.isoformat()})")
    if cmd.verb == "DATE":
        if deadline.status not in ("open", "paused"):
            raise actions.ActionError(f"{cmd.clock} is {deadline.status}: only an open action gets a new date")
        if cmd.on < today:
            raise actions.ActionError(f"the new date {cmd.on.isoformat()} is before today; give a date ahead")
        if cmd.on == deadline.due:
            raise actions.ActionError(f"{cmd.clock} is due on {cmd.on.isoformat()} already")
    return item, deadline


def apply_owner_command(session: Session, cfg, case: Case, item: ActionItem, deadline: Deadline, cmd: OwnerCommand,
                        actor: str, now: datetime) -> str:
    """Apply one checked command; returns the line for the confirmation."""
    today = now.astimezone(cfg.tz).date()
    if cmd.verb == "DONE":
        actions.mark(session, case, cmd.clock, "met", cmd.on or today, "", actor, now, cfg)
        return f"DONE {case.reference} {cmd.clock} {(cmd.on or today).isoformat()}"
    if cmd.verb == "PROGRESS":
        item.progress, item.progress_at, item.updated_at = cmd.text, now, now
        session.add(item)
        session.add(AuditEvent(at=now, actor=actor, action="action_progress", case_id=case.id,
                               detail=json.dumps({"clock": cmd.clock, "text": cmd.text})))
        return f"PROGRESS {case.reference} {cmd.clock}"

    move_due(session, case, deadline, cmd.on, actor, now, what="rescheduled", reason=cmd.text)
    return f"DATE {case.reference} {cmd.clock} {cmd.on.isoformat()}"
