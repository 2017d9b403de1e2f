"""The closure pages through the test client: each renders for the roles that may use it, bad
input shows the error summary and saves nothing, and other roles get a 404."""

import datetime

import pytest
from django.urls import reverse

from lantern.accounts.roles import Role
from lantern.closure.models import ClosureRequest
from lantern.front_door.models import Referral
from lantern.people.models import RecordView
from lantern.people.services import person_restrict
from tests.factories.closure import (
    RATIONALE,
    REFERRED,
    make_referral,
    plan_with_action,
    request_closure,
)

pytestmark = pytest.mark.django_db
CLOSING = REFERRED + datetime.timedelta(days=120)


@pytest.fixture
def re_referred(social_worker, child, referral):
    """The child was referred 60 days before this referral: a re-referral."""
    make_referral(social_worker, child, REFERRED - datetime.timedelta(days=60))
    return referral


@pytest.fixture
def waiting(social_worker, re_referred):
    return request_closure(social_worker, re_referred)


def request_data(**fields):
    data = {
        "kind": "closure",
        "reason": "RC7",
        "closure_date": CLOSING.strftime("%d/%m/%Y"),
        "rationale": RATIONALE,
    }
    data.update(fields)
    return data


# -- asking ----------------------------------------------------------------------------------------


def test_referral_page_shows_the_concerns_and_the_form(client, social_worker, re_referred):
    client.force_login(social_worker)
    response = client.get(reverse("closure:referral", args=[re_referred.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Re-referral: Amelia Hargreaves was referred before" in html
    assert 'name="rationale"' in html and "data-language-check" in html
    assert RecordView.objects.filter(user=social_worker, person=re_referred.person).exists()


def test_asking_saves_the_request_and_shows_it(client, social_worker, re_referred):
    client.force_login(social_worker)
    response = client.post(reverse("closure:referral", args=[re_referred.pk]), request_data())
    closure = ClosureRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "closure:request", args=[closure.pk]
    )
    page = client.get(response.url).content.decode()
    assert "sent to a manager to approve" in page
    assert "Re-referral within 12 months" in page and "Waiting for a manager" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"rationale": ""}, "Explain why it is safe to close the case"),
        ({"closure_date": "31/02/2025"}, "Enter the closure date as a real date"),
        ({"kind": "step_down", "reason": "RC8"}, "A step-down to early help is recorded as RC9"),
        ({"reason": ""}, "Select the reason for closure"),
    ],
)
def test_bad_input_shows_the_error_summary_and_saves_nothing(
    client, social_worker, referral, fields, message
):
    client.force_login(social_worker)
    response = client.post(reverse("closure:referral", args=[referral.pk]), request_data(**fields))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and message in html
    assert RATIONALE in html or fields.get("rationale") == ""  # what was typed is kept
    assert not ClosureRequest.objects.exists()


def test_a_cp_plan_hides_the_form(client, social_worker, referral):
    plan_with_action(social_worker, referral, kind="cp", category="NEG")
    client.force_login(social_worker)
    html = client.get(reverse("closure:referral", args=[referral.pk])).content.decode()
    assert "cannot be closed or stepped down while the child is on a child protection plan" in html
    assert 'name="rationale"' not in html
    response = client.post(reverse("closure:referral", args=[referral.pk]), request_data())
    assert "child protection plan is open" in response.content.decode()
    assert not ClosureRequest.objects.exists()


def test_a_waiting_request_replaces_the_form(client, social_worker, waiting):
    client.force_login(social_worker)
    url = reverse("closure:referral", args=[waiting.referral_id])
    html = client.get(url).content.decode()
    assert "is waiting for a manager" in html and 'name="rationale"' not in html
    assert client.post(url, request_data()).status_code == 404


@pytest.mark.parametrize("role", [Role.IRO, Role.AUDITOR, Role.ANALYST, Role.PARTNER])
def test_roles_that_cannot_ask_get_404(client, user_for, referral, role):
    client.force_login(user_for(role))
    assert client.get(reverse("closure:referral", args=[referral.pk])).status_code == 404


