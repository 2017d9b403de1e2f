"""When each child in care's next looked-after review is due, and the review decisions still
to do. Both in one query each however many children, for the checks, the work lists and the
child's care page alike.

* First review: 20 working days after the child started to be looked after (regulation 33(1)).
* Second: 3 months after the first; then every 6 months after the last (regulation 33(2)).
Reviews count within the current period of care; a child who stops being looked after and
starts again has a first review again. Children on a short-breaks status (V3, V4) are
reviewed as agreed with their IRO under regulation 48, so no due date is set for them here.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery

from lantern.children_in_care.codes import SHORT_BREAK_STATUSES
from lantern.children_in_care.models import CareReview, LegalStatus, PeriodOfCare, ReviewDecision
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import Timescale, assess
from lantern.timescales.shared import per_selection


@dataclass(frozen=True)
class CareReviewDue:
    person_id: int
    period_id: int
    reviews: int  # held in this period
    last_review: datetime.date | None
    timescale: Timescale

    @property
    def title(self) -> str:
        if self.reviews == 0:
            return "First looked-after review"
        if self.reviews == 1:
            return "Second looked-after review"
        return "Looked-after review"


def _restrict(qs, person_ids):
    return qs if person_ids is None else qs.filter(person_id__in=person_ids)


@per_selection
def care_reviews_due(
    person_ids, today: datetime.date, calendar: WorkingDayCalendar
) -> dict[int, CareReviewDue]:
    """For each child in care (of `person_ids`, or every child) not on a short-breaks status:
    their next review and its status. One query."""
    held = Q(reviews__ended_at__isnull=True, reviews__held_on__lte=today)
    status = (
        LegalStatus.objects.filter(period=OuterRef("pk"), ended_at__isnull=True)
        .order_by("-start_date")
        .values("code")[:1]
    )
    last = (
        CareReview.objects.filter(period=OuterRef("pk"), ended_at__isnull=True, held_on__lte=today)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    periods = (
        _restrict(
            PeriodOfCare.objects.filter(end_date__isnull=True, start_date__lte=today), person_ids
        )
        .annotate(held=Count("reviews", filter=held), last=Subquery(last), status=Subquery(status))
        .values_list("person_id", "pk", "start_date", "held", "last", "status")
    )
    out = {}
    for person_id, period_id, start, held_count, last_on, code in periods:
        if code in SHORT_BREAK_STATUSES:
            continue
        if held_count == 0:
            ts = assess("first_lac_review", start, today=today, calendar=calendar)
        elif held_count == 1:
            ts = assess("second_lac_review", last_on, today=today, calendar=calendar)
        else:
            ts = assess("next_lac_review", last_on, today=today, calendar=calendar)
        out[person_id] = CareReviewDue(person_id, period_id, held_count, last_on, ts)
    return out


@per_selection
def review_decisions_open(person_ids, today: datetime.date, calendar) -> list[ReviewDecision]:
    """Decisions of current reviews not yet done, due soonest first, with their review."""
    qs = ReviewDecision.objects.filter(done_on__isnull=True, review__ended_at__isnull=True)
    if person_ids is not None:
        qs = qs.filter(review__person_id__in=person_ids)
    return list(
        qs.select_related("review", "owner_user")
        .only(
            "id",
            "decision",
            "due_date",
            "owner_user",
            "review",
            "owner_user__first_name",
            "owner_user__last_name",
            "owner_user__username",
            "owner_name",
            "review__id",
            "review__person_id",
            "review__held_on",
            "review__period_id",
        )
        .order_by("due_date", "id")
    )
