"""Conferences and core groups through their services: the plan they start, the CIN plan they
end, and every due date from the timescale engine."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lantern.child_protection.models import Conference, ConferenceAttendee, CoreGroup
from lantern.child_protection.services import (
    conference_book,
    conference_schedule,
    icpc_record,
)
from lantern.common.audit import AuditEvent
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.services import section47_outcome_record
from lantern.language.models import Finding
from lantern.people.models import ChronologyEntry
from lantern.plans.models import ActionProgress, Plan, PlanReview
from lantern.plans.services import plan_action_add, plan_start
from lantern.timescales.engine import due_date
from tests.factories.child_protection import (
    ATTENDEES,
    hold_core_group,
    hold_icpc,
    hold_review,
    make_chair,
    make_section47,
)
from tests.integration.child_protection.conftest import ICPC_DUE, S47_START

pytestmark = pytest.mark.django_db

HELD = datetime.date(2025, 5, 2)  # Friday, within the 15 working days


def test_initial_conference_due_15_working_days_from_the_strategy_discussion(
    social_worker, enquiry
):
    conference = conference_schedule(by=social_worker, section47=enquiry)
    # Counted by hand: Good Friday, Easter Monday and 5 May are not working days.
    assert conference.due_date == ICPC_DUE == due_date("icpc", S47_START)
    assert conference.kind == "initial" and conference.referral == enquiry.referral


def test_icpc_plan_starts_on_the_conference_date_with_its_category(social_worker, iro, enquiry):
    conference = hold_icpc(social_worker, enquiry, held_on=HELD, chair=iro, category="NEG")
    plan = conference.plan
    assert plan.kind == "cp" and plan.start_date == HELD  # CIN census 2885
    assert plan.initial_category == plan.latest_category == "NEG"
    assert plan.referral == enquiry.referral
    assert plan.summary.startswith("Father not to be alone")
    assert conference.held_on == HELD and conference.decision == "cp_plan"
    assert conference.chair == iro and not conference.is_late
    assert ConferenceAttendee.objects.filter(conference=conference).count() == len(ATTENDEES)


def test_icpc_sets_first_core_group_and_first_review_from_the_engine(social_worker, enquiry):
    plan = hold_icpc(social_worker, enquiry, held_on=HELD).plan
    group = CoreGroup.objects.get(plan=plan)
    # 10 working days from Friday 2 May 2025, skipping the bank holiday on 5 May.
    assert group.due_date == datetime.date(2025, 5, 19) == due_date("first_core_group", HELD)
    assert group.held_on is None
    review = Conference.objects.get(plan=plan, kind="review")
    assert review.due_date == datetime.date(2025, 8, 2) == due_date("first_rcpc", HELD)
    assert review.held_on is None
    assert Plan.objects.get(pk=plan.pk).review_date == datetime.date(2025, 8, 2)


def test_icpc_ends_an_open_cin_plan_the_same_day(social_worker, child, enquiry):
    cin = plan_start(
        by=social_worker, person=child, kind="cin", start_date=datetime.date(2025, 3, 1)
    )
    hold_icpc(social_worker, enquiry, held_on=HELD)
    cin.refresh_from_db()
    assert cin.end_date == HELD and "child protection plan" in cin.end_reason.lower()
    assert Plan.objects.filter(person=child, end_date__isnull=True).get().kind == "cp"


def test_icpc_with_no_plan_starts_nothing_and_ends_nothing(social_worker, child, enquiry):
    cin = plan_start(
        by=social_worker, person=child, kind="cin", start_date=datetime.date(2025, 3, 1)
    )
    conference = hold_icpc(social_worker, enquiry, held_on=HELD, decision="no_plan")
    assert conference.plan is None and conference.category == ""
    assert not Plan.objects.filter(person=child, kind="cp").exists()
    assert Plan.objects.get(pk=cin.pk).end_date is None
    assert not CoreGroup.objects.exists()
    assert Conference.objects.filter(kind="review").count() == 0


def test_icpc_held_late_is_recorded_as_late(social_worker, child, enquiry):
    conference = hold_icpc(social_worker, enquiry, held_on=datetime.date(2025, 5, 7))
    assert conference.is_late
    entry = ChronologyEntry.objects.get(person=child, kind="conference")
    assert "held after its due date of 6 May 2025" in entry.summary
    event = AuditEvent.objects.get(action="conference.held")
    assert event.detail["on_time"] is False


@pytest.mark.parametrize(
    ("held_on", "field", "message"),
    [
        (datetime.date(2025, 5, 3), "held_on", "Saturday or Sunday"),  # CIN 8875
        (datetime.date(2025, 4, 9), "held_on", "cannot be before"),
        (datetime.date.today() + datetime.timedelta(days=7), "held_on", "future"),
    ],
)
def test_icpc_date_must_be_a_past_weekday_after_the_enquiry(
    social_worker, enquiry, held_on, field, message
):
    with pytest.raises(ValidationError) as error:
        hold_icpc(social_worker, enquiry, held_on=held_on)
    assert message in " ".join(error.value.message_dict[field])
    assert not Plan.objects.filter(kind="cp").exists()
    assert not Conference.objects.filter(held_on__isnull=False).exists()


def test_icpc_plan_needs_category_outline_and_a_chair(social_worker, user_for, enquiry):
    with pytest.raises(ValidationError) as error:
        hold_icpc(
            social_worker,
            enquiry,
            held_on=HELD,
            category="",
            outline="",
            reasons="",
            chair=user_for("front_door"),
        )
    assert set(error.value.message_dict) == {"category", "outline", "reasons", "chair"}


def test_icpc_needs_someone_to_have_attended(social_worker, enquiry):
    with pytest.raises(ValidationError) as error:
        hold_icpc(
            social_worker,
            enquiry,
            held_on=HELD,
            attendees=[{"agency": "police", "name": "DS Hall", "attended": False}],
        )
    assert "at least one person who attended" in error.value.message_dict["attendees"][0]


def test_icpc_only_after_the_enquiry_outcome_convenes_one(social_worker, manager, person_maker):
    other = person_maker()
    enquiry = make_section47(social_worker, manager, other, start=S47_START)
    with pytest.raises(ValidationError):
        hold_icpc(social_worker, enquiry, held_on=HELD)
    section47_outcome_record(
        by=social_worker,
        enquiry=enquiry,
        outcome="nfa",
        outcome_date=S47_START,
        reason="Concerns not substantiated",
    )
    with pytest.raises(ValidationError):
        conference_schedule(by=social_worker, section47=enquiry)


def test_icpc_cannot_be_recorded_twice(social_worker, enquiry):
    hold_icpc(social_worker, enquiry, held_on=HELD)
    with pytest.raises(ValidationError):
        hold_icpc(social_worker, enquiry, held_on=HELD)


def test_icpc_refused_to_a_role_that_does_not_record_conferences(user_for, enquiry):
    with pytest.raises(ValidationError):
        hold_icpc(user_for("front_door"), enquiry, held_on=HELD)


def test_icpc_checks_the_language_of_its_reasons(social_worker, child, enquiry):
    conference = hold_icpc(
        social_worker,
        enquiry,
        held_on=HELD,
        reasons="Father admits over chastisement of the child.",
    )
    assert [m.phrase for m in conference.language_matches] == ["over chastisement"]
    assert Finding.objects.filter(person=child, field="reasons").exists()


def test_booking_a_conference_checks_the_version_and_weekday(social_worker, enquiry):
    conference = conference_schedule(by=social_worker, section47=enquiry)
    today = datetime.date(2025, 4, 14)
    with pytest.raises(ValidationError):
        conference_book(
            by=social_worker,
            conference=conference,
            planned_on=datetime.date(2025, 4, 26),
            version=1,
            today=today,
        )
    booked = conference_book(
        by=social_worker,
        conference=conference,
        planned_on=datetime.date(2025, 5, 1),
        version=1,
        today=today,
    )
    assert booked.planned_on == datetime.date(2025, 5, 1) and booked.version == 2
    with pytest.raises(ConcurrentEditError):
        conference_book(
            by=social_worker,
            conference=conference,
            planned_on=datetime.date(2025, 5, 2),
            version=1,
            today=today,
        )


def test_icpc_recorded_on_a_stale_version_is_refused(social_worker, enquiry):
    conference = conference_schedule(by=social_worker, section47=enquiry)
    Conference.objects.filter(pk=conference.pk).update(version=2)
    with pytest.raises(ConcurrentEditError):
        hold_icpc(social_worker, enquiry, held_on=HELD, conference=conference, version=1)


def test_transfer_in_conference_due_15_working_days_from_notification(social_worker, child):
    conference = conference_schedule(
        by=social_worker,
        person=child,
        kind="transfer_in",
        notified_on=S47_START,
        from_authority="Kingston upon Hull",
    )
    assert conference.due_date == ICPC_DUE and conference.from_authority == "Kingston upon Hull"
    held = icpc_record(
        by=social_worker,
        conference=conference,
        held_on=HELD,
        chair=make_chair(),
        decision="cp_plan",
        category="EMO",
        outline="Mother to attend the parenting programme.",
        reasons="Continuing the plan made by the previous authority.",
        attendees=ATTENDEES,
    )
    assert held.plan.start_date == HELD and held.plan.initial_category == "EMO"


# -- reviews ------------------------------------------------------------------------------------


@pytest.fixture
def plan(social_worker, enquiry):
    return hold_icpc(social_worker, enquiry, held_on=HELD).plan


def test_review_continues_the_plan_next_due_6_months_later(social_worker, child, plan):
    held_on = datetime.date(2025, 8, 1)
    conference = hold_review(social_worker, plan, held_on=held_on, category="NEG")
    assert conference.decision == "continue" and conference.category == "NEG"
    assert conference.review.kind == "conference"
    plan.refresh_from_db()
    assert plan.is_open and plan.initial_category == "PHY" and plan.latest_category == "NEG"
    following = Conference.objects.get(plan=plan, kind="review", held_on__isnull=True)
    assert following.due_date == datetime.date(2026, 2, 1) == due_date("next_rcpc", held_on)
    assert plan.review_date == datetime.date(2026, 2, 1)
    summaries = ChronologyEntry.objects.filter(person=child, kind="conference").values_list(
        "summary", flat=True
    )
    assert any("next review by 1 February 2026" in s for s in summaries)


def test_review_records_progress_on_each_open_action(social_worker, plan):
    action = plan_action_add(
        by=social_worker,
        plan=plan,
        action="Father attends the domestic abuse perpetrator programme",
        owner_agency="probation",
        due_date=datetime.date(2025, 7, 1),
        outcome="Attends 10 of 12 sessions (probation register)",
    )
    with pytest.raises(ValidationError) as error:
        hold_review(social_worker, plan, held_on=datetime.date(2025, 8, 1))
    assert "progress" in error.value.message_dict
    conference = hold_review(
        social_worker,
        plan,
        held_on=datetime.date(2025, 8, 1),
        progress={action.pk: ("in_progress", "6 sessions attended")},
    )
    row = ActionProgress.objects.get(review=conference.review)
    assert row.action == action and row.status == "in_progress"


def test_review_ending_the_plan_ends_it_on_the_day(social_worker, plan):
    held_on = datetime.date(2025, 8, 1)
    conference = hold_review(
        social_worker, plan, held_on=held_on, decision="end_plan", end_reason="Risk reduced"
    )
    plan.refresh_from_db()
    assert plan.end_date == held_on and plan.end_reason == "Risk reduced"
    assert conference.category == ""
    assert not Conference.objects.filter(plan=plan, held_on__isnull=True).exists()
    with pytest.raises(ValidationError):
        hold_review(social_worker, plan, held_on=datetime.date(2025, 8, 4))


@pytest.mark.parametrize(
    "held_on",
    [HELD, datetime.date(2025, 8, 2), datetime.date(2025, 4, 30)],
    ids=["plan-start", "saturday", "before-plan"],
)
def test_review_must_be_a_weekday_after_the_plan_started(social_worker, plan, held_on):
    with pytest.raises(ValidationError) as error:
        hold_review(social_worker, plan, held_on=held_on)
    assert "held_on" in error.value.message_dict
    assert not PlanReview.objects.exists()


def test_review_ending_needs_a_reason_and_continuing_a_category(social_worker, plan):
    with pytest.raises(ValidationError) as error:
        hold_review(
            social_worker,
            plan,
            held_on=datetime.date(2025, 8, 1),
            decision="end_plan",
            end_reason="",
        )
    assert "end_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        hold_review(social_worker, plan, held_on=datetime.date(2025, 8, 1), category="")
    assert "category" in error.value.message_dict


def test_review_for_a_plan_without_a_due_conference_arranges_one(social_worker, person_maker):
    other = person_maker()
    plan = plan_start(
        by=social_worker,
        person=other,
        kind="cp",
        start_date=datetime.date(2025, 1, 6),
        category="NEG",
    )
    conference = hold_review(social_worker, plan, held_on=datetime.date(2025, 4, 4))
    assert conference.due_date == datetime.date(2025, 4, 6)  # 3 months after the start


# -- core groups --------------------------------------------------------------------------------


def test_first_core_group_fills_the_due_one_then_later_ones_are_new(social_worker, child, plan):
    first = hold_core_group(social_worker, plan, held_on=datetime.date(2025, 5, 16))
    assert first.due_date == datetime.date(2025, 5, 19) and first.review.kind == "core_group"
    assert CoreGroup.objects.filter(plan=plan).count() == 1
    assert first.attendees.count() == len(ATTENDEES)
    second = hold_core_group(social_worker, plan, held_on=datetime.date(2025, 6, 13))
    assert second.pk != first.pk and second.due_date is None
    assert ChronologyEntry.objects.filter(person=child, kind="core_group").count() == 2


def test_core_group_cannot_be_before_the_plan_or_in_the_future(social_worker, plan):
    for held_on in (datetime.date(2025, 5, 1), datetime.date.today() + datetime.timedelta(1)):
        with pytest.raises(ValidationError):
            hold_core_group(social_worker, plan, held_on=held_on)
    assert not CoreGroup.objects.filter(held_on__isnull=False).exists()


def test_transfer_in_needs_the_authority_and_a_past_notification(social_worker, child):
    with pytest.raises(ValidationError) as refused:
        conference_schedule(
            by=social_worker,
            person=child,
            kind="transfer_in",
            notified_on=datetime.date.today() + datetime.timedelta(days=1),
            from_authority="  ",
        )
    assert set(refused.value.message_dict) == {"notified_on", "from_authority"}
    assert not Conference.objects.filter(person=child).exists()
