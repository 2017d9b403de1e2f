"""Journey: a social worker finds a child despite a misspelt name and opens the record."""

import datetime

from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.people.codes import RelationshipType
from lantern.people.services import relationship_add
from tests.factories import make_person
from tests.functional.helpers import assert_accessible, login, submit, visit


def test_misspelt_search_finds_the_child_and_opens_the_record(page, make_user):
    worker = make_user(Role.SOCIAL_WORKER)
    amelia = make_person(
        by=worker,
        first_name="Amelia",
        last_name="Hargreaves",
        date_of_birth=datetime.date(2015, 3, 2),
        address={"line1": "12 Fish Dock Road", "postcode": "DN31 3NW", "town": "Grimsby"},
    )
    mother = make_person(
        by=worker,
        first_name="Sarah",
        last_name="Hargreaves",
        date_of_birth=datetime.date(1988, 6, 11),
    )
    relationship_add(by=worker, person=mother, other=amelia, type=RelationshipType.PARENT)
    make_person(by=worker, first_name="Emily", last_name="Harper", sex="F")
    make_person(by=worker, first_name="Oliver", last_name="Greaves", sex="M")

    login(page, worker)
    visit(page, "/people/")
    # Both names misspelt. (Not "Emilia": the matcher deliberately treats a different first
    # letter as a different name, as with Ava and Eva.)
    page.get_by_label("Name").fill("Amilia Hargraves")
    submit(page, "Search")

    expect(page.get_by_role("heading", level=1)).to_have_text("Find a person")
    rows = page.locator("table.govuk-table tbody tr")
    first = rows.first
    expect(first.get_by_role("link")).to_have_text("Amelia Hargreaves")
    expect(first).to_contain_text("2 Mar 2015")
    expect(first.locator("td").last).to_have_text(
        "first name sounds the same; surname sounds the same"
    )
    expect(page.get_by_role("main")).not_to_contain_text("Oliver Greaves")

    first.get_by_role("link", name="Amelia Hargreaves").click()
    page.wait_for_url(f"**/people/{amelia.pk}/")
    assert_accessible(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Amelia Hargreaves")
    expect(page.get_by_role("main")).to_contain_text("12 Fish Dock Road")
    family = page.locator("h2:text('Family and network') + table")
    expect(family).to_contain_text("Sarah Hargreaves")
    expect(family).to_contain_text("Parent")
    chronology = page.locator("table.lantern-chronology")
    expect(chronology).to_contain_text("Person recorded")

    # The GOV.UK stylesheet really loaded (a broken static set-up shows Times New Roman).
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial"), font
