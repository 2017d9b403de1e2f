"""Assessments not yet authorised, each with its 45-working-day timescale: what the work lists
show as due and the AP7 check flags once overdue. One query, shared by the two within a team's
or worker's page (lantern.timescales.shared.shared_selection)."""

import datetime
from dataclasses import dataclass

from django.db.models import F

from lantern.assessments.models import Assessment
from lantern.assessments.presenters import RULE
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import Timescale, assess
from lantern.timescales.shared import per_selection


@dataclass(frozen=True)
class OpenAssessment:
    pk: int
    person_id: int
    kind: str
    status: str
    start_date: datetime.date
    timescale: Timescale

    @property
    def kind_label(self) -> str:
        return Assessment.Kind(self.kind).label

    @property
    def submitted(self) -> bool:
        return self.status == Assessment.Status.SUBMITTED


@per_selection
def open_assessments(
    person_ids, today: datetime.date, calendar: WorkingDayCalendar
) -> list[OpenAssessment]:
    """Of these children (None: every child), oldest first."""
    qs = Assessment.objects.exclude(status=Assessment.Status.AUTHORISED)
    if person_ids is not None:
        qs = qs.filter(person_id__in=person_ids)
    rows = (
        qs.annotate(referral_date=F("referral__referral_date"))
        .order_by("start_date", "id")
        .values_list("id", "person_id", "kind", "status", "start_date", "referral_date")
    )
    out = []
    for pk, person_id, kind, status, start, referral_date in rows:
        # Not authorised, so not done (as assessment_timescale, without an instance).
        timescale = assess(RULE, referral_date, done_on=None, today=today, calendar=calendar)
        out.append(OpenAssessment(pk, person_id, kind, status, start, timescale))
    return out
