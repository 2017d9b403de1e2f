"""Journey: the front door records a child who may already be known, is warned, and goes on."""

import datetime

from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.people.models import Person
from tests.factories import make_person
from tests.functional.helpers import assert_accessible, login, submit


def test_new_person_warns_of_a_likely_duplicate_then_creates_the_record(page, make_user):
    worker = make_user(Role.FRONT_DOOR)
    william = make_person(
        by=worker,
        first_name="William",
        last_name="Smith",
        date_of_birth=datetime.date(2012, 7, 14),
        sex="M",
    )

    login(page, worker)
    page.get_by_role("link", name="Record a new person").click()
    page.wait_for_url("**/people/new/")
    assert_accessible(page)
    page.get_by_label("First name").fill("Bill")
    page.get_by_label("Last name").fill("Smith")
    page.get_by_label("Date of birth", exact=True).fill("14/07/2012")
    page.get_by_label("Male", exact=True).check()
    submit(page, "Save")

    banner = page.get_by_role("region", name="Important")
    expect(banner).to_contain_text("This person may already be known")
    expect(banner.get_by_role("link")).to_have_text(
        f"William Smith, born 14 Jul 2012 ({william.person_id})"
    )
    assert Person.objects.filter(last_name="Smith").count() == 1
    # What was typed is kept for the second go.
    expect(page.get_by_label("First name")).to_have_value("Bill")

    submit(page, "None of these: create a new record")

    bill = Person.objects.filter(last_name="Smith").exclude(pk=william.pk).get()
    assert page.url.endswith(f"/people/{bill.pk}/")
    success = page.get_by_role("alert")
    expect(success).to_contain_text("Success")
    expect(success).to_contain_text(f"Bill Smith recorded as {bill.person_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bill Smith")
    expect(page.locator("table.lantern-chronology")).to_contain_text("Person recorded")
    assert (bill.first_name, bill.date_of_birth) == ("Bill", datetime.date(2012, 7, 14))
