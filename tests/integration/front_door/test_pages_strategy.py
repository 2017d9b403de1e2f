"""The referral, strategy discussion and section 47 pages, through the test client (CP1–CP3)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.checks.registry import flags_for_person
from lantern.front_door.models import Action, Attendee, Referral, Section47, StrategyDiscussion
from lantern.front_door.services import strategy_schedule
from lantern.people.services import person_restrict
from lantern.timescales.engine import due_date
from tests.factories.front_door import decide, make_contact, record_strategy, screen

pytestmark = pytest.mark.django_db

# The record form's rows: Police, Health, Education, Children's social care, the referrer, then
# three blank ones.
ROWS = 8


@pytest.fixture
def worker(user_for):
    return user_for(Role.FRONT_DOOR)


@pytest.fixture
def iro(user_for):
    """Sees the front door's records but records nothing there."""
    return user_for(Role.IRO)


@pytest.fixture
def analyst(user_for):
    """Works with figures, not case records."""
    return user_for(Role.ANALYST)


@pytest.fixture
def discussion(worker, manager, child):
    """A strategy discussion decided by the front door, held half an hour ago, not recorded."""
    item = make_contact(worker, child).children.get()
    screen(worker, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    return StrategyDiscussion.objects.get(referral=decision.referral)


@pytest.fixture
def enquiry(worker, discussion):
    record_strategy(worker, discussion)
    return Section47.objects.get(strategy=discussion)


def record_data(attendees=(), actions=(), **fields):
    """The record form's POST data: `attendees` fill rows from the first (as dicts of field →
    value; booleans as "on"), and `actions` likewise. The prefilled agencies stay on the rows
    that are not given."""
    prefilled = ["police", "health", "education", "social_care", "referrer"]
    data = {
        "decision": "s47",
        "decision_reason": "Reasonable cause to suspect significant harm.",
        "immediate_protective_action": "no",
        "enquiry_plan": "Joint visit; paediatric assessment.",
    }
    data.update(fields)
    for i in range(ROWS):
        row = {"agency": prefilled[i] if i < len(prefilled) else "", "invited": "on"}
        if i < len(attendees):
            row.update(attendees[i])
        data.update({f"attendees-{i}-{k}": v for k, v in row.items()})
    for i, action in enumerate(actions):
        data.update({f"actions-{i}-{k}": v for k, v in action.items()})
    return data


WITHOUT_POLICE = [
    {"agency": "police"},  # left blank: police did not take part
    {"agency": "health", "name": "Kim Lee", "role": "Health visitor", "attended": "on"},
    {"agency": "education", "name": "Sam Patel", "attended": "on", "contribution": "Bruise seen"},
    {"agency": "social_care", "name": "Alex Reed", "attended": "on"},
]
TOMORROW = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
VISIT = {"action": "Joint visit to see Ellie alone", "owner": "Alex Reed", "due": TOMORROW}


def check_ids(person):
    return {c.id for c, _ in flags_for_person([person.pk], timezone.localdate())}


def counts():
    return (
        Attendee.objects.count(),
        Action.objects.count(),
        Section47.objects.count(),
        StrategyDiscussion.objects.filter(recorded_at__isnull=False).count(),
    )


# -- who may see what ---------------------------------------------------------------------------


def test_pages_render_for_a_front_door_worker(client, worker, discussion, enquiry):
    referral = discussion.referral
    unrecorded = strategy_schedule(
        by=worker,
        referral=referral,
        held_at=timezone.now() - datetime.timedelta(hours=1),
        reason="A second concern",
    )
    client.force_login(worker)
    urls = [
        reverse("front_door:strategy_list"),
        reverse("front_door:referral", args=[referral.pk]),
        reverse("front_door:strategy_new", args=[referral.pk]),
        reverse("front_door:strategy", args=[discussion.pk]),
        reverse("front_door:strategy_record", args=[unrecorded.pk]),
        reverse("front_door:section47", args=[enquiry.pk]),
        reverse("front_door:section47_seen", args=[enquiry.pk]),
        reverse("front_door:section47_outcome", args=[enquiry.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_record_form_starts_with_a_row_for_each_key_agency(client, worker, discussion):
    client.force_login(worker)
    response = client.get(reverse("front_door:strategy_record", args=[discussion.pk]))
    rows = response.context["attendees"].rows
    assert [r.initial.get("agency") for r in rows] == [
        "police",
        "health",
        "education",
        "social_care",
        "referrer",
        None,
        None,
        None,
    ]
    assert len(response.context["actions"].rows) == 6
    assert b"<legend" in response.content


def test_recording_pages_are_refused_without_strategy_record(client, iro, discussion, enquiry):
    client.force_login(iro)
    referral = discussion.referral
    assert client.get(reverse("front_door:strategy", args=[discussion.pk])).status_code == 200
    for url in [
        reverse("front_door:strategy_new", args=[referral.pk]),
        reverse("front_door:strategy_record", args=[discussion.pk]),
        reverse("front_door:section47_seen", args=[enquiry.pk]),
        reverse("front_door:section47_outcome", args=[enquiry.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    # The referral page offers no way to close it, and cannot be posted to.
    page = client.get(reverse("front_door:referral", args=[referral.pk]))
    assert reverse("closure:referral", args=[referral.pk]) not in page.content.decode()
    closing = client.post(
        reverse("front_door:referral", args=[referral.pk]),
        {"closure_date": timezone.localdate().isoformat(), "reason": "RC8"},
    )
    assert closing.status_code == 405
    assert Referral.objects.get(pk=referral.pk).is_open


def test_pages_are_refused_without_contact_view(client, analyst, discussion, enquiry):
    client.force_login(analyst)
    for url in [
        reverse("front_door:strategy_list"),
        reverse("front_door:referral", args=[discussion.referral_id]),
        reverse("front_door:strategy", args=[discussion.pk]),
        reverse("front_door:section47", args=[enquiry.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_restricted_child_needs_a_reason_first(client, worker, manager, user_for, discussion):
    person_restrict(by=manager, person=discussion.person, restricted=True, reason="Staff child")
    client.force_login(user_for(Role.FRONT_DOOR))
    response = client.get(reverse("front_door:strategy", args=[discussion.pk]))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[discussion.person_id])


# -- recording a strategy discussion ------------------------------------------------------------


def test_recorded_without_police_shows_the_absence_and_the_check_fires(client, worker, discussion):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data(WITHOUT_POLICE, [VISIT]),
    )
    enquiry = Section47.objects.get(strategy=discussion)
    assert response.status_code == 302
    assert response.url == reverse("front_door:section47", args=[enquiry.pk])
    discussion.refresh_from_db()
    assert discussion.is_recorded and discussion.decision == "s47"
    assert sorted(discussion.attendees.values_list("agency", flat=True)) == [
        "education",
        "health",
        "social_care",
    ]
    assert list(discussion.actions.values_list("action", "owner")) == [
        ("Joint visit to see Ellie alone", "Alex Reed")
    ]
    page = client.get(reverse("front_door:strategy", args=[discussion.pk]))
    assert "Not in the discussion: Police." in page.content.decode()
    assert "govuk-warning-text" in page.content.decode()
    assert "CP1-KEY-AGENCY-ABSENT" in check_ids(discussion.person)
    listing = client.get(reverse("front_door:strategy_list")).content.decode()
    assert "Police" in listing and discussion.person.full_name in listing


def test_protective_action_detail_is_kept(client, worker, discussion):
    client.force_login(worker)
    client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data(
            WITHOUT_POLICE,
            [VISIT],
            decision="no_s47",
            immediate_protective_action="yes",
            protective_action_detail="Dad agreed to stay with his brother",
        ),
    )
    discussion.refresh_from_db()
    assert discussion.immediate_protective_action is True
    assert discussion.protective_action_detail == "Dad agreed to stay with his brother"
    assert not Section47.objects.filter(strategy=discussion).exists()


def test_bad_record_shows_errors_saves_nothing_and_keeps_what_was_typed(client, worker, discussion):
    client.force_login(worker)
    before = counts()
    response = client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data(
            WITHOUT_POLICE,
            [VISIT, {"action": "Paediatric assessment", "due": TOMORROW}],
            decision="",
        ),
    )
    assert response.status_code == 200
    summary = [e["text"] for e in response.context["errors"]]
    assert "Select the decision" in summary
    assert "Enter who will do action 2" in summary
    html = response.content.decode()
    assert "govuk-error-summary" in html and "<title>Error: " in html
    assert 'href="#id_actions-1-owner"' in html
    # Everything typed comes back.
    assert 'value="Kim Lee"' in html and "Paediatric assessment" in html
    assert 'value="Alex Reed"' in html and "Bruise seen" in html
    assert counts() == before
    discussion.refresh_from_db()
    assert not discussion.is_recorded


def test_service_errors_about_rows_show_on_the_page(client, worker, discussion):
    """Nobody attended, and a section 47 needs at least one action: the service says so."""
    client.force_login(worker)
    before = counts()
    response = client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data([{"agency": "police", "name": "DS Jo Hall"}]),
    )
    assert response.status_code == 200
    summary = [e["text"] for e in response.context["errors"]]
    assert any("Plan the enquiry" in s for s in summary), summary
    assert 'href="#id_actions-0-action"' in response.content.decode()
    assert counts() == before


def test_protective_action_needs_its_detail(client, worker, discussion):
    client.force_login(worker)
    before = counts()
    response = client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data(WITHOUT_POLICE, [VISIT], immediate_protective_action="yes"),
    )
    assert "Describe the protective action taken" in [e["text"] for e in response.context["errors"]]
    assert counts() == before


def test_recorded_discussion_cannot_be_recorded_again(client, worker, discussion, enquiry):
    client.force_login(worker)
    response = client.get(reverse("front_door:strategy_record", args=[discussion.pk]))
    assert response.status_code == 302
    assert response.url == reverse("front_door:strategy", args=[discussion.pk])


# -- section 47 enquiries -----------------------------------------------------------------------


def test_section47_decision_starts_the_enquiry_and_its_page_shows_the_icpc_date(
    client, worker, discussion
):
    client.force_login(worker)
    client.post(
        reverse("front_door:strategy_record", args=[discussion.pk]),
        record_data(WITHOUT_POLICE, [VISIT]),
    )
    enquiry = Section47.objects.get(strategy=discussion)
    start = timezone.localdate(discussion.held_at)
    assert enquiry.start_date == start
    assert enquiry.plan == "Joint visit; paediatric assessment."
    page = client.get(reverse("front_door:section47", args=[enquiry.pk])).content.decode()
    assert f"Due by {due_date('icpc', start):%-d %B %Y}" in page
    assert "Joint visit to see Ellie alone" in page
    assert "govuk-tag" in page
    listing = client.get(reverse("front_door:strategy_list")).content.decode()
    assert f"{due_date('icpc', start):%-d %B %Y}" in listing


def test_child_seen_is_recorded(client, worker, enquiry):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:section47_seen", args=[enquiry.pk]),
        {
            "seen_on": timezone.localdate().strftime("%d/%m/%Y"),
            "seen_by": "Alex Reed",
            "seen_alone": "yes",
        },
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.child_seen_by == "Alex Reed" and enquiry.child_seen_alone is True
    page = client.get(reverse("front_door:section47", args=[enquiry.pk])).content.decode()
    assert "by Alex Reed, alone" in page


def test_future_outcome_date_is_refused_and_nothing_saved(client, worker, enquiry):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:section47_outcome", args=[enquiry.pk]),
        {"outcome": "icpc", "outcome_date": TOMORROW, "reason": "Significant harm"},
    )
    assert response.status_code == 200
    assert "The date cannot be in the future" in [
        e["text"] for e in response.context["form"].error_summary()
    ]
    enquiry.refresh_from_db()
    assert enquiry.outcome == "" and enquiry.outcome_date is None


def test_outcome_is_recorded_and_shown(client, worker, enquiry):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:section47_outcome", args=[enquiry.pk]),
        {
            "outcome": "icpc",
            "outcome_date": timezone.localdate().strftime("%d/%m/%Y"),
            "reason": "Significant harm substantiated",
        },
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.outcome == "icpc"
    page = client.get(reverse("front_door:section47", args=[enquiry.pk])).content.decode()
    assert "Convene an initial child protection conference" in page
    assert "Record the outcome" not in page


# -- scheduling, and the referral ---------------------------------------------------------------


def test_scheduling_a_past_discussion_goes_on_to_record_it(client, worker, discussion):
    client.force_login(worker)
    earlier = timezone.localtime() - datetime.timedelta(minutes=10)
    response = client.post(
        reverse("front_door:strategy_new", args=[discussion.referral_id]),
        {
            "held_on": earlier.strftime("%d/%m/%Y"),
            "held_time": earlier.strftime("%H:%M"),
            "kind": "meeting",
            "reason": "Police have new information",
        },
    )
    new = StrategyDiscussion.objects.exclude(pk=discussion.pk).get()
    assert new.kind == "meeting" and new.reason == "Police have new information"
    assert response.url == reverse("front_door:strategy_record", args=[new.pk])


def test_scheduling_a_future_discussion_shows_it(client, worker, discussion):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:strategy_new", args=[discussion.referral_id]),
        {"held_on": TOMORROW, "held_time": "10:00", "kind": "discussion", "reason": "Follow-up"},
    )
    new = StrategyDiscussion.objects.exclude(pk=discussion.pk).get()
    assert response.url == reverse("front_door:strategy", args=[new.pk])
    page = client.get(response.url).content.decode()
    assert "Not held yet" in page and "Record this discussion" not in page


def test_scheduling_needs_a_reason_and_a_time(client, worker, discussion):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:strategy_new", args=[discussion.referral_id]),
        {"held_on": TOMORROW, "held_time": "25:00", "kind": "discussion", "reason": ""},
    )
    texts = [e["text"] for e in response.context["form"].error_summary()]
    assert texts == ["Enter a time like 14:30", "Say why a strategy discussion is needed"]
    assert StrategyDiscussion.objects.count() == 1


def test_referral_page_shows_the_decision_and_links_the_casework(client, social_worker, discussion):
    client.force_login(social_worker)
    referral_pk = discussion.referral_id
    url = reverse("front_door:referral", args=[referral_pk])
    page = client.get(url).content.decode()
    assert "Strategy discussion" in page
    assert "See Ellie at school today" in page  # the manager's direction
    assert "Schedule a strategy discussion" in page
    # Closing goes through a closure request and a manager's approval (lantern.closure).
    assert reverse("closure:referral", args=[referral_pk]) in page
    assert reverse("assessments:start", args=[referral_pk]) in page
    assert client.post(url, {"reason": "RC8"}).status_code == 405
    assert Referral.objects.get(pk=referral_pk).is_open


def test_list_shows_an_overdue_record(client, worker, manager, person_maker):
    week_ago = timezone.now() - datetime.timedelta(days=7)
    child = person_maker(first_name="Late")
    item = make_contact(worker, child, received_at=week_ago).children.get()
    screen(worker, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy", strategy_at=week_ago)
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    client.force_login(worker)
    page = client.get(reverse("front_door:strategy_list")).content.decode()
    assert "Record overdue since" in page
    assert "CP2-NOT-RECORDED" in check_ids(discussion.person)


def test_list_queries_do_not_grow_with_its_rows(client, worker, manager, person_maker):
    def one_more():
        item = make_contact(worker, person_maker()).children.get()
        screen(worker, item, recommendation="strategy", level=4)
        decision = decide(manager, item, outcome="strategy")
        discussion = StrategyDiscussion.objects.get(referral=decision.referral)
        record_strategy(worker, discussion)  # recorded, with an open enquiry
        strategy_schedule(  # and another still to record
            by=worker,
            referral=decision.referral,
            held_at=timezone.now() - datetime.timedelta(minutes=5),
            reason="Further concern",
        )

    client.force_login(worker)
    url = reverse("front_door:strategy_list")
    one_more()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    one_more()
    one_more()
    with CaptureQueriesContext(connection) as more:
        response = client.get(url)
    assert len(response.context["to_record"]) == 3
    assert len(response.context["open_enquiries"]) == 3
    assert len(more) == len(few)
