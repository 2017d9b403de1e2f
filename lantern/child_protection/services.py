"""Writes for child protection conferences and core groups (Working Together 2023).

* `conference_schedule` — an initial conference is needed once a section 47 enquiry's outcome
  is to convene one (recorded by the front door's `section47_outcome_record`); it is due 15
  working days from the strategy discussion that started the enquiry. A transfer-in conference
  (a child moving here with a plan from another authority) is due 15 working days from when we
  were told.
* `conference_book` — the date a conference is booked for.
* `icpc_record` — the initial (or transfer-in) conference held: attendance by agency, reports,
  the chair, the decision, category of abuse and outline plan. A plan starts the child
  protection plan on the day of the conference (CIN census 2885), ends an open child in need
  plan that day (the two cannot overlap), and sets the first core group (10 working days) and
  the first review conference (3 months) due.
* `review_conference_record` — a review: progress per plan action, and either the plan
  continues (the latest category may change; the next review is due 6 months later) or it ends.
* `core_group_record` — a core group meeting: attendance and progress per plan action.

Every due date comes from the timescale engine. Conferences cannot be held at a weekend (CIN
census 8875) or in the future."""

import datetime
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.accounts.permissions import has_perm
from lantern.child_protection.codes import (
    DECIDING_KINDS,
    INITIAL_DECISIONS,
    REVIEW_DECISIONS,
    ConferenceDecision,
    ConferenceKind,
)
from lantern.child_protection.models import Conference, ConferenceAttendee, CoreGroup
from lantern.common.audit import audit
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.codes import Agency, Section47Outcome
from lantern.front_door.models import Section47
from lantern.front_door.services.common import check_text, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.services.person import by_user
from lantern.plans.codes import CategoryOfAbuse
from lantern.plans.models import Plan
from lantern.plans.services import (
    plan_category_update,
    plan_end,
    plan_review_record,
    plan_start,
    plan_update,
)
from lantern.timescales.calendar import WorkingDayCalendar, get_calendar
from lantern.timescales.engine import due_date

PERMISSION = "conference.record"
CIN_PLAN_ENDED = "A child protection plan started at the initial child protection conference"


# -- shared checks ------------------------------------------------------------------------------


def _check_version(obj, version: int | None) -> None:
    """Optimistic concurrency: the form names the version it was opened on."""
    if version is not None and obj.version != version:
        raise ConcurrentEditError()


def _date_errors(
    day: datetime.date | None,
    *,
    today: datetime.date,
    what: str,
    not_before: datetime.date | None = None,
    not_before_message: str = "",
    weekday: bool = True,
) -> str | None:
    """The GOV.UK message for a meeting date that cannot be right, or None."""
    if day is None:
        return f"Enter the date of the {what}"
    if day > today:
        return f"The date of the {what} cannot be in the future"
    if weekday and day.weekday() >= 5:
        return f"A {what} cannot be held on a Saturday or Sunday"
    if not_before is not None and day < not_before:
        return not_before_message
    return None


def _clean_chair(chair) -> list[str]:
    if chair is None:
        return ["Select who chaired the conference"]
    if not has_perm(chair, PERMISSION):
        return ["The chair must be someone who can record child protection conferences"]
    return []


def clean_attendees(attendees: Sequence[Mapping]) -> list[ConferenceAttendee]:
    """Unsaved attendee rows: agency, name, role, invited, attended, report submitted. At
    least one person attended."""
    if not attendees:
        raise ValidationError({"attendees": "Record who was invited and who attended"})
    out = []
    for n, a in enumerate(attendees, 1):
        if a.get("agency") not in Agency.values:
            raise ValidationError({"attendees": f"Attendee {n}: select their agency"})
        name = (a.get("name") or "").strip()
        if not name:
            raise ValidationError({"attendees": f"Attendee {n}: enter their name"})
        out.append(
            ConferenceAttendee(
                agency=a["agency"],
                name=name[:200],
                role=(a.get("role") or "").strip()[:200],
                invited=bool(a.get("invited", True)),
                attended=bool(a.get("attended")),
                report_submitted=bool(a.get("report_submitted")),
            )
        )
    if not any(a.attended for a in out):
        raise ValidationError({"attendees": "Record at least one person who attended"})
    return out


