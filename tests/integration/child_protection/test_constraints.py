"""Each database constraint on conferences, attendees and core groups, written around the
services as a bad import or a bug would."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from lantern.child_protection.models import Conference, ConferenceAttendee, CoreGroup
from lantern.plans.services import plan_start

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2025, 6, 2)
SATURDAY = datetime.date(2025, 6, 7)


@pytest.fixture
def plan(social_worker, child):
    return plan_start(by=social_worker, person=child, kind="cp", start_date=MONDAY, category="NEG")


@pytest.fixture
def review(plan):
    """Valid fields of a review conference held on a Monday that continued the plan."""
    return {
        "person": plan.person,
        "kind": "review",
        "plan": plan,
        "due_date": MONDAY,
        "held_on": MONDAY,
        "decision": "continue",
        "category": "NEG",
    }


def refused(model, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)


def test_the_valid_review_is_accepted(review):
    assert Conference.objects.create(**review).pk


def test_conference_not_held_at_a_weekend(review):
    refused(Conference, **{**review, "held_on": SATURDAY})
    refused(Conference, **{**review, "held_on": None, "decision": "", "planned_on": SATURDAY})


def test_conference_held_with_a_decision_and_not_without(review):
    refused(Conference, **{**review, "decision": ""})
    refused(Conference, **{**review, "held_on": None})


def test_conference_decision_fits_its_kind(review):
    refused(Conference, **{**review, "decision": "cp_plan"})


def test_plan_decision_has_a_category(review):
    refused(Conference, **{**review, "category": ""})


def test_a_plan_made_is_linked(review, child):
    refused(
        Conference,
        **{
            **review,
            "kind": "transfer_in",
            "plan": None,
            "notified_on": MONDAY,
            "decision": "cp_plan",
        },
    )


def test_initial_conference_follows_a_section47(review):
    refused(Conference, **{**review, "kind": "initial", "decision": "no_plan", "category": ""})


def test_review_reviews_a_plan(review):
    refused(Conference, **{**review, "plan": None})


def test_transfer_in_has_its_notification_date(review):
    refused(
        Conference,
        **{**review, "kind": "transfer_in", "decision": "no_plan", "category": ""},
    )


def test_one_review_due_per_plan(review):
    due = {**review, "held_on": None, "decision": "", "category": ""}
    Conference.objects.create(**due)
    refused(Conference, **due)


def test_one_initial_conference_per_section47(social_worker, manager, child):
    from tests.factories.child_protection import make_section47

    enquiry = make_section47(social_worker, manager, child, start=MONDAY)
    fields = {"person": child, "kind": "initial", "section47": enquiry, "due_date": MONDAY}
    Conference.objects.create(**fields)
    refused(Conference, **fields)


def test_attendee_belongs_to_one_meeting(review, plan):
    conference = Conference.objects.create(**review)
    group = CoreGroup.objects.create(plan=plan, person=plan.person, due_date=MONDAY)
    row = {"agency": "police", "name": "DS Hall", "attended": True}
    refused(ConferenceAttendee, **row)
    refused(ConferenceAttendee, conference=conference, core_group=group, **row)
    assert ConferenceAttendee.objects.create(conference=conference, **row).pk


def test_core_group_is_held_or_due(plan):
    refused(CoreGroup, plan=plan, person=plan.person)


def test_core_group_progress_only_when_held(plan, social_worker):
    from lantern.plans.services import plan_review_record

    review = plan_review_record(
        by=social_worker,
        plan=plan,
        kind="core_group",
        held_on=MONDAY,
        progress={},
        today=MONDAY,
    )
    refused(CoreGroup, plan=plan, person=plan.person, due_date=MONDAY, review=review)


def test_one_core_group_due_per_plan(plan):
    CoreGroup.objects.create(plan=plan, person=plan.person, due_date=MONDAY)
    refused(CoreGroup, plan=plan, person=plan.person, due_date=MONDAY)
    assert CoreGroup.objects.create(plan=plan, person=plan.person, held_on=MONDAY).pk
