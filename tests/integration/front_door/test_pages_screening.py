"""Screening pages: the queue by time left, the screening page with the child's and family's
history (FD7, FD9), its steps, more time (FD6) and the manager's decision (FD5, FD8)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lantern.accounts.roles import Role
from lantern.front_door.models import (
    ContactChild,
    Decision,
    InformationRequest,
    PartnerCheck,
    Screening,
    Threshold,
)
from lantern.front_door.services import history_summary_record, information_request
from lantern.people.services import relationship_add
from tests.factories.front_door import decide, make_contact, screen

pytestmark = pytest.mark.django_db

SUMMARY = "Two earlier contacts from school about bruising; one referral last spring, closed."


@pytest.fixture
def worker(user_for):
    return user_for(Role.FRONT_DOOR)


def screen_url(item):
    return reverse("front_door:screen", args=[item.pk])


def item_of(contact, person=None):
    items = contact.children.all()
    return items.get(person=person) if person else items.get()


def summarise(worker, item):
    return history_summary_record(
        by=worker, contact_child=item, summary=SUMMARY, shown=[], re_referral=False
    )


# -- the queue ----------------------------------------------------------------------------------


def test_queue_lists_open_children_by_time_left(client, worker, manager, person_maker):
    now = timezone.now()
    late = person_maker(first_name="Late")
    soon = person_maker(first_name="Soon")
    fresh = person_maker(first_name="Fresh")
    decided = person_maker(first_name="Decided")
    make_contact(worker, fresh, received_at=now - datetime.timedelta(minutes=10))
    make_contact(worker, late, received_at=now - datetime.timedelta(days=5))
    make_contact(worker, soon, received_at=now - datetime.timedelta(hours=6))
    done = item_of(make_contact(worker, decided))
    screen(worker, done, recommendation="nfa", level=1)
    decide(manager, done, outcome="nfa", override_reason="Known to be safe")
    client.force_login(worker)
    html = client.get(reverse("front_door:queue")).content.decode()
    assert "Decided Testperson" not in html
    positions = [html.index(f"{name} Testperson") for name in ("Late", "Soon", "Fresh")]
    assert positions == sorted(positions)
    assert "Overdue by" in html
    assert reverse("front_door:contact_new") in html  # the worker may record a contact
    assert "More time requested" not in html  # only managers answer requests


def test_queue_shows_managers_the_requests_for_more_time(client, worker, manager, child):
    item = item_of(make_contact(worker, child))
    request = information_request(
        by=worker,
        contact_child=item,
        reason="Waiting for the GP to call back",
        proposed_due_at=item.decision_due_at + datetime.timedelta(days=1),
    )
    client.force_login(worker)
    assert (
        "More time waiting for a manager"
        in client.get(reverse("front_door:queue")).content.decode()
    )
    client.force_login(manager)
    html = client.get(reverse("front_door:queue")).content.decode()
    assert "More time requested" in html
    assert "Waiting for the GP to call back" in html
    assert reverse("front_door:information_answer", args=[request.pk]) in html


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ANALYST, Role.ADMINISTRATOR])
def test_queue_and_screening_are_refused_without_contact_view(
    client, user_for, worker, child, role
):
    item = item_of(make_contact(worker, child))
    client.force_login(user_for(role))
    assert client.get(reverse("front_door:queue")).status_code == 404
    assert client.get(screen_url(item)).status_code == 404
    assert client.get(reverse("front_door:decide", args=[item.pk])).status_code == 404


# -- the screening page: history without being asked --------------------------------------------


@pytest.fixture
def known_family(person_maker, worker, manager):
    """A child referred three months ago, and a brother with an earlier contact of his own."""
    mother = person_maker(first_name="Karen", last_name="Family", date_of_birth=None)
    child = person_maker(first_name="Ellie", last_name="Family")
    brother = person_maker(
        first_name="Tom", last_name="Family", date_of_birth=datetime.date(2012, 1, 1)
    )
    for kid in (child, brother):
        relationship_add(by=worker, person=mother, other=kid, type="parent")
    earlier = item_of(
        make_contact(worker, child, received_at=timezone.now() - datetime.timedelta(days=90))
    )
    screen(worker, earlier)
    decide(manager, earlier, outcome="assessment")
    make_contact(
        worker, brother, received_at=timezone.now() - datetime.timedelta(days=200), source="6"
    )
    now = item_of(make_contact(worker, child))
    return {"child": child, "brother": brother, "item": now}


def test_screening_page_shows_earlier_referral_sibling_history_and_re_referral(
    client, worker, known_family
):
    client.force_login(worker)
    response = client.get(screen_url(known_family["item"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Re-referral" in html
    assert "within 12 months of this contact" in html
    assert "Referral (Abuse or neglect)" in html  # the child's earlier referral
    assert "Tom Family" in html and "(sibling)" in html
    assert "Contact from Police" in html  # the brother's own earlier contact
    assert "Ellie told her teacher" in html  # the concern
    assert "Decision clock" in html


def test_history_summary_comes_before_the_screening(client, worker, known_family):
    item = known_family["item"]
    client.force_login(worker)
    html = client.get(screen_url(item)).content.decode()
    assert reverse("front_door:history_summary", args=[item.pk]) in html
    assert reverse("front_door:screening_record", args=[item.pk]) not in html
    assert "Write the history summary first" in html

    # The screening is refused without a summary, even when posted directly.
    level = Threshold.objects.get(level=3)
    refused = client.post(
        reverse("front_door:screening_record", args=[item.pk]),
        {
            "threshold": level.pk,
            "threshold_rationale": "Physical harm disclosed",
            "recommendation": "assessment",
            "recommendation_rationale": "Needs assessment",
        },
    )
    assert refused.status_code == 200
    assert "Write the history summary before recording the screening" in refused.content.decode()
    item.refresh_from_db()
    assert item.status == ContactChild.Status.AWAITING

    # A thin summary is refused, and what was typed is kept.
    thin = client.post(reverse("front_door:history_summary", args=[item.pk]), {"summary": "None"})
    assert thin.status_code == 200
    assert "at least 20 characters" in thin.content.decode()
    assert not Screening.objects.filter(contact_child=item).exists()

    saved = client.post(reverse("front_door:history_summary", args=[item.pk]), {"summary": SUMMARY})
    assert saved.status_code == 302
    screening = Screening.objects.get(contact_child=item)
    assert screening.history_summary == SUMMARY
    assert screening.re_referral is True
    assert [p["name"] for p in screening.history_shown][:1] == ["Ellie Family"]
    assert any(p["name"] == "Tom Family" for p in screening.history_shown)

    html = client.get(screen_url(item)).content.decode()
    assert reverse("front_door:screening_record", args=[item.pk]) in html
    assert escape(level.descriptor.splitlines()[0][:30]) in html  # descriptors as hints
    assert f"Level 3: {escape(level.name)}" in html
    recorded = client.post(
        reverse("front_door:screening_record", args=[item.pk]),
        {
            "threshold": level.pk,
            "threshold_rationale": "Physical harm disclosed",
            "recommendation": "assessment",
            "recommendation_rationale": "Needs assessment",
        },
    )
    assert recorded.status_code == 302
    item.refresh_from_db()
    assert item.status == ContactChild.Status.SCREENED


def test_screening_form_errors_are_shown_and_nothing_saved(client, worker, child):
    item = item_of(make_contact(worker, child))
    summarise(worker, item)
    client.force_login(worker)
    response = client.post(
        reverse("front_door:screening_record", args=[item.pk]),
        {"threshold_rationale": "Because", "recommendation_rationale": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select the level of need" in html
    assert "Explain your recommendation" in html
    assert 'href="#screening_threshold"' in html
    item.refresh_from_db()
    assert item.status == ContactChild.Status.AWAITING


def test_screening_page_query_count_does_not_grow_with_history(
    client, worker, manager, person_maker
):
    def child_with_history(name, earlier):
        child = person_maker(first_name=name)
        sibling = person_maker(first_name=f"{name}sib")
        relationship_add(by=worker, person=child, other=sibling, type="sibling")
        for n in range(earlier):
            made = make_contact(
                worker, child, received_at=timezone.now() - datetime.timedelta(days=30 + n)
            )
            if n % 3 == 0:
                screen(worker, item_of(made))
                decide(manager, item_of(made), outcome="assessment")
        make_contact(worker, sibling, received_at=timezone.now() - datetime.timedelta(days=5))
        return item_of(make_contact(worker, child))

    small, big = child_with_history("Small", 2), child_with_history("Big", 10)
    client.force_login(worker)
    counts = []
    for item in (small, big):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(screen_url(item))
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


# -- partner checks and more time ---------------------------------------------------------------


def test_partner_check_is_recorded_and_fd10_flagged(client, worker, child):
    item = item_of(make_contact(worker, child))
    client.force_login(worker)
    url = reverse("front_door:partner_check", args=[item.pk])
    page = client.get(url).content.decode()
    assert "flagged for managers" in page
    response = client.post(
        url,
        {
            "agency": "3A",
            "organisation": "Freeman Street Surgery",
            "checked_on": timezone.localdate().strftime("%d/%m/%Y"),
            "learned": "Seen last week with a bruise; explained as a fall.",
            "asked_to_speak_to_child": "on",
        },
    )
    assert response.status_code == 302
    check = PartnerCheck.objects.get()
    assert check.asked_to_speak_to_child and check.organisation == "Freeman Street Surgery"
    html = client.get(screen_url(item)).content.decode()
    assert "Seen last week with a bruise" in html
    assert "Partner asked to speak to the child (FD10)" in html


def test_partner_check_errors_keep_values(client, worker, child):
    item = item_of(make_contact(worker, child))
    client.force_login(worker)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        reverse("front_door:partner_check", args=[item.pk]),
        {"agency": "3A", "organisation": "Surgery X", "checked_on": tomorrow, "learned": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter what the agency told you" in html
    assert 'value="Surgery X"' in html
    assert not PartnerCheck.objects.exists()


def test_worker_asks_for_more_time_and_a_manager_agrees(client, worker, manager, child):
    item = item_of(make_contact(worker, child))
    client.force_login(worker)
    url = reverse("front_door:more_information", args=[item.pk])
    assert "A manager must agree the new time" in client.get(url).content.decode()
    new_due = timezone.localtime() + datetime.timedelta(days=3)
    response = client.post(
        url,
        {
            "reason": "Waiting for police checks",
            "due_date": new_due.strftime("%d/%m/%Y"),
            "due_time": new_due.strftime("%H:%M"),
        },
    )
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.pending
    item.refresh_from_db()
    assert item.status == ContactChild.Status.AWAITING  # the clock still runs

    answer_url = reverse("front_door:information_answer", args=[request.pk])
    client.force_login(worker)
    assert client.get(answer_url).status_code == 404
    client.force_login(manager)
    declined = client.post(answer_url, {"answer": "decline", "reason": ""})
    assert "Explain why the decision cannot wait" in declined.content.decode()
    agreed = client.post(answer_url, {"answer": "agree"})
    assert agreed.status_code == 302
    item.refresh_from_db()
    assert item.status == ContactChild.Status.MORE_INFORMATION
    assert item.decision_due_at == request.proposed_due_at.replace(second=0, microsecond=0)
    assert "Agreed" in client.get(answer_url).content.decode()  # answered: no form now


# -- the manager's decision ---------------------------------------------------------------------


def decision_data(**overrides):
    data = {
        "outcome": "nfa",
        "rationale": "Mum has left the relationship; school will monitor.",
        "direction": "School to tell us of any further concern.",
        "direction_owner": "Weelsby Academy DSL",
        "direction_due": (timezone.localdate() + datetime.timedelta(days=7)).strftime("%d/%m/%Y"),
        "primary_need": "",
        "strategy_date": "",
        "strategy_time": "",
    }
    data.update(overrides)
    return data


def test_decision_page_needs_an_override_to_close_with_concerns(client, worker, manager, child):
    item = item_of(make_contact(worker, child))  # physical abuse and domestic abuse: FD8
    screen(worker, item, recommendation="nfa", level=2)
    url = reverse("front_door:decide", args=[item.pk])
    client.force_login(manager)
    assert url in client.get(screen_url(item)).content.decode()  # "Make the decision"
    page = client.get(url).content.decode()
    assert "these concerns apply" in page
    assert "Risk factors not yet assessed" in page
    assert "No further action" in page  # the worker's recommendation is shown

    refused = client.post(url, decision_data())
    assert refused.status_code == 200
    assert "give your reason for deciding it anyway" in refused.content.decode()
    assert 'value="Weelsby Academy DSL"' in refused.content.decode()
    assert not Decision.objects.exists()

    done = client.post(url, decision_data(override_reason="Perpetrator in custody; mum engaged."))
    assert done.status_code == 302
    decision = Decision.objects.get()
    assert decision.outcome == "nfa"
    assert decision.override_reason == "Perpetrator in custody; mum engaged."
    assert decision.concerns

    html = client.get(screen_url(item)).content.decode()
    assert "Perpetrator in custody" in html
    assert "<form" not in html.split('id="main-content"')[1]  # decided: no forms
    assert client.get(url).status_code == 302


def test_decision_for_a_strategy_discussion_needs_its_date_and_primary_need(
    client, worker, manager, child
):
    item = item_of(make_contact(worker, child))
    screen(worker, item, recommendation="strategy", level=4)
    client.force_login(manager)
    url = reverse("front_door:decide", args=[item.pk])
    refused = client.post(url, decision_data(outcome="strategy"))
    html = refused.content.decode()
    assert "Enter the date of the strategy discussion" in html
    assert "Select the child&#x27;s primary need" in html
    assert not Decision.objects.exists()
    soon = timezone.localtime() + datetime.timedelta(hours=1)
    done = client.post(
        url,
        decision_data(
            outcome="strategy",
            primary_need="N1",
            strategy_date=soon.strftime("%d/%m/%Y"),
            strategy_time=soon.strftime("%H:%M"),
        ),
    )
    assert done.status_code == 302
    assert Decision.objects.get().referral.primary_need == "N1"


def test_decision_waits_for_the_screening(client, worker, manager, child):
    item = item_of(make_contact(worker, child))
    client.force_login(manager)
    response = client.get(reverse("front_door:decide", args=[item.pk]))
    assert response.status_code == 302
    assert response.url == screen_url(item)


def test_decision_is_refused_to_a_worker(client, worker, child):
    item = item_of(make_contact(worker, child))
    screen(worker, item)
    client.force_login(worker)
    assert client.get(reverse("front_door:decide", args=[item.pk])).status_code == 404
    html = client.get(screen_url(item)).content.decode()
    assert reverse("front_door:decide", args=[item.pk]) not in html
