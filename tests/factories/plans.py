"""Plans test data, made through the services as the pages make it."""

import datetime

from django.utils import timezone

from lantern.plans.services import (
    plan_action_add,
    plan_finalise,
    plan_need_add,
    plan_start,
)

NEED = "Amelia is not safe at home when her father has been drinking"


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def make_plan(by, child, *, kind="cin", start_date=None, referral=None, category=""):
    if kind == "cp" and not category:
        category = "NEG"
    return plan_start(
        by=by,
        person=child,
        kind=kind,
        start_date=start_date or days_ago(7),
        referral=referral,
        category=category,
    )


def add_need(by, plan, description=NEED):
    return plan_need_add(by=by, plan=plan, description=description)


def add_action(by, plan, **kwargs):
    """A complete (SMART) action owned by the health visitor, unless told otherwise."""
    defaults = {
        "action": "Health visitor to visit weekly and check Amelia's weight",
        "owner_agency": "health",
        "owner_name": "Kim Lee",
        "due_date": timezone.localdate() + datetime.timedelta(days=28),
        "outcome": "Amelia's weight is on the 25th centile at the 4-week check (red book)",
    }
    defaults.update(kwargs)
    return plan_action_add(by=by, plan=plan, **defaults)


def smart_plan(by, child, *, kind="cin", actions=2, finalise=False, **plan_kwargs):
    """A plan with one need and `actions` complete actions (finalised when asked)."""
    plan = make_plan(by, child, kind=kind, **plan_kwargs)
    need = add_need(by, plan)
    for n in range(actions):
        add_action(by, plan, need=need, action=f"Action number {n + 1} for the family")
    if kind == "safety":
        from lantern.plans.services import plan_update

        plan.refresh_from_db()
        plan_update(
            by=by,
            plan=plan,
            version=plan.version,
            summary="Keep Amelia safe while the assessment continues",
            review_date=timezone.localdate() + datetime.timedelta(days=14),
        )
    plan.refresh_from_db()
    if finalise:
        plan = plan_finalise(by=by, plan=plan, version=plan.version)
    return plan


def plans_samples(*, child, worker, manager) -> dict:
    """A plan with a need and an action, for tests that walk every URL: the path values each
    plans route takes."""
    plan = make_plan(worker, child, kind="cin")
    need = add_need(worker, plan)
    action = add_action(worker, plan, need=need, due_date=None)
    return {
        "person_pk": child.pk,
        "plan_pk": plan.pk,
        "need_pk": need.pk,
        "action_pk": action.pk,
    }


def open_referral(worker, manager, child):
    """An open referral for the child, from a contact screened and decided at the front door."""
    from tests.factories.front_door import decide, make_contact, screen

    item = make_contact(worker, [child]).children.get()
    screen(worker, item)
    return decide(manager, item, outcome="assessment").referral
