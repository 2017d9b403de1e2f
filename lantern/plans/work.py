"""What is still to do on children's plans, for the worker's and team's lists:

- open actions on open plans whose due date has passed or is within ACTION_SOON_DAYS
  (kind "plan_action"; owner_id is the worker who owns the action, when a worker does);
- each open, finalised-or-draft safety plan's review date (kind "safety_plan_review");
- each open child in need plan's next review, 3 months from its start or its last review by
  the timescale engine's "cin_review" rule (kind "cin_review").

An action's due date and a safety plan's review date are dates the plan itself sets, not
timescales from a rule, so their status is read from the date: overdue once it has passed,
due soon within the window. At most three queries however many children."""

import datetime

from django.db.models import Max, Q

from lantern.common.links import pk_url
from lantern.plans.models import Plan, PlanAction, PlanReview
from lantern.plans.presenters import short
from lantern.timescales.engine import Status, assess, load_rule_settings
from lantern.worklists.registry import WorkItem, work_provider

# An action (or a safety plan's review) is "due soon" this many calendar days before its date.
ACTION_SOON_DAYS = 7


def date_status(due: datetime.date, today: datetime.date) -> tuple[Status, str]:
    """The status and label of something due on a date the plan set."""
    days = (due - today).days
    if days < 0:
        late = -days
        return Status.OVERDUE, f"Overdue by {late} day{'s' if late != 1 else ''}"
    if days == 0:
        return Status.DUE_SOON, "Due today"
    status = Status.DUE_SOON if days <= ACTION_SOON_DAYS else Status.NOT_YET_DUE
    return status, f"Due in {days} day{'s' if days != 1 else ''}"


def _restrict(qs, field: str, person_ids):
    return qs if person_ids is None else qs.filter(**{f"{field}__in": person_ids})


@work_provider
def plan_work(person_ids, today, calendar) -> list[WorkItem]:
    items: list[WorkItem] = []
    horizon = today + datetime.timedelta(days=ACTION_SOON_DAYS)
    actions = _restrict(
        PlanAction.objects.filter(
            plan__end_date__isnull=True,
            ended_at__isnull=True,
            status__in=PlanAction.OPEN_STATUSES,
            due_date__isnull=False,
            due_date__lte=horizon,
        ),
        "plan__person_id",
        person_ids,
    ).values_list("plan_id", "plan__person_id", "plan__kind", "action", "due_date", "owner_user_id")
    for plan_id, person_id, kind, text, due, owner_id in actions:
        status, label = date_status(due, today)
        items.append(
            WorkItem(
                person_id=person_id,
                kind="plan_action",
                title=f"{Plan.Kind(kind).label} action",
                due=due,
                status=status,
                url=pk_url("plans:plan", plan_id),
                detail=f"{short(text)} ({label.lower()})",
                owner_id=owner_id,
            )
        )
    # Safety plans' review dates and child in need plans' next reviews: one query.
    open_plans = (
        _restrict(
            Plan.objects.filter(
                Q(kind=Plan.Kind.SAFETY, review_date__isnull=False)
                | Q(kind=Plan.Kind.CHILD_IN_NEED),
                end_date__isnull=True,
            ),
            "person_id",
            person_ids,
        )
        .annotate(
            last_review=Max("reviews__held_on", filter=Q(reviews__kind=PlanReview.Kind.REVIEW))
        )
        .values_list("pk", "person_id", "kind", "review_date", "start_date", "last_review")
    )
    settings = None
    for plan_id, person_id, kind, review_date, start, last in open_plans:
        if kind == Plan.Kind.SAFETY:
            status, label = date_status(review_date, today)
            items.append(
                WorkItem(
                    person_id=person_id,
                    kind="safety_plan_review",
                    title="Safety plan review",
                    due=review_date,
                    status=status,
                    url=pk_url("plans:review", plan_id),
                    detail=label,
                )
            )
            continue
        settings = load_rule_settings() if settings is None else settings
        ts = assess("cin_review", last or start, today=today, calendar=calendar, settings=settings)
        items.append(
            WorkItem.from_timescale(
                ts,
                person_id=person_id,
                kind="cin_review",
                title="Child in need plan review",
                url=pk_url("plans:review", plan_id),
            )
        )
    return items
