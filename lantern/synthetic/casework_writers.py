"""The casework of a Plan (lantern/synthetic/casework_plan.py) as rows, through the casework
services: the reference, as the front door's services writer is for the front door.

`ServiceSteps.step()` calls one service for one step of the plan (casework_plan.events), `by=`
the user the plan says did it, with `today=`/`now=` its own moment: assessment_start,
consultee_add, assessment_save, assessment_submit, assessment_authorise; plan_start,
plan_update, plan_need_add, plan_action_add, plan_finalise, plan_review_record, plan_end;
conference_schedule, icpc_record, review_conference_record, core_group_record; casenote_add;
closure_request and closure_approve. lantern/synthetic/writers.py interleaves these steps with
the front door's, in the order they happened, so that each service finds what it would have
found then (the front door's decisions see referrals closed by the closure workflow, closures
see the plans as they stood).

lantern/synthetic/casework_bulk.py writes the same rows in bulk; tests/integration/synthetic/
test_generate.py proves both give the same rows.
"""

from lantern.assessments.services import (
    assessment_authorise,
    assessment_save,
    assessment_start,
    assessment_submit,
    consultee_add,
)
from lantern.casenotes.services import casenote_add
from lantern.child_protection.services import (
    conference_schedule,
    core_group_record,
    icpc_record,
    review_conference_record,
)
from lantern.closure.services import closure_approve, closure_request
from lantern.plans.models import Plan
from lantern.plans.services import (
    plan_action_add,
    plan_end,
    plan_finalise,
    plan_need_add,
    plan_review_record,
    plan_start,
    plan_update,
)
from lantern.synthetic.casework_plan import events
from lantern.synthetic.front_door_writers import _aware


class PlanMismatch(AssertionError):
    """The services found something other than what the plan worked out (a bug in the plan's
    settling of the closure checks, which the bulk writer relies on)."""


