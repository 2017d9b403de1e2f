"""Asking to close a case or step it down to early help, and the manager's decision (FD8, CP6).

A worker asks with the CIN census reason for closure, the date and their reasoning about risk;
the checks run then and again when the manager decides. A manager approves (giving an override
reason when the checks found concerns) or returns the request to the worker. Approval closes the
referral (its CIN census closure date and reason) and ends the open child in need plan on the
closure date. No one can close a case while the child is on a child protection plan."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lantern.assessments.models import Assessment
from lantern.closure.concerns import Concern, closure_concerns, hard_refusals
from lantern.closure.models import STEP_DOWN_REASONS, ClosureRequest
from lantern.common.audit import audit
from lantern.front_door.codes import ReasonForClosure
from lantern.front_door.models import Referral
from lantern.front_door.services import referral_close
from lantern.front_door.services.common import check_text, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user
from lantern.plans.models import Plan
from lantern.plans.services import plan_end
from lantern.timescales.engine import load_rule_settings

AFTER_ASSESSMENT = (ReasonForClosure.RC8, ReasonForClosure.RC9)


def _d(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _assessments(referral: Referral):
    return Assessment.objects.filter(referral=referral)


def _open_cin_plan(referral: Referral) -> Plan | None:
    """The child's open child in need plan, when it belongs to this referral (or to none)."""
    return (
        Plan.objects.filter(
            person=referral.person, kind=Plan.Kind.CHILD_IN_NEED, end_date__isnull=True
        )
        .filter(Q(referral__isnull=True) | Q(referral=referral))
        .first()
    )


def _validate_closure(
    *,
    referral: Referral,
    kind: str,
    reason: str,
    closure_date: datetime.date | None,
    today: datetime.date,
) -> None:
    """The closure's own rules: a known kind and CIN census reason that fit together, and a
    date between the referral (and any CIN plan's start) and today."""
    errors: dict[str, str] = {}
    if kind not in ClosureRequest.Kind.values:
        errors["kind"] = "Select whether to close the case or step it down to early help"
    if reason not in ReasonForClosure.values:
        errors["reason"] = "Select the reason for closure"
    elif kind == ClosureRequest.Kind.STEP_DOWN and reason not in STEP_DOWN_REASONS:
        errors["reason"] = (
            "A step-down to early help is recorded as RC9 (closed after assessment, referred to "
            "early help) or RC7 (services ceased, for example after a plan)"
        )
    elif kind == ClosureRequest.Kind.CLOSURE and reason == ReasonForClosure.RC9:
        errors["reason"] = "RC9 means the child was referred to early help: choose a step-down"
    if closure_date is None:
        errors["closure_date"] = "Enter the closure date"
    elif closure_date > today:
        errors["closure_date"] = "The closure date cannot be in the future"
    elif closure_date < referral.referral_date:
        errors["closure_date"] = (
            f"The closure date cannot be before the referral on {_d(referral.referral_date)}"
        )
    if errors:
        raise ValidationError(errors)
    if reason in AFTER_ASSESSMENT and Plan.objects.filter(referral=referral).exists():
        raise ValidationError(
            {
                "reason": (
                    f"A plan was made on this referral, so it did not close straight after the "
                    f"assessment: {reason} does not fit. Choose RC7 (services ceased) or "
                    "another reason"
                )
            }
        )
    if reason == ReasonForClosure.RC9 and not _assessments(referral).exists():
        raise ValidationError(
            {
                "reason": (
                    "RC9 is for a case closed after an assessment, and this referral has none. "
                    "Choose RC7 for a step-down without an assessment"
                )
            }
        )
    plan = _open_cin_plan(referral)
    if plan is not None and closure_date <= plan.start_date:
        raise ValidationError(
            {
                "closure_date": (
                    "The closure date must be after the child in need plan started on "
                    f"{_d(plan.start_date)}"
                )
            }
        )


def _refuse_hard(concerns: list[Concern]) -> None:
    hard = hard_refusals(concerns)
    if hard:
        raise ValidationError([c.text for c in hard])


