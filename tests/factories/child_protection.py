"""Child protection test data, made through the services: a section 47 enquiry whose outcome
is to convene an initial conference, the conference, reviews, core groups and visits."""

import datetime

from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.casenotes.services import casenote_add
from lantern.child_protection.services import (
    core_group_record,
    icpc_record,
    review_conference_record,
)
from lantern.front_door.models import Section47, StrategyDiscussion
from lantern.front_door.services import section47_outcome_record
from tests.factories import UserFactory, make_person
from tests.factories.front_door import decide, make_contact, record_strategy, screen

ATTENDEES = [
    {"agency": "social_care", "name": "Alex Reed", "role": "Social worker", "attended": True},
    {"agency": "police", "name": "DS Jo Hall", "attended": True, "report_submitted": True},
    {"agency": "health", "name": "Kim Lee", "role": "Health visitor", "attended": True},
    {"agency": "education", "name": "Sam Patel", "attended": False, "report_submitted": True},
]


def weekday_on_or_before(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def working_days_ago(n: int, today: datetime.date | None = None) -> datetime.date:
    """A weekday about n weekdays before today (bank holidays aside)."""
    day = today or timezone.localdate()
    while n:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def make_section47(worker, manager, child, *, start: datetime.date) -> Section47:
    """A section 47 enquiry about `child` started by a strategy discussion on `start` (a
    contact that morning, decided straight away)."""
    received = timezone.make_aware(datetime.datetime.combine(start, datetime.time(9, 0)))
    item = make_contact(worker, child, received_at=received).children.get()
    screen(worker, item, recommendation="strategy", level=4)
    decision = decide(
        manager,
        item,
        outcome="strategy",
        strategy_at=received + datetime.timedelta(hours=2),
        now=received + datetime.timedelta(hours=1),
        direction_due=start,
    )
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    record_strategy(
        worker,
        discussion,
        actions=[{"action": "Joint visit to see the child alone", "owner": "Alex", "due": start}],
    )
    return Section47.objects.get(strategy=discussion)


def convene(worker, enquiry: Section47, *, on: datetime.date | None = None) -> Section47:
    """The enquiry's outcome: convene an initial child protection conference."""
    return section47_outcome_record(
        by=worker,
        enquiry=enquiry,
        outcome="icpc",
        outcome_date=on or enquiry.start_date,
        reason="Significant harm substantiated: bruising and the child's account.",
    )


def make_chair():
    return UserFactory(role=Role.IRO, first_name="Robin", last_name="Chair")


def hold_icpc(by, enquiry: Section47, *, held_on, chair=None, decision="cp_plan", **kwargs):
    defaults = {
        "category": "PHY" if decision == "cp_plan" else "",
        "outline": "Father not to be alone with the children; school to monitor daily."
        if decision == "cp_plan"
        else "",
        "reasons": "The child has been physically harmed and the risk continues.",
        "attendees": ATTENDEES,
    }
    defaults.update(kwargs)
    return icpc_record(
        by=by,
        section47=enquiry,
        held_on=held_on,
        chair=chair or make_chair(),
        decision=decision,
        **defaults,
    )


def hold_review(by, plan, *, held_on, chair=None, decision="continue", **kwargs):
    defaults = {
        "category": plan.latest_category if decision == "continue" else "",
        "end_reason": "" if decision == "continue" else "Risk reduced",
        "reasons": "Father has engaged with the programme; school reports improvement.",
        "attendees": ATTENDEES,
        "progress": {},
    }
    defaults.update(kwargs)
    return review_conference_record(
        by=by,
        plan=plan,
        held_on=held_on,
        chair=chair or make_chair(),
        decision=decision,
        **defaults,
    )


def hold_core_group(by, plan, *, held_on, **kwargs):
    defaults = {"attendees": ATTENDEES, "progress": {}, "summary": "Plan agreed in detail."}
    defaults.update(kwargs)
    return core_group_record(by=by, plan=plan, held_on=held_on, **defaults)


def make_visit(by, child, on: datetime.date, *, seen=True, alone=False, kind="visit"):
    """A case note of a visit (or, with another `kind`, of something else), through the case
    notes service."""
    is_visit = kind == "visit"
    return casenote_add(
        by=by,
        person=child,
        kind=kind,
        occurred_on=on,
        title="Home visit" if is_visit else "Call with mother",
        text="Saw the child in their bedroom; they showed me their drawings.",
        child_seen=seen if is_visit else None,
        seen_alone=(alone if seen else False) if is_visit else None,
    )


def child_protection_samples(*, worker, manager) -> dict:
    """One of everything in child protection, for tests that walk every URL: a child with an
    open CP plan (its conference, due review and due core group) and a held core group."""
    child = make_person(by=worker, first_name="Walk", last_name="Protected")
    start = working_days_ago(12)
    enquiry = convene(worker, make_section47(worker, manager, child, start=start))
    conference = hold_icpc(worker, enquiry, held_on=working_days_ago(8))
    plan = conference.plan
    group = hold_core_group(worker, plan, held_on=working_days_ago(3))
    return {
        "person_pk": child.pk,
        "cp_plan_pk": plan.pk,
        "conference_pk": plan.conferences.get(kind="review", held_on__isnull=True).pk,
        "core_group_pk": group.pk,
    }
