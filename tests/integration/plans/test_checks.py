"""AP6-SMART and CP5-PARENT-SAFETY-PLAN: who they flag, who they do not, in fixed SQL."""

import datetime

import pytest
from django.utils import timezone

from lantern.checks.registry import get_check
from lantern.people.services import relationship_add
from lantern.plans.services import plan_action_add, plan_end, plan_review_record
from tests.factories.plans import add_action, add_need, days_ago, make_plan, smart_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def ap6(person_ids=None):
    return get_check("AP6-SMART").flags(TODAY, person_ids)


def cp5(person_ids=None):
    return get_check("CP5-PARENT-SAFETY-PLAN").flags(TODAY, person_ids)


def test_ap6_flags_an_old_draft_with_an_incomplete_action(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(11))
    add_need(social_worker, plan)
    add_action(social_worker, plan)
    add_action(social_worker, plan, action="Dad to stop drinking", due_date=None, outcome="")
    (flag,) = ap6()
    assert flag.person_id == child.pk and flag.record == f"plan:{plan.pk}"
    assert "Action 2 ‘Dad to stop drinking’ needs a due date and a measurable outcome" in (
        flag.detail
    )
    assert flag.since == plan.start_date + datetime.timedelta(days=10)
    assert ap6([child.pk]) == [flag] and ap6([child.pk + 1000]) == []


def test_ap6_leaves_a_recent_draft_alone(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(10))
    plan_action_add(by=social_worker, plan=plan, action="Vague")
    assert ap6() == []


def test_ap6_leaves_smart_removed_done_and_ended_alone(social_worker, child, person_maker):
    # A final, SMART plan.
    smart_plan(social_worker, child, finalise=True)
    # An old draft whose incomplete action was removed.
    plan = make_plan(social_worker, person_maker(), start_date=days_ago(20))
    from lantern.plans.services import plan_action_remove

    plan_action_remove(
        by=social_worker,
        action=plan_action_add(by=social_worker, plan=plan, action="Vague"),
        reason="Replaced",
    )
    # An old draft that has ended.
    ended = make_plan(social_worker, person_maker(), start_date=days_ago(20))
    plan_action_add(by=social_worker, plan=ended, action="Vague")
    plan_end(by=social_worker, plan=ended, end_date=TODAY, reason="Closed")
    assert ap6() == []


def test_ap6_flags_a_final_plan_changed_outside_the_pages(social_worker, child):
    """Data imported or generated can break the rule the pages keep: the check still sees it."""
    plan = smart_plan(social_worker, child, finalise=True)
    plan.actions.filter(order=1).update(outcome="")
    (flag,) = ap6()
    assert "(final, started" in flag.detail
    assert "Action 2 ‘Action number 2 for the family’ needs a measurable outcome" in flag.detail


def test_ap6_runs_in_fixed_sql(social_worker, person_maker, django_assert_max_num_queries):
    for _ in range(4):
        plan = make_plan(social_worker, person_maker(), start_date=days_ago(30))
        for _ in range(3):
            plan_action_add(by=social_worker, plan=plan, action="Vague")
    with django_assert_max_num_queries(1):
        assert len(ap6()) == 4


def _parent(social_worker, child, person_maker, kind="parent"):
    adult = person_maker(first_name="Parent", last_name="Hargreaves")
    relationship_add(by=social_worker, person=adult, other=child, type=kind)
    return adult


def test_cp5_flags_a_safety_plan_resting_only_on_parents(social_worker, child, person_maker):
    mum = _parent(social_worker, child, person_maker)
    carer = _parent(social_worker, child, person_maker, kind="carer")
    plan = make_plan(social_worker, child, kind="safety")
    add_action(social_worker, plan, owner_agency="", owner_name="", owner_person=mum)
    add_action(social_worker, plan, owner_agency="", owner_name="", owner_person=carer)
    (flag,) = cp5()
    assert flag.person_id == child.pk and flag.record == f"plan:{plan.pk}"
    assert "all 2 open actions fall on parents or carers" in flag.detail
    assert cp5([child.pk]) == [flag] and cp5([child.pk + 1000]) == []


def test_cp5_leaves_a_plan_with_a_professional_action_alone(social_worker, child, person_maker):
    mum = _parent(social_worker, child, person_maker)
    plan = make_plan(social_worker, child, kind="safety")
    add_action(social_worker, plan, owner_agency="", owner_name="", owner_person=mum)
    add_action(social_worker, plan)  # the health visitor
    assert cp5() == []


def test_cp5_counts_only_open_actions(social_worker, child, person_maker):
    mum = _parent(social_worker, child, person_maker)
    plan = make_plan(social_worker, child, kind="safety", start_date=days_ago(10))
    add_need(social_worker, plan)
    add_action(social_worker, plan, owner_agency="", owner_name="", owner_person=mum)
    hv = add_action(social_worker, plan)
    plan.refresh_from_db()
    progress = {a.pk: ("in_progress", "") for a in plan.actions.all()}
    progress[hv.pk] = ("done", "Visits done")
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=TODAY,
        progress=progress,
        next_review_date=TODAY + datetime.timedelta(days=14),
    )
    (flag,) = cp5()
    assert "its only open action falls on a parent or carer" in flag.detail


def test_cp5_leaves_other_plans_and_empty_safety_plans_alone(social_worker, child, person_maker):
    mum = _parent(social_worker, child, person_maker)
    cin = make_plan(social_worker, child, kind="cin")
    add_action(social_worker, cin, owner_agency="", owner_name="", owner_person=mum)
    make_plan(social_worker, child, kind="safety")
    assert cp5() == []


def test_cp5_runs_in_fixed_sql(social_worker, person_maker, django_assert_max_num_queries):
    for _ in range(3):
        child = person_maker()
        mum = _parent(social_worker, child, person_maker)
        plan = make_plan(social_worker, child, kind="safety")
        add_action(social_worker, plan, owner_agency="", owner_name="", owner_person=mum)
    with django_assert_max_num_queries(1):
        assert len(cp5()) == 3
