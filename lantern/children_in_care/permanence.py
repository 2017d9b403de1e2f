"""Whether each child in care has the permanence plan they need by now (PM1, PM3), in one
query however many children (open_periods.py), for the checks and the child's care page alike.

* PM1: a permanence plan is expected by the second review, 4 months after care starts (the
  local rule "permanence_plan"), so a child in care that long, or past their second review,
  without one is flagged.
* PM3: a child accommodated under section 20 (legal status V2) for longer than the local rule
  "s20_permanence_decision" (6 months) without a permanence plan is flagged.
Children on a short-breaks status (V3, V4) are not expected to have one (see open_periods.py).
"""

import datetime
from dataclasses import dataclass

from lantern.children_in_care.codes import LegalStatusCode
from lantern.children_in_care.open_periods import open_periods
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
    """For each child in care (of `person_ids`, or every child) not on a short-breaks status.
    One query (open_periods)."""
    out = {}
    for p in open_periods(person_ids, today, calendar):
        plan_due = assess("permanence_plan", p.start, today=today, calendar=calendar)
        s20_due = (
            assess("s20_permanence_decision", p.status_since, today=today, calendar=calendar)
            if p.status_code == LegalStatusCode.V2
            else None
        )
        out[p.person_id] = PermanenceStatus(
            p.person_id,
            p.period_id,
            p.start,
            p.reviews,
            p.plan_kind,
            p.status_code,
            p.status_since,
            plan_due,
            s20_due,
        )
    return out
