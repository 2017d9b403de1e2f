"""Writing the draft: the edit page (which autosaves), the people consulted and submitting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lantern.accounts.permissions import requires
from lantern.assessments.forms import AssessmentForm, ConsulteeEndForm, ConsulteeForm, SubmitForm
from lantern.assessments.models import Assessment
from lantern.assessments.selectors import (
    assessment_get_for,
    consultee_choices,
    consultee_get_for,
)
from lantern.assessments.services import (
    assessment_save,
    assessment_submit,
    consultee_add,
    consultee_end,
    problems_for,
)
from lantern.assessments.views.common import assessment_context
from lantern.common.errors import ConcurrentEditError
from lantern.language.messages import language_messages
from lantern.people.selectors import RestrictedRecord
from lantern.people.views.common import log_record_view, open_or_break_glass


def _not_draft(request, assessment: Assessment):
    messages.info(
        request,
        "This assessment is with the manager or authorised: it can only be changed if the "
        "manager returns it",
    )
    return redirect("assessments:assessment", assessment_pk=assessment.pk)


def _saved_at(assessment: Assessment) -> str:
    return f"{timezone.localtime(assessment.updated_at):%H:%M}"


@requires("assessment.record")
def assessment_edit_view(request, assessment_pk):
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk, permission="assessment.record"
    )
    if redirect_response:
        return redirect_response
    if not assessment.is_draft:
        return _not_draft(request, assessment)
    log_record_view(request, assessment.person, via="assessments")
    context = assessment_context(assessment)
    codes = [f.code for f in context["factors"]]
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                saved = assessment_save(
                    by=request.user,
                    assessment=assessment,
                    version=form.cleaned_data["version"],
                    **form.sections(),
                )
            except ConcurrentEditError:
                # What was typed stays in the form, now on top of the saved version: saving
                # again is the writer's deliberate choice, made after seeing the warning.
                current = Assessment.objects.values_list("version", flat=True).get(pk=assessment.pk)
                form.data = form.data.copy()
                form.data["version"] = str(current)
                form.add_error(
                    None,
                    "Someone else saved this assessment while you were editing it, so your "
                    "changes have not been saved. What you typed is below: compare it with the "
                    "saved version (see What changed between versions), then save again to "
                    "replace the saved version with yours",
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                language_messages(request, saved.language_matches)
                if request.POST.get("action") == "submit":
                    return redirect("assessments:submit", assessment_pk=assessment.pk)
                messages.success(request, f"Draft saved at {_saved_at(saved)}")
                return redirect("assessments:edit", assessment_pk=assessment.pk)
    else:
        form = AssessmentForm(
            initial={
                **AssessmentForm.initial_for(assessment, codes),
                "version": assessment.version,
            }
        )
    context.update(
        {
            "form": form,
            "autosave_url": reverse("assessments:autosave", args=[assessment.pk]),
            "saved_at": _saved_at(assessment),
        }
    )
    return render(request, "assessments/edit.html", context)


@requires("assessment.record")
@require_POST
def assessment_autosave_view(request, assessment_pk):
    """The edit page's autosave: the form posted as it is, answered in JSON — {version,
    saved_at} when saved, 409 when someone else saved first, 400 with the errors otherwise."""
    try:
        assessment = assessment_get_for(
            user=request.user, pk=assessment_pk, permission="assessment.record"
        )
    except RestrictedRecord:
        return JsonResponse({"error": "Open the child's record again to carry on"}, status=403)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"error": "Not saved: check the form", "errors": errors}, status=400)
    try:
        saved = assessment_save(
            by=request.user,
            assessment=assessment,
            version=form.cleaned_data["version"],
            **form.sections(),
        )
    except ConcurrentEditError as error:
        current = Assessment.objects.filter(pk=assessment.pk).values_list("version", flat=True)
        return JsonResponse({"error": error.message, "version": current.first()}, status=409)
    except ValidationError as error:
        errors = (
            {k: list(v) for k, v in error.message_dict.items()}
            if hasattr(error, "error_dict")
            else {"__all__": error.messages}
        )
        first = next(iter(errors.values()))[0]
        return JsonResponse({"error": f"Not saved: {first}", "errors": errors}, status=400)
    return JsonResponse(
        {
            "version": saved.version,
            "saved_at": _saved_at(saved),
            "language": [
                {"phrase": m.phrase, "reason": m.reason, "suggestion": m.suggestion}
                for m in saved.language_matches
            ],
        }
    )


@requires("assessment.record")
def consultee_add_view(request, assessment_pk):
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk, permission="assessment.record"
    )
    if redirect_response:
        return redirect_response
    if not assessment.is_draft:
        return _not_draft(request, assessment)
    log_record_view(request, assessment.person, via="assessments")
    network = consultee_choices(assessment, today=timezone.localdate())
    form = ConsulteeForm(
        request.POST or None,
        network=network,
        initial={
            "consulted_on": timezone.localdate(),
            "who": ConsulteeForm.FAMILY if network else ConsulteeForm.PROFESSIONAL,
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        person = form.member()
        try:
            consultee = consultee_add(
                by=request.user,
                assessment=assessment,
                person=person,
                professional_name="" if person else d["professional_name"],
                agency="" if person else d["agency"],
                relationship=d["relationship"],
                what_they_said=d["what_they_said"],
                consulted_on=d["consulted_on"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Added {consultee.name} to the people consulted")
            return redirect(reverse("assessments:edit", args=[assessment.pk]) + "#consultees")
    return render(
        request,
        "assessments/consultee_add.html",
        {"assessment": assessment, "person": assessment.person, "form": form, "network": network},
    )


@requires("assessment.record")
def consultee_end_view(request, consultee_pk):
    consultee, redirect_response = open_or_break_glass(request, consultee_get_for, pk=consultee_pk)
    if redirect_response:
        return redirect_response
    assessment = consultee.assessment
    if not assessment.is_draft:
        return _not_draft(request, assessment)
    edit_url = reverse("assessments:edit", args=[assessment.pk]) + "#consultees"
    if consultee.ended_at is not None:
        messages.info(request, f"{consultee.name} has already been removed")
        return redirect(edit_url)
    log_record_view(request, assessment.person, via="assessments")
    form = ConsulteeEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultee_end(by=request.user, consultee=consultee, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Removed {consultee.name} from the people consulted")
            return redirect(edit_url)
    return render(
        request,
        "assessments/consultee_end.html",
        {
            "consultee": consultee,
            "assessment": assessment,
            "person": assessment.person,
            "form": form,
            "edit_url": edit_url,
        },
    )


@requires("assessment.record")
def assessment_submit_view(request, assessment_pk):
    """Check the draft is complete, then send it to the manager."""
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk, permission="assessment.record"
    )
    if redirect_response:
        return redirect_response
    if not assessment.is_draft:
        return _not_draft(request, assessment)
    log_record_view(request, assessment.person, via="assessments")
    form = SubmitForm(request.POST or None, initial={"version": assessment.version})
    edit_url = reverse("assessments:edit", args=[assessment.pk])
    posted_problems = False
    if request.method == "POST" and form.is_valid():
        try:
            assessment_submit(
                by=request.user, assessment=assessment, version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            if hasattr(error, "error_dict"):  # each missing section is listed after this
                form.add_error(None, "Complete the assessment before you submit it")
                posted_problems = True
            else:
                form.add_service_errors(error)
        else:
            messages.success(request, "Assessment sent to the manager for authorisation")
            return redirect("assessments:assessment", assessment_pk=assessment.pk)
    anchors = {"seen_alone": "id_seen_alone", "consultees": "consultees"}
    problems = [
        {"text": message, "href": f"{edit_url}#{anchors.get(name, f'id_{name}')}"}
        for name, message in problems_for(assessment).items()
    ]
    # The error summary after a refused submission: the form's errors and what is missing.
    errors = form.error_summary() + (problems if posted_problems else [])
    context = assessment_context(assessment, chronology=False)
    context.update({"form": form, "problems": problems, "errors": errors, "edit_url": edit_url})
    return render(request, "assessments/submit.html", context)
