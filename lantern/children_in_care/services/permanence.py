"""A child in care's permanence plan agreed, or replaced by a new one (PM1, PM4)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.children_in_care.codes import PERMANENCE_NEEDS_SUPPORT, PermanenceKind
from lantern.children_in_care.models import CareReview, PeriodOfCare, PermanencePlan
from lantern.children_in_care.services.common import (
    date_in_period_error,
    long_date,
    require_care_perm,
)
from lantern.common.audit import audit
from lantern.front_door.services.common import check_text
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user


def _errors(period, *, kind, agreed_on, review, support_plan, contingency_plan, current, today):
    errors: dict[str, str] = {}
    if kind not in PermanenceKind.values:
        errors["kind"] = "Select the permanence plan"
    date_error = date_in_period_error(agreed_on, period, what="the plan was agreed", today=today)
    if date_error:
        errors["agreed_on"] = date_error
    elif current is not None and agreed_on < current.agreed_on:
        errors["agreed_on"] = (
            "The date must be on or after the day the current plan was agreed "
            f"({long_date(current.agreed_on)})"
        )
    if review is not None:
        if review.period_id != period.pk or review.ended_at is not None:
            errors["review"] = "Select a review of this period of care"
        elif agreed_on is not None and "agreed_on" not in errors and review.held_on != agreed_on:
            errors["review"] = (
                f"That review was held on {long_date(review.held_on)}: a plan it agreed is "
                "agreed on that day"
            )
    if kind in PERMANENCE_NEEDS_SUPPORT:
        what = PermanenceKind(kind).label.lower()
        if not (support_plan or "").strip():
            errors["support_plan"] = (
                f"Enter the support plan for after the order: a {what} plan needs one"
            )
        if not (contingency_plan or "").strip():
            errors["contingency_plan"] = f"Enter the contingency plan, if the {what} cannot happen"
    return errors


@transaction.atomic
def permanence_plan_agree(
    *,
    by,
    period: PeriodOfCare,
    kind: str,
    agreed_on: datetime.date | None,
    review: CareReview | None = None,
    detail: str = "",
    support_plan: str = "",
    contingency_plan: str = "",
    today: datetime.date | None = None,
) -> PermanencePlan:
    """The child's permanence plan, agreed on `agreed_on` (at `review`, when a review agreed
    it; then on the review's day) within an open period of care. A current plan is replaced:
    kept, with the day it was replaced. Reunification and special guardianship plans need a
    support plan and a contingency plan (PM4)."""
    require_care_perm(by)
    today = today or timezone.localdate()
    period = PeriodOfCare.objects.select_for_update().select_related("person").get(pk=period.pk)
    if period.end_date is not None:
        raise ValidationError(
            "This period of care has ended: its permanence plan is kept as it was"
        )
    check_text(detail=detail, support_plan=support_plan, contingency_plan=contingency_plan)
    current = PermanencePlan.objects.filter(period=period, replaced_on__isnull=True).first()
    errors = _errors(
        period,
        kind=kind,
        agreed_on=agreed_on,
        review=review,
        support_plan=support_plan,
        contingency_plan=contingency_plan,
        current=current,
        today=today,
    )
    if errors:
        raise ValidationError(errors)
    user = by_user(by)
    if current is not None:
        current.replaced_on = agreed_on
        current.updated_by = user
        current._change_reason = "Replaced by a new permanence plan"
        current.save()
    plan = PermanencePlan(
        period=period,
        person=period.person,
        kind=kind,
        agreed_on=agreed_on,
        review=review,
        detail=detail.strip(),
        support_plan=support_plan.strip(),
        contingency_plan=contingency_plan.strip(),
        created_by=user,
        updated_by=user,
    )
    plan.full_clean()
    plan.save()
    plan.language_matches = language_scan(
        by=by,
        person=period.person,
        source=plan,
        texts={
            "detail": plan.detail,
            "support_plan": plan.support_plan,
            "contingency_plan": plan.contingency_plan,
        },
        label=f"Permanence plan agreed {agreed_on:%-d %b %Y}",
    )
    verb = "changed to" if current is not None else "agreed:"
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Permanence plan {verb} {plan.get_kind_display().lower()}",
        occurred_on=agreed_on,
        by=by,
        source=plan,
    )
    audit(
        by=by,
        action="care.permanence_agreed",
        target=plan,
        person=period.person,
        detail={
            "kind": kind,
            "agreed_on": agreed_on,
            "review": review.pk if review else None,
            "replaced": current.pk if current else None,
        },
    )
    return plan
