"""Each open period of care with what its review and permanence timescales start from, in one
query however many children: when care started, the reviews held, the last one, the current
legal status and since when, and the current permanence plan's kind. review_timescales.py and
permanence.py both read it (on a team's page and the child's care page, once between them).

Periods whose current legal status is a short break (V3, V4) are left out: those children are
reviewed and planned for as agreed with their IRO under regulation 48."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery

from lantern.children_in_care.codes import SHORT_BREAK_STATUSES
from lantern.children_in_care.models import CareReview, LegalStatus, PeriodOfCare, PermanencePlan
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.shared import per_selection


@dataclass(frozen=True)
class OpenPeriod:
    person_id: int
    period_id: int
    start: datetime.date
    reviews: int  # held in this period, up to today
    last_review: datetime.date | None
    status_code: str
    status_since: datetime.date
    plan_kind: str  # the current permanence plan's kind, "" when there is none


@per_selection
def open_periods(
    person_ids, today: datetime.date, calendar: WorkingDayCalendar
) -> list[OpenPeriod]:
    """Of these children (None: every child). The calendar is not read; it is part of the
    signature so that the page's checks and lists share one answer (per_selection)."""
    status = LegalStatus.objects.filter(period=OuterRef("pk"), ended_at__isnull=True).order_by(
        "-start_date"
    )
    last = (
        CareReview.objects.filter(period=OuterRef("pk"), ended_at__isnull=True, held_on__lte=today)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    plan = PermanencePlan.objects.filter(period=OuterRef("pk"), replaced_on__isnull=True)
    held = Q(reviews__ended_at__isnull=True, reviews__held_on__lte=today)
    periods = PeriodOfCare.objects.filter(end_date__isnull=True, start_date__lte=today)
    if person_ids is not None:
        periods = periods.filter(person_id__in=person_ids)
    rows = periods.annotate(
        held=Count("reviews", filter=held),
        last=Subquery(last),
        status_code=Subquery(status.values("code")[:1]),
        status_since=Subquery(status.values("start_date")[:1]),
        plan_kind=Subquery(plan.values("kind")[:1]),
    ).values_list(
        "person_id", "pk", "start_date", "held", "last", "status_code", "status_since", "plan_kind"
    )
    return [
        OpenPeriod(pid, period_id, start, held_count, last_on, code, since, kind or "")
        for pid, period_id, start, held_count, last_on, code, since, kind in rows
        if code is not None and code not in SHORT_BREAK_STATUSES
    ]
