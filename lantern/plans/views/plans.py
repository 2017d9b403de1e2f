"""A child's plans and each plan as a whole.

Routes (mounted under /plans/):
  child/<person_pk>/          child     casework.view  the child's plans
  child/<person_pk>/new/      new       plan.record    start a CIN or safety plan (from an open
                                                       referral; CP plans start at conference)
  <plan_pk>/                  plan      casework.view  the plan: needs, actions, reviews
  <plan_pk>/edit/             edit      plan.record    its summary and review date
  <plan_pk>/finalise/         finalise  plan.record    finalise (refused until SMART, AP6)
  <plan_pk>/end/              end       plan.record    end it with a reason
  <plan_pk>/category/         category  plan.record    a CP plan's latest category of abuse
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.common.errors import ConcurrentEditError
from lantern.language.messages import language_messages
from lantern.people.selectors import person_get_for
from lantern.people.views.common import log_record_view, open_or_break_glass
from lantern.plans.forms import CategoryForm, EndForm, FinaliseForm, PlanEditForm, PlanStartForm
from lantern.plans.models import Plan
from lantern.plans.selectors import (
    child_plans_for,
    last_review_on,
    open_referrals,
    plan_content,
    plan_get_for,
)
from lantern.plans.services import (
    finalise_problems,
    plan_category_update,
    plan_end,
    plan_finalise,
    plan_start,
    plan_update,
)
from lantern.plans.views.common import plan_status, refuse_if_ended
from lantern.plans.work import date_status
from lantern.timescales.engine import assess

# Where each of finalise_problems' keys is put right, for the error summary's links.
PROBLEM_ANCHORS = {"needs": "#needs", "actions": "#actions", "review_date": "#review-date"}


def review_due(plan: Plan, today) -> dict | None:
    """When the plan is next reviewed, with its status: a CIN plan 3 months from its start or
    last review (the engine's cin_review rule), a safety plan on its review date. CP plans are
    reviewed by conference (the child protection pages)."""
    if not plan.is_open:
        return None
    if plan.kind == Plan.Kind.CHILD_IN_NEED:
        ts = assess("cin_review", last_review_on(plan) or plan.start_date, today=today)
        return {"due": ts.due, "label": ts.label, "colour": ts.tag_colour}
    if plan.kind == Plan.Kind.SAFETY and plan.review_date:
        status, label = date_status(plan.review_date, today)
        return {"due": plan.review_date, "label": label, "colour": status.tag_colour}
    return None


# -- the child's plans --------------------------------------------------------------------------


@requires("casework.view")
def child_view(request, person_pk):
    found, redirect_response = open_or_break_glass(request, child_plans_for, person_pk=person_pk)
    if redirect_response:
        return redirect_response
    person, plans = found
    log_record_view(request, person, via="plans")
    rows = []
    for plan in plans:
        text, colour = plan_status(plan)
        rows.append({"plan": plan, "status": text, "colour": colour})
    return render(
        request,
        "plans/child.html",
        {
            "person": person,
            "rows": rows,
            "can_start": has_perm(request.user, "plan.record"),
        },
    )


@requires("plan.record")
def start_view(request, person_pk):
    person, redirect_response = open_or_break_glass(
        request, person_get_for, pk=person_pk, permission="plan.record"
    )
    if redirect_response:
        return redirect_response
    referrals = open_referrals(person)
    form = None
    if referrals:
        from lantern.front_door.models import Referral

        form = PlanStartForm(
            request.POST or None,
            referrals=Referral.objects.filter(pk__in=[r.pk for r in referrals]),
            initial={
                "start_date": timezone.localdate(),
                "referral": referrals[0].pk if len(referrals) == 1 else None,
            },
        )
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                plan = plan_start(
                    by=request.user,
                    person=person,
                    kind=d["kind"],
                    start_date=d["start_date"],
                    referral=d["referral"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    f"{plan.get_kind_display()} started: add the needs it addresses and its "
                    "actions",
                )
                return redirect("plans:plan", plan_pk=plan.pk)
    return render(request, "plans/start.html", {"person": person, "form": form})


# -- one plan -----------------------------------------------------------------------------------


@requires("casework.view")
def plan_view(request, plan_pk):
    plan, redirect_response = open_or_break_glass(request, plan_get_for, pk=plan_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, plan.person, via="plan")
    today = timezone.localdate()
    content = plan_content(plan)
    text, colour = plan_status(plan)
    can_edit = has_perm(request.user, "plan.record") and plan.is_open
    return render(
        request,
        "plans/plan.html",
        {
            "plan": plan,
            "person": plan.person,
            "content": content,
            "status": text,
            "colour": colour,
            "review": review_due(plan, today),
            "can_edit": can_edit,
            "can_finalise": can_edit and not plan.is_final,
            "is_cp": plan.kind == Plan.Kind.CHILD_PROTECTION,
        },
    )


def _plan_for_change(request, plan_pk):
    """(plan, None) for a page that changes an open plan; (None, response) otherwise."""
    plan, response = open_or_break_glass(
        request, plan_get_for, pk=plan_pk, permission="plan.record"
    )
    if response:
        return None, response
    refused = refuse_if_ended(request, plan)
    if refused:
        return None, refused
    return plan, None


@requires("plan.record")
def edit_view(request, plan_pk):
    plan, response = _plan_for_change(request, plan_pk)
    if response:
        return response
    form = PlanEditForm(
        request.POST or None,
        initial={"summary": plan.summary, "review_date": plan.review_date, "version": plan.version},
    )
    if plan.kind == Plan.Kind.SAFETY:
        form.fields[
            "review_date"
        ].help_text = "A safety plan must have a review date before it is finalised"
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            saved = plan_update(
                by=request.user,
                plan=plan,
                version=d["version"],
                summary=d["summary"],
                review_date=d["review_date"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Plan saved")
            language_messages(request, saved.language_matches)
            return redirect("plans:plan", plan_pk=plan.pk)
    return render(
        request,
        "plans/form.html",
        {"plan": plan, "form": form, "title": "Change the plan's summary and review date"},
    )


@requires("plan.record")
def finalise_view(request, plan_pk):
    plan, response = _plan_for_change(request, plan_pk)
    if response:
        return response
    if plan.is_final:
        messages.info(request, "This plan has already been finalised")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = FinaliseForm(request.POST or None, initial={"version": plan.version})
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            plan_finalise(by=request.user, plan=plan, version=form.cleaned_data["version"])
        except ValidationError as error:
            for key, items in error.message_dict.items():
                href = PROBLEM_ANCHORS.get(key, "#main-content")
                errors.extend({"text": message, "href": href} for message in items)
        except ConcurrentEditError as error:
            errors.append({"text": error.message, "href": "#main-content"})
        else:
            messages.success(request, f"{plan.get_kind_display()} finalised")
            return redirect("plans:plan", plan_pk=plan.pk)
    elif request.method == "POST":
        errors = form.error_summary()
    content = plan_content(plan)
    all_actions = [row.action for row in content.actions] + content.removed_actions
    all_actions.sort(key=lambda a: (a.order, a.pk))
    problems = finalise_problems(plan, all_actions, len(content.needs))
    return render(
        request,
        "plans/finalise.html",
        {
            "plan": plan,
            "person": plan.person,
            "content": content,
            "form": form,
            "errors": errors,
            "problems": [m for items in problems.values() for m in items],
        },
    )


@requires("plan.record")
def end_view(request, plan_pk):
    plan, response = _plan_for_change(request, plan_pk)
    if response:
        return response
    form = EndForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            plan_end(by=request.user, plan=plan, end_date=d["end_date"], reason=d["reason"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{plan.get_kind_display()} ended")
            return redirect("plans:plan", plan_pk=plan.pk)
    open_actions = plan_content(plan).open_actions
    return render(
        request,
        "plans/end.html",
        {"plan": plan, "form": form, "open_actions": open_actions},
    )


@requires("plan.record")
def category_view(request, plan_pk):
    plan, response = _plan_for_change(request, plan_pk)
    if response:
        return response
    if plan.kind != Plan.Kind.CHILD_PROTECTION:
        messages.info(request, "Only a child protection plan has a category of abuse")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = CategoryForm(
        request.POST or None,
        initial={"category": plan.latest_category, "version": plan.version},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            plan_category_update(
                by=request.user,
                plan=plan,
                category=d["category"],
                version=d["version"],
                reason=d["reason"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Latest category of abuse changed")
            return redirect("plans:plan", plan_pk=plan.pk)
    return render(
        request,
        "plans/form.html",
        {
            "plan": plan,
            "form": form,
            "title": "Change the latest category of abuse",
            "intro": f"The initial category, {plan.get_initial_category_display().lower()}, "
            "stays as it was recorded at the initial conference.",
        },
    )


urlpatterns = [
    path("child/<int:person_pk>/", child_view, name="child"),
    path("child/<int:person_pk>/new/", start_view, name="new"),
    path("<int:plan_pk>/", plan_view, name="plan"),
    path("<int:plan_pk>/edit/", edit_view, name="edit"),
    path("<int:plan_pk>/finalise/", finalise_view, name="finalise"),
    path("<int:plan_pk>/end/", end_view, name="end"),
    path("<int:plan_pk>/category/", category_view, name="category"),
]
