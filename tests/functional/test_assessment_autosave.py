"""Journey: a social worker's assessment autosaves as they write, and nothing typed is lost when
the session times out: the text waits in the browser and is saved after signing in again."""

from lantern.accounts.roles import Role
from lantern.assessments.models import Assessment
from tests.factories import make_person
from tests.factories.assessments import family_member, start
from tests.functional.helpers import assert_accessible, login, submit, visit


def test_autosave_survives_a_session_timeout(page, make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    child = make_person(by=worker, first_name="Amelia", last_name="Hargreaves")
    family_member(worker, child)
    assessment = start(worker, child)
    login(page, worker)
    visit(page, f"/assessments/{assessment.pk}/edit/")
    page.get_by_label("What the child said").fill("I like school.")
    page.get_by_label("How the child was seen and heard").click()  # leave the field
    page.get_by_text("Saved at").wait_for()
    assessment.refresh_from_db()
    assert assessment.voice_said == "I like school." and assessment.version == 2
    assert page.locator("input[name=version]").input_value() == "2"

    page.context.clear_cookies()  # the session times out
    page.get_by_label("What the child said").fill("I like school. I miss my dad.")
    page.get_by_label("How the child was seen and heard").click()
    page.get_by_text("You have been signed out. Your latest changes").wait_for()
    assert_accessible(page)
    stored = page.evaluate("Object.keys(localStorage)")
    assert stored == [f"lantern-autosave:assessment-{assessment.pk}:v2"], stored

    login(page, worker)
    visit(page, f"/assessments/{assessment.pk}/edit/")
    page.get_by_text("had not been saved").wait_for()
    assert page.get_by_label("What the child said").input_value() == "I like school. I miss my dad."
    page.get_by_text("Saved at").wait_for()
    assessment.refresh_from_db()
    assert assessment.voice_said == "I like school. I miss my dad." and assessment.version == 3
    assert page.evaluate("Object.keys(localStorage)") == []
    assert_accessible(page)
    for path in [
        f"/assessments/{assessment.pk}/",
        f"/assessments/{assessment.pk}/versions/",
        f"/assessments/{assessment.pk}/submit/",
        f"/assessments/{assessment.pk}/consultees/new/",
        f"/assessments/child/{child.pk}/",
    ]:
        visit(page, path)


def test_manager_pages_accessible(page, make_user):
    from tests.factories.assessments import complete
    from tests.factories.assessments import submit as send_to_manager

    worker = make_user(Role.SOCIAL_WORKER)
    manager = make_user(Role.TEAM_MANAGER)
    child = make_person(by=worker, first_name="Amelia", last_name="Hargreaves")
    mum = family_member(worker, child)
    a = start(worker, child)
    complete(worker, a, family=mum)
    send_to_manager(worker, a)
    login(page, manager)
    visit(page, f"/assessments/{a.pk}/authorise/")
    page.get_by_label("Authorise the assessment").check()
    page.get_by_label("Your comments").fill("Good.")
    submit(page, "Record your decision")
    assert Assessment.objects.get().is_complete


def test_conflict_keeps_the_text(page, make_user):
    from tests.factories.assessments import write

    worker = make_user(Role.SOCIAL_WORKER)
    child = make_person(by=worker, first_name="Amelia", last_name="Hargreaves")
    a = start(worker, child)
    login(page, worker)
    visit(page, f"/assessments/{a.pk}/edit/")
    write(worker, a, analysis="Theirs")
    page.get_by_label("What the child said").fill("Mine, typed here.")
    page.get_by_label("How the child was seen and heard").click()
    page.get_by_text("Someone else saved this assessment").wait_for()
    assert_accessible(page)
    visit(page, f"/assessments/{a.pk}/edit/")
    page.get_by_text("were not saved, because the assessment was saved again").wait_for()
    page.get_by_text("Show the text that was not saved").click()
    page.get_by_text("Mine, typed here.").wait_for()
    assert page.get_by_label("What the child said").input_value() == ""
    assert_accessible(page)
    page.get_by_role("button", name="I have copied what I need: discard it").click()
    assert page.evaluate("Object.keys(localStorage)") == []


def test_save_straight_after_typing_saves_once_without_a_false_conflict(page, make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    child = make_person(by=worker, first_name="Amelia", last_name="Hargreaves")
    a = start(worker, child)
    login(page, worker)
    visit(page, f"/assessments/{a.pk}/edit/")
    page.get_by_label("What the child said").fill("Mum said it was over chastisement.")
    page.get_by_label("How the child was seen and heard").click()  # leave the field: autosave
    page.get_by_text("Practice language recorded as a check: “over chastisement”").wait_for()

    # Pressing Save moves the focus out of the field (an autosave starts) and sends the form.
    page.get_by_label("What the child said").fill("She said: I like school.")
    submit(page, "Save draft")
    page.get_by_text("Draft saved at").wait_for()
    assert page.get_by_text("Someone else saved this assessment").count() == 0
    a.refresh_from_db()
    assert a.voice_said == "She said: I like school." and a.version == 3
    visit(page, f"/assessments/{a.pk}/edit/")
    assert page.get_by_text("were not saved").count() == 0
    assert page.get_by_text("had not been saved").count() == 0
    assert page.evaluate("Object.keys(localStorage)") == []
