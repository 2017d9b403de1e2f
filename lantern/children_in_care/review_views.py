"""Looked-after review and permanence pages.

Routes (mounted under /care/):
  child/<person_pk>/reviews/new/   review_record  care.review  record a review of the child's
                                                               current (or latest) period
  decisions/<decision_pk>/done/    decision_done  care.review  a review decision carried out
  child/<person_pk>/permanence/    permanence     care.record  the child's permanence plan,
                                                               agreed or changed
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from lantern.accounts.permissions import requires
from lantern.children_in_care.forms import DecisionDoneForm, PermanenceForm, ReviewForm
from lantern.children_in_care.models import PeriodOfCare, ReviewDecision
from lantern.children_in_care.permanence import permanence_status
from lantern.children_in_care.review_timescales import care_reviews_due
from lantern.children_in_care.services import (
    care_review_record,
    permanence_plan_agree,
    review_decision_done,
)
from lantern.children_in_care.views import child_care_url
from lantern.language.messages import language_messages
from lantern.people.selectors import child_record_get_for, person_get_for, record_ids
from lantern.people.views.common import open_or_break_glass
from lantern.timescales.calendar import get_calendar

REVIEW = "care.review"
RECORD = "care.record"


def _saved_then_back(request, form, save, done, back):
    """When the form is posted and valid: `save(kwargs)` (one service), then the success
    message `done(saved)` and any practice-language findings, and back to the care page. None
    when there is nothing to save or the service refused it (its errors are on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save(form.service_kwargs())
    except ValidationError as error:
        form.add_service_errors(error)
        return None
    messages.success(request, done(saved))
    language_messages(request, getattr(saved, "language_matches", ()))
    return redirect(back)


@requires(REVIEW)
def review_record_view(request, person_pk):
    person, response = open_or_break_glass(request, person_get_for, pk=person_pk, permission=REVIEW)
    if response:
        return response
    back = child_care_url(person.pk)
    period = (
        PeriodOfCare.objects.filter(person_id__in=record_ids(person))
        .select_related("person")
        .order_by("-start_date", "-pk")
        .first()
    )
    if period is None:
        messages.info(request, f"{person.full_name} has not been looked after")
        return redirect(back)
    form = ReviewForm(request.POST or None)
    done = _saved_then_back(
        request,
        form,
        lambda kwargs: care_review_record(by=request.user, period=period, **kwargs),
        lambda review: f"Review of {review.held_on:%-d %B %Y} recorded",
        back,
    )
    if done:
        return done
    today = timezone.localdate()
    due = care_reviews_due([period.person_id], today, get_calendar()).get(period.person_id)
    return render(
        request,
        "children_in_care/review_record.html",
        {
            "person": person,
            "period": period,
            "due": due if due and due.period_id == period.pk else None,
            "form": form,
            "back": back,
        },
    )


def _decision_get_for(*, user, pk, permission):
    qs = ReviewDecision.objects.select_related("review__person", "owner_user")
    return child_record_get_for(
        qs, user=user, pk=pk, permission=permission, person_field="review.person_id"
    )


@requires(REVIEW)
def decision_done_view(request, decision_pk):
    decision, response = open_or_break_glass(
        request, _decision_get_for, pk=decision_pk, permission=REVIEW
    )
    if response:
        return response
    back = child_care_url(decision.review.person_id)
    if decision.is_done:
        messages.info(request, f"This decision was marked done on {decision.done_on:%-d %B %Y}")
        return redirect(back)
    form = DecisionDoneForm(request.POST or None)
    done = _saved_then_back(
        request,
        form,
        lambda kwargs: review_decision_done(by=request.user, decision=decision, **kwargs),
        lambda _decision: "Decision marked done",
        back,
    )
    if done:
        return done
    return render(
        request,
        "children_in_care/decision_done.html",
        {"person": decision.review.person, "decision": decision, "form": form, "back": back},
    )


@requires(RECORD)
def permanence_view(request, person_pk):
    person, response = open_or_break_glass(request, person_get_for, pk=person_pk, permission=RECORD)
    if response:
        return response
    back = child_care_url(person.pk)
    period = (
        PeriodOfCare.objects.filter(person_id__in=record_ids(person), end_date__isnull=True)
        .select_related("person")
        .first()
    )
    if period is None:
        messages.info(request, f"{person.full_name} is not looked after")
        return redirect(back)
    form = PermanenceForm(request.POST or None, period=period)
    done = _saved_then_back(
        request,
        form,
        lambda kwargs: permanence_plan_agree(by=request.user, period=period, **kwargs),
        lambda plan: f"Permanence plan recorded: {plan.get_kind_display()}",
        back,
    )
    if done:
        return done
    today = timezone.localdate()
    status = permanence_status([period.person_id], today, get_calendar()).get(period.person_id)
    return render(
        request,
        "children_in_care/permanence.html",
        {
            "person": person,
            "period": period,
            "current": period.permanence_plans.filter(replaced_on__isnull=True).first(),
            "status": status,
            "form": form,
            "back": back,
        },
    )


urlpatterns = [
    path("child/<int:person_pk>/reviews/new/", review_record_view, name="review_record"),
    path("decisions/<int:decision_pk>/done/", decision_done_view, name="decision_done"),
    path("child/<int:person_pk>/permanence/", permanence_view, name="permanence"),
]