def _open_cp_plan(plan: Plan) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.kind != Plan.Kind.CHILD_PROTECTION:
        raise ValidationError("This is not a child protection plan")
    if plan.end_date is not None:
        raise ValidationError("This child protection plan has ended")
    return plan


def next_review_due(plan: Plan, *, calendar: WorkingDayCalendar | None = None) -> datetime.date:
    """When the plan's next review conference is due: 3 months after the plan started (the
    initial conference), or 6 months after the last review conference held."""
    last = (
        Conference.objects.filter(plan=plan, kind=ConferenceKind.REVIEW, held_on__isnull=False)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    if last is None:
        return due_date("first_rcpc", plan.start_date, calendar=calendar)
    return due_date("next_rcpc", last, calendar=calendar)


def _language(by, conference_or_group, *, person, texts, label):
    return language_scan(
        by=by,
        person=person,
        source=conference_or_group,
        texts=texts,
        label=label,
        url=conference_or_group.get_absolute_url(),
    )


# -- arranging conferences ----------------------------------------------------------------------


@transaction.atomic
def conference_schedule(
    *,
    by,
    section47: Section47 | None = None,
    person: Person | None = None,
    kind: str = ConferenceKind.INITIAL,
    notified_on: datetime.date | None = None,
    from_authority: str = "",
    referral=None,
    planned_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Conference:
    """An initial conference for an enquiry whose outcome is to convene one, due 15 working
    days from the strategy discussion that started the enquiry; or a transfer-in conference
    for `person` moving here with a plan from `from_authority`, due 15 working days from
    `notified_on`, when that authority told us."""
    require_perm(by, PERMISSION)
    today = today or timezone.localdate()
    calendar = get_calendar()
    if kind == ConferenceKind.INITIAL:
        if section47 is None:
            raise ValueError("An initial conference needs its section 47 enquiry")
        section47 = Section47.objects.select_for_update().get(pk=section47.pk)
        if section47.outcome != Section47Outcome.ICPC:
            raise ValidationError(
                "Record the enquiry's outcome as an initial child protection conference first"
            )
        if Conference.objects.filter(section47=section47, kind=kind).exists():
            raise ValidationError("This enquiry already has an initial conference")
        person, referral, start = section47.person, section47.referral, section47.start_date
        due = due_date("icpc", section47.start_date, calendar=calendar)
    elif kind == ConferenceKind.TRANSFER_IN:
        if person is None:
            raise ValueError("A transfer-in conference needs the child")
        from_authority = (from_authority or "").strip()
        errors = {}
        if notified_on is None:
            errors["notified_on"] = "Enter the date the other local authority told us"
        elif notified_on > today:
            errors["notified_on"] = "The date cannot be in the future"
        if not from_authority:
            errors["from_authority"] = "Enter the local authority the child has moved from"
        if errors:
            raise ValidationError(errors)
        if Plan.objects.filter(
            person=person, kind=Plan.Kind.CHILD_PROTECTION, end_date__isnull=True
        ).exists():
            raise ValidationError("The child already has a child protection plan here")
        start, section47 = notified_on, None
        due = due_date("icpc", notified_on, calendar=calendar)
    else:
        raise ValueError(f"conference_schedule cannot arrange a {kind!r} conference")
    if planned_on is not None:
        if planned_on.weekday() >= 5:
            raise ValidationError(
                {"planned_on": "A conference cannot be booked for a Saturday or Sunday"}
            )
        if planned_on < start:
            raise ValidationError({"planned_on": "The date cannot be before the enquiry started"})
    conference = Conference(
        person=person,
        kind=kind,
        section47=section47,
        referral=referral,
        notified_on=notified_on if kind == ConferenceKind.TRANSFER_IN else None,
        from_authority=from_authority if kind == ConferenceKind.TRANSFER_IN else "",
        due_date=due,
        planned_on=planned_on,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    conference.full_clean()
    conference.save()
    audit(
        by=by,
        action="conference.scheduled",
        target=conference,
        person=person,
        detail={"kind": kind, "due": due.isoformat()},
    )
    return conference


@transaction.atomic
def conference_book(
    *,
    by,
    conference: Conference,
    planned_on: datetime.date,
    version: int | None = None,
    today: datetime.date | None = None,
) -> Conference:
    """Book (or move) the date of a conference not yet held."""
    require_perm(by, PERMISSION)
    today = today or timezone.localdate()
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    _check_version(conference, version)
    if conference.is_held:
        raise ValidationError("This conference has already been held")
    if planned_on is None:
        raise ValidationError({"planned_on": "Enter the date of the conference"})
    if planned_on < today:
        raise ValidationError({"planned_on": "The date must be today or in the future"})
    if planned_on.weekday() >= 5:
        raise ValidationError(
            {"planned_on": "A conference cannot be booked for a Saturday or Sunday"}
        )
    before = conference.planned_on
    conference.planned_on = planned_on
    conference.version += 1
    conference.updated_by = by_user(by)
    conference.full_clean()
    conference.save()
    audit(
        by=by,
        action="conference.booked",
        target=conference,
        person=conference.person,
        detail={
            "planned_on": planned_on.isoformat(),
            "was": before.isoformat() if before else None,
            "after_due_date": planned_on > conference.due_date,
        },
    )
    return conference


# -- the initial conference ---------------------------------------------------------------------


@transaction.atomic
def icpc_record(
    *,
    by,
    conference: Conference | None = None,
    section47: Section47 | None = None,
    held_on: datetime.date,
    chair,
    decision: str,
    reasons: str,
    attendees: Sequence[Mapping],
    category: str = "",
    outline: str = "",
    version: int | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Conference:
    """An initial (or transfer-in) child protection conference held. Pass the conference, or
    the section 47 enquiry whose outcome called it (the conference is arranged if it was not).

    On a decision of a plan: the child protection plan starts on `held_on` with the category
    of abuse, an open child in need plan ends that day, the first core group is due 10 working
    days later and the first review conference 3 months later. `now` (default now) is when it
    was recorded; the generator passes the moment it happened."""
    require_perm(by, PERMISSION)
    today = today or timezone.localdate()
    if conference is None:
        if section47 is None:
            raise ValueError("icpc_record needs the conference or its section 47 enquiry")
        conference = Conference.objects.filter(
            section47=section47, kind=ConferenceKind.INITIAL
        ).first() or conference_schedule(by=by, section47=section47, today=today)
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    _check_version(conference, version)
    if conference.kind not in DECIDING_KINDS:
        raise ValidationError("Record a review conference as a review")
    if conference.is_held:
        raise ValidationError("This conference has already been recorded")
    person = conference.person
    enquiry = conference.section47
    if enquiry is not None:
        earliest = enquiry.outcome_date or enquiry.start_date
        earliest_message = (
            "The conference cannot be before the enquiry decided to convene it "
            f"({earliest:%-d %B %Y})"
        )
    else:
        earliest = conference.notified_on
        earliest_message = "The conference cannot be before we were told the child had moved"

    errors: dict[str, list[str]] = {}
    message = _date_errors(
        held_on,
        today=today,
        what="conference",
        not_before=earliest,
        not_before_message=earliest_message,
    )
    if message:
        errors["held_on"] = [message]
    if chair_errors := _clean_chair(chair):
        errors["chair"] = chair_errors
    if decision not in INITIAL_DECISIONS:
        errors["decision"] = ["Select the conference's decision"]
    makes_plan = decision == ConferenceDecision.CP_PLAN
    if makes_plan:
        if category not in CategoryOfAbuse.values:
            errors["category"] = ["Select the category of abuse"]
        if not outline.strip():
            errors["outline"] = ["Enter the outline child protection plan"]
        if Plan.objects.filter(
            person=person, kind=Plan.Kind.CHILD_PROTECTION, end_date__isnull=True
        ).exists():
            errors.setdefault("decision", []).append(
                "The child already has a child protection plan: record a review conference instead"
            )
    if not reasons.strip():
        errors["reasons"] = ["Explain the conference's decision"]
    if errors:
        raise ValidationError(errors)
    check_text(outline=outline, reasons=reasons)
    rows = clean_attendees(attendees)
    calendar = get_calendar()

    plan = None
    if makes_plan:
        cin = (
            Plan.objects.select_for_update()
            .filter(person=person, kind=Plan.Kind.CHILD_IN_NEED, end_date__isnull=True)
            .first()
        )
        if cin is not None:
            if cin.start_date >= held_on:
                raise ValidationError(
                    {
                        "held_on": "The child in need plan started on or after this date: it "
                        "cannot end the day the child protection plan starts"
                    }
                )
            plan_end(by=by, plan=cin, end_date=held_on, reason=CIN_PLAN_ENDED)
        plan = plan_start(
            by=by,
            person=person,
            kind=Plan.Kind.CHILD_PROTECTION,
            start_date=held_on,
            referral=conference.referral,
            category=category,
            today=today,
        )
        # The plan's summary is the outline agreed at conference; its review date is the
        # first review conference's due date.
        first_review_due = due_date("first_rcpc", held_on, calendar=calendar)
        plan = plan_update(
            by=by,
            plan=plan,
            version=plan.version,
            summary=outline.strip(),
            review_date=first_review_due,
        )

    conference.held_on = held_on
    conference.chair = chair
    conference.decision = decision
    conference.category = category if makes_plan else ""
    conference.outline = outline.strip() if makes_plan else ""
    conference.reasons = reasons.strip()
    conference.plan = plan
    conference.recorded_at = now or timezone.now()
    conference.version += 1
    conference.updated_by = by_user(by)
    conference.full_clean()
    conference.save()
    for row in rows:
        row.conference = conference
    ConferenceAttendee.objects.bulk_create(rows)

    if plan is not None:
        first_core_group = CoreGroup(
            plan=plan,
            person=person,
            due_date=due_date("first_core_group", held_on, calendar=calendar),
            created_by=by_user(by),
            updated_by=by_user(by),
        )
        first_core_group.full_clean()
        first_core_group.save()
        first_review = Conference(
            person=person,
            kind=ConferenceKind.REVIEW,
            referral=conference.referral,
            plan=plan,
            due_date=first_review_due,
            created_by=by_user(by),
            updated_by=by_user(by),
        )
        first_review.full_clean()
        first_review.save()

    summary = f"{conference.get_kind_display()}: {ConferenceDecision(decision).label.lower()}"
    if makes_plan:
        summary += f" ({CategoryOfAbuse(category).label.lower()})"
    if held_on > conference.due_date:
        summary += f"; held after its due date of {conference.due_date:%-d %B %Y}"
    chronology_record(
        person=person,
        kind="conference",
        summary=summary,
        occurred_on=held_on,
        by=by,
        source=conference,
    )
    # The outline is the plan's summary, which the plan's own service checked.
    conference.language_matches = [
        *(plan.language_matches if plan is not None else []),
        *_language(
            by,
            conference,
            person=person,
            texts={"reasons": conference.reasons},
            label=f"{conference.get_kind_display()} {held_on:%-d %b %Y}",
        ),
    ]
    audit(
        by=by,
        action="conference.held",
        target=conference,
        person=person,
        reason=conference.reasons,
        detail={
            "kind": conference.kind,
            "decision": decision,
            "category": conference.category,
            "due": conference.due_date.isoformat(),
            "on_time": held_on <= conference.due_date,
            "attended": sum(r.attended for r in rows),
            "reports": sum(r.report_submitted for r in rows),
            "plan": plan.pk if plan else None,
        },
    )
    return conference


# -- review conferences -------------------------------------------------------------------------


def _pending_review(plan: Plan, *, by, calendar) -> Conference:
    """The plan's review conference that is due, locked; arranged now (due from the engine)
    when the plan came without one (a plan imported or started before conferences were
    recorded here)."""
    pending = (
        Conference.objects.select_for_update()
        .filter(plan=plan, kind=ConferenceKind.REVIEW, held_on__isnull=True)
        .first()
    )
    if pending is not None:
        return pending
    pending = Conference(
        person=plan.person,
        kind=ConferenceKind.REVIEW,
        referral=plan.referral,
        plan=plan,
        due_date=next_review_due(plan, calendar=calendar),
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    pending.full_clean()
    pending.save()
    return pending


@transaction.atomic
def review_conference_record(
    *,
    by,
    plan: Plan,
    held_on: datetime.date,
    chair,
    decision: str,
    reasons: str,
    attendees: Sequence[Mapping],
    progress: Mapping[int, tuple[str, str]],
    category: str = "",
    outline: str = "",
    end_reason: str = "",
    version: int | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Conference:
    """A review child protection conference held for an open plan: who came, progress on each
    of the plan's open actions (a PlanReview of kind "conference"), and the decision. If the
    plan continues, the latest category of abuse can change and the next review is due 6
    months later; if it ends, the plan ends on the day of the conference with `end_reason`.

    `version` is the version of the due review conference the form was opened on; `now`
    (default now) is when it was recorded."""
    require_perm(by, PERMISSION)
    today = today or timezone.localdate()
    calendar = get_calendar()
    plan = _open_cp_plan(plan)
    conference = _pending_review(plan, by=by, calendar=calendar)
    _check_version(conference, version)
    last_held = (
        Conference.objects.filter(plan=plan, held_on__isnull=False)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    errors: dict[str, list[str]] = {}
    message = _date_errors(held_on, today=today, what="conference")
    if message is None and held_on <= plan.start_date:
        message = "A review conference must be after the day the plan started"
    if message is None and last_held is not None and held_on <= last_held:
        message = f"A review conference must be after the last conference ({last_held:%-d %B %Y})"
    if message:
        errors["held_on"] = [message]
    if chair_errors := _clean_chair(chair):
        errors["chair"] = chair_errors
    if decision not in REVIEW_DECISIONS:
        errors["decision"] = ["Select the conference's decision"]
    continues = decision == ConferenceDecision.CONTINUE
    if continues and category not in CategoryOfAbuse.values:
        errors["category"] = ["Select the category of abuse"]
    if decision == ConferenceDecision.END_PLAN:
        if not end_reason.strip():
            errors["end_reason"] = ["Give the reason the plan is ending"]
        elif len(end_reason.strip()) > 200:
            errors["end_reason"] = ["Keep the reason to 200 characters or fewer"]
    if not reasons.strip():
        errors["reasons"] = ["Explain the conference's decision"]
    if errors:
        raise ValidationError(errors)
    check_text(outline=outline, reasons=reasons)
    rows = clean_attendees(attendees)

    next_due = due_date("next_rcpc", held_on, calendar=calendar) if continues else None
    # Progress per action, in the plan's own service (it checks every open action has one
    # and checks the summary's language).
    review = plan_review_record(
        by=by,
        plan=plan,
        kind="conference",
        held_on=held_on,
        summary=reasons.strip(),
        progress=dict(progress),
        next_review_date=next_due,
        today=today,
    )
    if continues and category != plan.latest_category:
        plan_category_update(
            by=by,
            plan=plan,
            category=category,
            changed_on=held_on,
            reason=f"Review child protection conference {held_on:%-d %b %Y}",
        )

    conference.held_on = held_on
    conference.chair = chair
    conference.decision = decision
    conference.category = category if continues else ""
    conference.outline = outline.strip()
    conference.reasons = reasons.strip()
    conference.review = review
    conference.recorded_at = now or timezone.now()
    conference.version += 1
    conference.updated_by = by_user(by)
    conference.full_clean()
    conference.save()
    for row in rows:
        row.conference = conference
    ConferenceAttendee.objects.bulk_create(rows)

    if continues:
        following = Conference(
            person=plan.person,
            kind=ConferenceKind.REVIEW,
            referral=plan.referral,
            plan=plan,
            due_date=next_due,
            created_by=by_user(by),
            updated_by=by_user(by),
        )
        following.full_clean()
        following.save()
    else:
        plan_end(by=by, plan=plan, end_date=held_on, reason=end_reason.strip())

    summary = f"Review child protection conference: {ConferenceDecision(decision).label.lower()}"
    if continues:
        summary += (
            f" ({CategoryOfAbuse(category).label.lower()}); next review by {next_due:%-d %B %Y}"
        )
    if held_on > conference.due_date:
        summary += f"; held after its due date of {conference.due_date:%-d %B %Y}"
    chronology_record(
        person=plan.person,
        kind="conference",
        summary=summary,
        occurred_on=held_on,
        by=by,
        source=conference,
    )
    conference.language_matches = [
        *review.language_matches,
        *_language(
            by,
            conference,
            person=plan.person,
            texts={"outline": conference.outline},
            label=f"Review child protection conference {held_on:%-d %b %Y}",
        ),
    ]
    audit(
        by=by,
        action="conference.held",
        target=conference,
        person=plan.person,
        reason=conference.reasons,
        detail={
            "kind": conference.kind,
            "decision": decision,
            "category": conference.category,
            "due": conference.due_date.isoformat(),
            "on_time": held_on <= conference.due_date,
            "attended": sum(r.attended for r in rows),
            "reports": sum(r.report_submitted for r in rows),
            "next_due": next_due.isoformat() if next_due else None,
        },
    )
    return conference


# -- core groups --------------------------------------------------------------------------------


@transaction.atomic
def core_group_record(
    *,
    by,
    plan: Plan,
    held_on: datetime.date,
    attendees: Sequence[Mapping],
    progress: Mapping[int, tuple[str, str]],
    summary: str = "",
    version: int | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> CoreGroup:
    """A core group meeting held for an open child protection plan: who came, and progress on
    each of the plan's open actions (a PlanReview of kind "core_group"). It is the plan's due
    core group (the first is due 10 working days after the initial conference) when there is
    one; later meetings are recorded as they happen. `version` is the due core group's; `now`
    (default now) is when it was recorded."""
    require_perm(by, PERMISSION)
    today = today or timezone.localdate()
    plan = _open_cp_plan(plan)
    group = CoreGroup.objects.select_for_update().filter(plan=plan, held_on__isnull=True).first()
    if group is not None:
        _check_version(group, version)
    message = _date_errors(
        held_on,
        today=today,
        what="core group meeting",
        not_before=plan.start_date,
        not_before_message="The core group cannot be before the plan started",
        weekday=False,
    )
    if message:
        raise ValidationError({"held_on": message})
    check_text(summary=summary)
    rows = clean_attendees(attendees)
    review = plan_review_record(
        by=by,
        plan=plan,
        kind="core_group",
        held_on=held_on,
        summary=summary.strip(),
        progress=dict(progress),
        today=today,
    )
    if group is None:
        group = CoreGroup(plan=plan, person=plan.person, created_by=by_user(by))
    else:
        group.version += 1
    group.held_on = held_on
    group.review = review
    group.recorded_at = now or timezone.now()
    group.updated_by = by_user(by)
    group.full_clean()
    group.save()
    for row in rows:
        row.core_group = group
    ConferenceAttendee.objects.bulk_create(rows)
    late = group.due_date is not None and held_on > group.due_date
    attended = sum(r.attended for r in rows)
    chronology_record(
        person=plan.person,
        kind="core_group",
        summary=f"Core group meeting: {attended} attended"
        + (f"; held after its due date of {group.due_date:%-d %B %Y}" if late else ""),
        occurred_on=held_on,
        by=by,
        source=group,
    )
    group.language_matches = review.language_matches
    audit(
        by=by,
        action="core_group.held",
        target=group,
        person=plan.person,
        detail={
            "due": group.due_date.isoformat() if group.due_date else None,
            "on_time": not late,
            "attended": attended,
            "progress": {str(pk): status for pk, (status, _note) in progress.items()},
        },
    )
    return group
