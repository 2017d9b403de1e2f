"""Each database constraint on assessments, written around the services as a bad import or a
bug would."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from lantern.assessments.models import (
    Assessment,
    AssessmentConsultee,
    AssessmentDecision,
    AssessmentFactor,
)
from tests.factories.assessments import make_referral

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 5)


@pytest.fixture
def referral(social_worker, child):
    return make_referral(social_worker, child, referral_date=DAY)


def assessment(referral, **fields):
    return Assessment(person=referral.person, referral=referral, start_date=DAY, **fields)


def refused(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_one_open_assessment_per_referral(referral):
    assessment(referral).save()
    refused(assessment(referral))
    # An authorised one does not block the next.
    Assessment.objects.update(
        status="authorised", submitted_on=DAY, authorised_on=DAY, outcome="nfa"
    )
    assessment(referral).save()


def test_submitted_needs_its_date(referral):
    refused(assessment(referral, status="submitted", outcome="nfa"))
    assessment(referral, status="submitted", outcome="nfa", submitted_on=DAY).save()


def test_submitted_needs_an_outcome(referral):
    refused(assessment(referral, status="submitted", submitted_on=DAY))


def test_authorised_has_its_date_and_only_then(referral):
    refused(assessment(referral, status="authorised", submitted_on=DAY, outcome="nfa"))
    refused(assessment(referral, authorised_on=DAY))


def test_authorised_not_before_it_started(referral):
    refused(
        assessment(
            referral,
            status="authorised",
            submitted_on=DAY,
            outcome="nfa",
            authorised_on=DAY - datetime.timedelta(days=1),
        )
    )


def test_reason_for_not_seen_alone_only_when_not(referral):
    refused(assessment(referral, seen_alone=True, not_seen_alone_reason="Mum stayed"))
    assessment(referral, seen_alone=False, not_seen_alone_reason="Mum stayed").save()


def test_factor_once_and_known_code(referral):
    a = assessment(referral)
    a.save()
    AssessmentFactor.objects.create(assessment=a, code="3B")
    refused(AssessmentFactor(assessment=a, code="3B"))
    refused(AssessmentFactor(assessment=a, code="18A"))


def test_consultee_is_a_person_or_a_professional_with_agency(referral, person_maker):
    a = assessment(referral)
    a.save()
    mum = person_maker(first_name="Kerry", date_of_birth=datetime.date(1990, 1, 1))
    common = {"assessment": a, "what_they_said": "Fine", "consulted_on": DAY}
    refused(AssessmentConsultee(**common))
    refused(AssessmentConsultee(**common, person=mum, professional_name="Kerry", agency="health"))
    refused(AssessmentConsultee(**common, professional_name="Sam"))
    AssessmentConsultee(**common, person=mum).save()
    AssessmentConsultee(**common, professional_name="Sam", agency="education").save()


def test_decision_has_comments(referral):
    a = assessment(referral)
    a.save()
    refused(
        AssessmentDecision(assessment=a, kind="returned", comments="", decided_on=DAY, version=2)
    )
