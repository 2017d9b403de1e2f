"""Child protection pages: the child's conferences, plans, core groups and visits; recording
conferences and core groups; the conferences due.

Routes (mounted under /child-protection/):
  conferences/                               conference_list     casework.view      all due
  child/<person_pk>/                         child               casework.view      the child
  plans/<cp_plan_pk>/                        plan                casework.view      a CP plan
  plans/<cp_plan_pk>/review/                 review_record       conference.record  review
  plans/<cp_plan_pk>/core-group/             core_group_record   conference.record  core group
  conferences/<conference_pk>/               conference          casework.view      a conference
  conferences/<conference_pk>/book/          conference_book     conference.record  book a date
  core-groups/<core_group_pk>/               core_group          casework.view      a core group
  section-47/<section47_pk>/icpc/            icpc_record         conference.record  the ICPC
  conferences/<conference_pk>/record/        record              conference.record  an arranged
                                                                                    ICPC or
                                                                                    transfer-in
  child/<person_pk>/transfer-in/             transfer_in         conference.record  arrange one
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.child_protection import selectors
from lantern.child_protection.codes import DECIDING_KINDS, ConferenceKind
from lantern.child_protection.forms import (
    BookForm,
    CoreGroupForm,
    IcpcForm,
    ProgressForm,
    ReviewConferenceForm,
    TransferInForm,
    attendee_rows,
)
from lantern.child_protection.models import Conference, CoreGroup
from lantern.child_protection.services import (
    conference_book,
    conference_schedule,
    core_group_record,
    icpc_record,
    next_review_due,
    review_conference_record,
)
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.codes import Section47Outcome
from lantern.people.selectors import person_get_for, record_ids
from lantern.people.views.common import log_record_view, open_or_break_glass
from lantern.plans.presenters import numbered
from lantern.timescales.calendar import get_calendar

VIA = "child protection"


def _version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _add_errors(error: ValidationError, form, attendees=None, progress=None) -> None:
    """A service's ValidationError onto the page: about the attendees to their rows, about
    progress above the progress table, the rest to the form."""
    if not hasattr(error, "error_dict"):
        form.add_service_errors(error)
        return
    for name, errors in error.error_dict.items():
        messages_ = [m for e in errors for m in e.messages]
        if name == "attendees" and attendees is not None:
            for m in messages_:
                attendees.add_error(m)
        elif name == "progress" and progress is not None:
            for m in messages_:
                progress.add_error(None, m)
        else:
            form.add_service_errors(ValidationError({name: messages_}))


def _page_errors(form, attendees=None, progress=None) -> list[dict]:
    out = list(form.error_summary())
    if attendees is not None:
        out += attendees.error_summary()
    if progress is not None:
        out += progress.error_summary()
    return out


def _saved(request, message: str, obj) -> None:
    messages.success(request, message)
    found = getattr(obj, "language_matches", None) or []
    if found:
        phrases = ", ".join(sorted({f"“{m.phrase}”" for m in found}))
        messages.warning(
            request,
            f"The practice-language check found {phrases}: read the record again and say "
            "plainly what happened to the child.",
        )


# -- reading ------------------------------------------------------------------------------------


@requires("casework.view")
def child_view(request, person_pk):
    person, response = open_or_break_glass(
        request, person_get_for, pk=person_pk, permission="casework.view"
    )
    if response:
        return response
    log_record_view(request, person, via=VIA)
    today = timezone.localdate()
    record = selectors.cp_record(record_ids(person), today, get_calendar())
    return render(
        request,
        "child_protection/child.html",
        {
            "person": person,
            "today": today,
            "can_record": has_perm(request.user, "conference.record"),
            **record,
        },
    )


@requires("casework.view")
def plan_view(request, cp_plan_pk):
    plan, response = open_or_break_glass(request, selectors.cp_plan_get_for, pk=cp_plan_pk)
    if response:
        return response
    log_record_view(request, plan.person, via=VIA)
    today = timezone.localdate()
    summary = selectors.plan_record(plan, today, get_calendar())
    return render(
        request,
        "child_protection/plan.html",
        {
            "person": plan.person,
            "plan": plan,
            "summary": summary,
            "can_record": has_perm(request.user, "conference.record") and plan.is_open,
        },
    )


@requires("casework.view")
def conference_view(request, conference_pk):
    conference, response = open_or_break_glass(
        request, selectors.conference_get_for, pk=conference_pk
    )
    if response:
        return response
    log_record_view(request, conference.person, via=VIA)
    progress = []
    if conference.review_id:
        progress = conference.review.progress.select_related("action").order_by(
            "action__order", "action_id"
        )
    can_record = has_perm(request.user, "conference.record") and not conference.is_held
    return render(
        request,
        "child_protection/conference.html",
        {
            "person": conference.person,
            "conference": conference,
            "attendees": list(conference.attendees.all()),
            "progress": progress,
            "can_record": can_record,
            "plan_open": conference.plan is not None and conference.plan.is_open,
        },
    )


@requires("casework.view")
def core_group_view(request, core_group_pk):
    group, response = open_or_break_glass(request, selectors.core_group_get_for, pk=core_group_pk)
    if response:
        return response
    log_record_view(request, group.person, via=VIA)
    progress = []
    if group.review_id:
        progress = group.review.progress.select_related("action").order_by(
            "action__order", "action_id"
        )
    return render(
        request,
        "child_protection/core_group.html",
        {
            "person": group.person,
            "group": group,
            "attendees": list(group.attendees.all()),
            "progress": progress,
        },
    )


@requires("casework.view")
def conference_list_view(request):
    today = timezone.localdate()
    due = selectors.conferences_due(today, get_calendar())
    return render(
        request,
        "child_protection/conference_list.html",
        {
            "overdue": [d for d in due if d.timescale.due < today],
            "upcoming": [d for d in due if d.timescale.due >= today],
        },
    )


# -- recording ----------------------------------------------------------------------------------


@requires("conference.record")
def icpc_record_view(request, section47_pk):
    enquiry, response = open_or_break_glass(request, selectors.section47_get_for, pk=section47_pk)
    if response:
        return response
    if enquiry.outcome != Section47Outcome.ICPC:
        messages.info(
            request,
            "Record the enquiry's outcome as an initial child protection conference first",
        )
        return redirect("front_door:section47", section47_pk=enquiry.pk)
    conference = Conference.objects.filter(section47=enquiry, kind=ConferenceKind.INITIAL).first()
    return _record_deciding_conference(request, enquiry.person, enquiry, conference)


@requires("conference.record")
def conference_record_view(request, conference_pk):
    """Recording an arranged initial or transfer-in conference (a review has its own page)."""
    conference, response = open_or_break_glass(
        request, selectors.conference_get_for, pk=conference_pk, permission="conference.record"
    )
    if response:
        return response
    if conference.kind not in DECIDING_KINDS:
        messages.info(request, "Record a review conference from the child protection plan")
        return redirect(conference)
    return _record_deciding_conference(request, conference.person, conference.section47, conference)


def _record_deciding_conference(request, person, enquiry, conference):
    """The page recording an initial or transfer-in conference: attendance, the chair, the
    decision, category and outline plan. `enquiry` is the section 47 enquiry that called it
    (None for a transfer-in); `conference` is None until one is arranged."""
    if conference is not None and conference.is_held:
        messages.info(request, "This conference has already been recorded")
        return redirect(conference)
    data = request.POST or None
    form = IcpcForm(data, initial={"held_on": conference.planned_on if conference else None})
    attendees = attendee_rows(data)
    if request.method == "POST" and all([form.is_valid(), attendees.is_valid()]):
        try:
            saved = icpc_record(
                by=request.user,
                section47=enquiry,
                conference=conference,
                attendees=attendees.values(),
                version=_version(request) if conference else None,
                **form.service_kwargs(),
            )
        except ValidationError as error:
            _add_errors(error, form, attendees)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            _saved(request, f"{saved.get_kind_display()} recorded", saved)
            return redirect(saved)
    due = conference.due_date if conference else enquiry.icpc_due
    return render(
        request,
        "child_protection/icpc_record.html",
        {
            "person": person,
            "enquiry": enquiry,
            "conference": conference,
            "transfer_in": conference is not None and conference.kind == ConferenceKind.TRANSFER_IN,
            "due": due,
            "form": form,
            "attendees": attendees,
            "errors": _page_errors(form, attendees),
        },
    )


@requires("conference.record")
def transfer_in_view(request, person_pk):
    """Arranging a transfer-in conference for a child who has moved here with a child
    protection plan from another authority."""
    person, response = open_or_break_glass(
        request, person_get_for, pk=person_pk, permission="conference.record"
    )
    if response:
        return response
    form = TransferInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conference = conference_schedule(
                by=request.user,
                person=person,
                kind=ConferenceKind.TRANSFER_IN,
                notified_on=form.cleaned_data["notified_on"],
                from_authority=form.cleaned_data["from_authority"],
                planned_on=form.cleaned_data["planned_on"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                f"Transfer-in conference arranged: due by {conference.due_date:%-d %B %Y}",
            )
            return redirect(conference)
    return render(request, "child_protection/transfer_in.html", {"person": person, "form": form})


def _open_actions(plan):
    return [(n, a) for n, a in numbered(plan.actions.all()) if a.is_open]


@requires("conference.record")
def review_record_view(request, cp_plan_pk):
    plan, response = open_or_break_glass(
        request, selectors.cp_plan_get_for, pk=cp_plan_pk, permission="conference.record"
    )
    if response:
        return response
    if not plan.is_open:
        messages.info(request, "This child protection plan has ended")
        return redirect("child_protection:plan", cp_plan_pk=plan.pk)
    pending = Conference.objects.filter(
        plan=plan, kind=ConferenceKind.REVIEW, held_on__isnull=True
    ).first()
    data = request.POST or None
    form = ReviewConferenceForm(
        data,
        initial={
            "category": plan.latest_category,
            "held_on": pending.planned_on if pending else None,
        },
    )
    attendees = attendee_rows(data)
    progress = ProgressForm(data, actions=_open_actions(plan), prefix="progress")
    if request.method == "POST" and all(
        [form.is_valid(), attendees.is_valid(), progress.is_valid()]
    ):
        try:
            saved = review_conference_record(
                by=request.user,
                plan=plan,
                attendees=attendees.values(),
                progress=progress.progress(),
                version=_version(request) if pending else None,
                **form.service_kwargs(),
            )
        except ValidationError as error:
            _add_errors(error, form, attendees, progress)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            _saved(request, "Review child protection conference recorded", saved)
            return redirect(saved)
    return render(
        request,
        "child_protection/review_record.html",
        {
            "person": plan.person,
            "plan": plan,
            "pending": pending,
            "due": pending.due_date if pending else next_review_due(plan),
            "form": form,
            "attendees": attendees,
            "progress": progress,
            "errors": _page_errors(form, attendees, progress),
        },
    )


@requires("conference.record")
def core_group_record_view(request, cp_plan_pk):
    plan, response = open_or_break_glass(
        request, selectors.cp_plan_get_for, pk=cp_plan_pk, permission="conference.record"
    )
    if response:
        return response
    if not plan.is_open:
        messages.info(request, "This child protection plan has ended")
        return redirect("child_protection:plan", cp_plan_pk=plan.pk)
    pending = CoreGroup.objects.filter(plan=plan, held_on__isnull=True).first()
    data = request.POST or None
    form = CoreGroupForm(data)
    attendees = attendee_rows(data)
    progress = ProgressForm(data, actions=_open_actions(plan), prefix="progress")
    if request.method == "POST" and all(
        [form.is_valid(), attendees.is_valid(), progress.is_valid()]
    ):
        try:
            saved = core_group_record(
                by=request.user,
                plan=plan,
                held_on=form.cleaned_data["held_on"],
                summary=form.cleaned_data["summary"],
                attendees=attendees.values(),
                progress=progress.progress(),
                version=_version(request) if pending else None,
            )
        except ValidationError as error:
            _add_errors(error, form, attendees, progress)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            _saved(request, "Core group meeting recorded", saved)
            return redirect(saved)
    return render(
        request,
        "child_protection/core_group_record.html",
        {
            "person": plan.person,
            "plan": plan,
            "pending": pending,
            "form": form,
            "attendees": attendees,
            "progress": progress,
            "errors": _page_errors(form, attendees, progress),
        },
    )


@requires("conference.record")
def conference_book_view(request, conference_pk):
    conference, response = open_or_break_glass(
        request, selectors.conference_get_for, pk=conference_pk, permission="conference.record"
    )
    if response:
        return response
    if conference.is_held:
        messages.info(request, "This conference has already been held")
        return redirect(conference)
    form = BookForm(request.POST or None, initial={"planned_on": conference.planned_on})
    if request.method == "POST" and form.is_valid():
        try:
            conference_book(
                by=request.user,
                conference=conference,
                planned_on=form.cleaned_data["planned_on"],
                version=_version(request),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Conference date booked")
            return redirect(conference)
    return render(
        request,
        "child_protection/conference_book.html",
        {"person": conference.person, "conference": conference, "form": form},
    )


urlpatterns = [
    path("conferences/", conference_list_view, name="conference_list"),
    path("child/<int:person_pk>/", child_view, name="child"),
    path("plans/<int:cp_plan_pk>/", plan_view, name="plan"),
    path("plans/<int:cp_plan_pk>/review/", review_record_view, name="review_record"),
    path("plans/<int:cp_plan_pk>/core-group/", core_group_record_view, name="core_group_record"),
    path("conferences/<int:conference_pk>/", conference_view, name="conference"),
    path("conferences/<int:conference_pk>/book/", conference_book_view, name="conference_book"),
    path("core-groups/<int:core_group_pk>/", core_group_view, name="core_group"),
    path("section-47/<int:section47_pk>/icpc/", icpc_record_view, name="icpc_record"),
    path("conferences/<int:conference_pk>/record/", conference_record_view, name="record"),
    path("child/<int:person_pk>/transfer-in/", transfer_in_view, name="transfer_in"),
]
