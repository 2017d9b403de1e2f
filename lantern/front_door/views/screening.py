"""Screening: the front door's queue, the screening page with the child's and family's history
in front of the worker (FD7, FD9), its steps, more time (FD6) and the manager's decision (FD5,
FD8).

Routes (mounted under /front-door/), with their permission:
  ""                                      queue               contact.view
  screening/<item_pk>/                    screen              contact.view
  screening/<item_pk>/history/            history_summary     contact.screen (POST)
  screening/<item_pk>/record/             screening_record    contact.screen (POST)
  screening/<item_pk>/checks/new/         partner_check       contact.screen
  screening/<item_pk>/more-information/   more_information    contact.screen
  more-information/<request_pk>/          information_answer  contact.decide
  screening/<item_pk>/decision/           decide              contact.decide
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.common.errors import ConcurrentEditError, TransitionError
from lantern.front_door.codes import Outcome
from lantern.front_door.forms.screening import (
    DecisionForm,
    HistorySummaryForm,
    InformationAnswerForm,
    MoreInformationForm,
    PartnerCheckForm,
    ScreeningForm,
)
from lantern.front_door.history import screening_history
from lantern.front_door.involvement import AWAITING_DECISION
from lantern.front_door.models import ContactChild
from lantern.front_door.presenters import page_url, status_tag, time_left, when
from lantern.front_door.selectors import (
    contact_child_get_for,
    information_request_get_for,
    information_requests_pending,
    open_queue,
)
from lantern.front_door.services import (
    decision_record,
    fd8_concerns,
    history_summary_record,
    information_request,
    information_request_agree,
    information_request_decline,
    partner_check_add,
    screening_record,
)
from lantern.people.selectors import RestrictedRecord
from lantern.people.views.common import log_record_view

OPEN = (ContactChild.Status.AWAITING, ContactChild.Status.MORE_INFORMATION)
DECIDABLE = (ContactChild.Status.SCREENED, ContactChild.Status.MORE_INFORMATION)


def _item(request, item_pk, permission="contact.view"):
    """(item, None) when the user may open the child's record; (None, redirect) to give a
    reason first (restricted records)."""
    try:
        return contact_child_get_for(user=request.user, pk=item_pk, permission=permission), None
    except RestrictedRecord as restricted:
        return None, redirect("people:break_glass", pk=restricted.person.pk)


def _screening(item):
    return getattr(item, "screening", None)


@requires("contact.view")
def queue_view(request):
    user = request.user
    page = Paginator(open_queue(user=user), 50).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "item": item,
            "status": status_tag(item),
            "time_left": time_left(item.decision_due_at, now=now),
            "more_time_waiting": any(r.pending for r in item.information_requests.all()),
        }
        for item in page
    ]
    pending = None
    if has_perm(user, "contact.decide"):
        pending = [
            {"request": r, "proposed": when(r.proposed_due_at, now=now)}
            for r in information_requests_pending(user=user)
        ]
    return render(
        request,
        "front_door/queue.html",
        {
            "page": page,
            "rows": rows,
            "pending": pending,
            "can_record": has_perm(user, "contact.record"),
        },
    )


def _screen_page(request, item, *, summary_form=None, screening_form=None):
    """The screening page; the step forms are passed in bound when a POST failed."""
    user = request.user
    today = timezone.localdate()
    history = screening_history(item, today=today)
    screening = _screening(item)
    decided = item.status == ContactChild.Status.DECIDED
    decision = getattr(item, "decision", None) if decided else None
    can_screen = has_perm(user, "contact.screen") and item.status in OPEN
    summarised = screening is not None and bool(screening.history_summary)
    if can_screen and summary_form is None:
        summary_form = HistorySummaryForm(
            initial={
                "summary": screening.history_summary if summarised else "",
                "seen_updated_at": screening.updated_at.isoformat() if screening else "",
            }
        )
    if can_screen and summarised and screening_form is None:
        screening_form = ScreeningForm(auto_id="screening_%s")
    bound = [f for f in (summary_form, screening_form) if f is not None and f.is_bound]
    page_errors = [e for f in bound for e in f.error_summary()]
    requests = list(item.information_requests.select_related("created_by", "agreed_by"))
    # What is open now, besides this contact (which the involvement summary also counts).
    waiting = sum(1 for i in history.child.items if i.kind == "Contact" and i.open)
    open_now = [str(i) for i in history.child.open_involvement if i.status != AWAITING_DECISION]
    if waiting:
        others = f"{waiting} other contact{'s' if waiting > 1 else ''}"
        open_now.insert(0, f"{others} awaiting a decision")
    context = {
        "item": item,
        "contact": item.contact,
        "person": item.person,
        "history": history,
        "open_now": open_now,
        "categories": [c.get_category_display() for c in item.contact.concerns.all()],
        "checks": list(item.partner_checks.all()),
        "requests": requests,
        "more_time_waiting": any(r.pending for r in requests),
        "screening": screening if summarised else None,
        "decision": decision,
        "referral_url": page_url(decision.referral) if decision else "",
        "status": status_tag(item),
        "time_left": time_left(item.decision_due_at) if item.is_open else None,
        "can_screen": can_screen,
        "summary_form": summary_form if can_screen else None,
        "screening_form": screening_form if can_screen and summarised else None,
        "can_ask_more_time": has_perm(user, "contact.screen")
        and item.status in (*OPEN, ContactChild.Status.SCREENED),
        "can_decide": has_perm(user, "contact.decide")
        and item.status in DECIDABLE
        and screening is not None
        and bool(screening.recommendation),
        "page_errors": page_errors,
        "today": today,
    }
    return render(request, "front_door/screen.html", context)


@requires("contact.view")
def screen_view(request, item_pk):
    item, redirect_response = _item(request, item_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, item.person, via="front door")
    return _screen_page(request, item)


def _back_to_screen(item, anchor=""):
    return redirect(reverse("front_door:screen", args=[item.pk]) + anchor)


@requires("contact.screen")
def history_summary_view(request, item_pk):
    item, redirect_response = _item(request, item_pk, "contact.screen")
    if redirect_response:
        return redirect_response
    if request.method != "POST":
        return _back_to_screen(item, "#history-summary")
    form = HistorySummaryForm(request.POST)
    if form.is_valid():
        history = screening_history(item, today=timezone.localdate())
        try:
            history_summary_record(
                by=request.user,
                contact_child=item,
                summary=form.cleaned_data["summary"],
                shown=history.snapshot(),
                re_referral=history.is_re_referral,
                seen_updated_at=form.seen(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        except TransitionError as error:
            messages.info(request, str(error))
            return _back_to_screen(item)
        else:
            messages.success(request, "History summary saved")
            return _back_to_screen(item, "#screening")
    return _screen_page(request, item, summary_form=form)


@requires("contact.screen")
def screening_record_view(request, item_pk):
    item, redirect_response = _item(request, item_pk, "contact.screen")
    if redirect_response:
        return redirect_response
    if request.method != "POST":
        return _back_to_screen(item, "#screening")
    form = ScreeningForm(request.POST, auto_id="screening_%s")
    if form.is_valid():
        d = form.cleaned_data
        try:
            screening_record(
                by=request.user,
                contact_child=item,
                threshold=d["threshold"],
                threshold_rationale=d["threshold_rationale"],
                recommendation=d["recommendation"],
                recommendation_rationale=d["recommendation_rationale"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except TransitionError as error:
            messages.info(request, str(error))
            return _back_to_screen(item)
        else:
            messages.success(request, "Screening recorded: it is ready for a manager's decision")
            return _back_to_screen(item)
    return _screen_page(request, item, screening_form=form)


def _step_page(request, item, form, *, title, intro="", submit="Save"):
    return render(
        request,
        "front_door/step_form.html",
        {
            "item": item,
            "form": form,
            "title": title,
            "intro": intro,
            "submit": submit,
            "back": reverse("front_door:screen", args=[item.pk]),
        },
    )


@requires("contact.screen")
def partner_check_view(request, item_pk):
    item, redirect_response = _item(request, item_pk, "contact.screen")
    if redirect_response:
        return redirect_response
    if item.status not in OPEN:
        messages.info(request, "Checks with partners are added while the child is being screened")
        return _back_to_screen(item)
    form = PartnerCheckForm(request.POST or None, initial={"checked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            check = partner_check_add(by=request.user, contact_child=item, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Check with {check.get_agency_display()} recorded")
            return _back_to_screen(item, "#checks")
    return _step_page(request, item, form, title="Record a check with a partner agency")


@requires("contact.screen")
def more_information_view(request, item_pk):
    item, redirect_response = _item(request, item_pk, "contact.screen")
    if redirect_response:
        return redirect_response
    if item.status not in (*OPEN, ContactChild.Status.SCREENED):
        messages.info(request, "A decision has been recorded: more time cannot be asked for")
        return _back_to_screen(item)
    manager = has_perm(request.user, "contact.decide")
    due = when(item.decision_due_at)
    intro = (
        f"The decision is due {due}. As a manager, you agree the new time when you save it."
        if manager
        else f"A manager must agree the new time. Until they do, the decision is still due {due}."
    )
    form = MoreInformationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            made = information_request(
                by=request.user,
                contact_child=item,
                reason=d["reason"],
                proposed_due_at=d["proposed_due_at"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            if made.agreed_at:
                due_now = when(made.proposed_due_at)
                messages.success(request, f"More time agreed: the decision is now due {due_now}")
            else:
                messages.success(request, "Request for more time sent to a manager")
            return _back_to_screen(item)
    return _step_page(
        request, item, form, title="More information needed", intro=intro, submit="Save"
    )


@requires("contact.decide")
def information_answer_view(request, request_pk):
    try:
        more = information_request_get_for(user=request.user, pk=request_pk)
    except RestrictedRecord as restricted:
        return redirect("people:break_glass", pk=restricted.person.pk)
    item = more.contact_child
    form = InformationAnswerForm(request.POST or None) if more.pending else None
    if request.method == "POST" and form is not None and form.is_valid():
        d = form.cleaned_data
        try:
            if d["answer"] == "agree":
                information_request_agree(by=request.user, request=more)
                done = f"New time agreed: the decision is now due {when(more.proposed_due_at)}"
            else:
                information_request_decline(by=request.user, request=more, reason=d["reason"])
                done = "Request declined: the decision is still due " + when(item.decision_due_at)
        except ValidationError as error:
            form.add_service_errors(error)
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("front_door:queue")
    return render(
        request,
        "front_door/information_answer.html",
        {
            "more": more,
            "item": item,
            "form": form,
            "due": when(item.decision_due_at),
            "proposed": when(more.proposed_due_at),
        },
    )


@requires("contact.decide")
def decide_view(request, item_pk):
    item, redirect_response = _item(request, item_pk, "contact.decide")
    if redirect_response:
        return redirect_response
    screening = _screening(item)
    if item.status == ContactChild.Status.DECIDED:
        messages.info(request, "A decision has already been recorded for this child")
        return _back_to_screen(item, "#decision")
    if item.status not in DECIDABLE or screening is None or not screening.recommendation:
        messages.info(
            request, "The worker's screening and recommendation must be recorded before a decision"
        )
        return _back_to_screen(item)
    concerns = fd8_concerns(item)
    form = DecisionForm(request.POST or None, concerns=concerns)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            decision = decision_record(
                by=request.user,
                contact_child=item,
                outcome=d["outcome"],
                rationale=d["rationale"],
                direction=d["direction"],
                direction_owner=d["direction_owner"],
                direction_due=d["direction_due"],
                override_reason=d.get("override_reason", ""),
                primary_need=d["primary_need"],
                strategy_at=d["strategy_at"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Decision recorded: {decision.get_outcome_display()}")
            return _back_to_screen(item, "#decision")
    return render(
        request,
        "front_door/decide.html",
        {
            "item": item,
            "screening": screening,
            "concerns": concerns,
            "form": form,
            "time_left": time_left(item.decision_due_at),
            "strategy": Outcome.STRATEGY.value,
        },
    )


urlpatterns = [
    path("", queue_view, name="queue"),
    path("screening/<int:item_pk>/", screen_view, name="screen"),
    path("screening/<int:item_pk>/history/", history_summary_view, name="history_summary"),
    path("screening/<int:item_pk>/record/", screening_record_view, name="screening_record"),
    path("screening/<int:item_pk>/checks/new/", partner_check_view, name="partner_check"),
    path(
        "screening/<int:item_pk>/more-information/",
        more_information_view,
        name="more_information",
    ),
    path(
        "more-information/<int:request_pk>/",
        information_answer_view,
        name="information_answer",
    ),
    path("screening/<int:item_pk>/decision/", decide_view, name="decide"),
]
