"""A plan's needs and actions, and its reviews with progress per action.

Routes (mounted under /plans/):
  <plan_pk>/needs/new/           need_add       plan.record  add a need or risk
  needs/<need_pk>/edit/          need_edit      plan.record  change it
  needs/<need_pk>/remove/        need_remove    plan.record  remove it (kept, with a reason)
  <plan_pk>/actions/new/         action_add     plan.record  add an action
  actions/<action_pk>/edit/      action_edit    plan.record  change it
  actions/<action_pk>/remove/    action_remove  plan.record  remove it (kept, with a reason)
  <plan_pk>/review/              review         plan.record  record a review
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from lantern.accounts.permissions import requires
from lantern.common.errors import ConcurrentEditError
from lantern.language.messages import language_messages
from lantern.people.views.common import open_or_break_glass
from lantern.plans.forms import (
    ActionForm,
    NeedForm,
    NeedRemoveForm,
    NewActionForm,
    NewNeedForm,
    RemoveForm,
    ReviewForm,
)
from lantern.plans.models import Plan, PlanReview
from lantern.plans.presenters import action_label, incomplete
from lantern.plans.selectors import (
    action_get_for,
    need_get_for,
    owner_choices,
    owner_value,
    plan_content,
    plan_get_for,
)
from lantern.plans.services import (
    plan_action_add,
    plan_action_remove,
    plan_action_update,
    plan_need_add,
    plan_need_remove,
    plan_need_update,
    plan_review_record,
)
from lantern.plans.views.common import refuse_if_ended


def _open(request, selector, pk):
    """(row, plan, None) for a page changing part of an open plan; (None, None, response)
    when the child's record needs a reason or the plan has ended."""
    row, response = open_or_break_glass(request, selector, pk=pk, permission="plan.record")
    if response:
        return None, None, response
    plan = row if isinstance(row, Plan) else row.plan
    refused = refuse_if_ended(request, plan)
    if refused:
        return None, None, refused
    return row, plan, None


def _render_form(request, plan, form, title, **extra):
    return render(request, "plans/form.html", {"plan": plan, "form": form, "title": title, **extra})


def _saved(request, plan, message, row):
    messages.success(request, message)
    language_messages(request, getattr(row, "language_matches", ()))
    return redirect("plans:plan", plan_pk=plan.pk)


# -- needs --------------------------------------------------------------------------------------


