"""Whether each child in care has the permanence plan they need by now (PM1, PM3), in one
query however many children, for the checks and the child's care page alike.

* PM1: a permanence plan is expected by the second review, 4 months after care starts (the
  local rule "permanence_plan"), so a child in care that long, or past their second review,
  without one is flagged.
* PM3: a child accommodated under section 20 (legal status V2) for longer than the local rule
  "s20_permanence_decision" (6 months) without a permanence plan is flagged.
Children on a short-breaks status (V3, V4) are not expected to have one.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery

from lantern.children_in_care.codes import SHORT_BREAK_STATUSES, LegalStatusCode
from lantern.children_in_care.models import LegalStatus, PeriodOfCare, PermanencePlan
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import Timescale, assess
from lantern.timescales.shared import per_selection


@dataclass(frozen=True)
class PermanenceStatus:
    person_id: int
    period_id: int
    start: datetime.date
    reviews: int  # held in this period
    plan_kind: str  # the current plan's kind, "" when there is none
    status_code: str
    status_since: datetime.date
    plan_due: Timescale  # 4 months after care started
    s20_due: Timescale | None  # 6 months into section 20, while the child is under it

    @property
    def has_plan(self) -> bool:
        return bool(self.plan_kind)

    def missing_plan(self, today: datetime.date) -> bool:
        """PM1: no plan, and in care for the rule's period or past the second review."""
        return not self.has_plan and (self.plan_due.due <= today or self.reviews >= 2)

    def s20_drift(self, today: datetime.date) -> bool:
        """PM3: under section 20 past the rule's period with no plan."""
        return not self.has_plan and self.s20_due is not None and self.s20_due.due < today


@per_selection
def permanence_status(
    person_ids, today: datetime.date, calendar: WorkingDayCalendar
) -> dict[int, PermanenceStatus]:
    current = LegalStatus.objects.filter(period=OuterRef("pk"), ended_at__isnull=True).order_by(
        "-start_date"
    )
    plan = PermanencePlan.objects.filter(period=OuterRef("pk"), replaced_on__isnull=True)
    held = Q(reviews__ended_at__isnull=True, reviews__held_on__lte=today)
    periods = PeriodOfCare.objects.filter(end_date__isnull=True, start_date__lte=today)
    if person_ids is not None:
        periods = periods.filter(person_id__in=person_ids)
    rows = periods.annotate(
        held=Count("reviews", filter=held),
        plan_kind=Subquery(plan.values("kind")[:1]),
        status_code=Subquery(current.values("code")[:1]),
        status_since=Subquery(current.values("start_date")[:1]),
    ).values_list(
        "person_id", "pk", "start_date", "held", "plan_kind", "status_code", "status_since"
    )
    out = {}
    for person_id, period_id, start, held_count, kind, code, since in rows:
        if code in SHORT_BREAK_STATUSES or code is None:
            continue
        plan_due = assess("permanence_plan", start, today=today, calendar=calendar)
        s20_due = (
            assess("s20_permanence_decision", since, today=today, calendar=calendar)
            if code == LegalStatusCode.V2
            else None
        )
        out[person_id] = PermanenceStatus(
            person_id, period_id, start, held_count, kind or "", code, since, plan_due, s20_due
        )
    return out
