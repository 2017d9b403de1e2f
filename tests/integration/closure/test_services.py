"""Asking to close, the manager's approval (refused without an override while concerns stand,
never with an open CP plan) and return."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lantern.accounts.roles import Role
from lantern.closure.models import ClosureRequest
from lantern.closure.selectors import closures_overridden, closures_waiting
from lantern.closure.services import closure_approve, closure_request, closure_return
from lantern.common.models import AuditEvent
from lantern.front_door.models import Referral
from lantern.language.models import Finding
from lantern.people.models import ChronologyEntry
from lantern.plans.models import Plan
from tests.factories.closure import (
    RATIONALE,
    REFERRED,
    authorised_assessment,
    make_referral,
    open_assessment,
    plan_with_action,
    request_closure,
)

pytestmark = pytest.mark.django_db
CLOSING = REFERRED + datetime.timedelta(days=120)


# -- asking --------------------------------------------------------------------------------------


def test_request_records_the_concerns_and_an_audit_event(social_worker, child, referral):
    make_referral(social_worker, child, REFERRED - datetime.timedelta(days=60))
    request = request_closure(social_worker, referral)
    assert request.status == ClosureRequest.Status.REQUESTED
    assert request.requested_by == social_worker and request.person == child
    assert [c["code"] for c in request.concerns] == ["re_referral"]
    event = AuditEvent.objects.get(action="closure.requested")
    assert event.detail["concerns"] == ["re_referral"] and event.person == child
    assert Referral.objects.get(pk=referral.pk).is_open  # nothing closes until approved


def test_request_checks_the_rationale_language(social_worker, referral):
    request = request_closure(
        social_worker,
        referral,
        rationale="Mum has ended the relationship. The toxic trio is no longer present.",
    )
    assert [m.phrase for m in request.language_matches] == ["toxic trio"]
    finding = Finding.objects.get(field="rationale")
    assert finding.person == referral.person and finding.cleared_at is None


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"rationale": "  "}, "rationale", "Explain why it is safe to close the case"),
        ({"kind": "step_down", "reason": "RC8"}, "reason", "A step-down to early help is"),
        ({"kind": "closure", "reason": "RC9"}, "reason", "RC9 means the child was referred"),
        ({"reason": "RC10"}, "reason", "Select the reason for closure"),
        ({"kind": "transfer"}, "kind", "Select whether to close the case or step it down"),
        ({"closure_date": REFERRED - datetime.timedelta(days=1)}, "closure_date", "before the"),
        (
            {"closure_date": datetime.date.today() + datetime.timedelta(days=1)},
            "closure_date",
            "future",
        ),
        ({"kind": "step_down", "reason": "RC9"}, "reason", "this referral has none"),
    ],
)
def test_request_refuses_bad_combinations(social_worker, referral, kwargs, field, message):
    with pytest.raises(ValidationError) as error:
        request_closure(social_worker, referral, **kwargs)
    assert message in " ".join(error.value.message_dict[field])
    assert not ClosureRequest.objects.exists()


def test_rc8_does_not_fit_a_referral_that_led_to_a_plan(social_worker, referral):
    plan_with_action(social_worker, referral)
    with pytest.raises(ValidationError) as error:
        request_closure(social_worker, referral, reason="RC8")
    assert "A plan was made on this referral" in error.value.message_dict["reason"][0]


def test_rc9_step_down_after_an_assessment(social_worker, manager, referral):
    authorised_assessment(social_worker, manager, referral, factors=["5A"], outcome="step_down")
    request = request_closure(social_worker, referral, kind="step_down", reason="RC9")
    assert request.concerns == []


def test_closure_date_must_be_after_the_cin_plan_started(social_worker, referral):
    plan = plan_with_action(social_worker, referral)
    with pytest.raises(ValidationError) as error:
        request_closure(social_worker, referral, closure_date=plan.start_date)
    assert "after the child in need plan started" in error.value.message_dict["closure_date"][0]


def test_request_refused_outright_with_an_open_cp_plan(social_worker, referral):
    plan_with_action(social_worker, referral, kind="cp", category="NEG")
    with pytest.raises(ValidationError) as error:
        request_closure(social_worker, referral)
    assert "child protection plan is open" in error.value.messages[0]
    assert not ClosureRequest.objects.exists()


def test_one_waiting_request_per_referral(social_worker, referral):
    request_closure(social_worker, referral)
    with pytest.raises(ValidationError, match="already waiting for a manager"):
        request_closure(social_worker, referral)


def test_request_needs_the_permission(user_for, referral):
    with pytest.raises(ValidationError, match="permission"):
        request_closure(user_for(Role.IRO), referral)


def test_request_refused_on_a_closed_referral(social_worker, other_manager, referral):
    closure_approve(
        by=other_manager,
        request=request_closure(social_worker, referral),
        comment="Agreed.",
    )
    with pytest.raises(ValidationError, match="already closed"):
        request_closure(social_worker, referral)


# -- approving ------------------------------------------------------------------------------------


def test_approve_without_concerns_closes_the_referral_and_ends_the_cin_plan(
    social_worker, manager, referral
):
    plan = plan_with_action(social_worker, referral)  # no actions: nothing left to do
    request = request_closure(social_worker, referral, reason="RC7")
    approved = closure_approve(by=manager, request=request, comment="Agreed: needs met.")
    assert approved.status == ClosureRequest.Status.APPROVED
    assert approved.decided_by == manager and approved.override_reason == ""
    referral.refresh_from_db()
    assert (referral.closure_date, referral.closure_reason, referral.nfa) == (
        CLOSING,
        "RC7",
        False,
    )
    plan.refresh_from_db()
    assert plan.end_date == CLOSING and plan.end_reason.startswith("Case closed")
    entry = ChronologyEntry.objects.get(kind="closure")
    assert entry.occurred_on == CLOSING and "approved by" in entry.summary
    # One entry for the closure: the referral's own "Referral closed" line is not repeated.
    assert not ChronologyEntry.objects.filter(summary__startswith="Referral closed").exists()
    assert AuditEvent.objects.get(action="closure.approved").detail["overridden"] is False
    assert not closures_waiting(user=manager).exists()


def test_rc8_with_no_assessment_is_a_referral_nfa(social_worker, manager, referral):
    closure_approve(
        by=manager, request=request_closure(social_worker, referral, reason="RC8"), comment="NFA."
    )
    assert Referral.objects.get(pk=referral.pk).nfa is True


def test_rc8_after_an_assessment_is_not_a_referral_nfa(
    social_worker, manager, other_manager, referral
):
    authorised_assessment(social_worker, manager, referral, factors=["21"], outcome="nfa")
    request = request_closure(social_worker, referral, reason="RC8")
    closure_approve(by=other_manager, request=request, comment="Agreed.")
    assert Referral.objects.get(pk=referral.pk).nfa is False


def test_approve_refused_without_an_override_for_a_re_referral(
    social_worker, manager, child, referral
):
    make_referral(social_worker, child, REFERRED - datetime.timedelta(days=60))
    request = request_closure(social_worker, referral)
    with pytest.raises(ValidationError) as error:
        closure_approve(by=manager, request=request, comment="Agreed.")
    messages = error.value.message_dict["override_reason"]
    assert "cannot be approved without an override" in messages[0]
    assert messages[1].startswith("Re-referral:")
    request.refresh_from_db()
    assert request.status == ClosureRequest.Status.REQUESTED
    assert Referral.objects.get(pk=referral.pk).is_open


def test_approve_with_an_override_is_recorded_and_listed(social_worker, manager, child, referral):
    make_referral(social_worker, child, REFERRED - datetime.timedelta(days=60))
    request = request_closure(social_worker, referral)
    approved = closure_approve(
        by=manager,
        request=request,
        comment="Agreed.",
        override_reason="The earlier referral was about a different, resolved concern.",
    )
    assert approved.override_reason.startswith("The earlier referral")
    assert [c["code"] for c in approved.decision_concerns] == ["re_referral"]
    assert not Referral.objects.get(pk=referral.pk).is_open
    assert list(closures_overridden(user=manager)) == [approved]
    event = AuditEvent.objects.get(action="closure.approved")
    assert event.detail["overridden"] is True and event.reason == approved.override_reason
    assert "override" in ChronologyEntry.objects.get(kind="closure").summary


def test_approve_re_evaluates_the_concerns(social_worker, manager, referral):
    request = request_closure(social_worker, referral)
    assert request.concerns == []
    open_assessment(social_worker, referral)  # started after the worker asked
    with pytest.raises(ValidationError) as error:
        closure_approve(by=manager, request=request, comment="Agreed.")
    assert "has not been authorised" in error.value.message_dict["override_reason"][1]


def test_an_open_cp_plan_cannot_be_overridden(social_worker, manager, referral):
    request = request_closure(social_worker, referral)
    plan_with_action(social_worker, referral, kind="cp", category="PHY")
    with pytest.raises(ValidationError) as error:
        closure_approve(
            by=manager, request=request, comment="Agreed.", override_reason="I am sure."
        )
    assert "child protection plan is open" in error.value.messages[0]
    assert ClosureRequest.objects.get(pk=request.pk).is_waiting
    assert Plan.objects.get(kind="cp").is_open


def test_a_manager_cannot_approve_their_own_request(manager, other_manager, referral):
    request = request_closure(manager, referral)
    with pytest.raises(ValidationError, match="another manager must approve"):
        closure_approve(by=manager, request=request, comment="Agreed.")
    closure_approve(by=other_manager, request=request, comment="Agreed.")


def test_a_social_worker_cannot_approve(social_worker, referral):
    request = request_closure(social_worker, referral)
    with pytest.raises(ValidationError, match="permission"):
        closure_approve(by=social_worker, request=request, comment="Agreed.")


def test_approve_needs_a_comment_and_is_done_once(social_worker, manager, referral):
    request = request_closure(social_worker, referral)
    with pytest.raises(ValidationError) as error:
        closure_approve(by=manager, request=request, comment=" ")
    assert error.value.message_dict["comment"] == ["Enter your comments on the closure"]
    closure_approve(by=manager, request=request, comment="Agreed.")
    with pytest.raises(ValidationError, match="already been decided"):
        closure_approve(by=manager, request=request, comment="Again.")


def test_override_reason_without_concerns_is_not_kept(social_worker, manager, referral):
    request = request_closure(social_worker, referral)
    approved = closure_approve(
        by=manager, request=request, comment="Agreed.", override_reason="Just in case."
    )
    assert approved.override_reason == ""


def test_step_down_ends_the_cin_plan_as_a_step_down(social_worker, manager, referral):
    plan = plan_with_action(social_worker, referral)
    request = request_closure(social_worker, referral, kind="step_down", reason="RC7")
    closure_approve(by=manager, request=request, comment="Early help will take over.")
    plan.refresh_from_db()
    assert plan.end_reason.startswith("Stepped down to early help")
    assert ChronologyEntry.objects.get(kind="closure").summary.startswith(
        "Stepped down to early help (RC7"
    )


# -- returning ------------------------------------------------------------------------------------


def test_return_keeps_the_case_open_and_allows_a_new_request(social_worker, manager, referral):
    request = request_closure(social_worker, referral)
    with pytest.raises(ValidationError) as error:
        closure_return(by=manager, request=request, comment="")
    assert "Say what the worker needs to do" in error.value.message_dict["comment"][0]
    returned = closure_return(
        by=manager, request=request, comment="See Amelia alone once more before closing."
    )
    assert returned.status == ClosureRequest.Status.RETURNED
    assert returned.decided_by == manager
    assert Referral.objects.get(pk=referral.pk).is_open
    assert AuditEvent.objects.filter(action="closure.returned").exists()
    again = closure_request(
        by=social_worker,
        referral=referral,
        kind="closure",
        reason="RC7",
        closure_date=CLOSING,
        rationale=RATIONALE + " Seen alone on 1 July.",
    )
    assert again.is_waiting


def test_return_needs_the_permission(social_worker, referral):
    request = request_closure(social_worker, referral)
    with pytest.raises(ValidationError, match="permission"):
        closure_return(by=social_worker, request=request, comment="No.")


def test_a_head_of_service_can_approve_and_end_the_cin_plan(social_worker, user_for, referral):
    plan = plan_with_action(social_worker, referral)
    request = request_closure(social_worker, referral)
    closure_approve(by=user_for(Role.HEAD_OF_SERVICE), request=request, comment="Agreed.")
    plan.refresh_from_db()
    assert plan.end_date == CLOSING
    assert not Referral.objects.get(pk=referral.pk).is_open
