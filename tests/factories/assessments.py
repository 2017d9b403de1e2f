"""Child and family assessments, made through the services as the pages make them."""

import datetime

from django.utils import timezone

from lantern.assessments.models import Assessment
from lantern.assessments.services import (
    assessment_authorise,
    assessment_save,
    assessment_start,
    assessment_submit,
    consultee_add,
)
from lantern.front_door.services.referrals import referral_create
from lantern.people.services import relationship_add
from tests.factories import make_person

# A voice section comfortably over the AP1 minimum, with what the child said.
VOICE = {
    "lived_experience": (
        "Amelia is seven. She lives with her mum and baby brother in a two-bedroom flat and "
        "shares a room with him. She gets herself ready for school most mornings and is often "
        "late; she says breakfast is cereal when there is milk. She loves drawing and her cat."
    ),
    "voice_how": (
        "Seen at school on her own in the nurture room, using a three houses drawing, and at "
        "home with her mum in the kitchen."
    ),
    "voice_said": (
        "\"I don't like it when mummy and Dean shout. I go under my bed with Milo (the cat). "
        'I want Dean to stop coming round."'
    ),
    "seen_alone": True,
}
SECTIONS = {
    **VOICE,
    "identity_needs": "White British; English is her first language; no religion; no disability.",
    "history_analysis": (
        "Three police domestic abuse notifications in 18 months, each followed by a period "
        "of calm; the pattern is of repeated exposure to violence with cumulative harm."
    ),
    "parenting_capacity": "Mum meets basic care needs but struggles to keep Amelia safe.",
    "family_environment": "Maternal grandmother nearby and supportive; rent arrears.",
    "analysis": "Amelia is a child in need of help and protection from domestic abuse.",
    "factors": ["3A", "3B"],
    "outcome": Assessment.Outcome.CIN_PLAN,
    "outcome_reason": "A child in need plan with domestic abuse support for mum.",
}


def make_referral(by, person, *, referral_date=None):
    return referral_create(
        by=by,
        person=person,
        referral_date=referral_date or timezone.localdate(),
        source="2A",
        primary_need="N1",
    )


def start(by, person, *, referral=None, start_date=None, today=None, **kwargs):
    referral = referral or make_referral(by, person)
    return assessment_start(
        by=by,
        person=person,
        referral=referral,
        start_date=start_date or referral.referral_date,
        today=today or max(timezone.localdate(), referral.referral_date),
        **kwargs,
    )


def family_member(by, child, **details):
    """A parent of the child, in the child's family network."""
    details.setdefault("first_name", "Kerry")
    details.setdefault("last_name", child.last_name)
    details.setdefault("date_of_birth", datetime.date(1990, 5, 1))
    parent = make_person(by=by, **details)
    relationship_add(by=by, person=parent, other=child, type="parent")
    return parent


def write(by, assessment, *, today=None, **sections):
    """Save these sections over the current version."""
    assessment.refresh_from_db()
    return assessment_save(
        by=by,
        assessment=assessment,
        version=assessment.version,
        today=today or max(timezone.localdate(), assessment.referral.referral_date),
        **sections,
    )


def consult(by, assessment, *, person=None, today=None, **kwargs):
    """Record someone consulted: `person` (family) or a school's teacher."""
    day = today or max(timezone.localdate(), assessment.referral.referral_date)
    defaults = {
        "what_they_said": "Worried about the shouting at home; Amelia is tired at school.",
        "consulted_on": assessment.referral.referral_date,
    }
    if person is None:
        defaults.update({"professional_name": "Sam Patel", "agency": "education"})
    defaults.update(kwargs)
    return consultee_add(by=by, assessment=assessment, person=person, today=day, **defaults)


def complete(by, assessment, *, family=None, today=None, **overrides):
    """Every section written and someone consulted (the family member when given)."""
    consult(by, assessment, person=family, today=today)
    return write(by, assessment, today=today, **{**SECTIONS, **overrides})


def submit(by, assessment, *, today=None):
    assessment.refresh_from_db()
    return assessment_submit(
        by=by,
        assessment=assessment,
        version=assessment.version,
        today=today or max(timezone.localdate(), assessment.referral.referral_date),
    )


def authorise(manager, assessment, *, today=None, comments="Agreed: a CIN plan is needed."):
    return assessment_authorise(
        by=manager,
        assessment=assessment,
        comments=comments,
        today=today or max(timezone.localdate(), assessment.submitted_on),
    )


def assessment_samples(*, child, worker, referral_pk, family) -> dict:
    """A draft assessment of `child` on the referral, with `family` (someone in the child's
    network) consulted, for tests that walk every URL."""
    from lantern.front_door.models import Referral

    assessment = start(worker, child, referral=Referral.objects.get(pk=referral_pk))
    consultee = consult(worker, assessment, person=family)
    write(worker, assessment, **VOICE)
    return {"assessment_pk": assessment.pk, "consultee_pk": consultee.pk, "person_pk": child.pk}
