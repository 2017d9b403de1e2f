"""The assessment services: starting, saving the draft, submitting, the manager's decision and
the people consulted; each validation, optimistic concurrency and the factor 21 rule."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lantern.accounts.roles import Role
from lantern.assessments.models import Assessment, AssessmentConsultee, AssessmentDecision
from lantern.assessments.services import (
    assessment_authorise,
    assessment_return,
    assessment_save,
    assessment_start,
    assessment_submit,
    consultee_add,
    consultee_end,
)
from lantern.common.errors import ConcurrentEditError
from lantern.common.models import AuditEvent
from lantern.front_door.services.referrals import referral_close
from lantern.language.models import Finding
from lantern.people.involvement import involvements
from lantern.people.models import ChronologyEntry
from tests.factories.assessments import (
    SECTIONS,
    VOICE,
    complete,
    consult,
    family_member,
    make_referral,
    start,
    submit,
    write,
)

pytestmark = pytest.mark.django_db

REFERRED = datetime.date(2026, 1, 5)  # a Monday; 45 working days later is Monday 9 March
TODAY = datetime.date(2026, 2, 2)


@pytest.fixture
def referral(social_worker, child):
    return make_referral(social_worker, child, referral_date=REFERRED)


@pytest.fixture
def assessment(social_worker, child, referral):
    return start(social_worker, child, referral=referral, today=TODAY)


@pytest.fixture
def mum(social_worker, child):
    return family_member(social_worker, child)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# -- start --------------------------------------------------------------------------------------


def test_start_records_the_assessment_and_its_chronology_entry(social_worker, child, referral):
    assessment = assessment_start(
        by=social_worker, person=child, referral=referral, start_date=REFERRED, today=TODAY
    )
    assert assessment.status == Assessment.Status.DRAFT and assessment.version == 1
    entry = ChronologyEntry.objects.get(person=child, kind="assessment")
    assert entry.summary == "Child and family assessment started; due by 9 March 2026"
    assert AuditEvent.objects.filter(action="assessment.started", person=child).exists()
    (item,) = [i for i in involvements([child.pk])[child.pk] if i.label.endswith("assessment")]
    assert item.status == "Assessment" and item.current


@pytest.mark.parametrize(
    ("start_date", "message"),
    [
        (TODAY + datetime.timedelta(days=1), "The start date cannot be in the future"),
        (REFERRED - datetime.timedelta(days=1), "cannot be before the referral"),
    ],
)
def test_start_date_must_be_between_the_referral_and_today(
    social_worker, child, referral, start_date, message
):
    with pytest.raises(ValidationError) as excinfo:
        assessment_start(
            by=social_worker, person=child, referral=referral, start_date=start_date, today=TODAY
        )
    assert message in errors_of(excinfo)["start_date"][0]
    assert not Assessment.objects.exists()


def test_start_refuses_a_closed_or_nfa_referral(social_worker, manager, child, referral):
    referral_close(by=manager, referral=referral, closure_date=REFERRED, reason="RC8", nfa=True)
    with pytest.raises(ValidationError, match="closed"):
        start(social_worker, child, referral=referral, today=TODAY)
    other = make_referral(social_worker, child, referral_date=REFERRED)
    type(other).objects.filter(pk=other.pk).update(nfa=True)
    other.refresh_from_db()
    with pytest.raises(ValidationError, match="no further action"):
        start(social_worker, child, referral=other, today=TODAY)


def test_start_refuses_another_childs_referral(social_worker, child, person_maker):
    other_child = person_maker(first_name="Other")
    referral = make_referral(social_worker, other_child, referral_date=REFERRED)
    with pytest.raises(ValidationError, match="not about this child"):
        start(social_worker, child, referral=referral, today=TODAY)


def test_one_assessment_at_a_time_per_referral(social_worker, child, referral, assessment):
    with pytest.raises(ValidationError, match="already an assessment in progress"):
        start(social_worker, child, referral=referral, today=TODAY)


def test_reassessment_needs_a_completed_assessment(social_worker, manager, child, referral, mum):
    with pytest.raises(ValidationError) as excinfo:
        start(social_worker, child, referral=referral, today=TODAY, kind="reassessment")
    assert "no completed assessment" in errors_of(excinfo)["kind"][0]
    first = start(social_worker, child, referral=referral, today=TODAY)
    complete(social_worker, first, family=mum, today=TODAY)
    submit(social_worker, first, today=TODAY)
    assessment_authorise(by=manager, assessment=first, comments="Agreed", today=TODAY)
    again = start(social_worker, child, referral=referral, today=TODAY, kind="reassessment")
    assert again.get_kind_display() == "Re-assessment"


def test_only_practitioners_who_assess_may_start(user_for, child, referral):
    front_door = user_for(Role.FRONT_DOOR)
    with pytest.raises(ValidationError, match="permission"):
        start(front_door, child, referral=referral, today=TODAY)


# -- the draft ----------------------------------------------------------------------------------


def test_save_bumps_the_version_and_records_what_changed(social_worker, assessment):
    saved = write(social_worker, assessment, today=TODAY, voice_said="She said hello.")
    assert saved.version == 2 and saved.voice_said == "She said hello."
    event = AuditEvent.objects.filter(action="assessment.saved").latest("id")
    assert event.detail == {"version": 2, "fields": ["voice_said"]}
    again = write(social_worker, assessment, today=TODAY, voice_said="She said hello.")
    assert again.version == 2  # nothing changed: no new version


def test_save_on_a_stale_version_is_refused(social_worker, assessment):
    write(social_worker, assessment, today=TODAY, analysis="First")
    with pytest.raises(ConcurrentEditError):
        assessment_save(
            by=social_worker, assessment=assessment, version=1, today=TODAY, analysis="Stale"
        )
    assessment.refresh_from_db()
    assert assessment.analysis == "First" and assessment.version == 2


def test_save_on_a_stale_version_that_changes_nothing_is_not_a_conflict(social_worker, assessment):
    # The page's Save button posting straight after its own autosave stored the same text.
    write(social_worker, assessment, today=TODAY, analysis="Typed", factors=["3B"])
    saved = assessment_save(
        by=social_worker,
        assessment=assessment,
        version=1,
        today=TODAY,
        analysis="Typed",
        factors=["3B"],
    )
    assert saved.version == 2 and saved.analysis == "Typed"
    with pytest.raises(ConcurrentEditError):  # a different set of factors is a change
        assessment_save(
            by=social_worker, assessment=assessment, version=1, today=TODAY, factors=["2B"]
        )


def test_save_refuses_unknown_sections(social_worker, assessment):
    with pytest.raises(TypeError):
        assessment_save(by=social_worker, assessment=assessment, version=1, status="authorised")


def test_factor_21_cannot_be_combined(social_worker, assessment):
    with pytest.raises(ValidationError) as excinfo:
        write(social_worker, assessment, today=TODAY, factors=["21", "2B"])
    assert "on its own" in errors_of(excinfo)["factors"][0]
    assert not assessment.factors.exists()


def test_factors_are_replaced_and_their_history_kept(social_worker, assessment):
    write(social_worker, assessment, today=TODAY, factors=["3B", "2B"])
    write(social_worker, assessment, today=TODAY, factors=["3B", "1B"])
    assert sorted(assessment.factors.values_list("code", flat=True)) == ["1B", "3B"]
    assert assessment.factors.model.history.filter(code="2B", history_type="-").exists()


def test_seen_alone_clears_the_reason(social_worker, assessment):
    write(social_worker, assessment, today=TODAY, seen_alone=False, not_seen_alone_reason="Mum")
    saved = write(social_worker, assessment, today=TODAY, seen_alone=True)
    assert saved.seen_alone is True and saved.not_seen_alone_reason == ""


@pytest.mark.parametrize(
    ("seen_on", "message"),
    [
        (TODAY + datetime.timedelta(days=1), "cannot be in the future"),
        (REFERRED - datetime.timedelta(days=1), "cannot be before the referral"),
    ],
)
def test_date_child_seen_is_checked(social_worker, assessment, seen_on, message):
    with pytest.raises(ValidationError) as excinfo:
        write(social_worker, assessment, today=TODAY, child_seen_on=seen_on)
    assert message in errors_of(excinfo)["child_seen_on"][0]


def test_outcome_must_be_known(social_worker, assessment):
    with pytest.raises(ValidationError):
        write(social_worker, assessment, today=TODAY, outcome="adoption")


def test_saving_checks_the_practice_language(social_worker, assessment):
    saved = write(
        social_worker,
        assessment,
        today=TODAY,
        history_analysis="Dad's over chastisement left a mark.",
    )
    assert [m.phrase for m in saved.language_matches] == ["over chastisement"]
    finding = Finding.objects.get(person=assessment.person, cleared_at__isnull=True)
    assert finding.field == "history_analysis"
    write(social_worker, assessment, today=TODAY, history_analysis="Dad hit Amelia with a belt.")
    assert not Finding.objects.filter(cleared_at__isnull=True).exists()


# -- submit -------------------------------------------------------------------------------------


def test_submit_refuses_an_incomplete_assessment(social_worker, assessment):
    write(social_worker, assessment, today=TODAY, **VOICE)
    with pytest.raises(ValidationError) as excinfo:
        submit(social_worker, assessment, today=TODAY)
    assert {"consultees", "history_analysis", "factors", "outcome"} <= set(errors_of(excinfo))
    assert "lived_experience" not in errors_of(excinfo)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_submit_needs_the_voice_of_the_child(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY, voice_said="", seen_alone=None)
    with pytest.raises(ValidationError) as excinfo:
        submit(social_worker, assessment, today=TODAY)
    assert set(errors_of(excinfo)) == {"voice_said", "seen_alone"}


def test_removed_consultees_do_not_count(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY)
    consultee_end(by=social_worker, consultee=assessment.consultees.get(), reason="Added twice")
    with pytest.raises(ValidationError) as excinfo:
        submit(social_worker, assessment, today=TODAY)
    assert set(errors_of(excinfo)) == {"consultees"}


def test_submit_with_factor_21_needs_no_further_action(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY, factors=["21"])
    with pytest.raises(ValidationError) as excinfo:
        submit(social_worker, assessment, today=TODAY)
    assert set(errors_of(excinfo)) == {"factors"}
    write(social_worker, assessment, today=TODAY, outcome="nfa")
    assert submit(social_worker, assessment, today=TODAY).status == Assessment.Status.SUBMITTED


def test_submit_sends_it_to_the_manager(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY)
    submitted = submit(social_worker, assessment, today=TODAY)
    assert submitted.status == Assessment.Status.SUBMITTED
    assert submitted.submitted_on == TODAY and submitted.submitted_by == social_worker
    with pytest.raises(ValidationError, match="submitted"):
        write(social_worker, assessment, today=TODAY, analysis="Changed after")


def test_submit_on_a_stale_version_is_refused(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY)
    with pytest.raises(ConcurrentEditError):
        assessment_submit(by=social_worker, assessment=assessment, version=1, today=TODAY)


# -- the manager --------------------------------------------------------------------------------


@pytest.fixture
def submitted(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum, today=TODAY)
    return submit(social_worker, assessment, today=TODAY)


def test_authorise_completes_the_assessment(manager, submitted, child):
    day = datetime.date(2026, 3, 10)  # one working day late
    authorised = assessment_authorise(
        by=manager, assessment=submitted, comments="Analysis is clear.", today=day
    )
    assert authorised.is_complete and authorised.authorised_on == day
    assert authorised.authorised_by == manager
    decision = AssessmentDecision.objects.get(assessment=submitted)
    assert decision.kind == "authorised" and decision.comments == "Analysis is clear."
    entry = ChronologyEntry.objects.filter(person=child, kind="assessment").latest("id")
    assert entry.summary == (
        "Child and family assessment authorised (1 working day late): child in need plan; "
        "factors 3A, 3B"
    )
    (item,) = [i for i in involvements([child.pk])[child.pk] if i.label.endswith("assessment")]
    assert not item.current and item.status is None


def test_authorise_needs_a_manager_and_comments(social_worker, manager, submitted):
    with pytest.raises(ValidationError, match="permission"):
        assessment_authorise(by=social_worker, assessment=submitted, comments="Fine", today=TODAY)
    with pytest.raises(ValidationError) as excinfo:
        assessment_authorise(by=manager, assessment=submitted, comments="  ", today=TODAY)
    assert "comments" in errors_of(excinfo)
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.SUBMITTED


def test_only_a_submitted_assessment_can_be_authorised(manager, assessment):
    with pytest.raises(ValidationError, match="awaiting authorisation"):
        assessment_authorise(by=manager, assessment=assessment, comments="Fine", today=TODAY)


def test_authorise_on_a_stale_version_is_refused(manager, submitted):
    with pytest.raises(ConcurrentEditError):
        assessment_authorise(
            by=manager, assessment=submitted, comments="Fine", today=TODAY, version=1
        )


def test_return_sends_it_back_with_comments_kept(social_worker, manager, submitted):
    returned = assessment_return(
        by=manager, assessment=submitted, comments="Say more about Amelia's day."
    )
    assert returned.status == Assessment.Status.DRAFT and returned.submitted_on is None
    assert submitted.decisions.get().comments == "Say more about Amelia's day."
    write(
        social_worker, submitted, today=TODAY, lived_experience=SECTIONS["lived_experience"] + "!"
    )
    resubmitted = submit(social_worker, submitted, today=TODAY)
    assessment_authorise(by=manager, assessment=resubmitted, comments="Better", today=TODAY)
    assert [d.kind for d in submitted.decisions.order_by("id")] == ["returned", "authorised"]


def test_return_needs_comments(manager, submitted):
    with pytest.raises(ValidationError) as excinfo:
        assessment_return(by=manager, assessment=submitted, comments="")
    assert "comments" in errors_of(excinfo)


# -- people consulted ---------------------------------------------------------------------------


def test_consult_a_family_member_with_their_relationship(social_worker, assessment, mum):
    consultee = consult(social_worker, assessment, person=mum, today=TODAY)
    assert consultee.is_family and consultee.relationship == "Parent"
    assert consultee.name == mum.full_name


def test_consult_a_professional(social_worker, assessment):
    consultee = consult(social_worker, assessment, today=TODAY, relationship="Class teacher")
    assert not consultee.is_family and consultee.name == "Sam Patel (Education (school or nursery))"


def test_a_consultee_must_be_in_the_family_network(social_worker, assessment, person_maker):
    stranger = person_maker(first_name="Stranger", date_of_birth=datetime.date(1980, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        consult(social_worker, assessment, person=stranger, today=TODAY)
    assert "family network" in errors_of(excinfo)["person"][0]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"professional_name": ""}, "person"),
        ({"agency": "circus"}, "agency"),
        ({"what_they_said": " "}, "what_they_said"),
        ({"consulted_on": TODAY + datetime.timedelta(days=1)}, "consulted_on"),
        ({"consulted_on": REFERRED - datetime.timedelta(days=1)}, "consulted_on"),
    ],
)
def test_consultee_validation(social_worker, assessment, kwargs, field):
    with pytest.raises(ValidationError) as excinfo:
        consult(social_worker, assessment, today=TODAY, **kwargs)
    assert field in errors_of(excinfo)
    assert not AssessmentConsultee.objects.exists()


def test_family_member_and_professional_not_both(social_worker, assessment, mum):
    with pytest.raises(ValidationError, match="not both"):
        consult(social_worker, assessment, person=mum, today=TODAY, professional_name="Sam")


def test_what_a_consultee_said_is_language_checked(social_worker, assessment, mum):
    consult(
        social_worker,
        assessment,
        person=mum,
        today=TODAY,
        what_they_said="It was just over chastisement.",
    )
    assert Finding.objects.get(cleared_at__isnull=True).field == "what_they_said"


def test_removing_a_consultee_keeps_the_row(social_worker, assessment, mum):
    consultee = consult(social_worker, assessment, person=mum, today=TODAY)
    ended = consultee_end(by=social_worker, consultee=consultee, reason="Wrong child")
    assert ended.ended_at is not None and ended.ended_reason == "Wrong child"
    assert AssessmentConsultee.objects.filter(pk=consultee.pk).exists()
    with pytest.raises(ValidationError, match="already been removed"):
        consultee_end(by=social_worker, consultee=consultee)


def test_consultees_only_change_on_a_draft(social_worker, submitted, mum):
    with pytest.raises(ValidationError, match="submitted"):
        consult(social_worker, submitted, person=mum, today=TODAY)
    with pytest.raises(ValidationError, match="submitted"):
        consultee_end(by=social_worker, consultee=submitted.consultees.get())


def test_consultee_add_refused_without_the_permission(user_for, assessment):
    with pytest.raises(ValidationError, match="permission"):
        consultee_add(
            by=user_for(Role.IRO),
            assessment=assessment,
            professional_name="Kim",
            agency="health",
            what_they_said="Fine",
            consulted_on=TODAY,
            today=TODAY,
        )


def test_the_managers_comments_are_language_checked(manager, submitted):
    assessment_return(by=manager, assessment=submitted, comments="Only rough handling, surely?")
    finding = Finding.objects.get(cleared_at__isnull=True)
    assert finding.field == "comments" and "manager's comments" in finding.source_label
