"""Assessment indicators (shared/findings.md AP7). Pure functions of a period: `start` and
`end` dates, both included. Each returns a dict with numerator, denominator, value (a percent,
or None when nothing was counted), label and definition (the counting rule in plain words),
plus the people behind the figure for the drill-down. Two queries (the assessments and the
working-day calendar), whatever the period."""

import datetime

from lantern.assessments.models import Assessment
from lantern.assessments.presenters import RULE
from lantern.timescales.calendar import WorkingDayCalendar, get_calendar
from lantern.timescales.engine import due_date


def _percent(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def assessments_within_timescale(
    start: datetime.date, end: datetime.date, *, calendar: WorkingDayCalendar | None = None
) -> dict:
    """AP7: of the assessments completed (authorised) in the period, how many were completed
    within 45 working days of the referral date."""
    if start > end:
        raise ValueError("start must be on or before end")
    rows = list(
        Assessment.objects.filter(
            status=Assessment.Status.AUTHORISED,
            authorised_on__gte=start,
            authorised_on__lte=end,
        )
        .order_by("authorised_on", "id")
        .values_list("id", "person_id", "authorised_on", "referral__referral_date")
    )
    calendar = calendar or get_calendar()
    late = [
        (pk, person_id)
        for pk, person_id, authorised_on, referral_date in rows
        if authorised_on > due_date(RULE, referral_date, calendar=calendar)
    ]
    numerator, denominator = len(rows) - len(late), len(rows)
    return {
        "id": "AP7-ASSESSMENTS-IN-TIME",
        "finding": "AP7",
        "label": "Assessments completed within 45 working days",
        "definition": (
            "Of the child and family assessments completed in the period (counted on the day "
            "the manager authorised them), the share authorised on or before the 45th working "
            "day after the referral date. The referral date is day 0; weekends, bank holidays "
            "and local closure days are not working days. Re-assessments count like any other "
            "assessment; assessments not yet authorised are not counted."
        ),
        "start": start,
        "end": end,
        "numerator": numerator,
        "denominator": denominator,
        "value": _percent(numerator, denominator),
        "unit": "percent",
        "late_assessment_ids": [pk for pk, _ in late],
        "late_person_ids": sorted({pid for _, pid in late}),
    }
