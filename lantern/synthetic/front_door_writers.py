"""The front-door history of a Plan as rows, two ways with the same result (as writers.py does
for people):

- `write_with_services` calls the front door's services (contact_create, history_summary_record,
  partner_check_add, screening_record, decision_record, strategy_record, section47_child_seen,
  section47_outcome_record, referral_close) in the order the steps happened
  (front_door_plan.events), each with `now=`/`today=` its own moment. The reference: the
  services validate every step the plan makes.
- `write_in_bulk` writes the same rows with bulk_create, with the chronology entries, audit
  events and row history each of those services writes.

tests/integration/synthetic/test_generate.py proves both give the same rows.
"""

import copy
import datetime
from collections.abc import Callable, Iterator
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from lantern.front_door import completeness
from lantern.front_door.codes import (
    ConcernCategory,
    Outcome,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Outcome,
    StrategyDecision,
)
from lantern.front_door.models import (
    Action,
    Attendee,
    Contact,
    ContactChild,
    ContactConcern,
    Decision,
    PartnerCheck,
    Referral,
    Screening,
    Section47,
    StrategyDiscussion,
    Threshold,
)
from lantern.front_door.services import (
    contact_create,
    decision_record,
    history_summary_record,
    partner_check_add,
    referral_close,
    screening_record,
    section47_child_seen,
    section47_outcome_record,
    strategy_record,
)
from lantern.front_door.services.decisions import RISK_CATEGORIES
from lantern.front_door.services.screening import partner_check_summary
from lantern.front_door.services.strategy import absent_key_agencies
from lantern.people.services.person import by_user
from lantern.synthetic.front_door_plan import events
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import due_at, due_date, load_rule_settings

Progress = Callable[[str, int, int], None]


def _aware(moment: datetime.datetime | None) -> datetime.datetime | None:
    return None if moment is None else timezone.make_aware(moment)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def shown_rows(shown: list[dict], person_ids: list[str]) -> list[dict]:
    """The history the worker was shown, with person refs as the person ids they were given."""
    return [{**person, "person": person_ids[person["person"]]} for person in shown]


def _referrer(contact) -> dict[str, str]:
    return dict(contact.referrer)


def _who(created, updated=None) -> dict:
    """created_by and updated_by as the services set them: whoever first saved the row, and
    whoever saved it last."""
    return {"created_by": by_user(created), "updated_by": by_user(updated or created)}


def _concerns(cc, contact, threshold_names: dict[int, str]) -> list[str]:
    """The FD8 concerns decision_record finds (lantern.front_door.services.decisions), from
    the facts the plan worked out for the moment of the decision."""
    if cc.outcome not in ("nfa", "advice", "early_help"):
        return []
    out = []
    if cc.previous_referral_on is not None:
        out.append(
            f"Referred within the last 12 months (on {cc.previous_referral_on:%-d %B %Y}): "
            "a re-referral for similar concerns"
        )
    if cc.open_referral:
        out.append("Has an open referral to children's social care (assessment or plan)")
    risks = sorted(
        ConcernCategory(c).label.lower() for c in contact.categories if c in RISK_CATEGORIES
    )
    if risks:
        out.append("Risk factors not yet assessed: " + ", ".join(risks))
    if cc.threshold >= 3:
        out.append(f"Screened at level {cc.threshold} ({threshold_names[cc.threshold]})")
    return out


# --- Through the services ------------------------------------------------------------------


