"""The assessment checks AP1-VOICE, AP2-FAMILY and AP7-OVERDUE: each flags what it should and
nothing else, in a fixed number of queries."""

import datetime

import pytest

from lantern.assessments.checks import AssessmentOverdue, NoFamilyConsulted, VoiceOfTheChild
from lantern.assessments.services import consultee_end
from tests.factories.assessments import (
    authorise,
    complete,
    consult,
    family_member,
    make_referral,
    start,
    submit,
    write,
)

pytestmark = pytest.mark.django_db

REFERRED = datetime.date(2026, 1, 5)
DUE = datetime.date(2026, 3, 9)  # 45 working days after Monday 5 January 2026
BEFORE_DUE = datetime.date(2026, 2, 2)
AFTER_DUE = datetime.date(2026, 3, 10)
THIN = {"lived_experience": "Fine.", "voice_how": "Seen.", "voice_said": '"OK."'}


@pytest.fixture
def assessment(social_worker, child):
    referral = make_referral(social_worker, child, referral_date=REFERRED)
    return start(social_worker, child, referral=referral, today=BEFORE_DUE)


@pytest.fixture
def mum(social_worker, child):
    return family_member(social_worker, child)


def details(check, today, person_ids=None):
    return [f.detail for f in check.flags(today, person_ids)]


# -- AP1 ----------------------------------------------------------------------------------------


def test_voice_thin_in_a_submitted_assessment_is_flagged(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE, **THIN)
    submit(social_worker, assessment, today=BEFORE_DUE)
    (flag,) = VoiceOfTheChild().flags(BEFORE_DUE)
    assert flag.person_id == assessment.person_id and flag.record == f"assessment:{assessment.pk}"
    assert flag.detail == (
        "Assessment started 5 Jan 2026 (awaiting authorisation): the child's lived experience "
        "and voice section has 3 words (at least 40 expected)"
    )
    assert flag.since == BEFORE_DUE


def test_voice_without_what_the_child_said_is_flagged(social_worker, manager, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE)
    submit(social_worker, assessment, today=BEFORE_DUE)
    authorise(manager, assessment, today=BEFORE_DUE)
    # Long enough, but nothing the child said: submission refuses that, so write it directly
    # as an import from another system would.
    type(assessment).objects.filter(pk=assessment.pk).update(voice_said=" ")
    assert details(VoiceOfTheChild(), BEFORE_DUE) == [
        "Assessment started 5 Jan 2026 (authorised): the voice section does not record what "
        "the child said"
    ]


def test_full_voice_is_not_flagged(social_worker, manager, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE)
    submit(social_worker, assessment, today=BEFORE_DUE)
    authorise(manager, assessment, today=BEFORE_DUE)
    assert VoiceOfTheChild().flags(BEFORE_DUE) == []


def test_minimum_words_is_configurable(social_worker, assessment, mum, settings):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE, **THIN)
    submit(social_worker, assessment, today=BEFORE_DUE)
    settings.LANTERN_VOICE_MIN_WORDS = 3
    assert VoiceOfTheChild().flags(BEFORE_DUE) == []


def test_draft_past_due_with_empty_voice_is_flagged(social_worker, assessment):
    assert VoiceOfTheChild().flags(DUE) == []  # due today: not yet late
    (flag,) = VoiceOfTheChild().flags(AFTER_DUE)
    assert "due by 9 Mar 2026" in flag.detail and "still empty" in flag.detail
    assert flag.since == DUE
    write(social_worker, assessment, today=BEFORE_DUE, lived_experience="Started writing.")
    assert VoiceOfTheChild().flags(AFTER_DUE) == []


def test_old_authorised_assessments_are_not_flagged(social_worker, manager, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE, **THIN)
    submit(social_worker, assessment, today=BEFORE_DUE)
    authorise(manager, assessment, today=BEFORE_DUE)
    assert len(VoiceOfTheChild().flags(BEFORE_DUE + datetime.timedelta(days=365))) == 1
    assert VoiceOfTheChild().flags(BEFORE_DUE + datetime.timedelta(days=366)) == []


# -- AP2 ----------------------------------------------------------------------------------------


def test_professionals_only_is_flagged(social_worker, assessment):
    complete(social_worker, assessment, today=BEFORE_DUE)  # the school only
    submit(social_worker, assessment, today=BEFORE_DUE)
    (flag,) = NoFamilyConsulted().flags(BEFORE_DUE)
    assert flag.detail == (
        "Assessment started 5 Jan 2026: no family member consulted (professionals only)"
    )


def test_family_consulted_is_not_flagged(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE)
    submit(social_worker, assessment, today=BEFORE_DUE)
    assert NoFamilyConsulted().flags(BEFORE_DUE) == []


def test_a_removed_family_consultee_does_not_count(social_worker, assessment, mum):
    family = consult(social_worker, assessment, person=mum, today=BEFORE_DUE)
    complete(social_worker, assessment, today=BEFORE_DUE)  # adds the school
    consultee_end(by=social_worker, consultee=family, reason="Wrong person")
    submit(social_worker, assessment, today=BEFORE_DUE)
    assert len(NoFamilyConsulted().flags(BEFORE_DUE)) == 1


def test_drafts_are_not_flagged_for_family(social_worker, assessment):
    assert NoFamilyConsulted().flags(AFTER_DUE) == []


# -- AP7 ----------------------------------------------------------------------------------------


def test_open_assessment_past_due_is_flagged(social_worker, assessment, mum):
    assert AssessmentOverdue().flags(DUE) == []
    (flag,) = AssessmentOverdue().flags(AFTER_DUE)
    assert flag.detail == (
        "Assessment started 5 Jan 2026: due by 9 Mar 2026, overdue by 1 working day"
    )
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE)
    submit(social_worker, assessment, today=BEFORE_DUE)
    (flag,) = AssessmentOverdue().flags(AFTER_DUE)
    assert "(awaiting authorisation)" in flag.detail


def test_authorised_late_is_not_overdue(social_worker, manager, assessment, mum):
    complete(social_worker, assessment, family=mum, today=BEFORE_DUE)
    submit(social_worker, assessment, today=BEFORE_DUE)
    authorise(manager, assessment, today=AFTER_DUE)
    assert AssessmentOverdue().flags(AFTER_DUE) == []


def test_person_ids_restrict_the_flags(social_worker, assessment, person_maker):
    other = person_maker(first_name="Other")
    start(
        social_worker, other, referral=make_referral(social_worker, other, referral_date=REFERRED)
    )
    assert len(AssessmentOverdue().flags(AFTER_DUE)) == 2
    flags = AssessmentOverdue().flags(AFTER_DUE, [other.pk])
    assert [f.person_id for f in flags] == [other.pk]


def test_checks_run_in_a_fixed_number_of_queries(
    social_worker, person_maker, django_assert_max_num_queries
):
    for n in range(4):
        kid = person_maker(first_name=f"Kid{n}")
        a = start(
            social_worker, kid, referral=make_referral(social_worker, kid, referral_date=REFERRED)
        )
        complete(social_worker, a, today=BEFORE_DUE, **THIN)
        submit(social_worker, a, today=BEFORE_DUE)
    for check in (VoiceOfTheChild(), NoFamilyConsulted(), AssessmentOverdue()):
        with django_assert_max_num_queries(2):
            assert len(check.flags(AFTER_DUE)) == 4
