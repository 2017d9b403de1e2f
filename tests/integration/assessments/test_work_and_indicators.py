"""The work-list provider and the AP7 indicator, on small hand-worked sets."""

import datetime

import pytest

from lantern.assessments.indicators import assessments_within_timescale
from lantern.assessments.work import assessment_work
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status
from lantern.timescales.models import LocalClosureDay
from lantern.worklists.registry import work_items
from tests.factories.assessments import authorise, complete, make_referral, start, submit

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 2, 2)


def assessment_for(social_worker, person, referred):
    referral = make_referral(social_worker, person, referral_date=referred)
    return start(social_worker, person, referral=referral, today=max(referred, TODAY))


def finished(social_worker, manager, person, referred, authorised):
    a = assessment_for(social_worker, person, referred)
    complete(social_worker, a, today=authorised)
    submit(social_worker, a, today=authorised)
    return authorise(manager, a, today=authorised)


# -- work ---------------------------------------------------------------------------------------


def test_work_items_for_open_assessments(social_worker, manager, child, person_maker):
    draft = assessment_for(social_worker, child, datetime.date(2026, 1, 5))
    other = person_maker(first_name="Second")
    waiting = assessment_for(social_worker, other, datetime.date(2026, 1, 5))
    complete(social_worker, waiting, today=TODAY)
    submit(social_worker, waiting, today=TODAY)
    done = person_maker(first_name="Third")
    finished(social_worker, manager, done, datetime.date(2026, 1, 5), TODAY)

    items = assessment_work(None, TODAY, get_calendar())
    by_kind = sorted((i.kind, i.person_id) for i in items)
    assert by_kind == [
        ("assessment", child.pk),
        ("assessment", other.pk),
        ("assessment_authorise", other.pk),
    ]
    (item,) = [i for i in items if i.person_id == child.pk]
    assert item.due == datetime.date(2026, 3, 9) and item.status == Status.NOT_YET_DUE
    assert item.url == f"/assessments/{draft.pk}/edit/" and item.owner_id is None
    assert item.detail == "Due in 25 working days"  # 2 Feb to 9 Mar, counted by hand
    (approve,) = [i for i in items if i.kind == "assessment_authorise"]
    assert approve.url == f"/assessments/{waiting.pk}/authorise/" and approve.owner_id is None
    # Only the children asked for, and through the registry the lead's lists use.
    assert [i.person_id for i in work_items([child.pk], today=TODAY)] == [child.pk]


def test_work_items_in_a_fixed_number_of_queries(
    social_worker, person_maker, django_assert_max_num_queries
):
    for n in range(5):
        assessment_for(social_worker, person_maker(first_name=f"K{n}"), datetime.date(2026, 1, 5))
    calendar = get_calendar()
    with django_assert_max_num_queries(1):
        assert len(assessment_work(None, TODAY, calendar)) == 5


# -- AP7 indicator ------------------------------------------------------------------------------


@pytest.fixture
def hand_worked(social_worker, manager, person_maker):
    """Referred Monday 5 January 2026: due Monday 9 March (45 working days: 4 in the first week,
    then 5 a week for eight weeks is 44 by Friday 6 March, and Monday 9 March is the 45th).

    A: authorised 9 March, on the due date            — in time
    B: authorised 10 March, a day late                — late
    C: referred 2 February, authorised 20 February    — in time
    D: authorised 15 April, outside the period        — not counted
    E: a draft                                        — not counted
    """
    people = {k: person_maker(first_name=k) for k in "ABCDE"}
    jan5, feb2 = datetime.date(2026, 1, 5), datetime.date(2026, 2, 2)
    finished(social_worker, manager, people["A"], jan5, datetime.date(2026, 3, 9))
    late = finished(social_worker, manager, people["B"], jan5, datetime.date(2026, 3, 10))
    finished(social_worker, manager, people["C"], feb2, datetime.date(2026, 2, 20))
    finished(social_worker, manager, people["D"], jan5, datetime.date(2026, 4, 15))
    assessment_for(social_worker, people["E"], jan5)
    return people, late


def test_assessments_within_45_working_days(hand_worked):
    people, late = hand_worked
    result = assessments_within_timescale(datetime.date(2026, 2, 1), datetime.date(2026, 3, 31))
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 3, 66.7)
    assert result["late_assessment_ids"] == [late.pk]
    assert result["late_person_ids"] == [people["B"].pk]
    assert "45th working day after the referral date" in result["definition"]
    assert result["label"] == "Assessments completed within 45 working days"


def test_local_closure_days_move_the_due_date(hand_worked):
    # A closure day on Monday 2 March pushes the 45th working day to Tuesday 10 March: B is
    # then in time too.
    LocalClosureDay.objects.create(date=datetime.date(2026, 3, 2), reason="Council closure")
    result = assessments_within_timescale(datetime.date(2026, 2, 1), datetime.date(2026, 3, 31))
    assert (result["numerator"], result["denominator"], result["value"]) == (3, 3, 100.0)


def test_an_empty_period_has_no_value(hand_worked):
    result = assessments_within_timescale(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert (result["numerator"], result["denominator"], result["value"]) == (0, 0, None)
    with pytest.raises(ValueError):
        assessments_within_timescale(datetime.date(2026, 2, 1), datetime.date(2026, 1, 1))