class ServiceSteps:
    """The front door's steps through its services, one at a time (`step`), keeping the rows
    each step made for the steps after it. `people` are the plan's Person rows by ref, `users`
    the User rows by username. The casework writer (casework_writers.py) reads `referrals` and
    `enquiries`, and closes the referrals the plan marks `workflow` through the closure
    workflow itself."""

    def __init__(self, plan, *, people, users):
        self.plan = plan
        self.people = people
        self.users = users
        self.thresholds = {t.level: t for t in Threshold.objects.all()}
        self.items: dict[int, ContactChild] = {}
        self.referrals: dict[int, Referral] = {}
        self.strategies: dict[int, StrategyDiscussion] = {}
        self.enquiries: dict[int, Section47] = {}
        self.ids = [p.person_id for p in people]

    def step(self, kind: str, i: int, j: int) -> None:
        if kind == "closure" and self.plan.referrals[i].workflow:
            return  # closed by the manager's approval of the closure (casework_writers.py)
        if kind == "contact":
            c = self.plan.contacts[i]
            received = _aware(c.received_at)
            contact = contact_create(
                by=self.users[c.recorded_by],
                received_at=received,
                channel=c.channel,
                source=c.source,
                concern=c.concern,
                children=[self.people[self.plan.contact_children[k].person] for k in c.children],
                categories=c.categories,
                referrer=_referrer(c),
                referrer_actions=c.referrer_actions,
                consent=c.consent,
                consent_not_sought_reason=c.consent_not_sought_reason,
                consent_detail=c.consent_detail,
                immediate_risk=c.immediate_risk,
                submitted_by=self.users[c.submitted_by] if c.submitted_by else None,
                now=received,
            )
            rows = list(contact.children.order_by("id"))
            for k, item in zip(c.children, rows, strict=True):
                self.items[k] = item
        elif kind == "summary":
            cc = self.plan.contact_children[i]
            history_summary_record(
                by=self.users[cc.screened_by],
                contact_child=self.items[i],
                summary=cc.history_summary,
                shown=shown_rows(cc.history_shown, self.ids),
                re_referral=cc.re_referral,
                now=_aware(cc.summary_at),
            )
        elif kind == "partner_check":
            cc = self.plan.contact_children[i]
            check = cc.partner_checks[j]
            partner_check_add(
                by=self.users[cc.screened_by],
                contact_child=self.items[i],
                agency=check.agency,
                checked_on=check.at.date(),
                learned=check.learned,
                organisation=check.organisation,
                asked_to_speak_to_child=check.asked_to_speak_to_child,
                today=check.at.date(),
            )
        elif kind == "screening":
            cc = self.plan.contact_children[i]
            screening_record(
                by=self.users[cc.screened_by],
                contact_child=self.items[i],
                threshold=self.thresholds[cc.threshold],
                threshold_rationale=cc.threshold_rationale,
                recommendation=cc.recommendation,
                recommendation_rationale=cc.recommendation_rationale,
                now=_aware(cc.screened_at),
            )
        elif kind == "decision":
            cc = self.plan.contact_children[i]
            strategy_at = None
            if cc.referral is not None:
                s = self.plan.referrals[cc.referral].strategy
                if s is not None:
                    strategy_at = _aware(self.plan.strategies[s].held_at)
            decision = decision_record(
                by=self.users[cc.decided_by],
                contact_child=self.items[i],
                outcome=cc.outcome,
                rationale=cc.rationale,
                direction=cc.direction,
                direction_owner=cc.direction_owner,
                direction_due=cc.direction_due,
                override_reason=cc.override_reason,
                primary_need=cc.primary_need,
                strategy_at=strategy_at,
                now=_aware(cc.decided_at),
            )
            if cc.referral is not None:
                self.referrals[cc.referral] = decision.referral
                s = self.plan.referrals[cc.referral].strategy
                if s is not None:
                    self.strategies[s] = StrategyDiscussion.objects.get(referral=decision.referral)
        elif kind == "strategy":
            s = self.plan.strategies[i]
            discussion = strategy_record(
                by=self.users[s.recorded_by],
                discussion=self.strategies[i],
                attendees=[a.as_dict() for a in s.attendees],
                decision=s.decision,
                decision_reason=s.decision_reason,
                immediate_protective_action=s.immediate_protective_action,
                protective_action_detail=s.protective_action_detail,
                actions=[{"action": a.action, "owner": a.owner, "due": a.due} for a in s.actions],
                enquiry_plan=s.enquiry_plan,
                now=_aware(s.recorded_at),
            )
            if s.section47 is not None:
                self.enquiries[s.section47] = Section47.objects.get(strategy=discussion)
        elif kind == "seen":
            e = self.plan.section47s[i]
            section47_child_seen(
                by=self.users[e.seen_recorded_by],
                enquiry=self.enquiries[i],
                seen_on=e.child_seen_on,
                seen_by=e.child_seen_by,
                seen_alone=e.child_seen_alone,
                today=e.seen_at.date(),
            )
        elif kind == "outcome":
            e = self.plan.section47s[i]
            section47_outcome_record(
                by=self.users[e.outcome_recorded_by],
                enquiry=self.enquiries[i],
                outcome=e.outcome,
                outcome_date=e.outcome_date,
                reason=e.outcome_reason,
                today=e.outcome_at.date(),
            )
        elif kind == "closure":
            r = self.plan.referrals[i]
            referral_close(
                by=self.users[r.closed_by],
                referral=self.referrals[i],
                closure_date=r.closure_date,
                reason=r.closure_reason,
                nfa=r.nfa,
            )


