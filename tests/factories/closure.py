"""Closure test data, made through the services as the interface makes it: referrals,
assessments, plans with actions, and closure requests."""

import datetime

from lantern.closure.services import closure_request
from lantern.front_door.services import referral_create

REFERRED = datetime.date(2025, 3, 3)
RATIONALE = (
    "Mum has left the relationship and has a non-molestation order. Amelia says she feels safe "
    "at home and school report she is settled. Early help will keep working with mum."
)


def make_referral(by, child, referral_date=REFERRED, **kwargs):
    return referral_create(
        by=by,
        person=child,
        referral_date=referral_date,
        source=kwargs.pop("source", "2A"),
        primary_need=kwargs.pop("primary_need", "N1"),
        today=kwargs.pop("today", referral_date),
    )


def open_assessment(worker, referral, *, start=None):
    """A draft assessment on the referral (not authorised)."""
    from lantern.assessments.services import assessment_start

    start = start or referral.referral_date
    return assessment_start(
        by=worker, person=referral.person, referral=referral, start_date=start, today=start
    )


SECTIONS = {
    "lived_experience": "Amelia gets herself ready for school; she worries about mum at night.",
    "voice_how": "Seen at school and at home, alone, using drawings.",
    "voice_said": "“I don't like it when they shout. I hide in my room.”",
    "seen_alone": True,
    "identity_needs": "White British, English speaking, no religion; no disability.",
    "history_analysis": "Three police call-outs for domestic abuse in two years.",
    "parenting_capacity": "Mum meets Amelia's basic care; her own safety comes first for now.",
    "family_environment": "Rented flat; maternal grandmother nearby and supportive.",
    "analysis": "Amelia is at risk of emotional harm from domestic abuse at home.",
    "outcome_reason": "Support under a child in need plan while mum is protected.",
}


def authorised_assessment(
    worker,
    manager,
    referral,
    *,
    start=None,
    authorised_on=None,
    factors=("3B",),
    outcome="cin_plan",
):
    """An assessment on the referral, written, submitted and authorised on `authorised_on`,
    with these CIN census factors."""
    from lantern.assessments.services import (
        assessment_authorise,
        assessment_save,
        assessment_submit,
        consultee_add,
    )

    start = start or referral.referral_date
    authorised_on = authorised_on or start + datetime.timedelta(days=20)
    assessment = open_assessment(worker, referral, start=start)
    assessment = assessment_save(
        by=worker,
        assessment=assessment,
        version=assessment.version,
        today=start,
        child_seen_on=start,
        outcome=outcome,
        factors=list(factors),
        **SECTIONS,
    )
    consultee_add(
        by=worker,
        assessment=assessment,
        what_they_said="Amelia is quieter since Christmas and often tired.",
        consulted_on=start,
        professional_name="Sam Patel",
        agency="education",
        today=start,
    )
    assessment.refresh_from_db()
    assessment = assessment_submit(
        by=worker, assessment=assessment, version=assessment.version, today=authorised_on
    )
    return assessment_authorise(
        by=manager, assessment=assessment, comments="Agreed: CIN plan.", today=authorised_on
    )


def plan_with_action(worker, referral, *, kind="cin", start=None, action=None, category=""):
    """An open plan of `kind` on the referral with one action not yet done (when `action`)."""
    from lantern.plans.services import plan_action_add, plan_start

    start = start or referral.referral_date + datetime.timedelta(days=30)
    plan = plan_start(
        by=worker,
        person=referral.person,
        kind=kind,
        start_date=start,
        referral=referral,
        category=category,
        today=start,
    )
    if action:
        plan_action_add(
            by=worker,
            plan=plan,
            action=action,
            owner_agency="health",
            due_date=start + datetime.timedelta(days=28),
            outcome="Seen by the GP; the letter is on file.",
        )
    return plan


def request_closure(worker, referral, **kwargs):
    defaults = {
        "kind": "closure",
        "reason": "RC7",
        "closure_date": referral.referral_date + datetime.timedelta(days=120),
        "rationale": RATIONALE,
    }
    defaults.update(kwargs)
    return closure_request(by=worker, referral=referral, **defaults)


def closure_samples(*, child, worker, manager) -> dict:
    """A closure request waiting for a manager, for tests that walk every URL."""
    referral = make_referral(worker, child, datetime.date(2024, 1, 8))
    return {"closure_pk": request_closure(worker, referral).pk}
