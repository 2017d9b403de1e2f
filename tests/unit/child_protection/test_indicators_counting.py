"""The indicators' counting rules on small hand-worked data sets (no database)."""

import datetime

import pytest

from lantern.child_protection.indicators import (
    icpcs_in_time,
    intervals_in_time,
    lasted_two_years,
    result,
    visit_intervals,
)
from lantern.timescales.calendar import WorkingDayCalendar

D = datetime.date
CAL = WorkingDayCalendar()
NO_LOCAL_SETTINGS: dict = {}  # the cp_visit rule as declared: 10 working days


def test_icpc_on_the_15th_working_day_is_in_time():
    rows = [
        (D(2025, 4, 10), D(2025, 5, 6)),  # due 6 May (Easter and 5 May skipped): in time
        (D(2025, 4, 10), D(2025, 5, 7)),  # a day late
        (D(2025, 6, 2), D(2025, 6, 2)),  # same day
    ]
    assert icpcs_in_time(rows, calendar=CAL) == (2, 3)


def test_two_years_by_the_calendar_date():
    rows = [
        (D(2023, 3, 1), D(2025, 3, 1)),  # exactly two years
        (D(2023, 3, 2), D(2025, 3, 1)),  # a day short
        (D(2024, 2, 29), D(2026, 2, 28)),  # 29 February: two years on 28 February
        (D(2024, 1, 1), D(2024, 6, 1)),
    ]
    assert lasted_two_years(rows) == (2, 4)


def test_visit_intervals_from_the_plan_start_to_the_period_end():
    # Plan from Friday 2 May 2025, child seen 16 May and 3 June; period May and June.
    gaps = visit_intervals(
        D(2025, 5, 2), None, [D(2025, 6, 3), D(2025, 5, 16)], D(2025, 5, 1), D(2025, 6, 30)
    )
    assert gaps == [
        (D(2025, 5, 2), D(2025, 5, 16)),
        (D(2025, 5, 16), D(2025, 6, 3)),
        (D(2025, 6, 3), D(2025, 6, 30)),
    ]
    # Due 19 May (5 May skipped): met. Due 2 June (26 May skipped): late by a day. Due 17 June
    # from 3 June: the period ends 30 June without a visit, so late.
    assert intervals_in_time(gaps, calendar=CAL, settings=NO_LOCAL_SETTINGS) == (1, 3)


def test_visit_intervals_stop_at_the_plan_end_and_skip_earlier_gaps():
    gaps = visit_intervals(
        D(2025, 4, 1),
        D(2025, 5, 12),
        [D(2025, 4, 10), D(2025, 4, 28), D(2025, 5, 9), D(2025, 5, 9), D(2025, 5, 20)],
        D(2025, 5, 1),
        D(2025, 6, 30),
    )
    # Gaps ending before the period are left out; the same day's visits count once; the visit
    # after the plan ended is not the plan's.
    assert gaps == [(D(2025, 4, 28), D(2025, 5, 9)), (D(2025, 5, 9), D(2025, 5, 12))]
    assert intervals_in_time(gaps, calendar=CAL, settings=NO_LOCAL_SETTINGS) == (2, 2)


def test_a_visit_on_the_plan_start_day_is_not_a_gap():
    gaps = visit_intervals(D(2025, 6, 2), None, [D(2025, 6, 2)], D(2025, 6, 1), D(2025, 6, 6))
    assert gaps == [(D(2025, 6, 2), D(2025, 6, 6))]


@pytest.mark.parametrize(
    ("numerator", "denominator", "value"), [(2, 3, 66.7), (0, 4, 0.0), (0, 0, None)]
)
def test_result_is_a_percentage_or_none(numerator, denominator, value):
    out = result(numerator, denominator, label="x", definition="y")
    assert out["value"] == value and out["unit"] == "percent"
    assert (out["numerator"], out["denominator"]) == (numerator, denominator)
