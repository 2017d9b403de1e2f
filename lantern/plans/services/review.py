"""Reviews of a plan — a CIN or safety-plan review, a core group, a review conference — with
progress recorded against every open action."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user
from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanReview
from lantern.plans.presenters import action_label, numbered
from lantern.plans.services.common import clean_text, lock_open_plan, plan_label, require_plan_perm


@transaction.atomic
def plan_review_record(
    *,
    by,
    plan: Plan,
    kind: str,
    held_on: datetime.date,
    summary: str = "",
    progress: dict[int, tuple[str, str]],
    next_review_date: datetime.date | None = None,
    today: datetime.date | None = None,
) -> PlanReview:
    """Record a review of the plan held on `held_on`. `progress` maps each open action's pk
    to (status, note): every open action of the plan must have one, and nothing else. Each
    action takes its new status (with `completed_on` the day of the review when it is done).
    A next review date becomes the plan's review date; a safety plan's review needs one."""
    require_plan_perm(by)
    today = today or timezone.localdate()
    plan = lock_open_plan(plan)
    errors: dict[str, list[str]] = {}
    if kind not in PlanReview.Kind.values:
        errors["kind"] = ["Select the kind of review"]
    if held_on > today:
        errors["held_on"] = ["The date of the review cannot be in the future"]
    elif held_on < plan.start_date:
        errors["held_on"] = ["The review cannot be before the plan started"]
    if next_review_date is not None and next_review_date <= held_on:
        errors["next_review_date"] = ["The next review must be after this one"]
    elif next_review_date is None and plan.kind == Plan.Kind.SAFETY:
        errors["next_review_date"] = ["Enter the date the safety plan will next be reviewed"]
    actions = list(plan.actions.select_for_update())
    current = numbered(actions)
    open_actions = {a.pk: (n, a) for n, a in current if a.is_open}
    problems = []
    unknown = [pk for pk in progress if pk not in open_actions]
    if unknown:
        problems.append("Progress can only be recorded on this plan's open actions")
    for pk, (n, action) in open_actions.items():
        status, _note = progress.get(pk, ("", ""))
        if status not in PlanAction.Status.values:
            problems.append(f"Select the progress on {action_label(n, action).lower()}")
    if problems:
        errors["progress"] = problems
    if errors:
        raise ValidationError(errors)
    clean_text(summary=summary, **{f"note_{pk}": note for pk, (_s, note) in progress.items()})
    review = PlanReview(
        plan=plan,
        kind=kind,
        held_on=held_on,
        summary=summary.strip(),
        next_review_date=next_review_date,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    review.full_clean()
    review.save()
    rows = []
    for pk, (_n, action) in open_actions.items():
        status, note = progress[pk]
        rows.append(
            ActionProgress(
                review=review,
                action=action,
                status=status,
                note=(note or "").strip(),
                created_by=by_user(by),
                updated_by=by_user(by),
            )
        )
        if action.status != status:
            action.status = status
            action.completed_on = held_on if status == PlanAction.Status.DONE else None
            action.version += 1
            action.updated_by = by_user(by)
            action._change_reason = f"{review.get_kind_display()} on {held_on:%-d %b %Y}"
            action.save()
    ActionProgress.objects.bulk_create(rows)
    if next_review_date is not None and plan.review_date != next_review_date:
        plan.review_date = next_review_date
        plan.version += 1
        plan.updated_by = by_user(by)
        plan.save()
    review.language_matches = language_scan(
        by=by,
        person=plan.person,
        source=review,
        texts={"summary": review.summary, **{f"note_{r.action_id}": r.note for r in rows}},
        label=f"{plan_label(plan)}: {review.get_kind_display().lower()} {held_on:%-d %b %Y}",
        url=plan.get_absolute_url(),
    )
    done = sum(1 for r in rows if r.status == PlanAction.Status.DONE)
    summary_line = f"{review.get_kind_display()} of the {plan.get_kind_display().lower()}"
    if rows:
        summary_line += f": {done} of {len(rows)} action{'s' if len(rows) != 1 else ''} done"
    chronology_record(
        person=plan.person,
        kind="plan",
        summary=summary_line,
        occurred_on=held_on,
        by=by,
        source=plan,
    )
    audit(
        by=by,
        action="plan.reviewed",
        target=review,
        person=plan.person,
        detail={
            "kind": kind,
            "progress": {str(r.action_id): r.status for r in rows},
            "next_review_date": next_review_date,
        },
    )
    return review
