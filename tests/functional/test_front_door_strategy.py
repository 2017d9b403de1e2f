"""Journey: a strategy discussion held without the police is recorded; the discussion warns
that a key agency was absent and the child's record shows the practice check (CP1)."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.front_door.models import StrategyDiscussion
from tests.factories import make_person
from tests.factories.front_door import decide, make_contact, screen
from tests.functional.helpers import assert_accessible, login, submit


def test_strategy_discussion_recorded_without_police_warns_and_the_check_fires(page, make_user):
    worker = make_user(Role.FRONT_DOOR)
    manager = make_user(Role.TEAM_MANAGER)
    child = make_person(
        by=worker, first_name="Tyler", last_name="Nunn", date_of_birth=datetime.date(2012, 6, 9)
    )
    item = make_contact(worker, child).children.get()
    screen(worker, item, recommendation="strategy", level=4)
    decision = decide(manager, item, outcome="strategy")
    discussion = StrategyDiscussion.objects.get(referral=decision.referral)
    assert discussion.held_at < timezone.now()

    login(page, worker)
    page.get_by_role("link", name="Strategy discussions and section 47 enquiries").click()
    page.wait_for_url("**/front-door/strategy/")
    assert_accessible(page)
    row = page.locator("tbody tr", has_text="Tyler Nunn")
    expect(row).to_contain_text("Record due")
    row.get_by_role("link", name="View the discussion about Tyler Nunn").click()
    page.wait_for_url(f"**/front-door/strategy/{discussion.pk}/")
    assert_accessible(page)

    page.get_by_role("link", name="Record this discussion").click()
    page.wait_for_url(f"**/front-door/strategy/{discussion.pk}/record/")
    assert_accessible(page)
    # The police were invited but did not take part; health and education did.
    police = page.get_by_role("group", name="Attendee 1")
    expect(police.get_by_label("Agency")).to_have_value("police")
    police.get_by_label("Name", exact=True).fill("Grimsby CID duty desk")
    expect(police.get_by_label("Invited")).to_be_checked()
    expect(police.get_by_label("Attended")).not_to_be_checked()
    health = page.get_by_role("group", name="Attendee 2")
    expect(health.get_by_label("Agency")).to_have_value("health")
    health.get_by_label("Name", exact=True).fill("Kim Lee")
    health.get_by_label("Role", exact=True).fill("School nurse")
    health.get_by_label("Attended").check()
    health.get_by_label("What they contributed").fill("Missed immunisations; bruise seen in May.")
    education = page.get_by_role("group", name="Attendee 3")
    expect(education.get_by_label("Agency")).to_have_value("education")
    education.get_by_label("Name", exact=True).fill("Sam Patel")
    education.get_by_label("Attended").check()
    social_care = page.get_by_role("group", name="Attendee 4")
    social_care.get_by_label("Name", exact=True).fill(worker.get_full_name())
    social_care.get_by_label("Attended").check()

    page.get_by_label("Section 47 enquiry", exact=True).check()
    page.get_by_label("Why?").fill(
        "Reasonable cause to suspect Tyler is suffering significant harm"
    )
    page.get_by_role("group", name="Was immediate protective action taken?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_label("The plan for the enquiry").fill(
        "Visit Tyler at school with his class teacher present; paediatric assessment."
    )
    due = timezone.localdate() + datetime.timedelta(days=1)
    action = page.get_by_role("group", name="Action 1")
    action.get_by_label("What will be done").fill("See Tyler alone at school")
    action.get_by_label("Who will do it").fill(worker.get_full_name())
    action.get_by_label("By when").fill(f"{due:%d/%m/%Y}")
    submit(page, "Save the record")

    discussion.refresh_from_db()
    assert page.url.endswith(f"/front-door/section-47/{discussion.section47.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Strategy discussion recorded")
    expect(page.get_by_role("main")).to_contain_text("See Tyler alone at school")

    page.get_by_role("main").get_by_role("link", name="strategy discussion", exact=True).click()
    page.wait_for_url(f"**/front-door/strategy/{discussion.pk}/")
    assert_accessible(page)
    main = page.get_by_role("main")
    expect(main.locator(".govuk-warning-text")).to_contain_text("Not in the discussion: Police")
    attendees = main.get_by_role("table", name="Each person invited")
    police_row = attendees.locator("tbody tr", has_text="Grimsby CID duty desk")
    expect(police_row.locator("td").nth(1)).to_have_text("Yes")  # invited
    expect(police_row.locator("td").nth(2)).to_have_text("No")  # attended
    expect(main).to_contain_text("Section 47 enquiry")

    main.get_by_role("link", name="Tyler Nunn").click()
    page.wait_for_url(f"**/people/{child.pk}/")
    assert_accessible(page)
    check = page.locator(".lantern-check", has_text="Strategy discussion without a key agency")
    expect(check).to_contain_text("CP1")
    expect(check).to_contain_text("Police not there")