@requires("plan.record")
def need_add_view(request, plan_pk):
    _row, plan, response = _open(request, plan_get_for, plan_pk)
    if response:
        return response
    form = NewNeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = plan_need_add(
                by=request.user, plan=plan, description=form.cleaned_data["description"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _saved(request, plan, "Need added", need)
    return _render_form(request, plan, form, "Add a need or risk")


@requires("plan.record")
def need_edit_view(request, need_pk):
    need, plan, response = _open(request, need_get_for, need_pk)
    if response:
        return response
    if need.ended_at is not None:
        messages.info(request, "This need has been removed from the plan")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = NeedForm(
        request.POST or None,
        initial={"description": need.description, "version": need.version},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            saved = plan_need_update(
                by=request.user, need=need, version=d["version"], description=d["description"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            return _saved(request, plan, "Need changed", saved)
    return _render_form(request, plan, form, "Change the need or risk")


@requires("plan.record")
def need_remove_view(request, need_pk):
    need, plan, response = _open(request, need_get_for, need_pk)
    if response:
        return response
    if need.ended_at is not None:
        messages.info(request, "This need has already been removed from the plan")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = NeedRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_need_remove(by=request.user, need=need, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Need removed from the plan")
            return redirect("plans:plan", plan_pk=plan.pk)
    return _render_form(
        request,
        plan,
        form,
        "Remove the need from the plan",
        intro=f"‘{need.description}’. It stays in the plan's history.",
        button="Remove need",
    )


# -- actions ------------------------------------------------------------------------------------


def _action_form(request, plan, *, form_class, current=None, initial=None):
    content = plan_content(plan)
    needs = list(enumerate(content.needs, 1))
    return form_class(
        request.POST or None,
        owners=owner_choices(plan, current),
        needs=needs,
        initial=initial,
    )


@requires("plan.record")
def action_add_view(request, plan_pk):
    _row, plan, response = _open(request, plan_get_for, plan_pk)
    if response:
        return response
    form = _action_form(request, plan, form_class=NewActionForm)
    if request.method == "POST" and form.is_valid():
        try:
            action = plan_action_add(
                by=request.user,
                plan=plan,
                action=form.cleaned_data["text"],
                **form.service_kwargs(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            missing = action.missing
            message = "Action added"
            if missing:
                message += f": it still needs {', '.join(missing)} before the plan is finalised"
            return _saved(request, plan, message, action)
    return _render_form(request, plan, form, "Add an action", final=plan.is_final)


@requires("plan.record")
def action_edit_view(request, action_pk):
    action, plan, response = _open(request, action_get_for, action_pk)
    if response:
        return response
    if action.ended_at is not None:
        messages.info(request, "This action has been removed from the plan")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = _action_form(
        request,
        plan,
        form_class=ActionForm,
        current=action,
        initial={
            "text": action.action,
            "need": str(action.need_id or ""),
            "owner": owner_value(action),
            "owner_name": action.owner_name,
            "due_date": action.due_date,
            "outcome": action.outcome,
            "version": action.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = plan_action_update(
                by=request.user,
                action=action,
                version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                **form.service_kwargs(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            return _saved(request, plan, "Action changed", saved)
    return _render_form(request, plan, form, "Change the action", final=plan.is_final)


@requires("plan.record")
def action_remove_view(request, action_pk):
    action, plan, response = _open(request, action_get_for, action_pk)
    if response:
        return response
    if action.ended_at is not None:
        messages.info(request, "This action has already been removed from the plan")
        return redirect("plans:plan", plan_pk=plan.pk)
    form = RemoveForm(request.POST or None, initial={"version": action.version})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            plan_action_remove(
                by=request.user, action=action, reason=d["reason"], version=d["version"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Action removed from the plan")
            return redirect("plans:plan", plan_pk=plan.pk)
    return _render_form(
        request,
        plan,
        form,
        "Remove the action from the plan",
        intro=f"‘{action.action}’. It stays in the plan's history.",
        button="Remove action",
    )


# -- reviews ------------------------------------------------------------------------------------


@requires("plan.record")
def review_view(request, plan_pk):
    _row, plan, response = _open(request, plan_get_for, plan_pk)
    if response:
        return response
    content = plan_content(plan)
    actions = content.open_actions
    form = ReviewForm(
        request.POST or None, actions=actions, initial={"held_on": timezone.localdate()}
    )
    if plan.kind == Plan.Kind.SAFETY:
        form.fields["next_review_date"].help_text = "A safety plan is always due a next review"
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            review = plan_review_record(
                by=request.user,
                plan=plan,
                kind=PlanReview.Kind.REVIEW,
                held_on=d["held_on"],
                summary=d["summary"],
                progress=form.progress(),
                next_review_date=d["next_review_date"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _saved(request, plan, "Review recorded", review)
    rows = [
        {
            "label": action_label(row.number, row.action),
            "row": row,
            "status": status,
            "note": note,
            "lacks": incomplete(row.number, row.action),
        }
        for row, status, note in form.action_fields
    ]
    return render(
        request,
        "plans/review.html",
        {"plan": plan, "person": plan.person, "form": form, "rows": rows},
    )


urlpatterns = [
    path("<int:plan_pk>/needs/new/", need_add_view, name="need_add"),
    path("needs/<int:need_pk>/edit/", need_edit_view, name="need_edit"),
    path("needs/<int:need_pk>/remove/", need_remove_view, name="need_remove"),
    path("<int:plan_pk>/actions/new/", action_add_view, name="action_add"),
    path("actions/<int:action_pk>/edit/", action_edit_view, name="action_edit"),
    path("actions/<int:action_pk>/remove/", action_remove_view, name="action_remove"),
    path("<int:plan_pk>/review/", review_view, name="review"),
]