@transaction.atomic
def closure_request(
    *,
    by,
    referral: Referral,
    kind: str,
    reason: str,
    closure_date: datetime.date,
    rationale: str,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> ClosureRequest:
    """Ask a manager to close the referral, or step it down to early help. The checks' concerns
    are recorded with the request; a child on a child protection plan cannot be closed."""
    require_perm(by, "closure.request")
    today = today or timezone.localdate()
    referral = Referral.objects.select_for_update().select_related("person").get(pk=referral.pk)
    if referral.closure_date is not None:
        raise ValidationError("This referral is already closed")
    rationale = (rationale or "").strip()
    errors = {}
    try:
        _validate_closure(
            referral=referral, kind=kind, reason=reason, closure_date=closure_date, today=today
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if not rationale:
        errors["rationale"] = [
            "Explain why it is safe to close the case: what has changed for the child and what "
            "risk remains"
        ]
    if errors:
        raise ValidationError(errors)
    check_text(rationale=rationale)
    if ClosureRequest.objects.filter(
        referral=referral, status=ClosureRequest.Status.REQUESTED
    ).exists():
        raise ValidationError("A request to close this referral is already waiting for a manager")
    concerns = closure_concerns(referral=referral, closure_date=closure_date, reason=reason)
    _refuse_hard(concerns)
    request = ClosureRequest(
        referral=referral,
        person=referral.person,
        kind=kind,
        reason=reason,
        closure_date=closure_date,
        rationale=rationale,
        concerns=[c.as_dict() for c in concerns],
        requested_by=by_user(by),
        requested_at=now or timezone.now(),
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    request.full_clean()
    request.save()
    audit(
        by=by,
        action="closure.requested",
        target=request,
        person=referral.person,
        detail={
            "kind": kind,
            "reason": reason,
            "closure_date": closure_date,
            "concerns": [c.code for c in concerns],
        },
    )
    request.language_matches = language_scan(
        by=by,
        person=referral.person,
        source=request,
        texts={"rationale": rationale},
        label=request.title,
        url=request.get_absolute_url(),
    )
    return request


def _lock_waiting(request: ClosureRequest) -> ClosureRequest:
    request = (
        ClosureRequest.objects.select_for_update()
        .select_related("referral__person", "person")
        .get(pk=request.pk)
    )
    if request.status != ClosureRequest.Status.REQUESTED:
        raise ValidationError(
            f"This request has already been decided ({request.get_status_display().lower()})"
        )
    return request


@transaction.atomic
def closure_approve(
    *,
    by,
    request: ClosureRequest,
    comment: str,
    override_reason: str = "",
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> ClosureRequest:
    """The manager approves the closure or step-down. The checks run again: an open child
    protection plan refuses it outright, and any other concern refuses it unless the manager
    gives an override reason. Approval closes the referral and ends the open child in need
    plan on the closure date."""
    require_perm(by, "closure.approve")
    today = today or timezone.localdate()
    request = _lock_waiting(request)
    user = by_user(by)
    if user is not None and request.requested_by_id == user.pk:
        raise ValidationError("You asked for this closure, so another manager must approve it")
    referral = (
        Referral.objects.select_for_update().select_related("person").get(pk=request.referral_id)
    )
    if referral.closure_date is not None:
        raise ValidationError("This referral is already closed: return the request instead")
    comment, override_reason = (comment or "").strip(), (override_reason or "").strip()
    if not comment:
        raise ValidationError({"comment": "Enter your comments on the closure"})
    check_text(comment=comment, override_reason=override_reason)
    _validate_closure(
        referral=referral,
        kind=request.kind,
        reason=request.reason,
        closure_date=request.closure_date,
        today=today,
    )
    settings = load_rule_settings()
    concerns = closure_concerns(
        referral=referral,
        closure_date=request.closure_date,
        reason=request.reason,
        settings=settings,
    )
    _refuse_hard(concerns)
    if concerns and not override_reason:
        raise ValidationError(
            {
                "override_reason": [
                    "This closure cannot be approved without an override. Give your reason for "
                    "approving it despite the checks, or return it to the worker",
                    *(c.text for c in concerns),
                ]
            }
        )
    if override_reason and not concerns:
        override_reason = ""  # nothing to override: the checks found no concerns
    request.status = ClosureRequest.Status.APPROVED
    request.decided_by, request.decided_at = user, now or timezone.now()
    request.manager_comment, request.override_reason = comment, override_reason
    request.decision_concerns = [c.as_dict() for c in concerns]
    request.updated_by = user
    request.full_clean()
    request.save()

    nfa = request.reason == ReasonForClosure.RC8 and not _assessments(referral).exists()
    referral_close(
        by=by,
        referral=referral,
        closure_date=request.closure_date,
        reason=request.reason,
        nfa=nfa,
        chronology=False,  # the approval's own entry below says it all
    )
    label = ReasonForClosure(request.reason).label
    plan = _open_cin_plan(referral)
    if plan is not None:
        ended = "Stepped down to early help" if request.is_step_down else "Case closed"
        plan_end(by=by, plan=plan, end_date=request.closure_date, reason=f"{ended}: {label}")
    what = "Stepped down to early help" if request.is_step_down else "Case closed"
    how = "approved with an override of the checks" if override_reason else "approved"
    chronology_record(
        person=referral.person,
        kind="closure",
        summary=f"{what} ({request.reason}: {label}), {how} by {user or 'Lantern'}",
        occurred_on=request.closure_date,
        by=by,
        source=request,
    )
    audit(
        by=by,
        action="closure.approved",
        target=request,
        person=referral.person,
        reason=override_reason,
        detail={
            "concerns": [c.code for c in concerns],
            "overridden": bool(override_reason),
            "nfa": nfa,
        },
    )
    request.language_matches = language_scan(
        by=by,
        person=referral.person,
        source=request,
        texts={"manager_comment": comment, "override_reason": override_reason},
        label=request.title,
        url=request.get_absolute_url(),
    )
    return request


@transaction.atomic
def closure_return(*, by, request: ClosureRequest, comment: str) -> ClosureRequest:
    """The manager returns the request to the worker, saying what needs doing first. The case
    stays open; the worker asks again with a new request."""
    require_perm(by, "closure.approve")
    request = _lock_waiting(request)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            {"comment": "Say what the worker needs to do before the case can close"}
        )
    check_text(comment=comment)
    user = by_user(by)
    concerns = closure_concerns(
        referral=request.referral, closure_date=request.closure_date, reason=request.reason
    )
    request.status = ClosureRequest.Status.RETURNED
    request.decided_by, request.decided_at = user, timezone.now()
    request.manager_comment = comment
    request.decision_concerns = [c.as_dict() for c in concerns]
    request.updated_by = user
    request.full_clean()
    request.save()
    audit(
        by=by,
        action="closure.returned",
        target=request,
        person=request.person,
        reason=comment,
        detail={"concerns": [c.code for c in concerns]},
    )
    request.language_matches = language_scan(
        by=by,
        person=request.person,
        source=request,
        texts={"manager_comment": comment},
        label=request.title,
        url=request.get_absolute_url(),
    )
    return request
