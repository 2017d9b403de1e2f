"""When each child in care's next looked-after review is due, and the review decisions still
to do. One query each however many children (the reviews from open_periods.py), for the
checks, the work lists and the child's care page alike.

* First review: 20 working days after the child started to be looked after (regulation 33(1)).
* Second: 3 months after the first; then every 6 months after the last (regulation 33(2)).
Reviews count within the current period of care; a child who stops being looked after and
starts again has a first review again. Children on a short-breaks status (V3, V4) have no due
date here (see open_periods.py).
"""

import datetime
from dataclasses import dataclass

from lantern.children_in_care.models import ReviewDecision
from lantern.children_in_care.open_periods import open_periods
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


@per_selection
def care_reviews_due(
    person_ids, today: datetime.date, calendar: WorkingDayCalendar
) -> dict[int, CareReviewDue]:
    """For each child in care (of `person_ids`, or every child) not on a short-breaks status:
    their next review and its status. One query (open_periods)."""
    out = {}
    for p in open_periods(person_ids, today, calendar):
        if p.reviews == 0:
            ts = assess("first_lac_review", p.start, today=today, calendar=calendar)
        elif p.reviews == 1:
            ts = assess("second_lac_review", p.last_review, today=today, calendar=calendar)
        else:
            ts = assess("next_lac_review", p.last_review, today=today, calendar=calendar)
        out[p.person_id] = CareReviewDue(p.person_id, p.period_id, p.reviews, p.last_review, ts)
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
