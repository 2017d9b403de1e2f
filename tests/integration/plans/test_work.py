"""Plan work for the worker's and team's lists: actions past or near their due date, safety
plan reviews and CIN reviews (3 months from the start or the last review), in fixed SQL."""

import datetime

import pytest
from django.utils import timezone

from lantern.plans.services import plan_end, plan_review_record
from lantern.plans.work import plan_work
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status, add_months
from tests.factories.plans import add_action, days_ago, make_plan, smart_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def work(person_ids=None, kind=None):
    items = plan_work(person_ids, TODAY, get_calendar())
    return [i for i in items if kind is None or i.kind == kind]


def test_actions_past_or_near_their_due_date(social_worker, child, user_for):
    plan = make_plan(social_worker, child, start_date=days_ago(30))
    add_action(social_worker, plan, action="Overdue one", due_date=days_ago(2))
    add_action(
        social_worker,
        plan,
        action="Soon, owned by a worker",
        owner_agency="",
        owner_name="",
        owner_user=social_worker,
        due_date=TODAY + datetime.timedelta(days=7),
    )
    add_action(social_worker, plan, action="Later", due_date=TODAY + datetime.timedelta(days=8))
    add_action(social_worker, plan, action="Undated", due_date=None)
    overdue, soon = work(kind="plan_action")
    assert (overdue.status, overdue.due, overdue.owner_id) == (Status.OVERDUE, days_ago(2), None)
    assert overdue.detail == "Overdue one (overdue by 2 days)"
    assert overdue.url == f"/plans/{plan.pk}/" and overdue.person_id == child.pk
    assert (soon.status, soon.owner_id) == (Status.DUE_SOON, social_worker.pk)
    assert soon.title == "Child in need plan action"


def test_done_removed_and_ended_plan_actions_are_not_work(social_worker, child, person_maker):
    plan = smart_plan(social_worker, child, actions=1, start_date=days_ago(30))
    plan.actions.update(due_date=days_ago(1))
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=TODAY,
        progress={plan.actions.get().pk: ("done", "")},
    )
    other = make_plan(social_worker, person_maker(), start_date=days_ago(30))
    add_action(social_worker, other, due_date=days_ago(1))
    plan_end(by=social_worker, plan=other, end_date=TODAY, reason="Closed")
    assert work(kind="plan_action") == []


def test_safety_plan_review_date(social_worker, child):
    plan = smart_plan(social_worker, child, kind="safety", actions=1)
    (item,) = work(kind="safety_plan_review")
    assert item.due == plan.review_date and item.status == Status.NOT_YET_DUE
    assert item.url == f"/plans/{plan.pk}/review/"


def test_cin_review_three_months_from_start_then_from_last_review(social_worker, child):
    start = days_ago(100)
    plan = smart_plan(social_worker, child, actions=1, start_date=start)
    (item,) = work(kind="cin_review")
    assert item.due == add_months(start, 3) and item.status == Status.OVERDUE
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=days_ago(1),
        progress={plan.actions.get().pk: ("in_progress", "")},
    )
    (item,) = work(kind="cin_review")
    assert item.due == add_months(days_ago(1), 3) and item.status == Status.NOT_YET_DUE


def test_restricted_to_the_children_asked_about(social_worker, child, person_maker):
    smart_plan(social_worker, child, actions=1)
    other = person_maker()
    smart_plan(social_worker, other, actions=1)
    assert {i.person_id for i in work([child.pk])} == {child.pk}
    assert {i.person_id for i in work()} == {child.pk, other.pk}


def test_fixed_sql(social_worker, person_maker, django_assert_max_num_queries):
    for kind in ("cin", "safety", "cin", "safety"):
        plan = smart_plan(social_worker, person_maker(), kind=kind, actions=2)
        plan.actions.update(due_date=TODAY)
    calendar = get_calendar()
    with django_assert_max_num_queries(4):
        items = plan_work(None, TODAY, calendar)
    assert len([i for i in items if i.kind == "plan_action"]) == 8
