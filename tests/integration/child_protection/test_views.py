"""The child protection pages through the test client: who may see and record what, the error
summary on bad input with nothing saved, and the child's page in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lantern.accounts.roles import Role
from lantern.child_protection.models import Conference, CoreGroup
from lantern.people.involvement import involvements
from lantern.people.services import person_restrict
from lantern.plans.models import ActionProgress, Plan
from lantern.plans.services import plan_action_add, plan_end, plan_start
from tests.factories.child_protection import (
    convene,
    hold_core_group,
    hold_icpc,
    hold_review,
    make_section47,
    make_visit,
    working_days_ago,
)

pytestmark = pytest.mark.django_db

ROWS = 8  # four agencies prefilled, four blank


@pytest.fixture
def iro(user_for):
    return user_for(Role.IRO, first_name="Robin", last_name="Chair")


@pytest.fixture
def enquiry(social_worker, manager, child):
    return convene(
        social_worker, make_section47(social_worker, manager, child, start=working_days_ago(12))
    )


@pytest.fixture
def plan(social_worker, enquiry):
    return hold_icpc(social_worker, enquiry, held_on=working_days_ago(10)).plan


def dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def attendee_data(rows=None):
    prefilled = ["social_care", "police", "health", "education"]
    rows = rows if rows is not None else [{"name": "Alex Reed", "attended": "on"}]
    data = {}
    for i in range(ROWS):
        row = {"agency": prefilled[i] if i < len(prefilled) else "", "invited": "on"}
        if i < len(rows):
            row.update(rows[i])
        data.update({f"attendees-{i}-{k}": v for k, v in row.items()})
    return data


def icpc_data(chair_user, **fields):
    data = {
        "held_on": dmy(working_days_ago(2)),
        "chair": str(chair_user.pk),
        "decision": "cp_plan",
        "category": "NEG",
        "outline": "Mother to keep the home safe; school to check in daily.",
        "reasons": "Neglect over a long period; the children are hungry at school.",
        **attendee_data(),
    }
    data.update(fields)
    return data


def reading_urls(plan):
    conference = plan.conferences.filter(kind="initial").get()
    group = CoreGroup.objects.get(plan=plan)
    return [
        reverse("child_protection:child", args=[plan.person_id]),
        reverse("child_protection:plan", args=[plan.pk]),
        reverse("child_protection:conference", args=[conference.pk]),
        reverse("child_protection:core_group", args=[group.pk]),
        reverse("child_protection:conference_list"),
    ]


def recording_urls(plan):
    due = plan.conferences.get(kind="review", held_on__isnull=True)
    return [
        reverse("child_protection:review_record", args=[plan.pk]),
        reverse("child_protection:core_group_record", args=[plan.pk]),
        reverse("child_protection:conference_book", args=[due.pk]),
    ]


# -- who may see what ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.TEAM_MANAGER])
def test_pages_render_for_roles_that_record_conferences(client, user_for, plan, role):
    client.force_login(user_for(role))
    for url in reading_urls(plan) + recording_urls(plan):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("child_protection:child", args=[plan.person_id])).content.decode()
    assert "Current child protection plan" in page and "Record the review conference" in page


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.FRONT_DOOR, Role.HEAD_OF_SERVICE])
def test_readers_see_the_pages_but_cannot_record(client, user_for, plan, enquiry, role):
    client.force_login(user_for(role))
    for url in reading_urls(plan):
        assert client.get(url).status_code == 200, url
    page = client.get(reading_urls(plan)[0]).content.decode()
    assert "Record the review conference" not in page
    for url in [*recording_urls(plan), reverse("child_protection:icpc_record", args=[enquiry.pk])]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.PARTNER])
def test_roles_without_casework_get_404(client, user_for, plan, role):
    client.force_login(user_for(role))
    for url in reading_urls(plan) + recording_urls(plan):
        assert client.get(url).status_code == 404, url


def test_a_restricted_childs_pages_ask_for_a_reason(client, social_worker, manager, plan):
    person_restrict(by=manager, person=plan.person, restricted=True, reason="Adoption")
    client.force_login(social_worker)
    response = client.get(reverse("child_protection:child", args=[plan.person_id]))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[plan.person_id])
    response = client.get(reverse("child_protection:plan", args=[plan.pk]))
    assert response.status_code == 302


def test_another_kind_of_plan_is_not_found(client, social_worker, person_maker):
    cin = plan_start(
        by=social_worker,
        person=person_maker(),
        kind="cin",
        start_date=datetime.date(2025, 1, 6),
    )
    client.force_login(social_worker)
    assert client.get(reverse("child_protection:plan", args=[cin.pk])).status_code == 404


# -- the initial conference ---------------------------------------------------------------------


def test_icpc_page_before_the_outcome_sends_the_worker_to_the_enquiry(
    client, social_worker, manager, person_maker
):
    enquiry = make_section47(social_worker, manager, person_maker(), start=working_days_ago(3))
    client.force_login(social_worker)
    response = client.get(reverse("child_protection:icpc_record", args=[enquiry.pk]))
    assert response.status_code == 302
    assert response.url == reverse("front_door:section47", args=[enquiry.pk])


def test_icpc_recorded_through_the_page(client, social_worker, iro, child, enquiry):
    client.force_login(social_worker)
    url = reverse("child_protection:icpc_record", args=[enquiry.pk])
    page = client.get(url).content.decode()
    assert f"due by <strong>{enquiry.icpc_due:%A %-d %B %Y}" in page
    response = client.post(url, icpc_data(iro))
    conference = Conference.objects.get(section47=enquiry)
    assert response.status_code == 302 and response.url == conference.get_absolute_url()
    plan = Plan.objects.get(person=child, kind="cp")
    assert plan.start_date == working_days_ago(2) == conference.held_on
    page = client.get(reverse("child_protection:child", args=[child.pk])).content.decode()
    assert "Next review conference" in page and "First core group" in page
    assert "Next visit" in page


def test_transfer_in_arranged_then_recorded_through_the_pages(
    client, social_worker, iro, person_maker
):
    moved = person_maker(first_name="Moved", last_name="Here")
    client.force_login(social_worker)
    child_page = reverse("child_protection:child", args=[moved.pk])
    arrange = reverse("child_protection:transfer_in", args=[moved.pk])
    assert arrange in client.get(child_page).content.decode()

    refused = client.post(arrange, {"from_authority": "", "notified_on": "31/02/2026"})
    page = refused.content.decode()
    assert "There is a problem" in page and "Enter a real date" in page
    assert "Enter the local authority the child has moved from" in page
    assert not Conference.objects.exists()

    told = working_days_ago(3)
    response = client.post(
        arrange, {"from_authority": "Kingston upon Hull", "notified_on": dmy(told)}
    )
    conference = Conference.objects.get(person=moved, kind="transfer_in")
    assert response.status_code == 302 and response.url == conference.get_absolute_url()
    assert conference.notified_on == told and conference.from_authority == "Kingston upon Hull"
    page = client.get(conference.get_absolute_url()).content.decode()
    record = reverse("child_protection:record", args=[conference.pk])
    assert "by Kingston upon Hull" in page and record in page
    assert record in client.get(child_page).content.decode()

    form = client.get(record).content.decode()
    assert "Record the transfer-in child protection conference" in form
    assert "moved here from Kingston upon Hull" in form
    response = client.post(
        record,
        {**icpc_data(iro, held_on=dmy(working_days_ago(1))), "version": conference.version},
    )
    assert response.status_code == 302
    conference.refresh_from_db()
    assert conference.is_held and conference.plan.start_date == working_days_ago(1)
    assert client.get(record).status_code == 302  # already recorded: back to the conference


def test_a_review_conference_is_not_recorded_on_the_deciding_page(client, iro, plan):
    client.force_login(iro)
    review = plan.conferences.get(kind="review", held_on__isnull=True)
    response = client.get(reverse("child_protection:record", args=[review.pk]))
    assert response.status_code == 302 and response.url == review.get_absolute_url()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"held_on": ""}, "Enter the date of the conference"),
        ({"held_on": "31/02/2025"}, "Enter a real date"),
        ({"category": ""}, "Select the category of abuse"),
        ({"outline": ""}, "Enter the outline child protection plan"),
        ({"decision": ""}, "Select the conference&#x27;s decision"),
        ({"chair": ""}, "Select who chaired the conference"),
        ({"attendees-0-name": "", "attendees-0-attended": ""}, "Record who was invited"),
        ({"attendees-0-attended": ""}, "Record at least one person who attended"),
    ],
)
def test_icpc_bad_input_shows_the_error_summary_and_saves_nothing(
    client, social_worker, iro, child, enquiry, fields, message
):
    client.force_login(social_worker)
    data = icpc_data(iro, **fields)
    response = client.post(reverse("child_protection:icpc_record", args=[enquiry.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert not Plan.objects.filter(person=child).exists()
    assert not Conference.objects.filter(held_on__isnull=False).exists()
    # What was typed is kept.
    assert "Mother to keep the home safe" in page or fields.get("outline") == ""


def test_icpc_on_a_saturday_is_refused_by_the_service(client, social_worker, iro, enquiry):
    saturday = working_days_ago(1)
    while saturday.weekday() != 5:
        saturday -= datetime.timedelta(days=1)
    if saturday < enquiry.start_date:
        pytest.skip("No Saturday between the enquiry and today")
    client.force_login(social_worker)
    response = client.post(
        reverse("child_protection:icpc_record", args=[enquiry.pk]),
        icpc_data(iro, held_on=dmy(saturday)),
    )
    assert "cannot be held on a Saturday or Sunday" in response.content.decode()
    assert not Conference.objects.filter(held_on__isnull=False).exists()


# -- review conferences and core groups ---------------------------------------------------------


def review_data(chair_user, **fields):
    data = {
        "held_on": dmy(working_days_ago(1)),
        "chair": str(chair_user.pk),
        "decision": "continue",
        "category": "EMO",
        "reasons": "Some progress; the risk of emotional harm remains.",
        **attendee_data(),
    }
    data.update(fields)
    return data


@pytest.fixture
def action(social_worker, plan):
    return plan_action_add(
        by=social_worker,
        plan=plan,
        action="Mother attends the Freedom Programme",
        owner_person=plan.person,
        due_date=working_days_ago(1) + datetime.timedelta(days=30),
        outcome="Attends 10 of 12 weekly sessions",
    )


def test_review_conference_recorded_through_the_page(client, social_worker, iro, plan, action):
    client.force_login(social_worker)
    url = reverse("child_protection:review_record", args=[plan.pk])
    assert "Mother attends the Freedom Programme" in client.get(url).content.decode()
    data = review_data(
        iro, **{f"progress-status_{action.pk}": "in_progress", f"progress-note_{action.pk}": "3"}
    )
    response = client.post(url, data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.latest_category == "EMO" and plan.initial_category == "PHY"
    assert ActionProgress.objects.get(action=action).status == "in_progress"


def test_review_bad_input_saves_nothing(client, social_worker, iro, plan, action):
    client.force_login(social_worker)
    url = reverse("child_protection:review_record", args=[plan.pk])
    response = client.post(url, review_data(iro, decision="end_plan", end_reason=""))
    page = response.content.decode()
    assert "There is a problem" in page and "Give the reason the plan is ending" in page
    assert "Select the progress on action 1" in page
    assert not Conference.objects.filter(kind="review", held_on__isnull=False).exists()
    plan.refresh_from_db()
    assert plan.is_open


def test_core_group_recorded_through_the_page(client, iro, plan, action):
    client.force_login(iro)
    url = reverse("child_protection:core_group_record", args=[plan.pk])
    bad = {"held_on": "", **attendee_data()}
    response = client.post(url, bad)
    assert "Enter the date of the meeting" in response.content.decode()
    assert not CoreGroup.objects.filter(held_on__isnull=False).exists()
    good = {
        "held_on": dmy(working_days_ago(1)),
        "summary": "Detailed plan agreed.",
        f"progress-status_{action.pk}": "not_started",
        **attendee_data(),
    }
    response = client.post(url, good)
    group = CoreGroup.objects.get(plan=plan)
    assert response.status_code == 302 and response.url == group.get_absolute_url()
    assert group.held_on == working_days_ago(1) and group.review.progress.count() == 1


def test_a_conference_booked_through_the_page(client, social_worker, plan):
    due = plan.conferences.get(kind="review", held_on__isnull=True)
    client.force_login(social_worker)
    url = reverse("child_protection:conference_book", args=[due.pk])
    day = datetime.date.today() + datetime.timedelta(days=14)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    response = client.post(url, {"planned_on": dmy(day), "version": "1"})
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.planned_on == day
    response = client.post(url, {"planned_on": dmy(day), "version": "1"})
    assert "Someone else changed this record" in response.content.decode()


def test_conferences_due_list_shows_overdue_and_upcoming(client, manager, enquiry, plan):
    client.force_login(manager)
    page = client.get(reverse("child_protection:conference_list")).content.decode()
    assert "First review conference" in page and plan.person.full_name in page


# -- second or subsequent plans -----------------------------------------------------------------


def test_second_plan_is_flagged_on_the_child(client, social_worker, child, enquiry):
    earlier = plan_start(
        by=social_worker,
        person=child,
        kind="cp",
        start_date=datetime.date(2023, 1, 9),
        category="NEG",
    )
    plan_end(by=social_worker, plan=earlier, end_date=datetime.date(2023, 9, 4), reason="Done")
    hold_icpc(social_worker, enquiry, held_on=working_days_ago(10))
    statuses = [i.status for i in involvements([child.pk])[child.pk] if i.status]
    assert "Second or subsequent CP plan" in statuses
    client.force_login(social_worker)
    page = client.get(reverse("child_protection:child", args=[child.pk])).content.decode()
    assert "Second child protection plan: the child has had 1 before" in page


# -- fixed SQL ----------------------------------------------------------------------------------


def child_page_queries(client, child) -> int:
    url = reverse("child_protection:child", args=[child.pk])
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_child_page_queries_do_not_grow_with_history(
    client, social_worker, manager, iro, child, plan, django_assert_max_num_queries
):
    client.force_login(social_worker)
    hold_core_group(social_worker, plan, held_on=working_days_ago(8))
    make_visit(social_worker, child, working_days_ago(7))
    first = child_page_queries(client, child)
    # More history: core groups, visits, a review conference, another enquiry awaited.
    for n in (6, 5, 4):
        hold_core_group(social_worker, plan, held_on=working_days_ago(n))
        make_visit(social_worker, child, working_days_ago(n))
    hold_review(social_worker, plan, held_on=working_days_ago(3), chair=iro)
    convene(social_worker, make_section47(social_worker, manager, child, start=working_days_ago(2)))
    with django_assert_max_num_queries(first):
        page = client.get(reverse("child_protection:child", args=[child.pk]))
    assert page.status_code == 200
    assert first <= 25
