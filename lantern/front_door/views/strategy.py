"""Referrals, strategy discussions and section 47 enquiries (CP1–CP3).

Routes (mounted under /front-door/):
  strategy/                              strategy_list      contact.view     work to do, recent
  referrals/<referral_pk>/               referral           contact.view     the referral (POST
                                                                             closes it: needs
                                                                             strategy.record)
  referrals/<referral_pk>/strategy/new/  strategy_new       strategy.record  schedule a discussion
  strategy/<strategy_pk>/                strategy           contact.view     the discussion
  strategy/<strategy_pk>/record/         strategy_record    strategy.record  its record
  section-47/<section47_pk>/             section47          contact.view     the enquiry
  section-47/<section47_pk>/child-seen/  section47_seen     strategy.record  who saw the child
  section-47/<section47_pk>/outcome/     section47_outcome  strategy.record  the outcome
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from lantern.accounts.permissions import has_perm, requires
from lantern.front_door.codes import Agency, Section47Outcome, StrategyDecision
from lantern.front_door.forms.common import aware
from lantern.front_door.forms_meetings import (
    PREFILLED_AGENCIES,
    ChildSeenForm,
    Section47OutcomeForm,
    StrategyRecordForm,
    StrategyScheduleForm,
    action_rows,
    add_page_errors,
    attendee_rows,
    page_errors,
)
from lantern.front_door.models import Decision, Section47, StrategyDiscussion
from lantern.front_door.presenters import Tag, when
from lantern.front_door.selectors import referral_get_for, section47_get_for, strategy_get_for
from lantern.front_door.services import (
    section47_child_seen,
    section47_outcome_record,
    strategy_record,
    strategy_schedule,
)
from lantern.front_door.services.strategy import absent_key_agencies
from lantern.people.views.common import log_record_view, open_or_break_glass
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Timescale, assess, due_at, load_rule_settings

# Strategy discussions start with a row for each key agency and for the referrer (CP1).
STRATEGY_AGENCIES = [*PREFILLED_AGENCIES, Agency.REFERRER]
# How many rows each list on the strategy page shows (the oldest first for work to do).
LIST_LIMIT = 100
RECENT = 20


# -- presenters ---------------------------------------------------------------------------------


def record_status(
    discussion: StrategyDiscussion, *, now: datetime.datetime, calendar=None, settings=None
) -> Tag:
    """Whether a discussion's record is on time: due one working day after it is held, at the
    same time of day (CP2, as the check counts it). Lists pass one calendar and one set of
    rule settings for all their rows."""
    due = due_at("strategy_record", discussion.held_at, calendar=calendar, settings=settings)
    if discussion.recorded_at is not None:
        if discussion.recorded_at <= due:
            return Tag("Recorded on time", "green")
        return Tag("Recorded late", "orange")
    if discussion.held_at > now:
        return Tag("Not held yet", "grey")
    if now > due:
        return Tag(f"Record overdue since {when(due, now=now)}", "red")
    return Tag(f"Record due {when(due, now=now)}", "yellow")


def absent_warning(absent: list[str]) -> str:
    """The CP1 warning on a recorded discussion without a key agency ("" when none)."""
    if not absent:
        return ""
    return (
        f"Not in the discussion: {', '.join(absent)}. Police and health are needed as a "
        "minimum, with the child's school or nursery or the referrer. Share the decision with "
        "them, get what they know, and reconvene if it changes the decision."
    )


def icpc_timescale(enquiry: Section47, *, calendar=None, settings=None) -> Timescale | None:
    """The initial conference's timescale (15 working days from the strategy discussion);
    None when the enquiry's outcome means no conference is needed."""
    if enquiry.outcome and enquiry.outcome != Section47Outcome.ICPC:
        return None
    done_on = enquiry.outcome_date if enquiry.outcome == Section47Outcome.ICPC else None
    return assess("icpc", enquiry.start_date, done_on=done_on, calendar=calendar, settings=settings)


# -- the list -----------------------------------------------------------------------------------


