"""Journey: roles that may not read case records get "Page not found", never the record."""

import datetime

import pytest
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from tests.factories import make_person
from tests.functional.helpers import login, visit


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ANALYST], ids=str)
def test_refused_role_gets_page_not_found_for_a_record(page, make_user, role):
    child = make_person(
        first_name="Tiegan", last_name="Marsh", date_of_birth=datetime.date(2014, 5, 5)
    )
    login(page, make_user(role))

    visit(page, f"/people/{child.pk}/", status=404)

    expect(page).to_have_title("Page not found – Lantern")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    html = page.content()
    assert "Tiegan" not in html and "Marsh" not in html and child.person_id not in html
