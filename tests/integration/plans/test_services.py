"""The plans services: needs and actions (drafts may be incomplete, final plans may not),
finalising only a SMART plan (AP6), reviews with progress per action, the latest category,
concurrency, the chronology, the audit log and the practice-language check."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.common.errors import ConcurrentEditError
from lantern.common.models import AuditEvent
from lantern.language.models import Finding
from lantern.people.models import ChronologyEntry
from lantern.people.services import relationship_add, relationship_end
from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanReview
from lantern.plans.services import (
    plan_action_add,
    plan_action_remove,
    plan_action_update,
    plan_category_update,
    plan_end,
    plan_finalise,
    plan_need_add,
    plan_need_remove,
    plan_need_update,
    plan_review_record,
    plan_start,
    plan_update,
)
from tests.factories.plans import add_action, add_need, days_ago, make_plan, smart_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def messages_of(error: ValidationError) -> dict[str, list[str]]:
    return error.value.message_dict


# -- needs --------------------------------------------------------------------------------------


def test_need_add_update_and_remove_keeps_the_row(social_worker, child):
    plan = make_plan(social_worker, child)
    need = add_need(social_worker, plan, "Amelia misses school")
    assert need.order == 0 and add_need(social_worker, plan, "Second").order == 1
    need = plan_need_update(
        by=social_worker, need=need, version=need.version, description="Amelia misses school a lot"
    )
    assert need.version == 2
    plan_need_remove(by=social_worker, need=need, reason="Met: attendance is 98%")
    need.refresh_from_db()
    assert need.ended_at is not None and need.ended_reason == "Met: attendance is 98%"
    assert AuditEvent.objects.filter(action="plan.need_removed", person=child).exists()


def test_need_needs_a_description(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError) as error:
        plan_need_add(by=social_worker, plan=plan, description="  ")
    assert messages_of(error) == {"description": ["Describe the need or risk"]}


def test_need_update_on_a_stale_version_is_refused(social_worker, child):
    plan = make_plan(social_worker, child)
    need = add_need(social_worker, plan)
    plan_need_update(by=social_worker, need=need, version=1, description="Changed once")
    with pytest.raises(ConcurrentEditError):
        plan_need_update(by=social_worker, need=need, version=1, description="Changed twice")


def test_need_with_open_actions_cannot_be_removed(social_worker, child):
    plan = make_plan(social_worker, child)
    need = add_need(social_worker, plan)
    add_action(social_worker, plan, need=need)
    with pytest.raises(ValidationError, match="Open actions still meet this need"):
        plan_need_remove(by=social_worker, need=need, reason="Not needed")
    with pytest.raises(ValidationError) as error:
        plan_need_remove(by=social_worker, need=add_need(social_worker, plan), reason="")
    assert "reason" in messages_of(error)


# -- actions ------------------------------------------------------------------------------------


def test_draft_action_may_lack_parts(social_worker, child):
    plan = make_plan(social_worker, child)
    action = plan_action_add(by=social_worker, plan=plan, action="Dad to attend a DA course")
    assert action.missing == ["an owner", "a due date", "a measurable outcome"]
    assert action.status == PlanAction.Status.NOT_STARTED and action.order == 0


def test_action_needs_what_will_be_done(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError) as error:
        plan_action_add(by=social_worker, plan=plan, action="")
    assert messages_of(error) == {"action": ["Enter what will be done"]}


def test_action_has_one_owner(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError) as error:
        plan_action_add(
            by=social_worker,
            plan=plan,
            action="Visit",
            owner_user=social_worker,
            owner_agency="health",
        )
    assert "owner" in messages_of(error)


def test_action_owner_agency_must_be_known(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError) as error:
        plan_action_add(by=social_worker, plan=plan, action="Visit", owner_agency="martians")
    assert messages_of(error) == {"owner": ["Choose an agency from the list"]}


def test_action_owner_person_must_be_in_the_childs_network(social_worker, child, person_maker):
    plan = make_plan(social_worker, child)
    stranger = person_maker(first_name="Not", last_name="Family", date_of_birth=None)
    with pytest.raises(ValidationError) as error:
        plan_action_add(by=social_worker, plan=plan, action="Visit", owner_person=stranger)
    assert messages_of(error) == {
        "owner": ["Choose the child or someone in the child's family network"]
    }
    grandma = person_maker(first_name="Gran", last_name="Hargreaves")
    relationship_add(by=social_worker, person=grandma, other=child, type="grandparent")
    action = plan_action_add(by=social_worker, plan=plan, action="Visit", owner_person=grandma)
    assert action.owner_person == grandma and not action.owner_is_parent
    own = plan_action_add(by=social_worker, plan=plan, action="Keep a diary", owner_person=child)
    assert own.owner_person == child and not own.owner_is_parent


@pytest.mark.parametrize("kind", ["parent", "step_parent", "carer"])
def test_action_owned_by_a_parent_or_carer_is_marked(social_worker, child, person_maker, kind):
    plan = make_plan(social_worker, child)
    adult = person_maker(first_name="Adult", last_name="Hargreaves")
    relationship_add(by=social_worker, person=adult, other=child, type=kind)
    action = plan_action_add(
        by=social_worker, plan=plan, action="Stop drinking", owner_person=adult
    )
    assert action.owner_is_parent


def test_an_ended_parent_relationship_does_not_make_a_parent_owner(
    social_worker, child, person_maker
):
    plan = make_plan(social_worker, child)
    dad = person_maker(first_name="Dad", last_name="Hargreaves")
    rel = relationship_add(by=social_worker, person=dad, other=child, type="parent")
    relationship_end(by=social_worker, relationship=rel, to_date=TODAY, reason="Order")
    action = plan_action_add(by=social_worker, plan=plan, action="Contact", owner_person=dad)
    assert not action.owner_is_parent


def test_action_owner_worker_must_be_active(social_worker, child, user_for):
    plan = make_plan(social_worker, child)
    gone = user_for(Role.SOCIAL_WORKER, is_active=False)
    with pytest.raises(ValidationError) as error:
        plan_action_add(by=social_worker, plan=plan, action="Visit", owner_user=gone)
    assert "owner" in messages_of(error)


def test_action_named_contact_is_kept_only_for_an_agency(social_worker, child):
    plan = make_plan(social_worker, child)
    action = plan_action_add(
        by=social_worker, plan=plan, action="Visit", owner_user=social_worker, owner_name="Kim"
    )
    assert action.owner_name == ""
    action = add_action(social_worker, plan)
    assert action.owner_name == "Kim Lee"


def test_action_due_date_cannot_be_before_the_plan_started(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(5))
    with pytest.raises(ValidationError) as error:
        add_action(social_worker, plan, due_date=days_ago(6))
    assert messages_of(error) == {"due_date": ["The due date cannot be before the plan started"]}


def test_action_need_must_be_this_plans(social_worker, child, person_maker):
    plan = make_plan(social_worker, child)
    other_plan = make_plan(social_worker, person_maker())
    with pytest.raises(ValidationError) as error:
        add_action(social_worker, plan, need=add_need(social_worker, other_plan))
    assert messages_of(error) == {"need": ["Choose one of this plan's needs"]}


def test_final_plan_refuses_an_incomplete_action(social_worker, child):
    plan = smart_plan(social_worker, child, finalise=True)
    with pytest.raises(ValidationError) as error:
        plan_action_add(by=social_worker, plan=plan, action="Something vague")
    errors = messages_of(error)
    assert set(errors) == {"owner", "due_date", "outcome", "__all__"}
    assert "This plan is final" in errors["__all__"][0]
    add_action(social_worker, plan)  # a complete one is fine


def test_action_update_changes_owner_and_refuses_a_stale_version(
    social_worker, child, person_maker
):
    plan = make_plan(social_worker, child)
    action = plan_action_add(by=social_worker, plan=plan, action="Attend the GP")
    mum = person_maker(first_name="Mum", last_name="Hargreaves")
    relationship_add(by=social_worker, person=mum, other=child, type="parent")
    action = plan_action_update(
        by=social_worker,
        action=action,
        version=action.version,
        text="Take Amelia to the GP",
        owner_person=mum,
        due_date=TODAY + datetime.timedelta(days=7),
        outcome="GP letter confirms the appointment was kept",
    )
    assert action.owner_is_parent and action.missing == [] and action.version == 2
    with pytest.raises(ConcurrentEditError):
        plan_action_update(by=social_worker, action=action, version=1, text="Stale")
    event = AuditEvent.objects.filter(action="plan.action_changed").get()
    assert "owner_person" in event.detail["changed"]


def test_action_remove_keeps_the_row_with_the_reason(social_worker, child):
    plan = make_plan(social_worker, child)
    action = add_action(social_worker, plan)
    plan_action_remove(by=social_worker, action=action, reason="Duplicate of action 2")
    action.refresh_from_db()
    assert action.ended_at is not None and action.ended_reason == "Duplicate of action 2"
    assert not action.is_open
    with pytest.raises(ValidationError, match="already been removed"):
        plan_action_remove(by=social_worker, action=action, reason="Again")
    with pytest.raises(ValidationError, match="removed"):
        plan_action_update(by=social_worker, action=action, version=action.version, text="x")


def test_content_of_an_ended_plan_cannot_change(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(30))
    action = add_action(social_worker, plan)
    plan_end(by=social_worker, plan=plan, end_date=TODAY, reason="Needs met")
    with pytest.raises(ValidationError, match="ended"):
        add_need(social_worker, plan)
    with pytest.raises(ValidationError, match="ended"):
        plan_action_remove(by=social_worker, action=action, reason="x")


def test_a_role_without_plan_permissions_is_refused(user_for, child, social_worker):
    plan = make_plan(social_worker, child)
    auditor = user_for(Role.AUDITOR)
    with pytest.raises(ValidationError, match="permission"):
        add_need(auditor, plan)
    iro = user_for(Role.IRO)  # IROs chair conferences and core groups: they may
    assert add_need(iro, plan).pk


def test_minimising_language_in_an_action_is_found_and_cleared(social_worker, child):
    plan = make_plan(social_worker, child)
    action = add_action(social_worker, plan, action="Work with dad on over chastisement")
    assert [m.phrase for m in action.language_matches] == ["over chastisement"]
    finding = Finding.objects.get(person=child, cleared_at__isnull=True)
    assert finding.field == "action" and finding.source_url == plan.get_absolute_url()
    plan_action_update(
        by=social_worker,
        action=action,
        version=action.version,
        text="Work with dad on the assaults on Amelia",
        owner_agency="health",
    )
    finding.refresh_from_db()
    assert finding.cleared_at is not None


# -- the plan -----------------------------------------------------------------------------------


def test_plan_update_summary_and_review_date(social_worker, child):
    plan = make_plan(social_worker, child)
    plan = plan_update(
        by=social_worker,
        plan=plan,
        version=plan.version,
        summary="Keep Amelia safe and in school",
        review_date=TODAY + datetime.timedelta(days=30),
    )
    assert plan.version == 2 and plan.summary == "Keep Amelia safe and in school"
    with pytest.raises(ConcurrentEditError):
        plan_update(by=social_worker, plan=plan, version=1, summary="", review_date=None)


def test_plan_review_date_cannot_be_before_it_started(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(3))
    with pytest.raises(ValidationError) as error:
        plan_update(by=social_worker, plan=plan, version=1, summary="", review_date=days_ago(4))
    assert "review_date" in messages_of(error)


def test_finalise_is_refused_with_an_undated_action(social_worker, child):
    plan = make_plan(social_worker, child)
    add_need(social_worker, plan)
    add_action(social_worker, plan, action="Health visitor to visit weekly")
    add_action(social_worker, plan, action="Attend the parenting course", due_date=None, outcome="")
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        plan_finalise(by=social_worker, plan=plan, version=plan.version)
    assert messages_of(error) == {
        "actions": [
            "Action 2 ‘Attend the parenting course’ needs a due date and a measurable outcome"
        ]
    }
    assert not Plan.objects.get(pk=plan.pk).is_final


def test_finalise_names_every_incomplete_action(social_worker, child):
    plan = make_plan(social_worker, child)
    add_need(social_worker, plan)
    plan_action_add(by=social_worker, plan=plan, action="Nobody owns this, no date, no outcome")
    removed = add_action(social_worker, plan, action="Removed")
    plan_action_remove(by=social_worker, action=removed, reason="Not needed")
    add_action(social_worker, plan, action="No owner here", owner_agency="", owner_name="")
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        plan_finalise(by=social_worker, plan=plan, version=plan.version)
    assert messages_of(error)["actions"] == [
        "Action 1 ‘Nobody owns this, no date, no outcome’ needs an owner, a due date and a "
        "measurable outcome",
        "Action 2 ‘No owner here’ needs an owner",
    ]


def test_finalise_needs_needs_and_actions(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError) as error:
        plan_finalise(by=social_worker, plan=plan, version=plan.version)
    assert messages_of(error) == {
        "needs": ["Add the needs or risks the plan addresses"],
        "actions": ["Add the actions that will meet the child's needs"],
    }


def test_finalise_a_safety_plan_needs_a_review_date(social_worker, child):
    plan = make_plan(social_worker, child, kind="safety")
    add_need(social_worker, plan)
    add_action(social_worker, plan)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        plan_finalise(by=social_worker, plan=plan, version=plan.version)
    assert messages_of(error) == {
        "review_date": ["Enter the date the safety plan will be reviewed"]
    }


def test_finalise_a_smart_plan(social_worker, child):
    plan = smart_plan(social_worker, child)
    plan = plan_finalise(by=social_worker, plan=plan, version=plan.version)
    assert plan.is_final and plan.finalised_by == social_worker
    entry = ChronologyEntry.objects.filter(person=child, kind="plan").first()
    assert entry.summary == "Child in need plan finalised: 1 need, 2 actions"
    with pytest.raises(ValidationError, match="already been finalised"):
        plan_finalise(by=social_worker, plan=plan, version=plan.version)


def test_finalise_on_a_stale_version_is_refused(social_worker, child):
    plan = smart_plan(social_worker, child)
    with pytest.raises(ConcurrentEditError):
        plan_finalise(by=social_worker, plan=plan, version=plan.version - 1 or 99)


def test_final_safety_plan_keeps_its_review_date(social_worker, child):
    plan = smart_plan(social_worker, child, kind="safety", finalise=True)
    with pytest.raises(ValidationError) as error:
        plan_update(by=social_worker, plan=plan, version=plan.version, summary="", review_date=None)
    assert "review_date" in messages_of(error)


def test_category_update_on_a_cp_plan(social_worker, child):
    plan = make_plan(social_worker, child, kind="cp", category="EMO")
    plan = plan_category_update(
        by=social_worker, plan=plan, category="NEG", version=plan.version, reason="RCPC"
    )
    assert (plan.initial_category, plan.latest_category) == ("EMO", "NEG")
    assert ChronologyEntry.objects.filter(
        person=child, summary__contains="changed to neglect (was emotional abuse)"
    ).exists()
    with pytest.raises(ValidationError, match="already"):
        plan_category_update(by=social_worker, plan=plan, category="NEG")
    with pytest.raises(ValidationError):
        plan_category_update(by=social_worker, plan=plan, category="XXX")
    with pytest.raises(ConcurrentEditError):
        plan_category_update(by=social_worker, plan=plan, category="PHY", version=1)


def test_category_update_refused_on_a_cin_plan(social_worker, child):
    plan = make_plan(social_worker, child)
    with pytest.raises(ValidationError, match="Only a child protection plan"):
        plan_category_update(by=social_worker, plan=plan, category="NEG")


def test_plan_start_refuses_another_childs_referral(social_worker, manager, child, person_maker):
    from tests.factories.front_door import decide, make_contact, screen

    other = person_maker()
    item = make_contact(social_worker, [other]).children.get()
    screen(social_worker, item)
    decision = decide(manager, item)
    with pytest.raises(ValidationError) as error:
        plan_start(
            by=social_worker, person=child, kind="cin", start_date=TODAY, referral=decision.referral
        )
    assert messages_of(error) == {"referral": ["The referral is about another child"]}


def test_plan_end_checks_the_date_and_reason(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(10))
    with pytest.raises(ValidationError) as error:
        plan_end(
            by=social_worker, plan=plan, end_date=TODAY + datetime.timedelta(days=1), reason="x"
        )
    assert messages_of(error) == {"end_date": ["The end date cannot be in the future"]}
    with pytest.raises(ValidationError) as error:
        plan_end(by=social_worker, plan=plan, end_date=days_ago(10), reason="x")
    assert "end_date" in messages_of(error)


# -- reviews ------------------------------------------------------------------------------------


def _progress(plan, *statuses):
    actions = list(plan.actions.filter(ended_at__isnull=True))
    return {a.pk: (s, f"Note on {a.pk}") for a, s in zip(actions, statuses, strict=True)}


def test_review_records_progress_per_action_and_updates_them(social_worker, child):
    plan = smart_plan(social_worker, child, finalise=True)
    held = TODAY - datetime.timedelta(days=1)
    review = plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=held,
        summary="Amelia is attending school",
        progress=_progress(plan, "done", "in_progress"),
        next_review_date=TODAY + datetime.timedelta(days=90),
    )
    first, second = plan.actions.all()
    assert (first.status, first.completed_on) == ("done", held)
    assert (second.status, second.completed_on) == ("in_progress", None)
    assert ActionProgress.objects.filter(review=review).count() == 2
    plan.refresh_from_db()
    assert plan.review_date == TODAY + datetime.timedelta(days=90)
    entry = ChronologyEntry.objects.get(person=child, kind="plan", occurred_on=held)
    assert entry.summary == "Plan review of the child in need plan: 1 of 2 actions done"
    assert AuditEvent.objects.filter(action="plan.reviewed", person=child).exists()
    # The done action is no longer open: the next review covers only the other.
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="core_group",
        held_on=TODAY,
        progress={second.pk: ("not_done", "Stopped: moved away")},
    )
    second.refresh_from_db()
    assert second.status == "not_done" and second.completed_on is None


def test_review_needs_progress_on_every_open_action(social_worker, child):
    plan = smart_plan(social_worker, child)
    first = plan.actions.first()
    with pytest.raises(ValidationError) as error:
        plan_review_record(
            by=social_worker,
            plan=plan,
            kind="review",
            held_on=TODAY,
            progress={first.pk: ("done", "")},
        )
    assert messages_of(error) == {
        "progress": ["Select the progress on action 2 ‘action number 2 for the family’"]
    }
    assert not PlanReview.objects.exists()


def test_review_refuses_bad_status_and_other_plans_actions(social_worker, child, person_maker):
    plan = smart_plan(social_worker, child, actions=1)
    other = smart_plan(social_worker, person_maker(), actions=1)
    ours, theirs = plan.actions.get(), other.actions.get()
    with pytest.raises(ValidationError) as error:
        plan_review_record(
            by=social_worker,
            plan=plan,
            kind="review",
            held_on=TODAY,
            progress={ours.pk: ("finished", ""), theirs.pk: ("done", "")},
        )
    assert messages_of(error)["progress"] == [
        "Progress can only be recorded on this plan's open actions",
        "Select the progress on action 1 ‘action number 1 for the family’",
    ]


def test_review_dates(social_worker, child):
    plan = smart_plan(social_worker, child, actions=1, start_date=days_ago(5))
    progress = _progress(plan, "in_progress")
    cases = [
        (TODAY + datetime.timedelta(days=1), None, "held_on"),
        (days_ago(6), None, "held_on"),
        (TODAY, TODAY, "next_review_date"),
    ]
    for held_on, after, field in cases:
        with pytest.raises(ValidationError) as error:
            plan_review_record(
                by=social_worker,
                plan=plan,
                kind="review",
                held_on=held_on,
                progress=progress,
                next_review_date=after,
            )
        assert field in messages_of(error)
    with pytest.raises(ValidationError) as error:
        plan_review_record(
            by=social_worker, plan=plan, kind="party", held_on=TODAY, progress=progress
        )
    assert "kind" in messages_of(error)


def test_safety_plan_review_needs_a_next_review_date(social_worker, child):
    plan = smart_plan(social_worker, child, kind="safety", actions=1)
    with pytest.raises(ValidationError) as error:
        plan_review_record(
            by=social_worker,
            plan=plan,
            kind="review",
            held_on=TODAY,
            progress=_progress(plan, "in_progress"),
        )
    assert messages_of(error) == {
        "next_review_date": ["Enter the date the safety plan will next be reviewed"]
    }


def test_review_checks_its_summary_and_notes_for_minimising_language(social_worker, child):
    plan = smart_plan(social_worker, child, actions=1)
    action = plan.actions.get()
    review = plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=TODAY,
        summary="Dad says it was rough handling",
        progress={action.pk: ("in_progress", "Mum admits over chastisement")},
    )
    assert {m.phrase for m in review.language_matches} == {"rough handling", "over chastisement"}
    fields = set(Finding.objects.filter(person=child).values_list("field", flat=True))
    assert fields == {"summary", f"note_{action.pk}"}


def test_review_of_an_ended_plan_is_refused(social_worker, child):
    plan = smart_plan(social_worker, child, actions=1, start_date=days_ago(20))
    plan_end(by=social_worker, plan=plan, end_date=TODAY, reason="Needs met")
    with pytest.raises(ValidationError, match="ended"):
        plan_review_record(
            by=social_worker,
            plan=plan,
            kind="review",
            held_on=TODAY,
            progress=_progress(plan, "done"),
        )
