"""Journey: from a referral to a finalised child in need plan. A social worker starts an
assessment on the referral page and writes it; the practice-language hint appears under a
section as "over chastisement" is typed (AP4); sending it with the child's lived experience and
voice empty is refused (AP1); once written, with a family member consulted, it goes to the team
manager, who authorises it with comments. The worker then starts a CIN plan, whose action
without a due date stops it being finalised (AP6) until the date is added."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.assessments.models import Assessment, AssessmentDecision
from lantern.language.models import Finding
from lantern.plans.models import Plan
from tests.factories import make_person
from tests.factories.assessments import VOICE, family_member
from tests.factories.front_door import decide, make_contact, screen
from tests.functional.helpers import assert_accessible, login, logout, submit

HINT_REASON = "It describes an assault on a child as discipline that went a little too far."
ACTION = "Kerry to attend the Freedom Programme at the family hub every Tuesday"


# The pages' own background requests: the practice-language check and the assessment's autosave.
BACKGROUND = re.compile(r"/(language/check|assessments/\d+/autosave)/$")


class OneAtATime:
    """Lets the page's background requests reach the live server one at a time.

    The live server's threads share the single in-memory SQLite connection of the test database,
    so two requests at once can break each other's transactions. The edit page fires one
    language check per filled section as it loads; this holds each until the one before has
    finished. It does not change the requests, only when they are sent."""

    def __init__(self, page):
        self.page, self.waiting, self.busy = page, [], False
        page.route(BACKGROUND, self._arrived)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._finished)

    def _arrived(self, route) -> None:
        if self.busy:
            self.waiting.append(route)
        else:
            self.busy = True
            route.continue_()

    def _finished(self, request) -> None:
        if not BACKGROUND.search(request.url):
            return
        if self.waiting:
            self.waiting.pop(0).continue_()
        else:
            self.busy = False

    def settle(self) -> None:
        """Wait until no background request is waiting or running."""
        for _ in range(200):
            if not self.busy:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError("the page's background requests did not finish")


def at(path: str) -> re.Pattern:
    """The page at `path`, with or without a fragment: after a redirect the browser keeps the
    fragment of the page it came from (…/edit/#consultees leads to …/submit/#consultees)."""
    return re.compile(rf"{re.escape(path)}(#[\w-]*)?$")


def scan(page, background: OneAtATime) -> None:
    """The page has loaded: scan it, and let the checks it started as it loaded finish."""
    assert_accessible(page)
    background.settle()


def follow(page, background, link_name: str, path: str) -> None:
    """Follow a link (or a link styled as a button), wait for its page and scan it."""
    page.get_by_role("link", name=link_name, exact=True).click()
    page.wait_for_url(at(path))
    scan(page, background)


def press(page, background, button_name: str) -> None:
    submit(page, button_name)
    background.settle()


def write(page, field, text: str, *, autosave: bool = False) -> None:
    """Type into a free-text box, wait for its practice-language check (it runs 700 ms after
    typing stops) and, on the assessment, leave the box and wait for the autosave that starts,
    so that nothing is still being sent when the next thing is done."""
    with page.expect_response(lambda r: r.url.endswith("/language/check/")):
        field.fill(text)
    if autosave:
        saved(page)


def choose(page, field) -> None:
    """Tick a checkbox or a radio on the assessment, then let the autosave finish."""
    field.check()
    saved(page)


def saved(page) -> None:
    """Leave the field (focus goes to the page) and wait for the autosave it starts."""
    page.get_by_role("heading", level=1).click()
    # "Saved at 14:32", then any practice-language phrases the server recorded.
    expect(page.locator("[data-autosave-status]")).to_have_text(
        re.compile(r"^Saved at \d\d:\d\d(\. Practice language recorded as a check: .+)?$")
    )


def test_assessment_authorised_then_cin_plan_finalised_once_every_action_has_a_date(
    page, make_user
):
    worker = make_user(Role.SOCIAL_WORKER)
    manager = make_user(Role.TEAM_MANAGER)
    child = make_person(
        by=worker,
        first_name="Amelia",
        last_name="Hargreaves",
        date_of_birth=datetime.date(2018, 2, 3),
    )
    mum = family_member(worker, child)  # Kerry Hargreaves, in Amelia's family network
    item = make_contact(worker, child).children.get()
    screen(worker, item)
    referral = decide(manager, item, outcome="assessment").referral
    today = timezone.localdate()
    background = OneAtATime(page)

    # -- the worker starts the assessment from the referral ------------------------------------
    login(page, worker)
    page.goto(f"/front-door/referrals/{referral.pk}/")
    scan(page, background)
    follow(page, background, "Start an assessment", f"/assessments/start/{referral.pk}/")
    expect(page.get_by_label("Child and family assessment")).to_be_checked()
    expect(page.get_by_label("Date the assessment started")).to_have_value(f"{today:%d/%m/%Y}")
    press(page, background, "Start the assessment")
    assessment = Assessment.objects.get(referral=referral)
    expect(page).to_have_url(at(f"/assessments/{assessment.pk}/edit/"))
    expect(page.get_by_role("main")).to_contain_text("Child and family assessment started")
    assert assessment.status == Assessment.Status.DRAFT and assessment.person == child

    # -- writes every section but the child's voice; the language hint shows while typing ------
    parenting = page.get_by_label("Parenting capacity", exact=True)
    write(
        page,
        parenting,
        "Kerry meets Amelia's basic care needs. She described the bruise on Amelia's arm as "
        "over chastisement after Amelia spilt juice.",
    )
    hint = parenting.locator("xpath=following-sibling::*[@aria-live='polite'][1]")
    expect(hint.locator(".govuk-warning-text")).to_contain_text("“over chastisement”")
    expect(hint.locator(".govuk-warning-text")).to_contain_text(HINT_REASON)
    assert_accessible(page)  # with the hint showing
    saved(page)
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Practice language recorded as a check: “over chastisement”"
    )
    sections = {
        "The child's identity and needs": "White British; English is her first language; no "
        "religion; no disability.",
        "History and cumulative harm": "Three police domestic abuse notifications in 18 months, "
        "each followed by a period of calm: repeated exposure to violence, cumulative harm.",
        "Family and environment": "Maternal grandmother nearby and supportive; rent arrears.",
        "Analysis": "Amelia is a child in need of help and protection from domestic abuse.",
        "Why this outcome": "A child in need plan with domestic abuse support for Kerry.",
    }
    for label, text in sections.items():
        write(page, page.get_by_label(label, exact=True), text, autosave=True)
    choose(page, page.get_by_label("3A – Domestic abuse: the child is the subject", exact=True))
    choose(page, page.get_by_label("3B – Domestic abuse: parent(s) or carer(s) are the subject"))
    outcome = page.get_by_role("group", name="Outcome", exact=True)
    choose(page, outcome.get_by_label("Child in need plan"))
    assessment.refresh_from_db()  # the autosave has kept it all
    assert "over chastisement" in assessment.parenting_capacity
    assert assessment.analysis == sections["Analysis"]
    assert assessment.outcome == Assessment.Outcome.CIN_PLAN
    assert sorted(assessment.factors.values_list("code", flat=True)) == ["3A", "3B"]
    assert assessment.lived_experience == "" and assessment.voice_said == ""
    finding = Finding.objects.get(source_id=assessment.pk, cleared_at__isnull=True)
    assert (finding.source_type, finding.field) == ("assessments.assessment", "parenting_capacity")
    assert finding.phrase.phrase == "over chastisement" and finding.found_by == worker
    press(page, background, "Save draft")
    expect(page).to_have_url(at(f"/assessments/{assessment.pk}/edit/"))
    expect(page.get_by_role("main")).to_contain_text("Draft saved at")
    # The saved text is checked again as the page loads: the hint is still there.
    expect(hint.locator(".govuk-warning-text")).to_contain_text("“over chastisement”")

    # -- records Kerry as consulted ---------------------------------------------------------------
    follow(
        page, background, "Add someone consulted", f"/assessments/{assessment.pk}/consultees/new/"
    )
    expect(page.get_by_label("Someone in the child's family network")).to_be_checked()
    page.get_by_label("Family member").select_option(str(mum.pk))
    write(
        page,
        page.get_by_label("What they said", exact=True),
        "Kerry said Dean shouts when he has been drinking and Amelia hides in her room.",
    )
    press(page, background, "Add")
    expect(page).to_have_url(at(f"/assessments/{assessment.pk}/edit/#consultees"))
    expect(page.get_by_role("main")).to_contain_text(
        "Added Kerry Hargreaves to the people consulted"
    )
    consultee = assessment.consultees.get()
    assert consultee.person == mum and consultee.consulted_on == today

    # -- sending it without the child's voice is refused ------------------------------------------
    page.get_by_role("button", name="Save and check before sending to the manager").click()
    page.wait_for_url(at(f"/assessments/{assessment.pk}/submit/"))
    scan(page, background)
    press(page, background, "Send to the manager")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Complete the assessment before you submit it")
    lived = summary.get_by_role("link", name="Describe the child's daily life and lived experience")
    expect(lived).to_have_attribute("href", re.compile(r"/edit/#id_lived_experience$"))
    expect(summary).to_contain_text("Say how the child was seen and heard")
    expect(summary).to_contain_text("Record what the child said, in their own words")
    expect(summary).to_contain_text("Select yes if the child was seen alone")
    for written in [
        "Add at least one person consulted",
        "Write the analysis",
        "Select the outcome",
    ]:
        expect(summary).not_to_contain_text(written)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT and assessment.submitted_on is None

    # -- writes the child's voice and sends it --------------------------------------------------
    lived.click()
    page.wait_for_url(at(f"/assessments/{assessment.pk}/edit/#id_lived_experience"))
    scan(page, background)
    voice = {
        "The child's daily life and lived experience": VOICE["lived_experience"],
        "How the child was seen and heard": VOICE["voice_how"],
        "What the child said": VOICE["voice_said"],
    }
    for label, text in voice.items():
        write(page, page.get_by_label(label, exact=True), text, autosave=True)
    page.get_by_label("Date the child was seen").fill(f"{today:%d/%m/%Y}")
    saved(page)
    seen_alone = page.get_by_role("group", name="Was the child seen alone?")
    choose(page, seen_alone.get_by_label("Yes", exact=True))
    page.get_by_role("button", name="Save and check before sending to the manager").click()
    page.wait_for_url(at(f"/assessments/{assessment.pk}/submit/"))
    scan(page, background)
    expect(page.get_by_role("main")).to_contain_text("Every section is written")
    press(page, background, "Send to the manager")
    expect(page).to_have_url(at(f"/assessments/{assessment.pk}/"))
    expect(page.get_by_role("main")).to_contain_text(
        "Assessment sent to the manager for authorisation"
    )
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert assessment.submitted_on == today and assessment.submitted_by == worker
    assert assessment.voice_said == VOICE["voice_said"] and assessment.seen_alone is True
    assert assessment.child_seen_on == today
    logout(page)

    # -- the team manager authorises it with comments -----------------------------------------
    login(page, manager)
    page.goto(f"/assessments/{assessment.pk}/")
    scan(page, background)
    follow(page, background, "Authorise or return", f"/assessments/{assessment.pk}/authorise/")
    expect(page.get_by_role("main")).to_contain_text(VOICE["lived_experience"])
    page.get_by_label("Authorise the assessment").check()
    comments = "Agreed: Amelia needs a child in need plan, with support for Kerry about Dean."
    write(page, page.get_by_label("Your comments"), comments)
    press(page, background, "Record your decision")
    expect(page).to_have_url(at(f"/assessments/{assessment.pk}/"))
    expect(page.get_by_role("main")).to_contain_text("Assessment authorised")
    expect(page.get_by_role("main")).to_contain_text(comments)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AUTHORISED
    assert assessment.authorised_by == manager and assessment.authorised_on == today
    decision = assessment.decisions.get()
    assert decision.kind == AssessmentDecision.Kind.AUTHORISED and decision.comments == comments
    assert decision.by == manager
    logout(page)

    # -- the worker starts the CIN plan from the referral ---------------------------------------
    login(page, worker)
    page.goto(f"/front-door/referrals/{referral.pk}/")
    scan(page, background)
    follow(page, background, "Start a plan", f"/plans/child/{child.pk}/new/")
    page.get_by_label("Child in need plan").check()
    referrals = page.get_by_role("group", name="Which referral is it for?")
    expect(referrals.get_by_role("radio")).to_be_checked()  # the child's one open referral
    press(page, background, "Start the plan")
    plan = Plan.objects.get(person=child)
    expect(page).to_have_url(at(f"/plans/{plan.pk}/"))
    expect(page.get_by_role("main")).to_contain_text("Child in need plan started")
    assert plan.kind == Plan.Kind.CHILD_IN_NEED and plan.referral == referral
    assert plan.start_date == today and plan.finalised_at is None

    follow(page, background, "Add a need or risk", f"/plans/{plan.pk}/needs/new/")
    write(
        page,
        page.get_by_label("Need or risk"),
        "Amelia is not safe at home when Dean has been drinking",
    )
    press(page, background, "Save")
    expect(page.get_by_role("main")).to_contain_text("Need added")
    need = plan.needs.get()

    follow(page, background, "Add an action", f"/plans/{plan.pk}/actions/new/")
    write(page, page.get_by_label("What will be done"), ACTION)
    page.get_by_label("Which need does it meet?").select_option(str(need.pk))
    page.get_by_label("Who will do it?").select_option(f"person:{mum.pk}")
    write(
        page,
        page.get_by_label("How will everyone know it has been done and has worked?"),
        "Kerry has attended 10 of the 12 sessions (the family hub's register)",
    )
    press(page, background, "Save")  # without a due date
    expect(page).to_have_url(at(f"/plans/{plan.pk}/"))
    expect(page.get_by_role("main")).to_contain_text(
        "Action added: it still needs a due date before the plan is finalised"
    )
    action = plan.actions.get()
    assert action.due_date is None and action.owner_person == mum and action.need == need

    # -- finalising is refused while the action has no due date ---------------------------------
    follow(page, background, "Finalise the plan", f"/plans/{plan.pk}/finalise/")
    press(page, background, "Finalise the plan")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    refusal = summary.get_by_role("link", name=re.compile(r"^Action 1 ‘Kerry to attend"))
    expect(refusal).to_have_text(re.compile(r"^Action 1 ‘Kerry to attend.*’ needs a due date$"))
    plan.refresh_from_db()
    assert plan.finalised_at is None and plan.finalised_by is None

    # -- the due date is added and the plan finalises -----------------------------------------
    due = today + datetime.timedelta(weeks=12)
    follow(page, background, "Change action 1", f"/plans/actions/{action.pk}/edit/")
    page.get_by_label("By when").fill(f"{due:%d/%m/%Y}")
    press(page, background, "Save")
    expect(page).to_have_url(at(f"/plans/{plan.pk}/"))
    expect(page.get_by_role("main")).to_contain_text("Action changed")
    action.refresh_from_db()
    assert action.due_date == due and action.missing == []

    follow(page, background, "Finalise the plan", f"/plans/{plan.pk}/finalise/")
    expect(page.get_by_role("main")).to_contain_text("Every action has an owner, a due date")
    press(page, background, "Finalise the plan")
    expect(page).to_have_url(at(f"/plans/{plan.pk}/"))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Child in need plan finalised")
    expect(main.locator(".govuk-tag", has_text="Final")).to_be_visible()
    plan.refresh_from_db()
    assert plan.finalised_at is not None and plan.finalised_by == worker
