"""Closure and step-down pages (FD8, CP6).

Routes (mounted under /closure/):
  ''                          queue      closure.approve  requests waiting for a manager
  overrides/                  overrides  closure.approve  approvals made despite concerns
  referral/<referral_pk>/     referral   closure.request  ask to close or step down a referral
  <closure_pk>/               request    casework.view    one request, its concerns and decision
  <closure_pk>/decide/        decide     closure.approve  approve or return it
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.closure.concerns import Concern, closure_concerns, hard_refusals
from lantern.closure.forms import ClosureDecisionForm, ClosureRequestForm
from lantern.closure.models import ClosureRequest
from lantern.closure.selectors import (
    closure_get_for,
    closures_for_referral,
    closures_overridden,
    closures_waiting,
    referral_for_closure,
)
from lantern.closure.services import closure_approve, closure_request, closure_return
from lantern.language.messages import language_messages
from lantern.people.views.common import add_service_errors, log_record_view, open_or_break_glass
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import assess, load_rule_settings

PAGE_SIZE = 50


def concerns_of(rows: list[dict]) -> list[Concern]:
    return [Concern.from_dict(row) for row in rows or []]


def _decision_allowed(request, closure: ClosureRequest, concerns: list[Concern]) -> str:
    """Why this manager cannot approve ('' when they can)."""
    hard = hard_refusals(concerns)
    if hard:
        return "This closure cannot be approved: " + " ".join(c.text for c in hard)
    if closure.requested_by_id == request.user.pk:
        return "You asked for this closure, so another manager must approve it."
    return ""


# -- the managers' lists ------------------------------------------------------------------------


@requires("closure.approve")
def queue_view(request):
    today = timezone.localdate()
    calendar, settings = get_calendar(), load_rule_settings()
    waiting = closures_waiting(user=request.user)
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "closure": c,
            "due": assess(
                "closure_decision",
                timezone.localdate(c.requested_at),
                today=today,
                calendar=calendar,
                settings=settings,
            ),
            "concerns": concerns_of(c.concerns),
        }
        for c in page
    ]
    return render(request, "closure/queue.html", {"rows": rows, "page": page})


@requires("closure.approve")
def overrides_view(request):
    page = Paginator(closures_overridden(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [{"closure": c, "concerns": concerns_of(c.decision_concerns)} for c in page]
    return render(request, "closure/overrides.html", {"rows": rows, "page": page})


# -- asking ------------------------------------------------------------------------------------


@requires("closure.request")
def referral_view(request, referral_pk):
    referral, redirect_response = open_or_break_glass(request, referral_for_closure, pk=referral_pk)
    if redirect_response:
        return redirect_response
    if request.method == "GET":
        log_record_view(request, referral.person, via="closure")
    requests = list(closures_for_referral(referral))
    waiting = next((r for r in requests if r.is_waiting), None)
    form = None
    if referral.is_open and waiting is None:
        form = ClosureRequestForm(
            request.POST or None, initial={"closure_date": timezone.localdate()}
        )
    if request.method == "POST":
        if form is None:  # closed, or a request is already waiting
            raise Http404("Not found")
        if form.is_valid():
            d = form.cleaned_data
            try:
                closure = closure_request(
                    by=request.user,
                    referral=referral,
                    kind=d["kind"],
                    reason=d["reason"],
                    closure_date=d["closure_date"],
                    rationale=d["rationale"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                what = "step-down" if closure.is_step_down else "closure"
                messages.success(request, f"The {what} has been sent to a manager to approve")
                language_messages(request, getattr(closure, "language_matches", []))
                return redirect("closure:request", closure_pk=closure.pk)
    # What the checks would find if the case closed today (they run again on the date asked).
    concerns = (
        closure_concerns(referral=referral, closure_date=timezone.localdate())
        if referral.is_open
        else []
    )
    return render(
        request,
        "closure/referral.html",
        {
            "referral": referral,
            "person": referral.person,
            "form": form,
            "waiting": waiting,
            "requests": requests,
            "concerns": concerns,
            "hard": hard_refusals(concerns),
        },
    )


# -- one request --------------------------------------------------------------------------------


@requires("casework.view")
def request_view(request, closure_pk):
    closure, redirect_response = open_or_break_glass(request, closure_get_for, pk=closure_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, closure.person, via="closure")
    return render(
        request,
        "closure/request.html",
        {
            "closure": closure,
            "person": closure.person,
            "concerns": concerns_of(closure.concerns),
            "decision_concerns": concerns_of(closure.decision_concerns),
            "can_decide": closure.is_waiting and has_perm(request.user, "closure.approve"),
        },
    )


@requires("closure.approve")
def decide_view(request, closure_pk):
    closure, redirect_response = open_or_break_glass(
        request, closure_get_for, pk=closure_pk, permission="closure.approve"
    )
    if redirect_response:
        return redirect_response
    if not closure.is_waiting:
        messages.info(request, "This request has already been decided")
        return redirect("closure:request", closure_pk=closure.pk)
    if request.method == "GET":
        log_record_view(request, closure.person, via="closure")
    # The checks again, as they stand now: the decision is made on these.
    concerns = closure_concerns(
        referral=closure.referral, closure_date=closure.closure_date, reason=closure.reason
    )
    refusal = _decision_allowed(request, closure, concerns)
    form = ClosureDecisionForm(
        request.POST or None, can_approve=not refusal, with_override=bool(concerns)
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if d["decision"] == ClosureDecisionForm.APPROVE:
                done = closure_approve(
                    by=request.user,
                    request=closure,
                    comment=d["comment"],
                    override_reason=d.get("override_reason", ""),
                )
                message = (
                    "Step-down approved: the referral is closed"
                    if done.is_step_down
                    else "Closure approved: the referral is closed"
                )
            else:
                done = closure_return(by=request.user, request=closure, comment=d["comment"])
                message = "The request has been returned to the worker"
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, message)
            language_messages(request, getattr(done, "language_matches", []))
            return redirect("closure:request", closure_pk=closure.pk)
    return render(
        request,
        "closure/decide.html",
        {
            "closure": closure,
            "person": closure.person,
            "form": form,
            "concerns": concerns,
            "refusal": refusal,
            "asked_concerns": concerns_of(closure.concerns),
        },
    )
