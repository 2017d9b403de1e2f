"""Child protection indicators over a period (`start` to `end`, both days included).

Each returns a dict: numerator, denominator, value (a percentage to one decimal place, or
None when nothing was counted), unit, label and definition (the counting rule in plain
words). The counting is in small pure functions (tested on hand-worked data); the indicator
functions fetch one narrow row per record, in a fixed number of queries.

Due dates are the timescale engine's, with its convention: the trigger is day 0, and an event
on the due date is in time."""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from lantern.child_protection.codes import ConferenceKind
from lantern.child_protection.models import Conference
from lantern.child_protection.selectors import seen_visits
from lantern.plans.models import Plan
from lantern.timescales.calendar import WorkingDayCalendar, get_calendar
from lantern.timescales.engine import add_months, due_date, load_rule_settings

TWO_YEARS = 24  # months


def _check_period(start: datetime.date, end: datetime.date) -> None:
    if start > end:
        raise ValueError("The period must start on or before its end")


def result(numerator: int, denominator: int, *, label: str, definition: str) -> dict:
    value = round(100 * numerator / denominator, 1) if denominator else None
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "unit": "percent",
        "label": label,
        "definition": definition,
    }


# -- ICPCs within 15 working days ---------------------------------------------------------------


def icpcs_in_time(
    rows: Iterable[tuple[datetime.date, datetime.date]], *, calendar: WorkingDayCalendar
) -> tuple[int, int]:
    """(in time, all) from (section 47 start, conference held) pairs."""
    rows = list(rows)
    met = sum(
        1 for s47_start, held in rows if held <= due_date("icpc", s47_start, calendar=calendar)
    )
    return met, len(rows)


def icpc_timeliness(
    start: datetime.date, end: datetime.date, *, calendar: WorkingDayCalendar | None = None
) -> dict:
    _check_period(start, end)
    rows = Conference.objects.filter(
        kind=ConferenceKind.INITIAL, held_on__gte=start, held_on__lte=end
    ).values_list("section47__start_date", "held_on")
    met, total = icpcs_in_time(rows, calendar=calendar or get_calendar())
    return result(
        met,
        total,
        label="Initial child protection conferences within 15 working days",
        definition=(
            "Of the initial child protection conferences held in the period (not transfer-in "
            "conferences), the percentage held within 15 working days of the strategy "
            "discussion that started the section 47 enquiry. The discussion's date is day 0; "
            "weekends, bank holidays and local closure days are not working days; a "
            "conference on the 15th working day is in time."
        ),
    )


# -- CP plans lasting 2 years or more -----------------------------------------------------------


def lasted_two_years(rows: Iterable[tuple[datetime.date, datetime.date]]) -> tuple[int, int]:
    """(lasted 2 years or more, all) from (plan start, plan end) pairs."""
    rows = list(rows)
    long = sum(1 for s, e in rows if e >= add_months(s, TWO_YEARS))
    return long, len(rows)


def cp_plans_two_years_or_more(start: datetime.date, end: datetime.date) -> dict:
    _check_period(start, end)
    rows = Plan.objects.filter(
        kind=Plan.Kind.CHILD_PROTECTION, end_date__gte=start, end_date__lte=end
    ).values_list("start_date", "end_date")
    long, total = lasted_two_years(rows)
    return result(
        long,
        total,
        label="Child protection plans ending that lasted 2 years or more",
        definition=(
            "Of the child protection plans that ended in the period, the percentage that had "
            "lasted 2 years or more: ended on or after the same date two years after they "
            "started (a plan started on 29 February reaches 2 years on 28 February)."
        ),
    )


# -- second or subsequent CP plans --------------------------------------------------------------


def cp_plans_subsequent(start: datetime.date, end: datetime.date) -> dict:
    _check_period(start, end)
    earlier = Plan.objects.filter(
        kind=Plan.Kind.CHILD_PROTECTION,
        person_id=OuterRef("person_id"),
        start_date__lt=OuterRef("start_date"),
    )
    rows = list(
        Plan.objects.filter(
            kind=Plan.Kind.CHILD_PROTECTION, start_date__gte=start, start_date__lte=end
        )
        .annotate(subsequent=Exists(earlier))
        .values_list("subsequent", flat=True)
    )
    return result(
        sum(rows),
        len(rows),
        label="Child protection plans starting that were second or subsequent",
        definition=(
            "Of the child protection plans that started in the period, the percentage for a "
            "child who had had a child protection plan before (at any time, as the CIN "
            "census's NumberOfPreviousCPP counts them)."
        ),
    )


# -- CP visits in timescale ---------------------------------------------------------------------


def visit_intervals(
    plan_start: datetime.date,
    plan_end: datetime.date | None,
    visits: Iterable[datetime.date],
    period_start: datetime.date,
    period_end: datetime.date,
) -> list[tuple[datetime.date, datetime.date]]:
    """The gaps between seeing the child on one plan, that end in the period: plan start →
    first visit, each visit → the next, and the last visit → the period's end or the plan's
    end (whichever is first). Visits on the same day count once; a gap of no days is not a
    gap."""
    stop = min(plan_end or period_end, period_end)
    points = [plan_start, *sorted({v for v in visits if plan_start < v <= stop})]
    if points[-1] < stop:
        points.append(stop)
    return [
        (a, b) for a, b in zip(points, points[1:], strict=False) if period_start <= b <= period_end
    ]


def intervals_in_time(
    intervals: Iterable[tuple[datetime.date, datetime.date]],
    *,
    calendar: WorkingDayCalendar,
    settings=None,
) -> tuple[int, int]:
    """(no longer than the cp_visit rule, all)."""
    intervals = list(intervals)
    met = sum(
        1
        for a, b in intervals
        if b <= due_date("cp_visit", a, calendar=calendar, settings=settings)
    )
    return met, len(intervals)


def cp_visits_in_timescale(
    start: datetime.date, end: datetime.date, *, calendar: WorkingDayCalendar | None = None
) -> dict:
    _check_period(start, end)
    calendar = calendar or get_calendar()
    settings = load_rule_settings()
    plans = list(
        Plan.objects.filter(kind=Plan.Kind.CHILD_PROTECTION, start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        .values_list("person_id", "start_date", "end_date")
    )
    visits: dict[int, list[datetime.date]] = defaultdict(list)
    if plans:
        for pid, day in (
            seen_visits(end)
            .filter(
                person_id__in={p[0] for p in plans},
                occurred_on__gte=min(p[1] for p in plans),
            )
            .values_list("person_id", "occurred_on")
        ):
            visits[pid].append(day)
    intervals = [
        gap
        for pid, plan_start, plan_end in plans
        for gap in visit_intervals(plan_start, plan_end, visits[pid], start, end)
    ]
    met, total = intervals_in_time(intervals, calendar=calendar, settings=settings)
    return result(
        met,
        total,
        label="Child protection visits in timescale",
        definition=(
            "For child protection plans open at any time in the period: the gaps between the "
            "child being seen on a visit — from the plan's start to the first visit, from each "
            "visit to the next, and from the last visit to the end of the period (or of the "
            "plan, if it ended first) — that end in the period; the percentage no longer than "
            "the local visit standard (the cp_visit timescale, 10 working days unless changed), "
            "counting the gap's start as day 0."
        ),
    )


INDICATORS = {
    "cp_icpc_timeliness": icpc_timeliness,
    "cp_plans_two_years": cp_plans_two_years_or_more,
    "cp_plans_subsequent": cp_plans_subsequent,
    "cp_visits_in_timescale": cp_visits_in_timescale,
}
