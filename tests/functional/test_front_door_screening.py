"""Journey: a front-door worker screens a contact about a child referred twice before whose
sister is on a child protection plan: the history is in front of them without asking, they
summarise it and recommend a strategy discussion, and a manager decides one."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.people.services import relationship_add
from lantern.plans.services import plan_start
from tests.factories import make_person
from tests.factories.front_door import decide, make_contact, screen
from tests.functional.helpers import assert_accessible, login, logout, submit

CHILD_HISTORY = (
    "Earlier contacts, referrals, strategy discussions, section 47 enquiries and exploitation "
    "screenings, newest first"
)


def short(day: datetime.date) -> str:
    return f"{day.day} {day:%b %Y}"


def long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def open_from_the_queue(page, child):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Front door").click()
    page.wait_for_url("**/front-door/")
    assert_accessible(page)
    page.locator("tbody tr", has_text=child.full_name).get_by_role(
        "link", name=child.full_name
    ).click()
    page.wait_for_url("**/front-door/screening/*/")
    assert_accessible(page)


def test_worker_sees_the_history_summarises_it_and_a_manager_decides_a_strategy_discussion(
    page, make_user
):
    worker = make_user(Role.FRONT_DOOR)
    manager = make_user(Role.TEAM_MANAGER)
    now = timezone.now()
    today = timezone.localdate()

    mother = make_person(
        by=worker, first_name="Donna", last_name="Marsh", date_of_birth=datetime.date(1990, 5, 2)
    )
    child = make_person(
        by=worker, first_name="Kayden", last_name="Marsh", date_of_birth=datetime.date(2014, 9, 1)
    )
    sister = make_person(
        by=worker, first_name="Lacey", last_name="Marsh", date_of_birth=datetime.date(2011, 2, 3)
    )
    for kid in (child, sister):
        relationship_add(
            by=worker, person=mother, other=kid, type="parent", parental_responsibility=True
        )
    plan_start(
        by=manager,
        person=sister,
        kind="cp",
        start_date=today - datetime.timedelta(days=120),
        category="NEG",
    )
    # Two earlier contacts, each decided as a referral for assessment.
    referred = []
    for days in (240, 91):
        received_at = now - datetime.timedelta(days=days)
        earlier = make_contact(worker, child, received_at=received_at).children.get()
        screen(worker, earlier)
        decide(manager, earlier, outcome="assessment")
        referred.append(timezone.localdate(received_at))
    make_contact(worker, child)

    login(page, worker)
    open_from_the_queue(page, child)
    expect(page.get_by_role("heading", level=1)).to_have_text("Screening Kayden Marsh")

    # The child's history, without asking: both earlier referrals.
    history = page.get_by_role("table", name=CHILD_HISTORY)
    referrals = history.locator("tbody tr", has_text="Referral (Abuse or neglect)")
    expect(referrals).to_have_count(2)
    for day in referred:
        expect(history).to_contain_text(short(day))
    # The last referral was three months ago: this would be a re-referral.
    banner = page.get_by_role("region", name="Re-referral")
    expect(banner).to_contain_text(f"referred to children's social care on {long(referred[1])}")
    expect(banner).to_contain_text("within 12 months of this contact")
    # The sister, on a child protection plan.
    lacey = page.locator(".govuk-summary-card", has_text="Lacey Marsh")
    expect(lacey).to_contain_text("child protection plan")

    page.get_by_label("Summary of the child's history").fill(
        "Referred twice in the last eight months for domestic abuse; both assessed. "
        "Lacey (sister) has been on a child protection plan for neglect since the spring."
    )
    submit(page, "Save the history summary")
    expect(page.get_by_role("alert")).to_contain_text("History summary saved")

    page.get_by_label("Level 4: Child protection").check()
    page.get_by_label("Why are the child's needs at this level?").fill(
        "A third disclosure of violence at home, with a sibling already on a plan for neglect."
    )
    page.get_by_label("Strategy discussion", exact=True).check()
    page.get_by_label("Why do you recommend this?").fill(
        "Reasonable cause to suspect significant harm: police and health need to share what "
        "they know today."
    )
    submit(page, "Record the screening")
    expect(page.get_by_role("alert")).to_contain_text("Screening recorded")
    logout(page)

    login(page, manager)
    open_from_the_queue(page, child)
    page.get_by_role("link", name="Make the decision").click()
    page.wait_for_url("**/front-door/screening/*/decision/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("Re-referral within 12 months")

    tomorrow = today + datetime.timedelta(days=1)
    page.get_by_label("Strategy discussion", exact=True).check()
    page.get_by_label("Date of the strategy discussion").fill(f"{tomorrow:%d/%m/%Y}")
    page.get_by_label("Time of the strategy discussion").fill("10:00")
    page.get_by_label("Primary need").select_option(label="Abuse or neglect")
    page.get_by_label("Why? (rationale)").fill(
        "Third referral in eight months with a sibling on a plan: agencies must plan together."
    )
    page.get_by_label("Direction: what must be gathered or done next").fill(
        "Police domestic abuse history and the school's attendance record before the discussion."
    )
    page.get_by_label("By whom").fill("Front door team")
    page.get_by_label("By when").fill(f"{tomorrow:%d/%m/%Y}")
    submit(page, "Record the decision")

    assert "/decision/" not in page.url
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded: Strategy discussion")
    decision = page.locator("dl", has_text="Decided by")
    expect(decision).to_contain_text("Strategy discussion")
    expect(decision).to_contain_text("Front door team")
    expect(decision).to_contain_text(manager.get_full_name())

    page.get_by_role("main").get_by_role("link", name=child.person_id).click()
    page.wait_for_url(f"**/people/{child.pk}/")
    assert_accessible(page)
    expect(page.locator("table.lantern-chronology tbody")).to_contain_text(
        "Decision: Strategy discussion"
    )
