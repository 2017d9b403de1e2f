"""Each child protection indicator on a small data set worked out by hand."""

import datetime

import pytest

from lantern.child_protection.indicators import (
    INDICATORS,
    cp_plans_subsequent,
    cp_plans_two_years_or_more,
    cp_visits_in_timescale,
    icpc_timeliness,
)
from lantern.child_protection.services import conference_schedule, icpc_record
from lantern.plans.services import plan_end, plan_start
from tests.factories.child_protection import (
    ATTENDEES,
    convene,
    hold_icpc,
    make_chair,
    make_section47,
    make_visit,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def cp(by, person, start, end=None, reason="Risk reduced"):
    plan = plan_start(by=by, person=person, kind="cp", start_date=start, category="NEG")
    if end:
        plan_end(by=by, plan=plan, end_date=end, reason=reason)
    return plan


def test_icpcs_within_15_working_days(social_worker, manager, person_maker):
    # Four enquiries started Thursday 10 April 2025: the conference is due Tuesday 6 May.
    held = [D(2025, 5, 2), D(2025, 5, 6), D(2025, 5, 7), D(2025, 7, 1)]
    for held_on in held:
        child = person_maker()
        enquiry = convene(
            social_worker, make_section47(social_worker, manager, child, start=D(2025, 4, 10))
        )
        hold_icpc(social_worker, enquiry, held_on=held_on)
    # A transfer-in conference in the period is not counted.
    moved = person_maker()
    transfer = conference_schedule(
        by=social_worker,
        person=moved,
        kind="transfer_in",
        notified_on=D(2025, 4, 1),
        from_authority="Hull",
    )
    icpc_record(
        by=social_worker,
        conference=transfer,
        held_on=D(2025, 5, 30),
        chair=make_chair(),
        decision="no_plan",
        reasons="Risk now managed by the family.",
        attendees=ATTENDEES,
    )
    out = icpc_timeliness(D(2025, 4, 1), D(2025, 6, 30))
    # In the period: 2 May (in time), 6 May (the 15th working day: in time), 7 May (late).
    assert (out["numerator"], out["denominator"], out["value"]) == (2, 3, 66.7)
    assert "15 working days" in out["definition"]


def test_cp_plans_ending_that_lasted_two_years(social_worker, person_maker):
    a, b, c, d = (person_maker() for _ in range(4))
    cp(social_worker, a, D(2023, 3, 1), D(2025, 3, 1))  # exactly 2 years: counted
    cp(social_worker, b, D(2023, 3, 2), D(2025, 3, 1))  # a day short
    cp(social_worker, c, D(2024, 6, 3), D(2025, 2, 3))  # 8 months
    cp(social_worker, d, D(2022, 1, 4), D(2024, 6, 3))  # ended before the period
    cp(social_worker, d, D(2024, 7, 1))  # open
    out = cp_plans_two_years_or_more(D(2025, 1, 1), D(2025, 3, 31))
    assert (out["numerator"], out["denominator"], out["value"]) == (1, 3, 33.3)


def test_cp_plans_starting_that_were_second_or_subsequent(social_worker, person_maker):
    x, y, z = (person_maker() for _ in range(3))
    cp(social_worker, x, D(2022, 5, 2), D(2023, 5, 2))
    cp(social_worker, x, D(2025, 2, 3))  # x's second plan: counted
    cp(social_worker, y, D(2025, 3, 3))  # y's first
    cp(social_worker, z, D(2023, 1, 2), D(2024, 1, 2))
    cp(social_worker, z, D(2024, 12, 2))  # subsequent, but started before the period
    out = cp_plans_subsequent(D(2025, 1, 1), D(2025, 3, 31))
    assert (out["numerator"], out["denominator"], out["value"]) == (1, 2, 50.0)


def test_cp_visits_in_timescale(social_worker, person_maker):
    p1, p2, p3, p4 = (person_maker() for _ in range(4))
    # p1: plan from Friday 2 May; seen 16 May and 3 June; a visit 10 June without seeing the
    # child. Gaps: 2 May→16 May (due 19 May: in time), 16 May→3 June (due 2 June: late),
    # 3 June→30 June (due 17 June: late).
    cp(social_worker, p1, D(2025, 5, 2))
    make_visit(social_worker, p1, D(2025, 5, 16))
    make_visit(social_worker, p1, D(2025, 6, 3))
    make_visit(social_worker, p1, D(2025, 6, 10), seen=False)
    # p2: plan 2 June to 13 June, seen 12 June. Gaps 2→12 June (due 16 June) and 12→13 June:
    # both in time.
    cp(social_worker, p2, D(2025, 6, 2), D(2025, 6, 13))
    make_visit(social_worker, p2, D(2025, 6, 12))
    # p3: plan from 1 April, seen 10 and 28 April and 9 May. Gaps ending in the period:
    # 28 April→9 May (due 13 May: in time) and 9 May→30 June (late).
    cp(social_worker, p3, D(2025, 4, 1))
    for seen in (D(2025, 4, 10), D(2025, 4, 28), D(2025, 5, 9)):
        make_visit(social_worker, p3, seen)
    # p4: a plan that ended before the period is not counted.
    cp(social_worker, p4, D(2024, 1, 8), D(2025, 3, 3))
    out = cp_visits_in_timescale(D(2025, 5, 1), D(2025, 6, 30))
    assert (out["numerator"], out["denominator"], out["value"]) == (4, 7, 57.1)


def test_indicators_count_nothing_in_an_empty_period(db):
    for fn in INDICATORS.values():
        out = fn(D(2020, 1, 1), D(2020, 3, 31))
        assert out["denominator"] == 0 and out["value"] is None
        assert out["label"] and out["definition"]
    with pytest.raises(ValueError):
        icpc_timeliness(D(2020, 3, 1), D(2020, 1, 1))
