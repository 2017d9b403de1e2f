"""The assessment pages through the test client: who may see what, bad input, the autosave
endpoint, the manager's decision, versions, and a fixed number of queries."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.assessments.models import Assessment, AssessmentConsultee
from lantern.people.chronology import chronology_record
from lantern.people.services import person_restrict
from tests.factories.assessments import (
    SECTIONS,
    complete,
    consult,
    family_member,
    make_referral,
    start,
    submit,
    write,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mum(social_worker, child):
    return family_member(social_worker, child)


@pytest.fixture
def assessment(social_worker, child):
    return start(social_worker, child)


@pytest.fixture
def submitted(social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum)
    return submit(social_worker, assessment)


def url(name, *args):
    return reverse(f"assessments:{name}", args=args)


def edit_data(assessment, **fields):
    """The edit form as the browser posts it (every section, the version)."""
    data = {
        "version": assessment.version,
        "lived_experience": "",
        "voice_how": "",
        "voice_said": "",
        "child_seen_on": "",
        "not_seen_alone_reason": "",
        "identity_needs": "",
        "history_analysis": "",
        "parenting_capacity": "",
        "family_environment": "",
        "analysis": "",
        "outcome_reason": "",
    }
    data.update(fields)
    return data


# -- who may see what ---------------------------------------------------------------------------


def test_pages_render_for_a_social_worker(client, social_worker, child, assessment, mum):
    consultee = consult(social_worker, assessment, person=mum)
    write(social_worker, assessment, voice_said="I want to stay with nan.")
    spare = make_referral(social_worker, child)
    client.force_login(social_worker)
    for page in [
        url("child", child.pk),
        url("start", spare.pk),
        url("assessment", assessment.pk),
        url("edit", assessment.pk),
        url("consultee_add", assessment.pk),
        url("consultee_end", consultee.pk),
        url("submit", assessment.pk),
        url("versions", assessment.pk),
    ]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert b"There is a problem" not in response.content, page


def test_edit_page_autosaves_checks_language_and_shows_history_beside(
    client, social_worker, child, assessment
):
    client.force_login(social_worker)
    body = client.get(url("edit", assessment.pk)).content.decode()
    assert f'data-autosave-url="{url("autosave", assessment.pk)}"' in body
    assert 'src="/static/lantern/autosave.js"' in body and 'type="module"' in body
    assert body.count("data-language-check") == 10  # every free-text section
    assert 'name="version" value="1"' in body
    assert "Child and family assessment started; due by" in body  # the chronology beside
    assert "On Amelia Hargreaves's record" in body  # the child's identity beside
    assert 'aria-live="polite"' in body and "govuk-body-s" in body


def test_child_list_shows_assessments_and_referrals_to_start(
    client, social_worker, child, assessment
):
    spare = make_referral(social_worker, child)
    client.force_login(social_worker)
    body = client.get(url("child", child.pk)).content.decode()
    assert assessment.get_absolute_url() in body
    assert url("start", spare.pk) in body
    assert url("start", assessment.referral_id) not in body  # already being assessed


def test_assessment_page_shows_the_due_date(client, user_for, assessment):
    client.force_login(user_for(Role.IRO))  # reads casework, writes none
    body = client.get(url("assessment", assessment.pk)).content.decode()
    due = assessment.referral.referral_date
    assert "45 working days from the referral" in body and str(due.year) in body
    assert "Carry on writing" not in body and "Authorise or return" not in body


@pytest.mark.parametrize(
    ("role", "names"),
    [
        (Role.ANALYST, ["child", "assessment", "edit", "versions", "authorise"]),
        (Role.IRO, ["edit", "consultee_add", "submit", "authorise"]),
        (Role.SOCIAL_WORKER, ["authorise"]),
        (Role.ADMINISTRATOR, ["assessment", "edit"]),
    ],
)
def test_roles_without_the_permission_get_404(client, user_for, submitted, role, names):
    client.force_login(user_for(role))
    for name in names:
        arg = submitted.person_id if name == "child" else submitted.pk
        assert client.get(url(name, arg)).status_code == 404, name
    assert client.post(url("autosave", submitted.pk), {}).status_code in (
        (404,) if role != Role.SOCIAL_WORKER else (400,)
    )


def test_restricted_child_asks_for_a_reason(client, manager, user_for, assessment):
    person_restrict(by=manager, person=assessment.person, restricted=True, reason="Adoption")
    client.force_login(user_for(Role.SOCIAL_WORKER))
    response = client.get(url("assessment", assessment.pk))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[assessment.person_id])


# -- bad input: the error summary, nothing saved ------------------------------------------------


def test_start_with_a_future_date(client, social_worker, child):
    referral = make_referral(social_worker, child)
    client.force_login(social_worker)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        url("start", referral.pk), {"start_date": tomorrow.strftime("%d/%m/%Y"), "kind": "single"}
    )
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"The start date cannot be in the future" in response.content
    assert not Assessment.objects.exists()


def test_start_from_the_page(client, social_worker, child):
    referral = make_referral(social_worker, child)
    client.force_login(social_worker)
    response = client.post(
        url("start", referral.pk),
        {"start_date": timezone.localdate().strftime("%d/%m/%Y"), "kind": "single"},
    )
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response.url == url("edit", assessment.pk)


def test_edit_with_a_bad_date_saves_nothing(client, social_worker, assessment):
    client.force_login(social_worker)
    data = edit_data(assessment, analysis="Typed text", child_seen_on="31/02/2026")
    response = client.post(url("edit", assessment.pk), data)
    assert response.status_code == 200 and b"There is a problem" in response.content
    assert b"Typed text" in response.content  # what was typed is kept
    assessment.refresh_from_db()
    assert assessment.version == 1 and assessment.analysis == ""


def test_edit_saves_and_warns_about_minimising_language(client, social_worker, assessment):
    client.force_login(social_worker)
    data = edit_data(
        assessment, history_analysis="It was over chastisement.", seen_alone="no", factors=["3B"]
    )
    response = client.post(url("edit", assessment.pk), {**data, "action": "save"}, follow=True)
    assert b"Draft saved at" in response.content
    assert "Practice language: “over chastisement”" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.version == 2 and assessment.seen_alone is False
    assert list(assessment.factors.values_list("code", flat=True)) == ["3B"]


def test_edit_on_a_stale_version_keeps_what_was_typed(client, social_worker, assessment):
    write(social_worker, assessment, analysis="Someone else's")
    client.force_login(social_worker)
    data = edit_data(assessment, analysis="Mine")
    data["version"] = 1
    response = client.post(url("edit", assessment.pk), data)
    page = response.content.decode()
    assert "Someone else saved this assessment while you were editing it" in page
    assert "Mine" in page
    assessment.refresh_from_db()
    assert assessment.analysis == "Someone else's"
    # The form now sits on the saved version, so saving again (having seen the warning) works.
    assert 'name="version" value="2"' in page
    data["version"] = 2
    client.post(url("edit", assessment.pk), data)
    assessment.refresh_from_db()
    assert assessment.analysis == "Mine" and assessment.version == 3


def test_save_straight_after_its_own_autosave_is_not_a_conflict(client, social_worker, assessment):
    client.force_login(social_worker)
    data = edit_data(assessment, analysis="Typed then saved")
    assert client.post(url("autosave", assessment.pk), data).status_code == 200
    response = client.post(url("edit", assessment.pk), {**data, "action": "save"}, follow=True)
    assert b"Draft saved at" in response.content
    assessment.refresh_from_db()
    assert assessment.analysis == "Typed then saved" and assessment.version == 2


def test_consultee_add_needs_who_and_what(client, social_worker, assessment, mum):
    client.force_login(social_worker)
    response = client.post(url("consultee_add", assessment.pk), {"who": "family"})
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Select the family member you consulted" in body and "Enter what they said" in body
    assert not AssessmentConsultee.objects.exists()


def test_consultee_add_offers_the_family_network(client, social_worker, assessment, mum):
    client.force_login(social_worker)
    body = client.get(url("consultee_add", assessment.pk)).content.decode()
    assert f'value="{mum.pk}"' in body and "Kerry Hargreaves (parent)" in body
    response = client.post(
        url("consultee_add", assessment.pk),
        {
            "who": "family",
            "person": mum.pk,
            "what_they_said": "I know Dean scares her.",
            "consulted_on": timezone.localdate().strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    consultee = AssessmentConsultee.objects.get()
    assert consultee.person == mum and consultee.relationship == "Parent"


def test_consultee_remove_keeps_the_row(client, social_worker, assessment, mum):
    consultee = consult(social_worker, assessment, person=mum)
    client.force_login(social_worker)
    response = client.post(url("consultee_end", consultee.pk), {"reason": "Added twice"})
    assert response.status_code == 302
    consultee.refresh_from_db()
    assert consultee.ended_at is not None and consultee.ended_reason == "Added twice"


def test_submit_an_incomplete_assessment(client, social_worker, assessment):
    client.force_login(social_worker)
    response = client.post(url("submit", assessment.pk), {"version": assessment.version})
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Record what the child said" in body
    assert f'href="{url("edit", assessment.pk)}#id_voice_said"' in body
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_submit_a_complete_assessment(client, social_worker, assessment, mum):
    complete(social_worker, assessment, family=mum)
    assessment.refresh_from_db()
    client.force_login(social_worker)
    response = client.post(url("submit", assessment.pk), {"version": assessment.version})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    # Once submitted, the edit page sends the worker back to the assessment.
    assert client.get(url("edit", assessment.pk)).status_code == 302


# -- the manager --------------------------------------------------------------------------------


def test_authorise_needs_comments(client, manager, submitted):
    client.force_login(manager)
    assert client.get(url("authorise", submitted.pk)).status_code == 200
    response = client.post(
        url("authorise", submitted.pk),
        {"decision": "authorise", "comments": "", "version": submitted.version},
    )
    assert b"There is a problem" in response.content
    assert b"Enter your comments on the assessment" in response.content
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.SUBMITTED


def test_authorise_from_the_page(client, manager, submitted):
    client.force_login(manager)
    response = client.post(
        url("authorise", submitted.pk),
        {"decision": "authorise", "comments": "Clear analysis.", "version": submitted.version},
        follow=True,
    )
    assert b"Assessment authorised" in response.content
    submitted.refresh_from_db()
    assert submitted.is_complete and submitted.authorised_by == manager
    assert b"Clear analysis." in response.content


def test_return_from_the_page(client, manager, social_worker, submitted):
    client.force_login(manager)
    client.post(
        url("authorise", submitted.pk),
        {"decision": "return", "comments": "Say more about her day.", "version": submitted.version},
    )
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.DRAFT
    client.force_login(social_worker)
    body = client.get(url("edit", submitted.pk)).content.decode()
    assert "Returned by the manager" in body and "Say more about her day." in body


# -- autosave -----------------------------------------------------------------------------------


def test_autosave_answers_with_the_new_version(client, social_worker, assessment):
    client.force_login(social_worker)
    response = client.post(url("autosave", assessment.pk), edit_data(assessment, analysis="A"))
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 2 and len(data["saved_at"]) == 5  # "14:32"
    assessment.refresh_from_db()
    assert assessment.analysis == "A"


def test_autosave_on_a_stale_version_is_a_409(client, social_worker, assessment):
    write(social_worker, assessment, analysis="Theirs")
    client.force_login(social_worker)
    data = edit_data(assessment, analysis="Mine")
    data["version"] = 1
    response = client.post(url("autosave", assessment.pk), data)
    assert response.status_code == 409
    assert response.json()["version"] == 2
    assessment.refresh_from_db()
    assert assessment.analysis == "Theirs"


def test_autosave_refuses_bad_input_in_json(client, social_worker, assessment):
    client.force_login(social_worker)
    bad = edit_data(assessment, child_seen_on="not a date", analysis="B")
    response = client.post(url("autosave", assessment.pk), bad)
    assert response.status_code == 400 and "child_seen_on" in response.json()["errors"]
    combined = edit_data(assessment, factors=["21", "3B"])
    response = client.post(url("autosave", assessment.pk), combined)
    assert response.status_code == 400 and "on its own" in response.json()["error"]
    assessment.refresh_from_db()
    assert assessment.version == 1


def test_autosave_after_submission_is_refused(client, social_worker, submitted):
    client.force_login(social_worker)
    response = client.post(url("autosave", submitted.pk), edit_data(submitted, analysis="Late"))
    assert response.status_code == 400 and "submitted" in response.json()["error"]


def test_autosave_is_post_only_and_signed_out_is_sent_to_sign_in(client, social_worker, assessment):
    client.force_login(social_worker)
    assert client.get(url("autosave", assessment.pk)).status_code == 405
    client.logout()
    response = client.post(url("autosave", assessment.pk), edit_data(assessment, analysis="C"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assessment.refresh_from_db()
    assert assessment.analysis == ""


# -- versions -----------------------------------------------------------------------------------


def test_versions_show_what_changed(client, social_worker, assessment):
    write(social_worker, assessment, analysis="Mum hit Amelia on the arm.", factors=["3B"])
    write(social_worker, assessment, analysis="Mum hit Amelia on the face.", factors=["3A"])
    client.force_login(social_worker)
    body = client.get(url("versions", assessment.pk)).content.decode()
    assert "Version 2 compared with version 3" in body
    assert "arm.<span" in body.split("<del>")[1] and "face.<span" in body.split("<ins>")[1]
    assert "3A Domestic abuse: the child is the subject" in body
    body = client.get(url("versions", assessment.pk), {"older": 1, "newer": 3}).content.decode()
    assert "Version 1 compared with version 3" in body
    assert "Analysis, Factors identified" in body  # the list of versions says what changed


# -- SQL stays fixed ----------------------------------------------------------------------------


def add_entries(person, by, n):
    with transaction.atomic():
        for i in range(n):
            chronology_record(
                person=person,
                kind="details_changed",
                summary=f"Entry {i}",
                occurred_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                by=by,
            )


def queries(client, page) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(page).status_code == 200
    return len(ctx.captured_queries)


def test_pages_do_not_grow_with_the_chronology(
    client, social_worker, mum, assessment, django_assert_max_num_queries
):
    consult(social_worker, assessment, person=mum)
    write(social_worker, assessment, **SECTIONS)
    client.force_login(social_worker)
    add_entries(assessment.person, social_worker, 3)
    few = {name: queries(client, url(name, assessment.pk)) for name in ("assessment", "edit")}
    add_entries(assessment.person, social_worker, 80)
    for name in ("assessment", "edit"):
        with django_assert_max_num_queries(few[name]):
            client.get(url(name, assessment.pk))
    with django_assert_max_num_queries(25):
        client.get(url("assessment", assessment.pk))
