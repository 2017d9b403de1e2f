"""The plans' part of the casework bulk writer (lantern/synthetic/casework_bulk.py): child in
need, child protection and safety plans with their needs, actions and reviews; initial and
review conferences and core groups, each doing exactly what its service does (plans/services,
child_protection/services.py). A mixin of casework_bulk._Batch, whose `new`, `snap`,
`chronicle`, `event` and `scan` record the rows and what goes with them."""

from lantern.child_protection.codes import ConferenceDecision, ConferenceKind
from lantern.child_protection.models import Conference, ConferenceAttendee, CoreGroup
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanNeed, PlanReview
from lantern.plans.presenters import short
from lantern.synthetic.front_door_writers import _aware
from lantern.timescales.engine import due_date


class _NoteField:
    """The field name a review's progress note is scanned under: note_<the action's key>,
    known once the action is written."""

    def __init__(self, progress: ActionProgress):
        self.progress = progress

    def __call__(self) -> str:
        return f"note_{self.progress.action.pk}"


class PlanSteps:
    # plans

    def _plan_label(self, plan: Plan) -> str:
        return f"{plan.get_kind_display()} started {plan.start_date:%-d %b %Y}"

    def _start_plan(self, index, *, by, kind, person, referral, start_date, category=""):
        cp = kind == Plan.Kind.CHILD_PROTECTION
        plan = self.new(
            Plan(
                person_id=person,
                referral_id=referral,
                kind=kind,
                start_date=start_date,
                initial_category=category if cp else "",
                latest_category=category if cp else "",
                created_by=by,
                updated_by=by,
            )
        )
        self.plans[index], self.plan_actions[index], self.plan_needs[index] = plan, [], []
        self.snap(plan, "+")
        label = plan.get_kind_display()
        if category:
            label += f" ({CategoryOfAbuse(category).label.lower()})"
        self.chronicle(
            person=person,
            kind="plan",
            summary=f"{label} started",
            on=start_date,
            source=plan,
            by=by,
        )
        self.event(by=by, action="plan.started", target=plan, person=person, detail={"kind": kind})
        return plan

    def _update_plan(self, plan: Plan, *, by, summary, review_date):
        changed = [
            name
            for name, value in (("summary", summary.strip()), ("review_date", review_date))
            if getattr(plan, name) != value
        ]
        plan.summary, plan.review_date = summary.strip(), review_date
        plan.version += 1
        plan.updated_by = by
        self.snap(plan, "~")
        self.scan(
            by=by,
            person=plan.person_id,
            source=plan,
            texts={"summary": plan.summary},
            label=self._plan_label(plan),
            url=plan.get_absolute_url,
        )
        self.event(
            by=by,
            action="plan.updated",
            target=plan,
            person=plan.person_id,
            detail={"changed": changed},
        )

    def _end_plan(self, plan: Plan, *, by, end_date, reason: str):
        plan.end_date, plan.end_reason = end_date, reason.strip()
        plan.updated_by = by
        self.snap(plan, "~")
        self.chronicle(
            person=plan.person_id,
            kind="plan",
            summary=f"{plan.get_kind_display()} ended: {plan.end_reason}",
            on=end_date,
            source=plan,
            by=by,
        )
        self.event(by=by, action="plan.ended", target=plan, person=plan.person_id, reason=reason)

    def _review(self, index, *, by, kind, held_on, summary, progress: dict, next_review_date):
        """As plan_review_record: the review, progress on each open action, the actions'
        new statuses and the plan's next review date."""
        plan = self.plans[index]
        review = self.new(
            PlanReview(
                plan=plan,
                kind=kind,
                held_on=held_on,
                summary=summary.strip(),
                next_review_date=next_review_date,
                created_by=by,
                updated_by=by,
            )
        )
        self.snap(review, "+")
        rows = []
        label = review.get_kind_display()
        for k, action in enumerate(self.plan_actions[index]):
            if not action.is_open:
                continue
            status, note = progress[k]
            rows.append(
                self.new(
                    ActionProgress(
                        review=review,
                        action=action,
                        status=status,
                        note=(note or "").strip(),
                        created_by=by,
                        updated_by=by,
                    )
                )
            )
            if action.status != status:
                action.status = status
                action.completed_on = held_on if status == PlanAction.Status.DONE else None
                action.version += 1
                action.updated_by = by
                self.snap(action, "~", f"{label} on {held_on:%-d %b %Y}")
        if len(rows) != len(progress):
            raise ValueError("Progress recorded on an action that is not open")
        if next_review_date is not None and plan.review_date != next_review_date:
            plan.review_date = next_review_date
            plan.version += 1
            plan.updated_by = by
            self.snap(plan, "~")
        texts = {"summary": review.summary}
        for r in rows:
            texts[_NoteField(r)] = r.note
        self.scan(
            by=by,
            person=plan.person_id,
            source=review,
            texts=texts,
            label=f"{self._plan_label(plan)}: {label.lower()} {held_on:%-d %b %Y}",
            url=plan.get_absolute_url,
        )
        done = sum(1 for r in rows if r.status == PlanAction.Status.DONE)
        line = f"{label} of the {plan.get_kind_display().lower()}"
        if rows:
            line += f": {done} of {len(rows)} action{'s' if len(rows) != 1 else ''} done"
        self.chronicle(
            person=plan.person_id, kind="plan", summary=line, on=held_on, source=plan, by=by
        )
        self.event(
            by=by,
            action="plan.reviewed",
            target=review,
            person=plan.person_id,
            detail=lambda: {
                "kind": kind,
                "progress": {str(r.action.pk): r.status for r in rows},
                "next_review_date": next_review_date,
            },
        )
        return review

    def plan_start(self, i, j):
        p = self.cw.plans[i]
        self._start_plan(
            i,
            by=self.users[p.worker],
            kind=p.kind,
            person=self.pks[p.person],
            referral=self.referral_pks[p.referral],
            start_date=p.start_date,
        )

    def plan_update(self, i, j):
        p = self.cw.plans[i]
        self._update_plan(
            self.plans[i], by=self.users[p.worker], summary=p.summary, review_date=p.review_date
        )

    def plan_need(self, i, j):
        p = self.cw.plans[i]
        by = self.users[p.worker]
        plan = self.plans[i]
        need = self.new(
            PlanNeed(
                plan=plan,
                description=p.needs[j].description.strip(),
                order=len(self.plan_needs[i]),
                created_by=by,
                updated_by=by,
            )
        )
        self.plan_needs[i].append(need)
        self.needs[(i, j)] = need
        self.snap(need, "+")
        self.scan(
            by=by,
            person=plan.person_id,
            source=need,
            texts={"description": need.description},
            label=f"{self._plan_label(plan)}: need",
            url=plan.get_absolute_url,
        )
        self.event(by=by, action="plan.need_added", target=need, person=plan.person_id)

    def plan_action(self, i, j):
        p = self.cw.plans[i]
        a = p.actions[j]
        by = self.users[p.worker]
        plan = self.plans[i]
        agency = a.owner_agency or ""
        row = self.new(
            PlanAction(
                plan=plan,
                order=len(self.plan_actions[i]),
                action=a.action.strip(),
                owner_person_id=self.pks[a.owner_person] if a.owner_person is not None else None,
                owner_user=self.users[a.owner_user] if a.owner_user else None,
                owner_agency=agency,
                owner_name=(a.owner_name or "").strip() if agency else "",
                owner_is_parent=a.owner_is_parent,
                due_date=a.due_date,
                outcome=(a.outcome or "").strip(),
                need=self.needs[(i, a.need)] if a.need is not None else None,
                created_by=by,
                updated_by=by,
            )
        )
        self.plan_actions[i].append(row)
        self.actions[(i, j)] = row
        self.snap(row, "+")
        self.scan(
            by=by,
            person=plan.person_id,
            source=row,
            texts={"action": row.action, "outcome": row.outcome},
            label=f"{self._plan_label(plan)}: action ‘{short(row.action, 40)}’",
            url=plan.get_absolute_url,
        )
        self.event(
            by=by,
            action="plan.action_added",
            target=row,
            person=plan.person_id,
            detail={"missing": row.missing},
        )

    def plan_finalise(self, i, j):
        p = self.cw.plans[i]
        by = self.users[p.worker]
        plan = self.plans[i]
        plan.finalised_at, plan.finalised_by = _aware(p.finalised_at), by
        plan.version += 1
        plan.updated_by = by
        self.snap(plan, "~")
        needs = sum(1 for n in self.plan_needs[i] if n.ended_at is None)
        actions = sum(1 for a in self.plan_actions[i] if a.is_open)
        self.chronicle(
            person=plan.person_id,
            kind="plan",
            summary=f"{plan.get_kind_display()} finalised: {needs} "
            f"need{'s' if needs != 1 else ''}, {actions} action{'s' if actions != 1 else ''}",
            on=p.finalised_at.date(),
            source=plan,
            by=by,
        )
        self.event(
            by=by,
            action="plan.finalised",
            target=plan,
            person=plan.person_id,
            detail={"needs": needs, "actions": actions},
        )

    def plan_review(self, i, j):
        r = self.cw.plans[i].reviews[j]
        self._review(
            i,
            by=self.users[r.by],
            kind=PlanReview.Kind.REVIEW,
            held_on=r.held_on,
            summary=r.summary,
            progress=r.progress,
            next_review_date=r.next_review_date,
        )

    def plan_end(self, i, j):
        p = self.cw.plans[i]
        self._end_plan(
            self.plans[i], by=self.users[p.ended_by], end_date=p.end_date, reason=p.end_reason
        )

    # conferences and core groups

    def _attendees(self, attendees, **meeting) -> list[ConferenceAttendee]:
        return [
            self.new(
                ConferenceAttendee(
                    agency=a.agency,
                    name=a.name.strip()[:200],
                    role=(a.role or "").strip()[:200],
                    invited=bool(a.invited),
                    attended=bool(a.attended),
                    report_submitted=bool(a.report_submitted),
                    **meeting,
                )
            )
            for a in attendees
        ]

    def _pending_review(self, index, *, by, due, referral) -> Conference:
        plan = self.plans[index]
        conference = self.new(
            Conference(
                person_id=plan.person_id,
                kind=ConferenceKind.REVIEW,
                referral_id=referral,
                plan=plan,
                due_date=due,
                created_by=by,
                updated_by=by,
            )
        )
        self.snap(conference, "+")
        self.pending_review[index] = conference
        return conference

    def conference_schedule(self, i, j):
        c = self.cw.conferences[i]
        by = self.users[c.scheduled_by]
        enquiry = self.plan.section47s[c.section47]
        due = due_date("icpc", enquiry.start_date, calendar=self.calendar)
        conference = self.new(
            Conference(
                person_id=self.pks[c.person],
                kind=ConferenceKind.INITIAL,
                section47_id=self.section47_pks[c.section47],
                referral_id=self.referral_pks[c.referral],
                due_date=due,
                created_by=by,
                updated_by=by,
            )
        )
        self.conferences[i] = conference
        self.snap(conference, "+")
        self.event(
            by=by,
            action="conference.scheduled",
            target=conference,
            person=conference.person_id,
            detail={"kind": ConferenceKind.INITIAL, "due": due.isoformat()},
        )

    def icpc(self, i, j):
        c = self.cw.conferences[i]
        by = chair = self.users[c.chair]
        conference = self.conferences[i]
        person = conference.person_id
        makes_plan = c.decision == ConferenceDecision.CP_PLAN
        plan = None
        if makes_plan:
            plan = self._start_plan(
                c.plan,
                by=by,
                kind=Plan.Kind.CHILD_PROTECTION,
                person=person,
                referral=conference.referral_id,
                start_date=c.held_on,
                category=c.category,
            )
            first_review_due = due_date("first_rcpc", c.held_on, calendar=self.calendar)
            self._update_plan(plan, by=by, summary=c.outline, review_date=first_review_due)
        conference.held_on = c.held_on
        conference.chair = chair
        conference.decision = c.decision
        conference.category = c.category if makes_plan else ""
        conference.outline = c.outline.strip() if makes_plan else ""
        conference.reasons = c.reasons.strip()
        conference.plan = plan
        conference.recorded_at = _aware(c.held_at)
        conference.version += 1
        conference.updated_by = by
        self.snap(conference, "~")
        rows = self._attendees(c.attendees, conference=conference)
        if plan is not None:
            group = self.new(
                CoreGroup(
                    plan=plan,
                    person_id=person,
                    due_date=due_date("first_core_group", c.held_on, calendar=self.calendar),
                    created_by=by,
                    updated_by=by,
                )
            )
            self.snap(group, "+")
            self.pending_group[c.plan] = group
            self._pending_review(
                c.plan, by=by, due=first_review_due, referral=conference.referral_id
            )
        summary = f"{conference.get_kind_display()}: {ConferenceDecision(c.decision).label.lower()}"
        if makes_plan:
            summary += f" ({CategoryOfAbuse(c.category).label.lower()})"
        if c.held_on > conference.due_date:
            summary += f"; held after its due date of {conference.due_date:%-d %B %Y}"
        self.chronicle(
            person=person,
            kind="conference",
            summary=summary,
            on=c.held_on,
            source=conference,
            by=by,
        )
        self.scan(
            by=by,
            person=person,
            source=conference,
            texts={"reasons": conference.reasons},
            label=f"{conference.get_kind_display()} {c.held_on:%-d %b %Y}",
            url=conference.get_absolute_url,
        )
        self.event(
            by=by,
            action="conference.held",
            target=conference,
            person=person,
            reason=conference.reasons,
            detail=lambda: {
                "kind": conference.kind,
                "decision": c.decision,
                "category": conference.category,
                "due": conference.due_date.isoformat(),
                "on_time": c.held_on <= conference.due_date,
                "attended": sum(r.attended for r in rows),
                "reports": sum(r.report_submitted for r in rows),
                "plan": plan.pk if plan else None,
            },
        )

    def review_conference(self, i, j):
        c = self.cw.conferences[i]
        by = chair = self.users[c.chair]
        plan = self.plans[c.plan]
        conference = self.pending_review.pop(c.plan)
        self.conferences[i] = conference
        continues = c.decision == ConferenceDecision.CONTINUE
        next_due = due_date("next_rcpc", c.held_on, calendar=self.calendar) if continues else None
        review = self._review(
            c.plan,
            by=by,
            kind=PlanReview.Kind.CONFERENCE,
            held_on=c.held_on,
            summary=c.reasons.strip(),
            progress=c.progress,
            next_review_date=next_due,
        )
        if continues and c.category != plan.latest_category:
            before = plan.latest_category
            reason = f"Review child protection conference {c.held_on:%-d %b %Y}"
            plan.latest_category = c.category
            plan.version += 1
            plan.updated_by = by
            self.snap(plan, "~", reason[:100])
            self.chronicle(
                person=plan.person_id,
                kind="plan",
                summary="Child protection plan category changed to "
                f"{CategoryOfAbuse(c.category).label.lower()} "
                f"(was {CategoryOfAbuse(before).label.lower()})",
                on=c.held_on,
                source=plan,
                by=by,
            )
            self.event(
                by=by,
                action="plan.category_changed",
                target=plan,
                person=plan.person_id,
                reason=reason,
                detail={"from": before, "to": c.category},
            )
        conference.held_on = c.held_on
        conference.chair = chair
        conference.decision = c.decision
        conference.category = c.category if continues else ""
        conference.outline = c.outline.strip()
        conference.reasons = c.reasons.strip()
        conference.review = review
        conference.recorded_at = _aware(c.held_at)
        conference.version += 1
        conference.updated_by = by
        self.snap(conference, "~")
        rows = self._attendees(c.attendees, conference=conference)
        if continues:
            self._pending_review(c.plan, by=by, due=next_due, referral=plan.referral_id)
        else:
            self._end_plan(plan, by=by, end_date=c.held_on, reason=c.end_reason)
        summary = (
            f"Review child protection conference: {ConferenceDecision(c.decision).label.lower()}"
        )
        if continues:
            summary += (
                f" ({CategoryOfAbuse(c.category).label.lower()}); next review by "
                f"{next_due:%-d %B %Y}"
            )
        if c.held_on > conference.due_date:
            summary += f"; held after its due date of {conference.due_date:%-d %B %Y}"
        self.chronicle(
            person=plan.person_id,
            kind="conference",
            summary=summary,
            on=c.held_on,
            source=conference,
            by=by,
        )
        self.scan(
            by=by,
            person=plan.person_id,
            source=conference,
            texts={"outline": conference.outline},
            label=f"Review child protection conference {c.held_on:%-d %b %Y}",
            url=conference.get_absolute_url,
        )
        self.event(
            by=by,
            action="conference.held",
            target=conference,
            person=plan.person_id,
            reason=conference.reasons,
            detail={
                "kind": conference.kind,
                "decision": c.decision,
                "category": conference.category,
                "due": conference.due_date.isoformat(),
                "on_time": c.held_on <= conference.due_date,
                "attended": sum(r.attended for r in rows),
                "reports": sum(r.report_submitted for r in rows),
                "next_due": next_due.isoformat() if next_due else None,
            },
        )

    def core_group(self, i, j):
        g = self.cw.core_groups[i]
        by = self.users[g.by]
        plan = self.plans[g.plan]
        review = self._review(
            g.plan,
            by=by,
            kind=PlanReview.Kind.CORE_GROUP,
            held_on=g.held_on,
            summary=g.summary.strip(),
            progress=g.progress,
            next_review_date=None,
        )
        group = self.pending_group.pop(g.plan, None)
        if group is None:
            group = self.new(CoreGroup(plan=plan, person_id=plan.person_id, created_by=by))
            kind = "+"
        else:
            group.version += 1
            kind = "~"
        group.held_on = g.held_on
        group.review = review
        group.recorded_at = _aware(g.at)
        group.updated_by = by
        self.snap(group, kind)
        rows = self._attendees(g.attendees, core_group=group)
        late = group.due_date is not None and g.held_on > group.due_date
        attended = sum(r.attended for r in rows)
        self.chronicle(
            person=plan.person_id,
            kind="core_group",
            summary=f"Core group meeting: {attended} attended"
            + (f"; held after its due date of {group.due_date:%-d %B %Y}" if late else ""),
            on=g.held_on,
            source=group,
            by=by,
        )
        actions = self.plan_actions[g.plan]
        self.event(
            by=by,
            action="core_group.held",
            target=group,
            person=plan.person_id,
            detail=lambda: {
                "due": group.due_date.isoformat() if group.due_date else None,
                "on_time": not late,
                "attended": attended,
                "progress": {str(actions[k].pk): status for k, (status, _n) in g.progress.items()},
            },
        )
