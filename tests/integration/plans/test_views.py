"""The plans pages through the test client: who sees them, the forms' errors (nothing saved),
and the plan page's fixed SQL."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.people.models import RecordView
from lantern.people.services import person_restrict, relationship_add
from lantern.plans.models import Plan, PlanAction, PlanNeed, PlanReview
from lantern.plans.services import plan_action_add, plan_review_record
from tests.factories.plans import (
    add_action,
    add_need,
    days_ago,
    make_plan,
    open_referral,
    smart_plan,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def plan(social_worker, child):
    plan = make_plan(social_worker, child, start_date=days_ago(20))
    need = add_need(social_worker, plan)
    add_action(social_worker, plan, need=need)
    add_action(social_worker, plan, action="Attend the parenting course", due_date=None)
    plan.refresh_from_db()
    return plan


def summary_errors(response) -> list[str]:
    html = response.content.decode()
    assert "govuk-error-summary" in html, "no error summary"
    return html


# -- who sees what ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO, Role.AUDITOR])
def test_plan_pages_render_for_practice_roles(client, user_for, plan, role):
    client.force_login(user_for(role))
    response = client.get(reverse("plans:child", args=[plan.person_id]))
    assert response.status_code == 200 and "Child in need plan" in response.content.decode()
    response = client.get(reverse("plans:plan", args=[plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Attend the parenting course" in html and "No due date" in html
    can_edit = role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)
    assert ("Add an action" in html) == can_edit
    assert RecordView.objects.filter(person=plan.person, via="plan").exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.PARTNER])
def test_plan_pages_are_404_without_casework_view(client, user_for, plan, role):
    client.force_login(user_for(role))
    for url in [
        reverse("plans:child", args=[plan.person_id]),
        reverse("plans:plan", args=[plan.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", [Role.IRO, Role.AUDITOR, Role.HEAD_OF_SERVICE])
def test_plan_changes_are_404_without_plan_record(client, user_for, plan, role):
    client.force_login(user_for(role))
    action = plan.actions.first()
    need = plan.needs.first()
    for url in [
        reverse("plans:new", args=[plan.person_id]),
        reverse("plans:edit", args=[plan.pk]),
        reverse("plans:finalise", args=[plan.pk]),
        reverse("plans:review", args=[plan.pk]),
        reverse("plans:end", args=[plan.pk]),
        reverse("plans:need_add", args=[plan.pk]),
        reverse("plans:need_edit", args=[need.pk]),
        reverse("plans:action_add", args=[plan.pk]),
        reverse("plans:action_edit", args=[action.pk]),
        reverse("plans:action_remove", args=[action.pk]),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"reason": "x"}).status_code == 404, url
    assert PlanAction.objects.filter(ended_at__isnull=False).count() == 0


def test_restricted_child_needs_a_reason_first(client, manager, social_worker, plan):
    person_restrict(by=manager, person=plan.person, restricted=True, reason="Witness protection")
    client.force_login(social_worker)
    response = client.get(reverse("plans:plan", args=[plan.pk]))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[plan.person_id])


def test_plan_page_sql_does_not_grow_with_actions_and_reviews(
    client, social_worker, child, django_assert_max_num_queries
):
    plan = smart_plan(social_worker, child, actions=1, start_date=days_ago(30), finalise=True)
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=days_ago(4),
        progress={plan.actions.get().pk: ("in_progress", "Started")},
    )
    client.force_login(social_worker)
    url = reverse("plans:plan", args=[plan.pk])
    client.get(url)  # warm the session and the caches

    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for n in range(6):
        add_action(social_worker, plan, action=f"More {n}")
        add_need(social_worker, plan, f"Need {n}")
    plan.refresh_from_db()
    for day in (3, 2, 1):
        plan_review_record(
            by=social_worker,
            plan=plan,
            kind="review",
            held_on=days_ago(day),
            progress={a.pk: ("in_progress", "Going well") for a in plan.actions.all()},
        )
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


# -- starting a plan ----------------------------------------------------------------------------


def test_start_a_cin_plan_from_an_open_referral(client, social_worker, manager, child):
    referral = open_referral(social_worker, manager, child)
    client.force_login(social_worker)
    url = reverse("plans:new", args=[child.pk])
    assert "Referral of" in client.get(url).content.decode()
    response = client.post(url, {"kind": "cin", "referral": referral.pk, "start_date": d(TODAY)})
    plan = Plan.objects.get(person=child)
    assert response.status_code == 302 and response.url == reverse("plans:plan", args=[plan.pk])
    assert plan.referral == referral and plan.kind == "cin"


def test_start_with_bad_input_shows_the_errors_and_saves_nothing(
    client, social_worker, manager, child
):
    open_referral(social_worker, manager, child)
    client.force_login(social_worker)
    url = reverse("plans:new", args=[child.pk])
    response = client.post(url, {"kind": "cp", "start_date": d(TODAY + datetime.timedelta(days=1))})
    html = summary_errors(response)
    assert "Select a child in need plan or a safety plan" in html
    assert "Select the referral the plan is for" in html
    assert "The plan cannot start in the future" in html
    assert not Plan.objects.exists()


def test_start_a_second_open_plan_of_a_kind_is_refused(client, social_worker, manager, child):
    referral = open_referral(social_worker, manager, child)
    make_plan(social_worker, child, kind="safety", referral=referral)
    client.force_login(social_worker)
    response = client.post(
        reverse("plans:new", args=[child.pk]),
        {"kind": "safety", "referral": referral.pk, "start_date": d(TODAY)},
    )
    assert "The child already has an open plan of this kind" in summary_errors(response)
    assert Plan.objects.count() == 1


def test_start_without_an_open_referral_explains(client, social_worker, child):
    client.force_login(social_worker)
    response = client.get(reverse("plans:new", args=[child.pk]))
    assert "A plan starts from an open referral" in response.content.decode()


# -- needs and actions --------------------------------------------------------------------------


def test_add_need_bad_input_then_good(client, social_worker, plan):
    client.force_login(social_worker)
    url = reverse("plans:need_add", args=[plan.pk])
    assert "data-language-check" in client.get(url).content.decode()
    assert "Describe the need or risk" in summary_errors(client.post(url, {"description": " "}))
    assert plan.needs.count() == 1
    response = client.post(url, {"description": "Amelia is often late to school"})
    assert response.status_code == 302 and plan.needs.count() == 2


def test_edit_and_remove_a_need(client, social_worker, plan):
    client.force_login(social_worker)
    need = add_need(social_worker, plan, "Spare need")
    url = reverse("plans:need_edit", args=[need.pk])
    response = client.post(url, {"description": "Changed", "version": need.version})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.description == "Changed"
    stale = client.post(url, {"description": "Again", "version": 1})
    assert "Someone else changed this record" in summary_errors(stale)
    url = reverse("plans:need_remove", args=[need.pk])
    assert "Give the reason" in summary_errors(client.post(url, {"reason": ""}))
    assert client.post(url, {"reason": "Duplicate"}).status_code == 302
    need.refresh_from_db()
    assert need.ended_at is not None


def test_add_an_action_owned_by_a_parent(client, social_worker, person_maker, plan):
    mum = person_maker(first_name="Mum", last_name="Hargreaves")
    relationship_add(by=social_worker, person=mum, other=plan.person, type="parent")
    client.force_login(social_worker)
    url = reverse("plans:action_add", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "Mum Hargreaves (parent)" in html and "(the child)" in html and "Police" in html
    response = client.post(
        url,
        {
            "text": "Mum to take Amelia to the dentist",
            "owner": f"person:{mum.pk}",
            "due_date": d(TODAY + datetime.timedelta(days=10)),
            "outcome": "Dentist's letter",
            "need": str(plan.needs.get().pk),
        },
    )
    assert response.status_code == 302
    action = plan.actions.last()
    assert action.owner_person == mum and action.owner_is_parent and action.need_id


def test_add_an_action_bad_input_saves_nothing(client, social_worker, plan):
    client.force_login(social_worker)
    url = reverse("plans:action_add", args=[plan.pk])
    response = client.post(url, {"text": "", "owner": "person:999999", "due_date": "31/02/2026"})
    html = summary_errors(response)
    assert "Enter what will be done" in html
    assert "Choose who will do it from the list" in html
    assert "Enter a real date" in html
    assert plan.actions.count() == 2


def test_add_an_action_to_an_agency_with_a_named_contact(client, social_worker, plan):
    client.force_login(social_worker)
    response = client.post(
        reverse("plans:action_add", args=[plan.pk]),
        {
            "text": "School to report attendance weekly",
            "owner": "agency:education",
            "owner_name": "Sam Patel",
        },
    )
    assert response.status_code == 302
    action = plan.actions.last()
    assert (action.owner_agency, action.owner_name) == ("education", "Sam Patel")
    assert action.missing == ["a due date", "a measurable outcome"]


def test_edit_an_action(client, social_worker, plan):
    action = plan.actions.get(action="Attend the parenting course")
    client.force_login(social_worker)
    url = reverse("plans:action_edit", args=[action.pk])
    assert "Attend the parenting course" in client.get(url).content.decode()
    data = {
        "text": "Attend the parenting course",
        "owner": f"user:{social_worker.pk}",
        "due_date": d(TODAY + datetime.timedelta(days=30)),
        "outcome": "Certificate of attendance",
        "version": action.version,
    }
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.owner_user == social_worker and action.missing == []
    assert "Someone else changed this record" in summary_errors(client.post(url, data))


def test_remove_an_action(client, social_worker, plan):
    action = plan.actions.first()
    client.force_login(social_worker)
    url = reverse("plans:action_remove", args=[action.pk])
    response = client.post(url, {"reason": "", "version": action.version})
    assert "Give the reason" in summary_errors(response)
    assert (
        client.post(url, {"reason": "Done elsewhere", "version": action.version}).status_code == 302
    )
    action.refresh_from_db()
    assert action.ended_reason == "Done elsewhere"
    html = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Removed from the plan" in html


# -- finalising ---------------------------------------------------------------------------------


def test_finalise_refused_with_an_undated_action(client, social_worker, plan):
    client.force_login(social_worker)
    url = reverse("plans:finalise", args=[plan.pk])
    assert "cannot be finalised yet" in client.get(url).content.decode()
    response = client.post(url, {"version": plan.version})
    html = summary_errors(response)
    assert "Action 2 ‘Attend the parenting course’ needs a due date" in html
    assert 'href="#actions"' in html
    assert not Plan.objects.get(pk=plan.pk).is_final


def test_finalise_a_smart_plan(client, social_worker, child):
    plan = smart_plan(social_worker, child)
    client.force_login(social_worker)
    response = client.post(reverse("plans:finalise", args=[plan.pk]), {"version": plan.version})
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).is_final


def test_edit_the_summary_and_review_date(client, social_worker, plan):
    client.force_login(social_worker)
    url = reverse("plans:edit", args=[plan.pk])
    bad = client.post(url, {"summary": "x", "review_date": "soon", "version": plan.version})
    assert "Enter a real date" in summary_errors(bad)
    response = client.post(
        url,
        {
            "summary": "It was just rough handling",
            "review_date": d(TODAY + datetime.timedelta(days=60)),
            "version": plan.version,
        },
        follow=True,
    )
    assert "Practice language: “rough handling”" in response.content.decode()
    plan.refresh_from_db()
    assert plan.review_date == TODAY + datetime.timedelta(days=60)


# -- reviews, category, ending ------------------------------------------------------------------


def test_record_a_review(client, social_worker, child):
    plan = smart_plan(social_worker, child, start_date=days_ago(30), finalise=True)
    first, second = plan.actions.all()
    client.force_login(social_worker)
    url = reverse("plans:review", args=[plan.pk])
    assert "Progress on action 1" in client.get(url).content.decode()
    bad = client.post(url, {"held_on": "", f"status_{first.pk}": "done"})
    html = summary_errors(bad)
    assert "Enter the date of the review" in html
    assert not PlanReview.objects.exists()
    response = client.post(
        url,
        {
            "held_on": d(TODAY),
            "summary": "Going well",
            f"status_{first.pk}": "done",
            f"note_{first.pk}": "Seen by the GP",
            f"status_{second.pk}": "in_progress",
            f"note_{second.pk}": "",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "done" and first.completed_on == TODAY
    html = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Seen by the GP" in html and "Plan review on" in html


def test_end_a_plan(client, social_worker, plan):
    client.force_login(social_worker)
    url = reverse("plans:end", args=[plan.pk])
    assert "still has open actions" in client.get(url).content.decode()
    bad = client.post(url, {"end_date": d(TODAY), "reason": ""})
    assert "Give the reason the plan ended" in summary_errors(bad)
    assert Plan.objects.get(pk=plan.pk).is_open
    assert client.post(url, {"end_date": d(TODAY), "reason": "Needs met"}).status_code == 302
    assert not Plan.objects.get(pk=plan.pk).is_open
    # An ended plan cannot be changed.
    response = client.get(reverse("plans:action_add", args=[plan.pk]))
    assert response.status_code == 302


def test_change_the_latest_category_of_a_cp_plan(client, social_worker, child, plan):
    cp = make_plan(social_worker, child, kind="cp", category="EMO")
    client.force_login(social_worker)
    url = reverse("plans:category", args=[cp.pk])
    bad = client.post(url, {"category": "EMO", "version": cp.version})
    assert "The latest category is already Emotional abuse" in summary_errors(bad)
    assert client.post(url, {"category": "NEG", "version": cp.version}).status_code == 302
    cp.refresh_from_db()
    assert (cp.initial_category, cp.latest_category) == ("EMO", "NEG")
    # A CIN plan has no category: back to the plan.
    assert client.get(reverse("plans:category", args=[plan.pk])).status_code == 302


def test_plan_page_highlights_what_each_action_lacks(client, social_worker, child):
    plan = make_plan(social_worker, child)
    plan_action_add(by=social_worker, plan=plan, action="Vague")
    client.force_login(social_worker)
    html = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Needs an owner, a due date and a measurable outcome" in html
    assert "No owner" in html and "No measurable outcome" in html
    assert "cannot be finalised until every action" in html
    assert PlanNeed.objects.count() == 0
