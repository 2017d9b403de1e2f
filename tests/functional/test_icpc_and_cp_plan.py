"""Journey (issue 4): a section 47 enquiry decided to convene an initial child protection
conference; the social worker records the conference from the enquiry, the child protection plan
starts that day with its first core group, first review and first visit due; a visit recorded
in the case notes moves the next visit on."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.casenotes.models import CaseNote
from lantern.child_protection.codes import ConferenceDecision, ConferenceKind
from lantern.child_protection.models import Conference, CoreGroup
from lantern.front_door.codes import Section47Outcome
from lantern.plans.models import Plan
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import due_date
from tests.factories import make_person
from tests.factories.child_protection import convene, make_section47, working_days_ago
from tests.functional.helpers import assert_accessible, login, submit, visit

OUTLINE = "Father not to be alone with Mia; school to check on her every morning."


def long_date(day: datetime.date) -> str:
    """As the pages show a date with |date:"j F Y": 5 March 2026."""
    return f"{day.day} {day:%B %Y}"


def recent_working_day(today: datetime.date, back: int = 2) -> datetime.date:
    """The working day `back` working days before today (bank holidays and closures skipped)."""
    calendar, day = get_calendar(), today
    while back:
        day -= datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            back -= 1
    return day


def summary_value(page, key: str):
    """The value of the summary-list row whose key is `key`."""
    key_cell = page.locator(
        "dt.govuk-summary-list__key", has_text=re.compile(f"^{re.escape(key)}$")
    )
    return page.get_by_role("main").locator(".govuk-summary-list__row", has=key_cell).locator("dd")


def test_icpc_recorded_from_the_enquiry_starts_the_plan_and_a_visit_moves_the_next_on(
    page, make_user
):
    worker = make_user(Role.SOCIAL_WORKER, first_name="Alex", last_name="Reed")
    manager = make_user(Role.TEAM_MANAGER)
    chair = make_user(Role.IRO, first_name="Robin", last_name="Chair")
    child = make_person(
        by=worker, first_name="Mia", last_name="Hollis", date_of_birth=datetime.date(2014, 2, 3)
    )
    today = timezone.localdate()
    held_on = recent_working_day(today)
    enquiry = convene(
        worker, make_section47(worker, manager, child, start=working_days_ago(3, held_on))
    )
    assert enquiry.outcome == Section47Outcome.ICPC
    assert not Plan.objects.filter(person=child).exists()

    core_group_due = due_date("first_core_group", held_on)
    review_due = due_date("first_rcpc", held_on)
    first_visit_due = due_date("cp_visit", held_on)

    login(page, worker)
    visit(page, f"/front-door/section-47/{enquiry.pk}/")
    page.get_by_role("link", name="Record the initial child protection conference").click()
    page.wait_for_url(f"**/child-protection/section-47/{enquiry.pk}/icpc/")
    assert_accessible(page)

    page.get_by_label("Date of the conference").fill(f"{held_on:%d/%m/%Y}")
    page.get_by_label("Who chaired the conference?").select_option(
        label=f"{chair} ({chair.role_label})"
    )
    social_care = page.get_by_role("group", name="Attendee 1")
    expect(social_care.get_by_label("Agency")).to_have_value("social_care")
    social_care.get_by_label("Name", exact=True).fill("Alex Reed")
    social_care.get_by_label("Role", exact=True).fill("Social worker")
    social_care.get_by_label("Attended").check()
    social_care.get_by_label("Sent a report").check()
    police = page.get_by_role("group", name="Attendee 2")
    expect(police.get_by_label("Agency")).to_have_value("police")
    police.get_by_label("Name", exact=True).fill("DS Jo Hall")
    police.get_by_label("Attended").check()
    police.get_by_label("Sent a report").check()
    health = page.get_by_role("group", name="Attendee 3")
    expect(health.get_by_label("Agency")).to_have_value("health")
    health.get_by_label("Name", exact=True).fill("Kim Lee")
    health.get_by_label("Role", exact=True).fill("School nurse")
    health.get_by_label("Attended").check()
    # The school could not come but sent its report.
    education = page.get_by_role("group", name="Attendee 4")
    expect(education.get_by_label("Agency")).to_have_value("education")
    education.get_by_label("Name", exact=True).fill("Sam Patel")
    expect(education.get_by_label("Invited")).to_be_checked()
    education.get_by_label("Sent a report").check()
    mother = page.get_by_role("group", name="Attendee 5")
    mother.get_by_label("Agency").select_option("other")
    mother.get_by_label("Name", exact=True).fill("Dana Hollis")
    mother.get_by_label("Role", exact=True).fill("Mother")
    mother.get_by_label("Attended").check()

    page.get_by_role("group", name="What did the conference decide?").get_by_label(
        "The child is to be the subject of a child protection plan"
    ).check()
    page.get_by_role("group", name="Category of abuse").get_by_label(
        "Physical abuse", exact=True
    ).check()
    page.get_by_label("Outline child protection plan").fill(OUTLINE)
    page.get_by_label("Why did the conference decide this?").fill(
        "Mia has been physically harmed by her father and the risk continues."
    )
    submit(page, "Save the conference")

    conference = Conference.objects.get(section47=enquiry, kind=ConferenceKind.INITIAL)
    page.wait_for_url(f"**/child-protection/conferences/{conference.pk}/")
    expect(page.get_by_role("alert")).to_contain_text(
        "Initial child protection conference recorded"
    )
    assert conference.held_on == held_on
    assert conference.chair == chair
    assert conference.decision == ConferenceDecision.CP_PLAN
    assert conference.category == "PHY"
    attendees = {a.name: a for a in conference.attendees.all()}
    assert set(attendees) == {"Alex Reed", "DS Jo Hall", "Kim Lee", "Sam Patel", "Dana Hollis"}
    assert attendees["Sam Patel"].agency == "education"
    assert attendees["Sam Patel"].invited and not attendees["Sam Patel"].attended
    assert attendees["Sam Patel"].report_submitted
    assert attendees["DS Jo Hall"].attended and attendees["DS Jo Hall"].report_submitted
    assert attendees["Dana Hollis"].agency == "other" and attendees["Dana Hollis"].role == "Mother"
    plan = Plan.objects.get(person=child, kind=Plan.Kind.CHILD_PROTECTION)
    assert conference.plan == plan
    assert plan.start_date == held_on and plan.end_date is None
    assert plan.initial_category == plan.latest_category == "PHY"
    assert plan.summary == OUTLINE
    assert plan.review_date == review_due
    assert CoreGroup.objects.get(plan=plan, held_on__isnull=True).due_date == core_group_due
    review = Conference.objects.get(plan=plan, kind=ConferenceKind.REVIEW)
    assert review.due_date == review_due and review.held_on is None

    # The child's child protection page.
    page.get_by_role("link", name="Child protection", exact=True).click()
    page.wait_for_url(f"**/child-protection/child/{child.pk}/")
    assert_accessible(page)
    expect(summary_value(page, "Started")).to_contain_text(long_date(held_on))
    expect(summary_value(page, "Category of abuse")).to_have_text("Physical abuse")
    expect(summary_value(page, "First core group")).to_contain_text(
        f"Due by {long_date(core_group_due)}"
    )
    expect(summary_value(page, "Next review conference")).to_contain_text(
        f"Due by {long_date(review_due)}"
    )
    expect(summary_value(page, "Next visit")).to_contain_text(
        f"Due by {long_date(first_visit_due)}"
    )
    expect(summary_value(page, "Next visit")).to_contain_text(
        "Not seen on a visit since the plan started"
    )
    expect(page.get_by_role("main")).not_to_contain_text("Initial conference awaited")

    # The plan's own page says the same.
    page.get_by_role("link", name="The plan, its visits and meetings").click()
    page.wait_for_url(f"**/child-protection/plans/{plan.pk}/")
    assert_accessible(page)
    expect(summary_value(page, "Started")).to_contain_text(long_date(held_on))
    expect(summary_value(page, "First core group")).to_contain_text(
        f"Due by {long_date(core_group_due)}"
    )
    expect(summary_value(page, "Next review conference")).to_contain_text(
        f"Due by {long_date(review_due)}"
    )
    expect(summary_value(page, "Next visit")).to_contain_text(
        f"Due by {long_date(first_visit_due)}"
    )
    expect(page.get_by_role("main")).to_contain_text(OUTLINE)
    expect(page.get_by_role("main")).to_contain_text("No visits recorded during this plan.")

    # The visit, recorded as a case note.
    page.get_by_role("link", name="Record a visit in the case notes").click()
    page.wait_for_url(f"**/case-notes/child/{child.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Record a visit", exact=True).click()
    page.wait_for_url(f"**/case-notes/child/{child.pk}/new/?kind=visit")
    assert_accessible(page)
    expect(page.get_by_label("Visit to the child", exact=True)).to_be_checked()
    page.get_by_label("Date", exact=True).fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Title").fill("Home visit")
    page.get_by_label("Note", exact=True).fill(
        "Saw Mia alone in her bedroom. She said her dad has not visited since the conference."
    )
    page.get_by_role("group", name="Was the child seen?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    submit(page, "Save")

    note = CaseNote.objects.get(person=child)
    page.wait_for_url(f"**/case-notes/{note.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Visit to the child recorded")
    expect(summary_value(page, "Child seen")).to_have_text("Seen alone")
    assert note.kind == CaseNote.Kind.VISIT
    assert note.occurred_on == today
    assert note.child_seen is True and note.seen_alone is True
    assert note.created_by == worker

    next_visit_due = due_date("cp_visit", today)
    assert next_visit_due > first_visit_due
    page.get_by_role("link", name="The child's case notes").click()
    page.wait_for_url(f"**/case-notes/child/{child.pk}/")
    assert_accessible(page)
    expect(page.locator("tbody tr", has_text="Home visit")).to_contain_text("Seen alone")
    visit(page, f"/child-protection/child/{child.pk}/")
    expect(summary_value(page, "Next visit")).to_contain_text(f"Due by {long_date(next_visit_due)}")
    expect(summary_value(page, "Next visit")).to_contain_text(
        f"Child last seen on a visit {long_date(today)}"
    )
    page.get_by_role("link", name="The plan, its visits and meetings").click()
    page.wait_for_url(f"**/child-protection/plans/{plan.pk}/")
    assert_accessible(page)
    expect(summary_value(page, "Next visit")).to_contain_text(f"Due by {long_date(next_visit_due)}")
    visit_row = page.get_by_role("main").locator("tbody tr", has_text="Home visit")
    expect(visit_row.locator("td").nth(1)).to_have_text("Yes")  # child seen
    expect(visit_row.locator("td").nth(2)).to_have_text("Yes")  # seen alone
