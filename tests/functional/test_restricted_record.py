"""Journey: a social worker opens a restricted record with a reason; a manager sees it logged."""

import datetime

from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.people.services import person_restrict
from tests.factories import make_person
from tests.functional.helpers import login, logout, submit, visit

REASON = "Duty call from the school about a new concern tonight"


def test_break_glass_opening_is_recorded_and_shown_to_a_manager(page, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    worker = make_user(Role.SOCIAL_WORKER, first_name="Dev", last_name="Patel")
    manager = make_user(Role.TEAM_MANAGER)
    child = make_person(
        by=head, first_name="Kacey", last_name="Lawson", date_of_birth=datetime.date(2010, 1, 9)
    )
    person_restrict(by=head, person=child, restricted=True, reason="Child of a staff member")

    login(page, worker)
    visit(page, f"/people/{child.pk}/")
    assert page.url.endswith(f"/people/{child.pk}/open/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This record is restricted")
    expect(page.get_by_role("main")).not_to_contain_text("Kacey")

    submit(page, "Open the record")  # no reason yet: refused with an error
    expect(page.get_by_role("alert")).to_contain_text("Enter why you need to open this record")
    assert page.url.endswith(f"/people/{child.pk}/open/")

    page.get_by_label("Why do you need to open this record?").fill(REASON)
    submit(page, "Open the record")
    assert page.url.endswith(f"/people/{child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kacey Lawson")
    expect(page.get_by_role("main")).to_contain_text("Restricted record")
    logout(page)

    login(page, manager)
    visit(page, f"/people/{child.pk}/viewed-by/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who has viewed this record")
    entry = page.locator("tbody tr", has_text="Dev Patel")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("Social worker")
    expect(entry).to_contain_text("Break glass")
    expect(entry).to_contain_text(REASON)
