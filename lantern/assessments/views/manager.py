"""The manager's authorisation of an assessment, or its return to the worker with comments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from lantern.accounts.permissions import requires
from lantern.assessments.forms import DecisionForm
from lantern.assessments.models import Assessment
from lantern.assessments.selectors import assessment_get_for
from lantern.assessments.services import assessment_authorise, assessment_return
from lantern.assessments.views.common import assessment_context
from lantern.common.errors import ConcurrentEditError
from lantern.people.views.common import log_record_view, open_or_break_glass


@requires("assessment.authorise")
def assessment_authorise_view(request, assessment_pk):
    assessment, redirect_response = open_or_break_glass(
        request, assessment_get_for, pk=assessment_pk, permission="assessment.authorise"
    )
    if redirect_response:
        return redirect_response
    if assessment.status != Assessment.Status.SUBMITTED:
        messages.info(request, "This assessment is not waiting for authorisation")
        return redirect("assessments:assessment", assessment_pk=assessment.pk)
    log_record_view(request, assessment.person, via="assessments")
    form = DecisionForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        service = assessment_authorise if d["decision"] == form.AUTHORISE else assessment_return
        try:
            service(
                by=request.user,
                assessment=assessment,
                comments=d["comments"],
                version=d["version"],
            )
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if d["decision"] == form.AUTHORISE:
                messages.success(request, "Assessment authorised")
            else:
                messages.success(request, "Assessment returned to the worker with your comments")
            return redirect("assessments:assessment", assessment_pk=assessment.pk)
    context = assessment_context(assessment)
    context["form"] = form
    return render(request, "assessments/authorise.html", context)
