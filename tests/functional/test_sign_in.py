"""Journey: each role signs in through the real form and lands on its own home page."""

import pytest
from playwright.sync_api import expect

from lantern.accounts.roles import Role
from tests.functional.helpers import login

PRACTICE = {"Home", "Find a person", "Front door", "Practice checks", "Timescales"}
ALL_LINKS = PRACTICE | {"Duplicates"}

# The service navigation each role should see (lantern/accounts/permissions.py).
NAVIGATION = {
    Role.FRONT_DOOR: PRACTICE,
    Role.SOCIAL_WORKER: PRACTICE | {"Conferences"},
    Role.TEAM_MANAGER: ALL_LINKS | {"Conferences", "Closures"},
    Role.HEAD_OF_SERVICE: ALL_LINKS | {"Closures"},
    Role.IRO: PRACTICE | {"Conferences"},
    Role.AUDITOR: PRACTICE,
    Role.ANALYST: {"Home", "Practice checks", "Timescales"},
    Role.ADMINISTRATOR: {"Home", "Find a person", "Duplicates", "Timescales", "Practice language"},
    Role.PARTNER: {"Home", "Refer a child", "Your referrals"},
}


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_each_role_signs_in_to_its_home_page(page, make_user, role):
    user = make_user(role, first_name="Robin", last_name="Okafor")

    login(page, user)

    assert page.url.endswith("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Robin Okafor")
    expect(page.get_by_role("main")).to_contain_text(role.label)
    expect(page.locator(".lantern-header__user")).to_have_text(
        f"Signed in as Robin Okafor {role.label}"
    )
    nav = page.get_by_role("navigation", name="Menu")
    links = set(nav.get_by_role("link").all_inner_texts())
    assert {text.strip() for text in links} == NAVIGATION[role]
    expect(nav.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
    if role == Role.PARTNER:
        expect(page.get_by_text("You cannot see children's records")).to_be_visible()
        expect(page.get_by_label("Is this child known?")).to_have_count(0)
