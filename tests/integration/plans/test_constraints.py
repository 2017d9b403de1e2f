"""Each database constraint on plans holds even when the services are bypassed."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanReview

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 6, 1)


@pytest.fixture
def plan(child):
    return Plan.objects.create(person=child, kind="cin", start_date=START)


def violates(model, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)


def test_plan_ends_after_it_starts(child):
    violates(Plan, person=child, kind="cin", start_date=START, end_date=START)
    Plan.objects.create(
        person=child, kind="cin", start_date=START, end_date=START + datetime.timedelta(days=1)
    )


def test_cp_plan_has_categories(child):
    violates(Plan, person=child, kind="cp", start_date=START, initial_category="NEG")
    Plan.objects.create(
        person=child, kind="cp", start_date=START, initial_category="NEG", latest_category="PHY"
    )


def test_final_safety_plan_has_a_review_date(child):
    violates(Plan, person=child, kind="safety", start_date=START, finalised_at=timezone.now())
    Plan.objects.create(person=child, kind="safety", start_date=START)  # a draft may not yet


def test_one_open_plan_of_each_kind(child, plan):
    violates(Plan, person=child, kind="cin", start_date=START)
    Plan.objects.create(person=child, kind="safety", start_date=START)


def test_action_has_one_kind_of_owner(plan, child, social_worker):
    violates(PlanAction, plan=plan, action="x", owner_person=child, owner_user=social_worker)
    violates(PlanAction, plan=plan, action="x", owner_person=child, owner_agency="police")
    violates(PlanAction, plan=plan, action="x", owner_user=social_worker, owner_agency="police")
    PlanAction.objects.create(plan=plan, action="x", owner_agency="police")


def test_action_completed_only_when_done(plan):
    violates(PlanAction, plan=plan, action="x", status="in_progress", completed_on=START)
    PlanAction.objects.create(plan=plan, action="x", status="done", completed_on=START)


def test_review_next_after_held(plan):
    violates(PlanReview, plan=plan, held_on=START, next_review_date=START)
    PlanReview.objects.create(
        plan=plan, held_on=START, next_review_date=START + datetime.timedelta(days=1)
    )


def test_progress_once_per_action_per_review(plan):
    review = PlanReview.objects.create(plan=plan, held_on=START)
    action = PlanAction.objects.create(plan=plan, action="x")
    ActionProgress.objects.create(review=review, action=action, status="done")
    violates(ActionProgress, review=review, action=action, status="in_progress")
