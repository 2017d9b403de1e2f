import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.services.person import by_user
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import Plan


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
def plan_end(*, by, plan: Plan, end_date: datetime.date, reason: str) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.end_date is not None:
        raise ValidationError("This plan has already ended")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason the plan ended"})
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
