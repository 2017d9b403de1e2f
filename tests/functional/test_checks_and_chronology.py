"""Journey: a social worker follows a practice check to a child's record and filters its
chronology; an analyst sees the same check list without links into records."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.people.codes import WarningKind
from lantern.people.services import allocation_set, warning_add
from tests.factories import make_person
from tests.functional.helpers import assert_accessible, login, logout, submit


def test_practice_check_leads_to_the_record_and_its_chronology_filters(
    page, make_user, head_of_service
):
    worker = make_user(Role.SOCIAL_WORKER)
    today = timezone.localdate()
    child = make_person(
        by=worker, first_name="Jayden", last_name="Cole", date_of_birth=datetime.date(2013, 2, 1)
    )
    allocation_set(
        by=head_of_service, person=child, team=worker.team, worker=worker, start_date=today
    )
    warning_add(
        by=worker,
        person=child,
        kind=WarningKind.DOG,
        detail="Large dog kept in the back garden",
        review_date=today + datetime.timedelta(days=90),
    )

    login(page, worker)
    # The home page lists the child among "Your children" and with the check firing on them.
    children = page.get_by_role("table", name="Children")
    expect(children.get_by_role("link", name="Jayden Cole")).to_be_visible()
    checks = page.get_by_role("table", name="Practice checks firing")
    expect(checks).to_contain_text("Child's identity not recorded")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Practice checks").click()
    page.wait_for_url("**/checks/")
    assert_accessible(page)
    row = page.locator("tbody tr", has_text="Jayden Cole")
    expect(row).to_contain_text("Child's identity not recorded")

    row.get_by_role("link", name="Jayden Cole").click()
    page.wait_for_url(f"**/people/{child.pk}/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("Large dog kept in the back garden")
    chronology = page.locator("table.lantern-chronology tbody")
    expect(chronology).to_contain_text("Person recorded")
    expect(chronology).to_contain_text("Warning added: Dangerous animal at address")
    expect(chronology).to_contain_text(f"Allocated to {worker.get_full_name()}")

    page.get_by_text("Filter the chronology").click()
    page.get_by_role("checkbox", name="Warning", exact=True).check()
    submit(page, "Filter")
    expect(chronology.locator("tr")).to_have_count(1)
    expect(chronology).to_contain_text("Warning added: Dangerous animal at address")
    expect(page.get_by_role("checkbox", name="Warning", exact=True)).to_be_checked()
    logout(page)

    analyst = make_user(Role.ANALYST)
    login(page, analyst)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Practice checks").click()
    page.wait_for_url("**/checks/")
    assert_accessible(page)
    # The analyst sees the flag but has no way into the record.
    expect(page.locator("tbody")).to_contain_text("Child's identity not recorded")
    expect(
        page.locator("tbody").get_by_role("link", name="Child's identity not recorded")
    ).to_be_visible()
    expect(page.locator("main a[href^='/people/']")).to_have_count(0)