@requires("contact.view")
def strategy_list_view(request):
    now = timezone.now()
    calendar, settings = get_calendar(), load_rule_settings()
    pending = StrategyDiscussion.objects.filter(recorded_at__isnull=True)
    to_record = [
        {"discussion": d, "status": record_status(d, now=now, calendar=calendar, settings=settings)}
        for d in pending.select_related("person").order_by("held_at", "id")[:LIST_LIMIT]
    ]
    enquiries = Section47.objects.filter(outcome="")
    open_enquiries = [
        {"enquiry": e, "icpc": icpc_timescale(e, calendar=calendar, settings=settings)}
        for e in enquiries.select_related("person").order_by("start_date", "id")[:LIST_LIMIT]
    ]
    recent = [
        {"discussion": d, "absent": absent_key_agencies(d.attendees.all(), d.referral.source)}
        for d in StrategyDiscussion.objects.filter(recorded_at__isnull=False)
        .select_related("person", "referral")
        .prefetch_related("attendees")
        .order_by("-recorded_at", "-id")[:RECENT]
    ]
    return render(
        request,
        "front_door/strategy_list.html",
        {
            "to_record": to_record,
            "to_record_total": pending.count(),
            "open_enquiries": open_enquiries,
            "open_total": enquiries.count(),
            "recent": recent,
            "limit": LIST_LIMIT,
        },
    )


# -- referrals ----------------------------------------------------------------------------------


@require_GET
@requires("contact.view")
def referral_view(request, referral_pk):
    referral, redirect_response = open_or_break_glass(request, referral_get_for, pk=referral_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, referral.person, via="front door")
    can_record = has_perm(request.user, "strategy.record")
    # Closing or stepping down goes through a closure request and a manager's approval, with
    # the FD8 and CP6 checks (lantern.closure); the referral page links there.
    user = request.user
    casework = {
        "can_assess": referral.is_open and has_perm(user, "assessment.record"),
        "can_plan": referral.is_open and has_perm(user, "plan.record"),
        "can_request_closure": referral.is_open and has_perm(user, "closure.request"),
    }
    decision = (
        Decision.objects.filter(referral=referral)
        .select_related("contact_child__contact", "decided_by")
        .first()
    )
    return render(
        request,
        "front_door/referral.html",
        {
            "referral": referral,
            "decision": decision,
            "discussions": referral.strategy_discussions.all(),
            "enquiries": referral.section47s.all(),
            "can_record": can_record,
            "assessments": referral.assessments.all(),
            "plans": referral.plans.all(),
            "closure_requests": referral.closure_requests.select_related("requested_by").all(),
            **casework,
        },
    )


