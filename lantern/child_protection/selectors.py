"""Reads for child protection: single records that start from the user (house style §3), and
the timescales of every open child protection plan, worked out from the records by the
timescale engine in a fixed number of queries (the checks, the work lists and the pages all
use these, so they agree).

* Initial conference: due 15 working days from the strategy discussion that started the
  section 47 enquiry (transfer-in: from when we were told the child had moved).
* First core group: 10 working days after the initial conference (the plan's start).
* Review conferences: the first 3 months after the plan started, then 6 months after the last.
* Visits: the child seen on a visit (a case note of kind visit with the child seen) at the
  local interval (rule cp_visit, 10 working days unless changed) from the plan's start or the
  last such visit.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from lantern.casenotes.models import CaseNote
from lantern.child_protection.codes import ConferenceKind
from lantern.child_protection.models import Conference, CoreGroup
from lantern.child_protection.presenters import subsequent_line
from lantern.front_door.codes import Section47Outcome
from lantern.front_door.models import Section47
from lantern.people.selectors import child_record_get_for
from lantern.plans.models import Plan
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import Timescale, assess, load_rule_settings
from lantern.timescales.shared import per_selection, shared_selection

VIEW = "casework.view"
RECORD = "conference.record"


# -- single records, from the user --------------------------------------------------------------


def conference_get_for(*, user, pk, permission: str = VIEW) -> Conference:
    qs = Conference.objects.select_related("person", "chair", "plan", "section47", "review")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def core_group_get_for(*, user, pk, permission: str = VIEW) -> CoreGroup:
    qs = CoreGroup.objects.select_related("person", "plan", "review")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def cp_plan_get_for(*, user, pk, permission: str = VIEW) -> Plan:
    """A child protection plan (not another kind of plan)."""
    qs = Plan.objects.filter(kind=Plan.Kind.CHILD_PROTECTION).select_related("person")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def section47_get_for(*, user, pk, permission: str = RECORD) -> Section47:
    qs = Section47.objects.select_related("person", "referral", "strategy")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


# -- open plans and their timescales ------------------------------------------------------------


def _restrict(qs: QuerySet, person_ids: list[int] | None, field: str = "person_id") -> QuerySet:
    if person_ids is not None:
        qs = qs.filter(**{f"{field}__in": person_ids})
    return qs


def open_cp_plans(person_ids: list[int] | None, today: datetime.date) -> QuerySet[Plan]:
    return _restrict(
        Plan.objects.filter(
            kind=Plan.Kind.CHILD_PROTECTION, end_date__isnull=True, start_date__lte=today
        ),
        person_ids,
    )


def seen_visits(today: datetime.date | None = None) -> QuerySet[CaseNote]:
    """Visits at which the child was seen: what the visit timescale counts."""
    qs = CaseNote.objects.filter(kind=CaseNote.Kind.VISIT, child_seen=True)
    if today is not None:
        qs = qs.filter(occurred_on__lte=today)
    return qs


@dataclass(frozen=True)
class _OpenPlan:
    person_id: int
    plan_id: int
    start: datetime.date
    last_visit: datetime.date | None  # the child last seen on a visit during the plan
    last_review: datetime.date | None  # the last review conference held
    core_group_held: bool  # a core group has met on the plan


@per_selection
def _open_plans(
    person_ids: list[int] | None, today: datetime.date, calendar: WorkingDayCalendar
) -> list[_OpenPlan]:
    """Each open child protection plan with what its timescales start from, in one query: the
    visit, review and core group timescales below are read from it (on a team's page, once for
    the checks and the work list together)."""
    last_visit = (
        seen_visits(today)
        .filter(person_id=OuterRef("person_id"), occurred_on__gte=OuterRef("start_date"))
        .order_by("-occurred_on")
        .values("occurred_on")[:1]
    )
    last_review = (
        Conference.objects.filter(
            plan_id=OuterRef("pk"), kind=ConferenceKind.REVIEW, held_on__isnull=False
        )
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    held = CoreGroup.objects.filter(plan_id=OuterRef("pk"), held_on__isnull=False)
    plans = open_cp_plans(person_ids, today).annotate(
        last_visit=Subquery(last_visit), last_review=Subquery(last_review), held=Exists(held)
    )
    return [
        _OpenPlan(*row)
        for row in plans.values_list(
            "person_id", "pk", "start_date", "last_visit", "last_review", "held"
        )
    ]


@dataclass(frozen=True)
class VisitStatus:
    person_id: int
    plan_id: int
    plan_start: datetime.date
    last_visit: datetime.date | None  # the child last seen on a visit during the plan
    timescale: Timescale  # the next visit: due, status, label

    @property
    def next_due(self) -> datetime.date:
        return self.timescale.due


def cp_visit_status(
    person_ids: list[int] | None,
    today: datetime.date,
    calendar: WorkingDayCalendar,
    *,
    settings=None,
) -> dict[int, VisitStatus]:
    """For each child with an open child protection plan (of `person_ids`, or every child):
    the last visit at which they were seen during the plan and when the next is due —
    `due_date("cp_visit", last visit or the plan's start)`. Two queries (the plans with their
    last visit, and the local rule settings unless given)."""
    settings = load_rule_settings() if settings is None else settings
    out = {}
    for p in _open_plans(person_ids, today, calendar):
        last = p.last_visit
        ts = assess("cp_visit", last or p.start, today=today, calendar=calendar, settings=settings)
        out[p.person_id] = VisitStatus(p.person_id, p.plan_id, p.start, last, ts)
    return out


@dataclass(frozen=True)
class ReviewStatus:
    person_id: int
    plan_id: int
    last_review: datetime.date | None  # the last review conference held
    timescale: Timescale  # the next review conference

    @property
    def is_first(self) -> bool:
        return self.last_review is None


def cp_review_status(
    person_ids: list[int] | None, today: datetime.date, calendar: WorkingDayCalendar
) -> dict[int, ReviewStatus]:
    """For each child with an open child protection plan: when the next review conference is
    due — 3 months after the plan started (the initial conference), or 6 months after the last
    review conference held. One query."""
    out = {}
    for p in _open_plans(person_ids, today, calendar):
        if p.last_review is None:
            ts = assess("first_rcpc", p.start, today=today, calendar=calendar)
        else:
            ts = assess("next_rcpc", p.last_review, today=today, calendar=calendar)
        out[p.person_id] = ReviewStatus(p.person_id, p.plan_id, p.last_review, ts)
    return out


@dataclass(frozen=True)
class CoreGroupDue:
    person_id: int
    plan_id: int
    timescale: Timescale


def first_core_group_status(
    person_ids: list[int] | None, today: datetime.date, calendar: WorkingDayCalendar
) -> dict[int, CoreGroupDue]:
    """Children on an open child protection plan whose first core group has not been held:
    due 10 working days after the plan started. One query."""
    return {
        p.person_id: CoreGroupDue(
            p.person_id,
            p.plan_id,
            assess("first_core_group", p.start, today=today, calendar=calendar),
        )
        for p in _open_plans(person_ids, today, calendar)
        if not p.core_group_held
    }


@dataclass(frozen=True)
class IcpcDue:
    """An initial (or transfer-in) conference not yet held."""

    person_id: int
    kind: str
    timescale: Timescale
    section47: Section47 | None
    conference: Conference | None  # the conference arranged, if it has been

    @property
    def planned_on(self) -> datetime.date | None:
        return self.conference.planned_on if self.conference else None


@per_selection
def icpcs_due(
    person_ids: list[int] | None,
    today: datetime.date,
    calendar: WorkingDayCalendar,
    *,
    with_person: bool = False,
) -> list[IcpcDue]:
    """Section 47 enquiries whose outcome is to convene an initial conference that has not
    been held (due 15 working days from the strategy discussion), and transfer-in conferences
    not yet held (due 15 working days from when we were told). Three queries."""
    held = Conference.objects.filter(
        section47_id=OuterRef("pk"), kind=ConferenceKind.INITIAL, held_on__isnull=False
    )
    arranged = Conference.objects.filter(section47_id=OuterRef("pk"), kind=ConferenceKind.INITIAL)
    enquiries = _restrict(
        Section47.objects.filter(outcome=Section47Outcome.ICPC).filter(~Exists(held)),
        person_ids,
    ).annotate(conference_id=Subquery(arranged.values("pk")[:1]))
    transfers = _restrict(
        Conference.objects.filter(kind=ConferenceKind.TRANSFER_IN, held_on__isnull=True),
        person_ids,
    )
    if with_person:
        enquiries = enquiries.select_related("person")
        transfers = transfers.select_related("person")
    enquiries = list(enquiries)
    arranged_ids = [e.conference_id for e in enquiries if e.conference_id]
    pending = (
        {c.section47_id: c for c in Conference.objects.filter(pk__in=arranged_ids)}
        if arranged_ids
        else {}
    )
    out = [
        IcpcDue(
            e.person_id,
            ConferenceKind.INITIAL,
            assess("icpc", e.start_date, today=today, calendar=calendar),
            e,
            pending.get(e.pk),
        )
        for e in enquiries
    ]
    out += [
        IcpcDue(
            c.person_id,
            ConferenceKind.TRANSFER_IN,
            assess("icpc", c.notified_on, today=today, calendar=calendar),
            None,
            c,
        )
        for c in transfers
    ]
    return sorted(out, key=lambda i: (i.timescale.due, i.person_id))


# -- second or subsequent plans -----------------------------------------------------------------


def previous_cp_plan_counts(plans: list[Plan]) -> dict[int, int]:
    """NumberOfPreviousCPP (CIN census) for each of a child's CP plans, by plan pk: how many
    of the same child's child protection plans started before it. `plans` are all of one or
    more children's CP plans."""
    by_person: dict[int, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_person[plan.person_id].append(plan)
    out = {}
    for items in by_person.values():
        items.sort(key=lambda p: (p.start_date, p.pk))
        for n, plan in enumerate(items):
            out[plan.pk] = n
    return out


def previous_cp_plans(person_ids: list[int]) -> dict[int, tuple[datetime.date, int]]:
    """For each of these children with an open CP plan: (the plan's start, how many earlier
    CP plans they had). One query."""
    earlier = Plan.objects.filter(
        kind=Plan.Kind.CHILD_PROTECTION,
        person_id=OuterRef("person_id"),
        start_date__lt=OuterRef("start_date"),
    )
    rows = (
        Plan.objects.filter(
            kind=Plan.Kind.CHILD_PROTECTION, end_date__isnull=True, person_id__in=person_ids
        )
        .annotate(
            previous=Subquery(
                earlier.order_by().values("person_id").annotate(n=Count("pk")).values("n")[:1]
            )
        )
        .values_list("person_id", "start_date", "previous")
    )
    return {pid: (start, n or 0) for pid, start, n in rows}


# -- the child's child protection record --------------------------------------------------------


@dataclass
class PlanSummary:
    plan: Plan
    previous: int  # NumberOfPreviousCPP
    conferences: list[Conference]
    review_dates: list[datetime.date]  # CPPreviewDate: review conferences held
    core_groups: list[CoreGroup]
    visits: list[CaseNote]
    visit: VisitStatus | None = None
    review: ReviewStatus | None = None
    core_group: CoreGroupDue | None = None

    @property
    def is_subsequent(self) -> bool:
        return self.previous > 0

    @property
    def subsequent_line(self) -> str:
        return subsequent_line(self.previous)


def cp_record(person_ids: list[int], today: datetime.date, calendar: WorkingDayCalendar) -> dict:
    """Everything on the child protection page for one child (whose record is `person_ids`:
    theirs and any merged into it): conferences, CP plans (newest first) each with its
    conferences, review dates, core groups and visits, what is due, and initial conferences
    awaited. A fixed number of queries however long the history."""
    conferences = list(
        Conference.objects.filter(person_id__in=person_ids)
        .select_related("chair")
        .annotate(
            attended=Count("attendees", filter=Q(attendees__attended=True)),
            reports=Count("attendees", filter=Q(attendees__report_submitted=True)),
        )
        .order_by("-due_date", "-pk")
    )
    plans = list(
        Plan.objects.filter(person_id__in=person_ids, kind=Plan.Kind.CHILD_PROTECTION).order_by(
            "-start_date", "-pk"
        )
    )
    groups = list(
        CoreGroup.objects.filter(person_id__in=person_ids)
        .annotate(attended=Count("attendees", filter=Q(attendees__attended=True)))
        .order_by("-held_on", "-due_date", "-pk")
    )
    visits: list[CaseNote] = []
    if plans:
        earliest = min(p.start_date for p in plans)
        visits = list(
            CaseNote.objects.filter(
                person_id__in=person_ids,
                kind=CaseNote.Kind.VISIT,
                occurred_on__gte=earliest,
                occurred_on__lte=today,
            ).order_by("-occurred_on", "-pk")
        )
    previous = previous_cp_plan_counts(plans)
    open_ids = [p.person_id for p in plans if p.end_date is None]
    visit_status, review_status, group_status = {}, {}, {}
    if open_ids:
        with shared_selection():  # the three read one query between them
            visit_status = cp_visit_status(open_ids, today, calendar)
            review_status = cp_review_status(open_ids, today, calendar)
            group_status = first_core_group_status(open_ids, today, calendar)
    summaries = []
    for plan in plans:
        end = plan.end_date or today
        mine = [c for c in conferences if c.plan_id == plan.pk]
        summaries.append(
            PlanSummary(
                plan=plan,
                previous=previous[plan.pk],
                conferences=mine,
                review_dates=sorted(
                    c.held_on for c in mine if c.kind == ConferenceKind.REVIEW and c.held_on
                ),
                core_groups=[g for g in groups if g.plan_id == plan.pk],
                visits=[v for v in visits if plan.start_date <= v.occurred_on <= end],
                visit=_for_plan(visit_status, plan),
                review=_for_plan(review_status, plan),
                core_group=_for_plan(group_status, plan),
            )
        )
    return {
        "conferences": conferences,
        "plans": summaries,
        "current": next((s for s in summaries if s.plan.end_date is None), None),
        "awaited": icpcs_due(person_ids, today, calendar),
    }


def _for_plan(statuses: dict, plan: Plan):
    status = statuses.get(plan.person_id)
    return status if status is not None and status.plan_id == plan.pk else None


def plan_record(plan: Plan, today: datetime.date, calendar: WorkingDayCalendar) -> PlanSummary:
    """One CP plan's page: the same summary as on the child's page."""
    record = cp_record([plan.person_id], today, calendar)
    return next(s for s in record["plans"] if s.plan.pk == plan.pk)


# -- the conferences list -----------------------------------------------------------------------


@dataclass(frozen=True)
class DueConference:
    person: object
    kind: str
    title: str
    timescale: Timescale
    planned_on: datetime.date | None
    url: str


def conferences_due(
    today: datetime.date, calendar: WorkingDayCalendar, *, limit: int = 200
) -> list[DueConference]:
    """Every conference not yet held — initial and transfer-in conferences awaited, and the
    next review conference of each open plan — overdue first, then by due date. A fixed number
    of queries."""
    from django.urls import reverse

    out = []
    for item in icpcs_due(None, today, calendar, with_person=True):
        person = item.section47.person if item.section47 else item.conference.person
        url = (
            reverse("child_protection:icpc_record", args=[item.section47.pk])
            if item.section47
            else item.conference.get_absolute_url()
        )
        title = ConferenceKind(item.kind).label
        out.append(DueConference(person, item.kind, title, item.timescale, item.planned_on, url))
    reviews = cp_review_status(None, today, calendar)
    plans = {
        p.pk: p
        for p in Plan.objects.filter(pk__in=[r.plan_id for r in reviews.values()]).select_related(
            "person"
        )
    }
    booked = dict(
        Conference.objects.filter(
            plan_id__in=plans, kind=ConferenceKind.REVIEW, held_on__isnull=True
        ).values_list("plan_id", "planned_on")
    )
    for status in reviews.values():
        plan = plans[status.plan_id]
        out.append(
            DueConference(
                plan.person,
                ConferenceKind.REVIEW,
                "First review conference" if status.is_first else "Review conference",
                status.timescale,
                booked.get(plan.pk),
                reverse("child_protection:review_record", args=[plan.pk]),
            )
        )
    out.sort(key=lambda d: (d.timescale.due, d.person.pk))
    return out[:limit]
