"""A plan as a whole: started, its summary and review date changed, finalised (only when it is
SMART, AP6), its latest category of abuse changed (CP plans) and ended."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.services.person import by_user
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import Plan, PlanAction
from lantern.plans.presenters import incomplete, numbered
from lantern.plans.services.common import clean_text, lock_open_plan, plan_label, require_plan_perm


@transaction.atomic
def plan_start(
    *,
    by,
    person: Person,
    kind: str,
    start_date: datetime.date,
    referral=None,
    category: str = "",
    today: datetime.date | None = None,
) -> Plan:
    """Start a plan for the child. A child protection plan starts on the day of the initial
    conference with its category of abuse (initial and latest alike at first)."""
    today = today or datetime.date.today()
    if start_date > today:
        raise ValidationError({"start_date": "The plan cannot start in the future"})
    if kind == Plan.Kind.CHILD_PROTECTION and category not in CategoryOfAbuse.values:
        raise ValidationError({"category": "Select the category of abuse"})
    if referral is not None and referral.person_id != person.pk:
        raise ValidationError({"referral": "The referral is about another child"})
    if Plan.objects.filter(person=person, kind=kind, end_date__isnull=True).exists():
        raise ValidationError("The child already has an open plan of this kind")
    plan = Plan(
        person=person,
        referral=referral,
        kind=kind,
        start_date=start_date,
        initial_category=category if kind == Plan.Kind.CHILD_PROTECTION else "",
        latest_category=category if kind == Plan.Kind.CHILD_PROTECTION else "",
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    plan.full_clean()
    plan.save()
    label = plan.get_kind_display()
    if category:
        label += f" ({CategoryOfAbuse(category).label.lower()})"
    chronology_record(
        person=person,
        kind="plan",
        summary=f"{label} started",
        occurred_on=start_date,
        by=by,
        source=plan,
    )
    audit(by=by, action="plan.started", target=plan, person=person, detail={"kind": kind})
    return plan


@transaction.atomic
def plan_update(
    *,
    by,
    plan: Plan,
    version: int,
    summary: str,
    review_date: datetime.date | None,
) -> Plan:
    """Change what the plan is for (its summary, in the worker's words) and when it is next
    reviewed. `version` is the one the editor opened: ConcurrentEditError if it has moved on."""
    require_plan_perm(by)
    plan = lock_open_plan(plan, version=version)
    clean_text(summary=summary)
    if review_date is not None and review_date < plan.start_date:
        raise ValidationError({"review_date": "The review date cannot be before the plan started"})
    if review_date is None and plan.kind == Plan.Kind.SAFETY and plan.is_final:
        raise ValidationError({"review_date": "Enter the date the safety plan will be reviewed"})
    changed = [
        name
        for name, value in (("summary", summary.strip()), ("review_date", review_date))
        if getattr(plan, name) != value
    ]
    plan.summary, plan.review_date = summary.strip(), review_date
    plan.version += 1
    plan.updated_by = by_user(by)
    plan.full_clean()
    plan.save()
    plan.language_matches = language_scan(
        by=by,
        person=plan.person,
        source=plan,
        texts={"summary": plan.summary},
        label=plan_label(plan),
        url=plan.get_absolute_url(),
    )
    audit(
        by=by,
        action="plan.updated",
        target=plan,
        person=plan.person,
        detail={"changed": changed},
    )
    return plan


def finalise_problems(plan: Plan, actions: list[PlanAction], open_needs: int) -> dict[str, list]:
    """Why the plan cannot be finalised yet, by what is wrong: "needs", "actions" (one
    message per incomplete action, "Action 2 ‘…’ needs a due date and a measurable outcome")
    and "review_date". Empty when it can. `actions` are the plan's actions in order."""
    problems: dict[str, list] = {}
    if not open_needs:
        problems["needs"] = ["Add the needs or risks the plan addresses"]
    current = numbered(actions)
    open_actions = [(n, a) for n, a in current if a.is_open]
    if not open_actions:
        problems["actions"] = ["Add the actions that will meet the child's needs"]
    else:
        messages = [incomplete(n, a) for n, a in open_actions if a.missing]
        if messages:
            problems["actions"] = messages
    if plan.kind == Plan.Kind.SAFETY and plan.review_date is None:
        problems["review_date"] = ["Enter the date the safety plan will be reviewed"]
    return problems


@transaction.atomic
def plan_finalise(
    *,
    by,
    plan: Plan,
    version: int,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Plan:
    """Finalise a drafted plan. Refused, naming each problem, while it has no needs or no
    actions, while any open action lacks an owner, a due date or a measurable outcome (AP6),
    or for a safety plan with no review date (CP5). `now` (default now) is when it was
    finalised; the generator passes the moment it happened."""
    require_plan_perm(by)
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    plan = lock_open_plan(plan, version=version)
    if plan.is_final:
        raise ValidationError("This plan has already been finalised")
    actions = list(plan.actions.select_for_update())
    open_needs = plan.needs.filter(ended_at__isnull=True).count()
    problems = finalise_problems(plan, actions, open_needs)
    if problems:
        raise ValidationError(problems)
    plan.finalised_at, plan.finalised_by = now, by_user(by)
    plan.version += 1
    plan.updated_by = by_user(by)
    plan.full_clean()
    plan.save()
    open_actions = sum(1 for a in actions if a.is_open)
    chronology_record(
        person=plan.person,
        kind="plan",
        summary=f"{plan.get_kind_display()} finalised: {open_needs} "
        f"need{'s' if open_needs != 1 else ''}, {open_actions} "
        f"action{'s' if open_actions != 1 else ''}",
        occurred_on=today,
        by=by,
        source=plan,
    )
    audit(
        by=by,
        action="plan.finalised",
        target=plan,
        person=plan.person,
        detail={"needs": open_needs, "actions": open_actions},
    )
    return plan


@transaction.atomic
def plan_category_update(
    *,
    by,
    plan: Plan,
    category: str,
    version: int | None = None,
    changed_on: datetime.date | None = None,
    reason: str = "",
) -> Plan:
    """Change a child protection plan's latest category of abuse (CIN census
    LatestCategoryOfAbuse), usually at a review conference. The initial category never
    changes. `version` is checked when given (a page's edit), not when a conference's own
    service calls this inside its transaction."""
    require_plan_perm(by)
    plan = lock_open_plan(plan, version=version)
    if plan.kind != Plan.Kind.CHILD_PROTECTION:
        raise ValidationError("Only a child protection plan has a category of abuse")
    if category not in CategoryOfAbuse.values:
        raise ValidationError({"category": "Select the category of abuse"})
    if category == plan.latest_category:
        raise ValidationError(
            {"category": f"The latest category is already {CategoryOfAbuse(category).label}"}
        )
    clean_text(reason=reason)
    before = plan.latest_category
    plan.latest_category = category
    plan.version += 1
    plan.updated_by = by_user(by)
    plan._change_reason = (reason.strip() or "Latest category of abuse changed")[:100]
    plan.full_clean()
    plan.save()
    chronology_record(
        person=plan.person,
        kind="plan",
        summary=f"Child protection plan category changed to "
        f"{CategoryOfAbuse(category).label.lower()} (was {CategoryOfAbuse(before).label.lower()})",
        occurred_on=changed_on or timezone.localdate(),
        by=by,
        source=plan,
    )
    audit(
        by=by,
        action="plan.category_changed",
        target=plan,
        person=plan.person,
        reason=reason.strip(),
        detail={"from": before, "to": category},
    )
    return plan


@transaction.atomic
def plan_end(*, by, plan: Plan, end_date: datetime.date, reason: str) -> Plan:
    """End the plan on `end_date` (after the day it started, not in the future) for a reason
    (for a CP plan, the conference's decision; for a CIN plan, why it is no longer needed).
    No permission check here: conferences, closures approved by a head of service and the
    plan's own page all end plans, and check their own permissions."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.end_date is not None:
        raise ValidationError("This plan has already ended")
    errors = {}
    if not reason.strip():
        errors["reason"] = "Give the reason the plan ended"
    elif len(reason.strip()) > 200:
        errors["reason"] = "Keep the reason to 200 characters or fewer"
    if end_date > timezone.localdate():
        errors["end_date"] = "The end date cannot be in the future"
    elif end_date <= plan.start_date:
        errors["end_date"] = "The end date must be after the day the plan started"
    if errors:
        raise ValidationError(errors)
    plan.end_date, plan.end_reason = end_date, reason.strip()
    plan.updated_by = by_user(by)
    plan.full_clean()
    plan.save()
    chronology_record(
        person=plan.person,
        kind="plan",
        summary=f"{plan.get_kind_display()} ended: {plan.end_reason}",
        occurred_on=end_date,
        by=by,
        source=plan,
    )
    audit(by=by, action="plan.ended", target=plan, person=plan.person, reason=reason)
    return plan


__all__ = [
    "finalise_problems",
    "plan_category_update",
    "plan_end",
    "plan_finalise",
    "plan_start",
    "plan_update",
]