def write_with_services(plan, *, people, users, progress: Progress, batch: int = 500):
    """Every step through the front door's services, in the order it happened, each `by=` the
    user the plan says did it. `people` are the plan's Person rows by ref, `users` the User
    rows by username. (lantern/synthetic/writers.py interleaves these steps with the
    casework's instead.)"""
    steps = ServiceSteps(plan, people=people, users=users)
    ordered = events(plan)
    done = 0
    for chunk in _chunks(ordered, batch):
        with transaction.atomic():
            for kind, i, j in chunk:
                steps.step(kind, i, j)
        done += len(chunk)
        progress("front door", done, len(ordered))


# --- In bulk -------------------------------------------------------------------------------


def write_in_bulk(
    plan, *, pks, person_ids, users, rows_for, history, progress, batch=2000, written=None
):
    """The same rows as write_with_services, with bulk_create, a batch of contacts (and all
    that followed from them) per transaction. `pks` and `person_ids` are the plan's people's
    primary keys and person ids by ref, `users` the User rows by username; `rows_for()` gives a
    writers._Rows for the batch and `history(model, created, changed)` writes row history as
    writers._history does. `written`, when given, gets the primary keys of the referrals and
    section 47 enquiries by plan index (written["referrals"], written["section47s"]), for the
    casework that follows.

    A referral the plan closes through the closure workflow (`workflow`) is written closed as
    the manager's approval leaves it: closure_approve closes it with referral_close, by the
    approving manager (closed_by), as for any other closed referral here.

    Each row, chronology entry and audit event is by the user the plan says did that step, as
    the service would record them: created_by whoever first saved the row, updated_by whoever
    saved it last (and, in row history, at each save)."""
    calendar, settings = get_calendar(), load_rule_settings()
    thresholds = {t.level: t for t in Threshold.objects.all()}
    names = {level: t.name for level, t in thresholds.items()}
    people = plan.people
    done = 0
    for chunk in _chunks(list(range(len(plan.contacts))), batch):
        rows = rows_for()
        with transaction.atomic():
            # Contacts, their concerns and their children, as contact_create leaves them.
            contacts = []
            for i in chunk:
                c = plan.contacts[i]
                contact = Contact(
                    received_at=_aware(c.received_at),
                    channel=c.channel,
                    source=c.source,
                    concern=c.concern.strip(),
                    referrer_actions=c.referrer_actions.strip(),
                    consent=c.consent,
                    consent_not_sought_reason=c.consent_not_sought_reason,
                    consent_detail=c.consent_detail.strip(),
                    immediate_risk=c.immediate_risk,
                    submitted_by=users[c.submitted_by] if c.submitted_by else None,
                    **_who(users[c.recorded_by]),
                    **{f"referrer_{k}": (v or "").strip() for k, v in c.referrer.items()},
                )
                contact._categories = list(c.categories)
                children = [
                    SimpleNamespace(
                        first_name=people[plan.contact_children[k].person].first_name,
                        date_of_birth=people[plan.contact_children[k].person].date_of_birth,
                        expected_date_of_birth=None,
                        has_address=bool(people[plan.contact_children[k].person].addresses),
                    )
                    for k in c.children
                ]
                contact.completeness = completeness.score(contact=contact, children=children)
                contacts.append(contact)
            Contact.objects.bulk_create(contacts)
            history(Contact, contacts, ())
            ContactConcern.objects.bulk_create(
                ContactConcern(contact=contact, category=category)
                for i, contact in zip(chunk, contacts, strict=True)
                for category in plan.contacts[i].categories
            )
            indexes = [k for i in chunk for k in plan.contacts[i].children]
            contact_of = {
                k: contact
                for i, contact in zip(chunk, contacts, strict=True)
                for k in plan.contacts[i].children
            }
            items = []
            for k in indexes:
                cc = plan.contact_children[k]
                contact = contact_of[k]
                decided = _aware(cc.decided_at)
                last = cc.decided_by or (cc.screened_by if cc.screened_at else "")
                items.append(
                    ContactChild(
                        contact=contact,
                        person_id=pks[cc.person],
                        status="decided"
                        if decided
                        else "screened"
                        if cc.screened_at
                        else "awaiting",
                        decision_due_at=due_at(
                            "referral_decision",
                            contact.received_at,
                            calendar=calendar,
                            settings=settings,
                        ),
                        decided_at=decided,
                        **_who(
                            users[plan.contacts[cc.contact].recorded_by],
                            users[last] if last else None,
                        ),
                    )
                )
            ContactChild.objects.bulk_create(items)
            item_of = dict(zip(indexes, items, strict=True))
            as_created, screened, decided_rows = [], [], []
            for k, item in item_of.items():
                cc = plan.contact_children[k]
                first = copy.copy(item)
                first.status, first.decided_at = "awaiting", None
                first.updated_by_id = item.created_by_id
                as_created.append(first)
                if cc.screened_at is not None:
                    middle = copy.copy(item)
                    middle.status, middle.decided_at = "screened", None
                    middle.updated_by_id = users[cc.screened_by].pk
                    screened.append(middle)
                if cc.decided_at is not None:
                    decided_rows.append(item)
            history(ContactChild, as_created, screened + decided_rows)
            for i, contact in zip(chunk, contacts, strict=True):
                c = plan.contacts[i]
                labels = (
                    ", ".join(ConcernCategory(x).label.lower() for x in c.categories)
                    or "no category"
                )
                children = [item_of[k] for k in c.children]
                recorder = users[c.recorded_by]
                for item in children:
                    rows.chronicle(
                        person_pk=item.person_id,
                        kind="contact",
                        summary=f"Contact from {ReferralSource(c.source).label} ({labels})",
                        on=timezone.localdate(contact.received_at),
                        at=contact.received_at,
                        source=contact,
                        by=recorder,
                    )
                rows.event(
                    by=recorder,
                    action="contact.created",
                    target=contact,
                    person_pk=children[0].person_id if len(children) == 1 else None,
                    detail={
                        "children": [item.person_id for item in children],
                        "channel": c.channel,
                        "source": c.source,
                        "completeness": contact.completeness,
                    },
                )

            # Screening: history summary, checks with partners, threshold and recommendation.
            screenings, checks = [], []
            for k, item in item_of.items():
                cc = plan.contact_children[k]
                if cc.summary_at is None:
                    continue
                shown = shown_rows(cc.history_shown, person_ids)
                worker = users[cc.screened_by]
                screening = Screening(
                    contact_child=item,
                    history_summary=cc.history_summary.strip(),
                    history_shown=shown,
                    re_referral=cc.re_referral,
                    **_who(worker),
                )
                if cc.screened_at is not None:
                    screening.threshold = thresholds[cc.threshold]
                    screening.threshold_rationale = cc.threshold_rationale.strip()
                    screening.recommendation = cc.recommendation
                    screening.recommendation_rationale = cc.recommendation_rationale.strip()
                    screening.screened_at = _aware(cc.screened_at)
                    screening.screened_by = by_user(worker)
                screenings.append((k, item, screening, len(shown)))
                for check in cc.partner_checks:
                    checks.append(
                        PartnerCheck(
                            contact_child=item,
                            agency=check.agency,
                            organisation=check.organisation.strip(),
                            checked_on=check.at.date(),
                            learned=check.learned.strip(),
                            asked_to_speak_to_child=check.asked_to_speak_to_child,
                            **_who(worker),
                        )
                    )
            Screening.objects.bulk_create(s for _, _, s, _ in screenings)
            PartnerCheck.objects.bulk_create(checks)
            for check in checks:
                rows.chronicle(
                    person_pk=check.contact_child.person_id,
                    kind="screening",
                    summary=partner_check_summary(check),
                    on=check.checked_on,
                    source=check.contact_child,
                    by=check.created_by,
                )
                rows.event(
                    by=check.created_by,
                    action="screening.partner_check_added",
                    target=check,
                    person_pk=check.contact_child.person_id,
                    detail={
                        "agency": check.agency,
                        "asked_to_speak_to_child": check.asked_to_speak_to_child,
                    },
                )
            for k, item, screening, n_shown in screenings:
                cc = plan.contact_children[k]
                summary_at = _aware(cc.summary_at)
                worker = users[cc.screened_by]
                rows.chronicle(
                    person_pk=item.person_id,
                    kind="screening",
                    summary="History considered at screening"
                    + (" (re-referral within 12 months)" if cc.re_referral else ""),
                    on=timezone.localdate(summary_at),
                    source=item,
                    by=worker,
                )
                rows.event(
                    by=worker,
                    action="screening.history_summarised",
                    target=screening,
                    person_pk=item.person_id,
                    detail={"people_shown": n_shown, "re_referral": cc.re_referral},
                )
                if cc.screened_at is None:
                    continue
                rows.chronicle(
                    person_pk=item.person_id,
                    kind="screening",
                    summary=f"Screened at level {cc.threshold} ({names[cc.threshold]}); "
                    f"recommended {Outcome(cc.recommendation).label.lower()}",
                    on=timezone.localdate(screening.screened_at),
                    at=screening.screened_at,
                    source=item,
                    by=worker,
                )
                rows.event(
                    by=worker,
                    action="screening.recorded",
                    target=screening,
                    person_pk=item.person_id,
                    detail={"threshold": cc.threshold, "recommendation": cc.recommendation},
                )

            # Referrals, decisions, and the strategy discussions decisions schedule.
            decided = [k for k in indexes if plan.contact_children[k].decided_at is not None]
            referral_of: dict[int, Referral] = {}
            for k in decided:
                cc = plan.contact_children[k]
                if cc.referral is None:
                    continue
                r = plan.referrals[cc.referral]
                referral_of[cc.referral] = Referral(
                    person_id=pks[r.person],
                    referral_date=r.referral_date,
                    source=r.source,
                    primary_need=r.primary_need,
                    closure_date=r.closure_date,
                    closure_reason=r.closure_reason,
                    nfa=r.nfa,
                    **_who(users[cc.decided_by], users[r.closed_by] if r.closure_date else None),
                )
            Referral.objects.bulk_create(referral_of.values())
            if written is not None:
                for index, referral in referral_of.items():
                    written["referrals"][index] = referral.pk
            opened, closed = [], []
            for index, referral in referral_of.items():
                r = plan.referrals[index]
                rows.chronicle(
                    person_pk=referral.person_id,
                    kind="referral",
                    summary="Referral to children's social care "
                    f"({PrimaryNeed(r.primary_need).label})",
                    on=r.referral_date,
                    source=referral,
                    by=referral.created_by,
                )
                rows.event(
                    by=referral.created_by,
                    action="referral.created",
                    target=referral,
                    person_pk=referral.person_id,
                )
                if r.closure_date is None:
                    opened.append(referral)
                    continue
                before = copy.copy(referral)
                before.closure_date, before.closure_reason, before.nfa = None, "", False
                before.updated_by_id = referral.created_by_id
                opened.append(before)
                referral._change_reason = ReasonForClosure(r.closure_reason).label
                closed.append(referral)
                if not r.workflow:  # a closure approval records its own entry (casework_bulk)
                    rows.chronicle(
                        person_pk=referral.person_id,
                        kind="referral",
                        summary=f"Referral closed: {ReasonForClosure(r.closure_reason).label}",
                        on=r.closure_date,
                        source=referral,
                        by=referral.updated_by,
                    )
                rows.event(
                    by=referral.updated_by,
                    action="referral.closed",
                    target=referral,
                    person_pk=referral.person_id,
                    reason=r.closure_reason,
                )
            history(Referral, opened, closed)

            decisions, discussions = [], []
            for k in decided:
                cc = plan.contact_children[k]
                item = item_of[k]
                contact = contact_of[k]
                concerns = _concerns(cc, plan.contacts[cc.contact], names)
                referral = referral_of.get(cc.referral) if cc.referral is not None else None
                manager = users[cc.decided_by]
                decision = Decision(
                    contact_child=item,
                    outcome=cc.outcome,
                    rationale=cc.rationale.strip(),
                    direction=cc.direction.strip(),
                    direction_owner=cc.direction_owner.strip(),
                    direction_due=cc.direction_due,
                    agrees_with_recommendation=cc.outcome == cc.recommendation,
                    concerns=concerns,
                    override_reason=cc.override_reason.strip() if concerns else "",
                    decided_by=manager,
                    decided_at=item.decided_at,
                    referral=referral,
                    **_who(manager),
                )
                decisions.append((cc, item, decision))
                s = plan.referrals[cc.referral].strategy if referral is not None else None
                if s is not None:
                    plan_s = plan.strategies[s]
                    discussions.append(
                        (
                            s,
                            StrategyDiscussion(
                                referral=referral,
                                person_id=referral.person_id,
                                kind=StrategyDiscussion.Kind.DISCUSSION,
                                held_at=_aware(plan_s.held_at),
                                reason=plan_s.reason.strip(),
                                **_who(
                                    users[plan_s.scheduled_by],
                                    users[plan_s.recorded_by] if plan_s.recorded_at else None,
                                ),
                            ),
                        )
                    )
            Decision.objects.bulk_create(d for _, _, d in decisions)
            for cc, item, decision in decisions:
                rows.chronicle(
                    person_pk=item.person_id,
                    kind="front_door_decision",
                    summary=f"Decision: {Outcome(cc.outcome).label}"
                    + (
                        ""
                        if decision.agrees_with_recommendation
                        else " (differs from the recommendation)"
                    )
                    + (" — concerns overridden" if decision.override_reason else ""),
                    on=timezone.localdate(decision.decided_at),
                    at=decision.decided_at,
                    source=item,
                    by=decision.decided_by,
                )
                rows.event(
                    by=decision.decided_by,
                    action="contact.decided",
                    target=decision,
                    person_pk=item.person_id,
                    reason=cc.rationale,
                    detail={
                        "outcome": cc.outcome,
                        "recommendation": cc.recommendation,
                        "concerns": decision.concerns,
                        "override_reason": decision.override_reason,
                        "on_time": decision.decided_at <= item.decision_due_at,
                    },
                )

            # Strategy discussions as recorded, and the section 47 enquiries they started.
            for s, discussion in discussions:
                plan_s = plan.strategies[s]
                if plan_s.recorded_at is None:
                    continue
                discussion.decision = plan_s.decision
                discussion.decision_reason = plan_s.decision_reason.strip()
                discussion.immediate_protective_action = plan_s.immediate_protective_action
                discussion.protective_action_detail = plan_s.protective_action_detail.strip()
                discussion.recorded_at = _aware(plan_s.recorded_at)
            StrategyDiscussion.objects.bulk_create(d for _, d in discussions)
            attendees, actions, enquiries = [], [], []
            for s, discussion in discussions:
                rows.event(
                    by=discussion.created_by,
                    action="strategy.scheduled",
                    target=discussion,
                    person_pk=discussion.person_id,
                )
                plan_s = plan.strategies[s]
                if plan_s.recorded_at is None:
                    continue
                mine = [
                    Attendee(
                        strategy=discussion,
                        agency=a.agency,
                        name=a.name.strip(),
                        role=a.role.strip(),
                        invited=a.invited,
                        attended=a.attended,
                        contribution=a.contribution.strip(),
                    )
                    for a in plan_s.attendees
                ]
                attendees.extend(mine)
                actions.extend(
                    Action(
                        strategy=discussion,
                        action=a.action.strip(),
                        owner=a.owner.strip(),
                        due=a.due,
                    )
                    for a in plan_s.actions
                )
                held_on = timezone.localdate(discussion.held_at)
                absent = absent_key_agencies(mine, discussion.referral.source)
                rows.chronicle(
                    person_pk=discussion.person_id,
                    kind="strategy",
                    summary=f"{discussion.get_kind_display()}: "
                    f"{StrategyDecision(plan_s.decision).label}"
                    + (f" (absent: {', '.join(absent)})" if absent else ""),
                    on=held_on,
                    at=discussion.held_at,
                    source=discussion,
                    by=discussion.updated_by,
                )
                rows.event(
                    by=discussion.updated_by,
                    action="strategy.recorded",
                    target=discussion,
                    person_pk=discussion.person_id,
                    detail={"decision": plan_s.decision, "absent": absent, "attendees": len(mine)},
                )
                if plan_s.section47 is None:
                    continue
                e = plan.section47s[plan_s.section47]
                enquiries.append(
                    (
                        plan_s.section47,
                        e,
                        Section47(
                            strategy=discussion,
                            referral=discussion.referral,
                            person_id=discussion.person_id,
                            start_date=held_on,
                            plan=plan_s.enquiry_plan.strip(),
                            child_seen_on=e.child_seen_on,
                            child_seen_by=e.child_seen_by.strip(),
                            child_seen_alone=e.child_seen_alone if e.seen_at else None,
                            outcome=e.outcome,
                            outcome_date=e.outcome_date,
                            outcome_reason=e.outcome_reason.strip(),
                            **_who(
                                discussion.updated_by,
                                users[e.outcome_recorded_by or e.seen_recorded_by]
                                if e.outcome_recorded_by or e.seen_recorded_by
                                else None,
                            ),
                        ),
                    )
                )
            Attendee.objects.bulk_create(attendees)
            Action.objects.bulk_create(actions)
            Section47.objects.bulk_create(enquiry for _, _, enquiry in enquiries)
            if written is not None:
                for index, _, enquiry in enquiries:
                    written["section47s"][index] = enquiry.pk
            for _, e, enquiry in enquiries:
                icpc_due = due_date(
                    "icpc", enquiry.start_date, calendar=calendar, settings=settings
                )
                rows.chronicle(
                    person_pk=enquiry.person_id,
                    kind="section47",
                    summary=f"Section 47 enquiry started; ICPC due by {icpc_due:%-d %B %Y}",
                    on=enquiry.start_date,
                    source=enquiry,
                    by=enquiry.created_by,
                )
                rows.event(
                    by=enquiry.created_by,
                    action="section47.started",
                    target=enquiry,
                    person_pk=enquiry.person_id,
                )
                if e.seen_at is not None:
                    rows.chronicle(
                        person_pk=enquiry.person_id,
                        kind="section47",
                        summary=f"Child seen{' alone' if e.child_seen_alone else ''} by "
                        f"{enquiry.child_seen_by} (section 47 enquiry)",
                        on=e.child_seen_on,
                        source=enquiry,
                        by=users[e.seen_recorded_by],
                    )
                    rows.event(
                        by=users[e.seen_recorded_by],
                        action="section47.child_seen",
                        target=enquiry,
                        person_pk=enquiry.person_id,
                    )
                if e.outcome:
                    summary = f"Section 47 outcome: {Section47Outcome(e.outcome).label}"
                    if e.outcome == Section47Outcome.ICPC:
                        summary += f" (due by {icpc_due:%-d %B %Y})"
                    rows.chronicle(
                        person_pk=enquiry.person_id,
                        kind="section47",
                        summary=summary,
                        on=e.outcome_date,
                        source=enquiry,
                        by=users[e.outcome_recorded_by],
                    )
                    rows.event(
                        by=users[e.outcome_recorded_by],
                        action="section47.outcome_recorded",
                        target=enquiry,
                        person_pk=enquiry.person_id,
                        detail={"outcome": e.outcome},
                    )
            rows.flush()
        done += len(chunk)
        progress("front door", done, len(plan.contacts))