def test_restricted_child_needs_a_reason_first(client, social_worker, manager, waiting):
    person_restrict(by=manager, person=waiting.person, restricted=True, reason="Staff child")
    client.force_login(social_worker)
    for url in (
        reverse("closure:referral", args=[waiting.referral_id]),
        reverse("closure:request", args=[waiting.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("people:break_glass", args=[waiting.person_id])


# -- the request and the decision -----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.AUDITOR, Role.HEAD_OF_SERVICE])
def test_request_page_renders_for_casework_roles(client, user_for, waiting, role):
    client.force_login(user_for(role))
    response = client.get(reverse("closure:request", args=[waiting.pk]))
    assert response.status_code == 200
    assert "Re-referral:" in response.content.decode()


def test_request_page_404_for_analysts(client, user_for, waiting):
    client.force_login(user_for(Role.ANALYST))
    assert client.get(reverse("closure:request", args=[waiting.pk])).status_code == 404


def test_decide_page_asks_for_an_override_when_concerns_exist(client, manager, waiting):
    client.force_login(manager)
    html = client.get(reverse("closure:decide", args=[waiting.pk])).content.decode()
    assert "What the checks find now" in html and "Re-referral:" in html
    assert 'name="override_reason"' in html and 'value="approve"' in html


def test_decide_page_has_no_override_without_concerns(client, social_worker, manager, referral):
    closure = request_closure(social_worker, referral)
    client.force_login(manager)
    html = client.get(reverse("closure:decide", args=[closure.pk])).content.decode()
    assert 'name="override_reason"' not in html and "The checks find no concerns." in html


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.AUDITOR])
def test_decide_page_404_without_approval_permission(client, user_for, waiting, role):
    client.force_login(user_for(role))
    assert client.get(reverse("closure:decide", args=[waiting.pk])).status_code == 404
    assert client.post(reverse("closure:decide", args=[waiting.pk]), {}).status_code == 404


def test_approving_without_an_override_is_refused_with_the_re_referral(client, manager, waiting):
    client.force_login(manager)
    response = client.post(
        reverse("closure:decide", args=[waiting.pk]),
        {"decision": "approve", "comment": "Agreed.", "override_reason": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html
    assert "cannot be approved without an override" in html
    assert "Re-referral: Amelia Hargreaves was referred before" in html
    assert ClosureRequest.objects.get(pk=waiting.pk).is_waiting
    assert Referral.objects.get(pk=waiting.referral_id).is_open


def test_approving_with_an_override_closes_the_referral(client, manager, waiting):
    client.force_login(manager)
    response = client.post(
        reverse("closure:decide", args=[waiting.pk]),
        {
            "decision": "approve",
            "comment": "Agreed.",
            "override_reason": "The earlier referral was about a cousin of the same name.",
        },
    )
    assert response.status_code == 302
    assert not Referral.objects.get(pk=waiting.referral_id).is_open
    html = client.get(response.url).content.decode()
    assert "Closure approved: the referral is closed" in html
    assert "The earlier referral was about a cousin of the same name." in html
    overrides = client.get(reverse("closure:overrides")).content.decode()
    assert "The earlier referral was about a cousin of the same name." in overrides
    assert "Re-referral: Amelia Hargreaves" in overrides


def test_returning_needs_a_comment(client, manager, waiting):
    client.force_login(manager)
    url = reverse("closure:decide", args=[waiting.pk])
    response = client.post(url, {"decision": "return", "comment": ""})
    assert "Say what the worker needs to do" in response.content.decode()
    assert ClosureRequest.objects.get(pk=waiting.pk).is_waiting
    response = client.post(url, {"decision": "return", "comment": "Visit once more."})
    assert response.status_code == 302
    assert ClosureRequest.objects.get(pk=waiting.pk).status == "returned"
    # Decided: the decide page sends the manager back to the request.
    assert client.get(url).status_code == 302


def test_decision_must_be_chosen(client, manager, waiting):
    client.force_login(manager)
    response = client.post(reverse("closure:decide", args=[waiting.pk]), {"comment": "x"})
    assert "Select whether to approve the closure or return it" in response.content.decode()


def test_own_request_offers_only_return(client, manager, referral):
    closure = request_closure(manager, referral)
    client.force_login(manager)
    html = client.get(reverse("closure:decide", args=[closure.pk])).content.decode()
    assert "another manager must approve it" in html and 'value="approve"' not in html


# -- the managers' lists --------------------------------------------------------------------


def test_queue_lists_waiting_requests_for_managers(client, manager, waiting):
    client.force_login(manager)
    html = client.get(reverse("closure:queue")).content.decode()
    assert "Amelia Hargreaves" in html and reverse("closure:decide", args=[waiting.pk]) in html
    assert "Re-referral within 12 months" in html


@pytest.mark.parametrize("name", ["closure:queue", "closure:overrides"])
@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.AUDITOR, Role.ANALYST])
def test_lists_404_for_roles_that_cannot_approve(client, user_for, name, role):
    client.force_login(user_for(role))
    assert client.get(reverse(name)).status_code == 404


def test_lists_render_empty_for_a_head_of_service(client, user_for):
    client.force_login(user_for(Role.HEAD_OF_SERVICE))
    assert (
        "No closures or step-downs are waiting"
        in client.get(reverse("closure:queue")).content.decode()
    )
    assert (
        "No closures have been approved with an override"
        in client.get(reverse("closure:overrides")).content.decode()
    )