class ServiceSteps:
    """The casework's steps through its services, one at a time. `people` are the plan's
    Person rows by ref, `users` the User rows by username, `front_door` the front door's
    ServiceSteps (its referrals and section 47 enquiries, by plan index)."""

    def __init__(self, plan, *, people, users, front_door):
        self.plan = plan
        self.cw = plan.casework
        self.people = people
        self.users = users
        self.front_door = front_door
        self.assessments: dict[int, object] = {}
        self.plans: dict[int, Plan] = {}
        self.needs: dict[tuple[int, int], object] = {}
        self.actions: dict[tuple[int, int], object] = {}
        self.conferences: dict[int, object] = {}
        self.requests: dict[int, object] = {}

    def events(self):
        return events(self.cw)

    def _plan(self, index: int) -> Plan:
        return Plan.objects.get(pk=self.plans[index].pk)

    def _progress(self, plan_index: int, progress: dict) -> dict:
        return {
            self.actions[(plan_index, k)].pk: (status, note)
            for k, (status, note) in progress.items()
        }

    def _person(self, ref):
        return self.people[ref] if ref is not None else None

    def step(self, kind: str, i: int, j: int) -> None:
        getattr(self, kind)(i, j)

    # -- assessments --

    def assessment_start(self, i, j):
        a = self.cw.assessments[i]
        self.assessments[i] = assessment_start(
            by=self.users[a.worker],
            person=self.people[a.person],
            referral=self.front_door.referrals[a.referral],
            start_date=a.start_date,
            today=a.started_at.date(),
        )

    def consultee(self, i, j):
        a = self.cw.assessments[i]
        c = a.consultees[j]
        consultee_add(
            by=self.users[a.worker],
            assessment=self.assessments[i],
            what_they_said=c.said,
            consulted_on=c.at.date(),
            relationship=c.relationship,
            person=self._person(c.person),
            professional_name=c.professional_name,
            agency=c.agency,
            today=c.at.date(),
        )

    def assessment_save(self, i, j):
        a = self.cw.assessments[i]
        save = a.saves[j]
        row = self.assessments[i]
        self.assessments[i] = assessment_save(
            by=self.users[a.worker],
            assessment=row,
            version=type(row).objects.get(pk=row.pk).version,
            today=save.at.date(),
            **save.fields,
        )

    def assessment_submit(self, i, j):
        a = self.cw.assessments[i]
        row = self.assessments[i]
        self.assessments[i] = assessment_submit(
            by=self.users[a.worker],
            assessment=row,
            version=type(row).objects.get(pk=row.pk).version,
            today=a.submitted_at.date(),
        )

    def assessment_authorise(self, i, j):
        a = self.cw.assessments[i]
        self.assessments[i] = assessment_authorise(
            by=self.users[a.manager],
            assessment=self.assessments[i],
            comments=a.comments,
            today=a.authorised_at.date(),
        )

    # -- plans --

    def plan_start(self, i, j):
        p = self.cw.plans[i]
        self.plans[i] = plan_start(
            by=self.users[p.worker],
            person=self.people[p.person],
            kind=p.kind,
            start_date=p.start_date,
            referral=self.front_door.referrals[p.referral],
            today=p.started_at.date(),
        )

    def plan_update(self, i, j):
        p = self.cw.plans[i]
        plan = self._plan(i)
        self.plans[i] = plan_update(
            by=self.users[p.worker],
            plan=plan,
            version=plan.version,
            summary=p.summary,
            review_date=p.review_date,
        )

    def plan_need(self, i, j):
        p = self.cw.plans[i]
        self.needs[(i, j)] = plan_need_add(
            by=self.users[p.worker], plan=self._plan(i), description=p.needs[j].description
        )

    def plan_action(self, i, j):
        p = self.cw.plans[i]
        a = p.actions[j]
        self.actions[(i, j)] = plan_action_add(
            by=self.users[p.worker],
            plan=self._plan(i),
            action=a.action,
            owner_person=self._person(a.owner_person),
            owner_user=self.users[a.owner_user] if a.owner_user else None,
            owner_agency=a.owner_agency,
            owner_name=a.owner_name,
            due_date=a.due_date,
            outcome=a.outcome,
            need=self.needs[(i, a.need)] if a.need is not None else None,
        )

    def plan_finalise(self, i, j):
        p = self.cw.plans[i]
        plan = self._plan(i)
        plan_finalise(
            by=self.users[p.worker],
            plan=plan,
            version=plan.version,
            today=p.finalised_at.date(),
            now=_aware(p.finalised_at),
        )

    def plan_review(self, i, j):
        p = self.cw.plans[i]
        r = p.reviews[j]
        plan_review_record(
            by=self.users[r.by],
            plan=self._plan(i),
            kind="review",
            held_on=r.held_on,
            summary=r.summary,
            progress=self._progress(i, r.progress),
            next_review_date=r.next_review_date,
            today=r.at.date(),
        )

    def plan_end(self, i, j):
        p = self.cw.plans[i]
        plan_end(
            by=self.users[p.ended_by], plan=self._plan(i), end_date=p.end_date, reason=p.end_reason
        )

    # -- conferences and core groups --

    def conference_schedule(self, i, j):
        c = self.cw.conferences[i]
        self.conferences[i] = conference_schedule(
            by=self.users[c.scheduled_by],
            section47=self.front_door.enquiries[c.section47],
            today=c.scheduled_at.date(),
        )

    def icpc(self, i, j):
        c = self.cw.conferences[i]
        conference = icpc_record(
            by=self.users[c.chair],
            conference=self.conferences[i],
            held_on=c.held_on,
            chair=self.users[c.chair],
            decision=c.decision,
            reasons=c.reasons,
            attendees=[a.as_dict() for a in c.attendees],
            category=c.category,
            outline=c.outline,
            today=c.held_at.date(),
            now=_aware(c.held_at),
        )
        self.conferences[i] = conference
        if c.plan is not None:
            self.plans[c.plan] = conference.plan

    def review_conference(self, i, j):
        c = self.cw.conferences[i]
        self.conferences[i] = review_conference_record(
            by=self.users[c.chair],
            plan=self._plan(c.plan),
            held_on=c.held_on,
            chair=self.users[c.chair],
            decision=c.decision,
            reasons=c.reasons,
            attendees=[a.as_dict() for a in c.attendees],
            progress=self._progress(c.plan, c.progress),
            category=c.category,
            outline=c.outline,
            end_reason=c.end_reason,
            today=c.held_at.date(),
            now=_aware(c.held_at),
        )

    def core_group(self, i, j):
        g = self.cw.core_groups[i]
        core_group_record(
            by=self.users[g.by],
            plan=self._plan(g.plan),
            held_on=g.held_on,
            attendees=[a.as_dict() for a in g.attendees],
            progress=self._progress(g.plan, g.progress),
            summary=g.summary,
            today=g.at.date(),
            now=_aware(g.at),
        )

    # -- case notes --

    def note(self, i, j):
        n = self.cw.notes[i]
        casenote_add(
            by=self.users[n.by],
            person=self.people[n.person],
            kind=n.kind,
            occurred_on=n.occurred_on,
            title=n.title,
            text=n.text,
            child_seen=n.child_seen,
            seen_alone=n.seen_alone,
            today=n.at.date(),
        )

    # -- closures --

    def closure_request(self, i, j):
        c = self.cw.closures[i]
        request = closure_request(
            by=self.users[c.requested_by],
            referral=self.front_door.referrals[c.referral],
            kind=c.kind,
            reason=c.reason,
            closure_date=c.closure_date,
            rationale=c.rationale,
            today=c.requested_at.date(),
            now=_aware(c.requested_at),
        )
        if request.concerns != c.concerns:
            raise PlanMismatch(
                f"Closure {i}: the checks found {request.concerns}, not {c.concerns}"
            )
        self.requests[i] = request

    def closure_approve(self, i, j):
        c = self.cw.closures[i]
        request = closure_approve(
            by=self.users[c.approved_by],
            request=self.requests[i],
            comment=c.comment,
            override_reason=c.override_reason,
            today=c.approved_at.date(),
            now=_aware(c.approved_at),
        )
        if request.decision_concerns != c.decision_concerns:
            raise PlanMismatch(
                f"Closure {i}: the checks found {request.decision_concerns} when approved, "
                f"not {c.decision_concerns}"
            )
