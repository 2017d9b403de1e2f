"""The child's assessments, starting one from a referral, the assessment page and its versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.assessments.forms import AssessmentStartForm, CompareForm
from lantern.assessments.models import Assessment
from lantern.assessments.presenters import assessment_timescale, status_tag
from lantern.assessments.selectors import (
    assessment_get_for,
    assessments_of,
    child_get_for,
    referral_get_for,
)
from lantern.assessments.services import assessment_start
from lantern.assessments.versions import assessment_versions, compare
from lantern.assessments.views.common import assessment_context
from lantern.front_door.models import Referral
from lantern.people.selectors import record_ids
from lantern.people.views.common import log_record_view, open_or_break_glass
from lantern.timescales.calendar import get_calendar


@requires("casework.view")
def child_assessments_view(request, person_pk):
    person, redirect_response = open_or_break_glass(request, child_get_for, pk=person_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, person, via="assessments")
    today, calendar = timezone.localdate(), get_calendar()
    rows = [
        {
            "assessment": a,
            "status": status_tag(a),
            "timescale": assessment_timescale(a, today=today, calendar=calendar),
        }
        for a in assessments_of(person)
    ]
    can_start = has_perm(request.user, "assessment.record")
    open_ids = {r["assessment"].referral_id for r in rows if r["assessment"].is_open}
    referrals = [
        r
        for r in Referral.objects.filter(
            person_id__in=record_ids(person), closure_date__isnull=True, nfa=False
        ).order_by("-referral_date", "-id")
        if r.pk not in open_ids
    ]
    return render(
        request,
        "assessments/child.html",
        {
            "person": person,
            "rows": rows,
            "referrals": referrals if can_start else [],
        },
    )


@requires("assessment.record")
def assessment_start_view(request, referral_pk):
    referral, redirect_response = open_or_break_glass(request, referral_get_for, pk=referral_pk)
    if redirect_response:
        return redirect_response
    person = referral.person
    log_record_view(request, person, via="assessments")
    completed = referral.assessments.filter(status=Assessment.Status.AUTHORISED).exists()
    form = AssessmentStartForm(
        request.POST or None,
        initial={
            "start_date": timezone.localdate(),
            "kind": Assessment.Kind.REASSESSMENT if completed else Assessment.Kind.SINGLE,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = assessment_start(
                by=request.user,
                person=person,
                referral=referral,
                start_date=form.cleaned_data["start_date"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{assessment.get_kind_display()} started")
            return redirect("assessments:edit", assessment_pk=assessment.pk)
    return render(
        request,
        "assessments/start.html",
        {"form": form, "referral": referral, "person": person, "completed": completed},
    )


@requires("casework.view")
def assessment_view(request, assessment_pk):
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk
    )
    if redirect_response:
        return redirect_response
    log_record_view(request, assessment.person, via="assessments")
    context = assessment_context(assessment)
    context.update(
        {
            "can_edit": assessment.is_draft and has_perm(request.user, "assessment.record"),
            "can_decide": assessment.status == Assessment.Status.SUBMITTED
            and has_perm(request.user, "assessment.authorise"),
        }
    )
    return render(request, "assessments/assessment.html", context)


@requires("casework.view")
def versions_view(request, assessment_pk):
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk
    )
    if redirect_response:
        return redirect_response
    log_record_view(request, assessment.person, via="assessments")
    versions = assessment_versions(assessment)
    if not versions:
        raise Http404("Not found")
    by_number = {v.number: v for v in versions}
    numbers = list(by_number)
    newest = numbers[-1]
    default = {"older": numbers[-2] if len(numbers) > 1 else newest, "newer": newest}
    form = CompareForm(request.GET or None, numbers=numbers, initial=default)
    chosen = form.cleaned_data if request.GET and form.is_valid() else default
    older, newer = sorted([chosen["older"], chosen["newer"]])
    return render(
        request,
        "assessments/versions.html",
        {
            "assessment": assessment,
            "person": assessment.person,
            "versions": list(reversed(versions)),
            "form": form,
            "older": by_number[older],
            "newer": by_number[newer],
            "diffs": compare(by_number[older], by_number[newer]),
        },
    )