@requires("strategy.record")
def strategy_new_view(request, referral_pk):
    referral, redirect_response = open_or_break_glass(request, referral_get_for, pk=referral_pk)
    if redirect_response:
        return redirect_response
    if not referral.is_open:
        messages.info(request, "The referral is closed: a new referral is needed first")
        return redirect("front_door:referral", referral_pk=referral.pk)
    form = StrategyScheduleForm(
        request.POST or None,
        initial={"held_on": timezone.localdate(), "kind": StrategyDiscussion.Kind.DISCUSSION},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        held_at = aware(d["held_on"], d["held_time"])
        try:
            discussion = strategy_schedule(
                by=request.user,
                referral=referral,
                held_at=held_at,
                reason=d["reason"],
                kind=d["kind"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if held_at <= timezone.now():
                messages.success(
                    request, f"{discussion.get_kind_display()} added: record what was decided"
                )
                return redirect("front_door:strategy_record", strategy_pk=discussion.pk)
            messages.success(
                request, f"{discussion.get_kind_display()} scheduled for {when(held_at)}"
            )
            return redirect("front_door:strategy", strategy_pk=discussion.pk)
    return render(request, "front_door/strategy_new.html", {"form": form, "referral": referral})


# -- strategy discussions -----------------------------------------------------------------------


@requires("contact.view")
def strategy_view(request, strategy_pk):
    discussion, redirect_response = open_or_break_glass(request, strategy_get_for, pk=strategy_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, discussion.person, via="front door")
    now = timezone.now()
    attendees = list(discussion.attendees.all())
    held = discussion.held_at <= now
    absent = (
        absent_key_agencies(attendees, discussion.referral.source) if discussion.is_recorded else []
    )
    return render(
        request,
        "front_door/strategy.html",
        {
            "discussion": discussion,
            "attendees": attendees,
            "absent_warning": absent_warning(absent),
            "actions": discussion.actions.all(),
            "enquiry": Section47.objects.filter(strategy=discussion).first(),
            "status": record_status(discussion, now=now),
            "held": held,
            "can_record": (
                has_perm(request.user, "strategy.record") and held and not discussion.is_recorded
            ),
        },
    )


@requires("strategy.record")
def strategy_record_view(request, strategy_pk):
    discussion, redirect_response = open_or_break_glass(
        request, strategy_get_for, pk=strategy_pk, permission="strategy.record"
    )
    if redirect_response:
        return redirect_response
    if discussion.is_recorded:
        messages.info(request, "This discussion has already been recorded")
        return redirect("front_door:strategy", strategy_pk=discussion.pk)
    if discussion.held_at > timezone.now():
        messages.info(request, "The discussion has not happened yet: record it once it is held")
        return redirect("front_door:strategy", strategy_pk=discussion.pk)
    data = request.POST or None
    form = StrategyRecordForm(data)
    attendees = attendee_rows(data, agencies=STRATEGY_AGENCIES)
    actions = action_rows(data)
    if request.method == "POST":
        valid = [form.is_valid(), attendees.is_valid(), actions.is_valid()]
        if all(valid):
            try:
                strategy_record(
                    by=request.user,
                    discussion=discussion,
                    attendees=attendees.values(),
                    actions=actions.values(),
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                add_page_errors(error, form, attendees=attendees, actions=actions)
            else:
                messages.success(request, f"{discussion.get_kind_display()} recorded")
                if form.cleaned_data["decision"] == StrategyDecision.S47:
                    return redirect("front_door:section47", section47_pk=discussion.section47.pk)
                return redirect("front_door:strategy", strategy_pk=discussion.pk)
    return render(
        request,
        "front_door/strategy_record.html",
        {
            "discussion": discussion,
            "form": form,
            "attendees": attendees,
            "actions": actions,
            "errors": page_errors(form, attendees, actions),
        },
    )


# -- section 47 enquiries -----------------------------------------------------------------------


@requires("contact.view")
def section47_view(request, section47_pk):
    enquiry, redirect_response = open_or_break_glass(request, section47_get_for, pk=section47_pk)
    if redirect_response:
        return redirect_response
    log_record_view(request, enquiry.person, via="front door")
    can_record = has_perm(request.user, "strategy.record")
    return render(
        request,
        "front_door/section47.html",
        {
            "enquiry": enquiry,
            "actions": enquiry.strategy.actions.all(),
            "icpc": icpc_timescale(enquiry),
            "can_record_seen": can_record and enquiry.child_seen_on is None,
            "can_record_outcome": can_record and not enquiry.outcome,
            "conference": enquiry.conferences.first(),
            "can_record_icpc": enquiry.outcome == Section47Outcome.ICPC
            and has_perm(request.user, "conference.record"),
        },
    )


def _section47_form(request, section47_pk, *, form_class, done, save, title, initial=None):
    """A form about an enquiry: refuse it once `done(enquiry)`, else bind and `save`."""
    enquiry, redirect_response = open_or_break_glass(
        request, section47_get_for, pk=section47_pk, permission="strategy.record"
    )
    if redirect_response:
        return redirect_response
    if done(enquiry):
        messages.info(request, "This is already recorded")
        return redirect("front_door:section47", section47_pk=enquiry.pk)
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            message = save(enquiry, form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, message)
            return redirect("front_door:section47", section47_pk=enquiry.pk)
    return render(
        request,
        "front_door/section47_form.html",
        {"enquiry": enquiry, "form": form, "title": title},
    )


@requires("strategy.record")
def section47_seen_view(request, section47_pk):
    def save(enquiry, d):
        section47_child_seen(
            by=request.user,
            enquiry=enquiry,
            seen_on=d["seen_on"],
            seen_by=d["seen_by"],
            seen_alone=d["seen_alone"] == "yes",
        )
        return "Recorded when the child was seen"

    return _section47_form(
        request,
        section47_pk,
        form_class=ChildSeenForm,
        done=lambda e: e.child_seen_on is not None,
        save=save,
        title="Record when the child was seen",
    )


@requires("strategy.record")
def section47_outcome_view(request, section47_pk):
    def save(enquiry, d):
        section47_outcome_record(
            by=request.user,
            enquiry=enquiry,
            outcome=d["outcome"],
            outcome_date=d["outcome_date"],
            reason=d["reason"],
        )
        return "Outcome recorded"

    return _section47_form(
        request,
        section47_pk,
        form_class=Section47OutcomeForm,
        done=lambda e: bool(e.outcome),
        save=save,
        title="Record the outcome of the enquiry",
        initial={"outcome_date": timezone.localdate()},
    )


urlpatterns = [
    path("strategy/", strategy_list_view, name="strategy_list"),
    path("referrals/<int:referral_pk>/", referral_view, name="referral"),
    path("referrals/<int:referral_pk>/strategy/new/", strategy_new_view, name="strategy_new"),
    path("strategy/<int:strategy_pk>/", strategy_view, name="strategy"),
    path("strategy/<int:strategy_pk>/record/", strategy_record_view, name="strategy_record"),
    path("section-47/<int:section47_pk>/", section47_view, name="section47"),
    path("section-47/<int:section47_pk>/child-seen/", section47_seen_view, name="section47_seen"),
    path(
        "section-47/<int:section47_pk>/outcome/", section47_outcome_view, name="section47_outcome"
    ),
]
