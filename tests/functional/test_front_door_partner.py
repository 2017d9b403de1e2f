"""Journey: a partner referrer sends a multi-agency referral about a child, the front door
screens and decides it, and the partner later sees the outcome (never the child's record)."""

from playwright.sync_api import expect

from lantern.accounts.roles import Role
from lantern.front_door.models import Contact
from tests.factories.front_door import decide, screen
from tests.functional.helpers import assert_accessible, login, logout, submit

ASSESSMENT = "Referral to children's social care for assessment"


def test_partner_refers_a_child_and_later_sees_the_outcome(page, make_user):
    partner = make_user(Role.PARTNER, organisation="Weelsby Academy", first_name="Sam")
    worker = make_user(Role.FRONT_DOOR)
    manager = make_user(Role.TEAM_MANAGER)

    login(page, partner)
    page.get_by_role("main").get_by_role("link", name="Refer a child").click()
    page.wait_for_url("**/front-door/refer/")
    assert_accessible(page)

    child = page.get_by_role("group", name="The child you are worried about")
    child.get_by_label("First name").fill("Maisie")
    child.get_by_label("Last name").fill("Partridge")
    child.get_by_label("Date of birth").fill("04/03/2016")
    child.get_by_label("Sex").select_option(label="Female")
    child.get_by_label("Address line 1").fill("12 Freeman Street")
    child.get_by_label("Town or city").fill("Grimsby")
    child.get_by_label("Postcode").fill("DN31 1HU")
    page.get_by_label("What are you worried about?").fill(
        "Maisie came to school with a bruise on her cheek. She said her mum's boyfriend "
        "pushed her into a door when he was shouting at her mum last night."
    )
    page.get_by_label("Domestic abuse").check()
    page.get_by_label("Physical abuse").check()
    page.get_by_label("What have you already done?").fill(
        "Spoke to Maisie with a colleague present and photographed the bruise."
    )
    page.get_by_label("Sought and given").check()
    # The form knows the partner: their organisation chose the agency.
    expect(page.get_by_label("Your organisation")).to_have_value("Weelsby Academy")
    expect(page.get_by_label("Your agency")).to_have_value("2A")
    page.get_by_label("Your role").fill("Designated safeguarding lead")
    page.get_by_label("Your phone number").fill("01472 313131")
    submit(page, "Send the referral")

    contact = Contact.objects.get(submitted_by=partner)
    assert page.url.endswith(f"/front-door/referred/{contact.pk}/")
    panel = page.locator(".govuk-panel--confirmation")
    expect(panel).to_contain_text("Referral sent")
    expect(panel).to_contain_text(contact.reference)
    expect(page.get_by_role("main")).to_contain_text("Awaiting a decision")
    logout(page)

    # The front door screens the referral and a manager decides it.
    item = contact.children.get()
    assert (item.person.first_name, item.person.last_name) == ("Maisie", "Partridge")
    screen(worker, item, recommendation="assessment", level=3)
    decide(manager, item, outcome="assessment")

    login(page, partner)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your referrals").click()
    page.wait_for_url("**/front-door/referred/")
    assert_accessible(page)
    row = page.locator("tbody tr", has_text=contact.reference)
    expect(row).to_contain_text("Maisie Partridge")
    expect(row).to_contain_text(ASSESSMENT)
    expect(page.locator("main a[href^='/people/']")).to_have_count(0)

    row.get_by_role("link", name=contact.reference).click()
    page.wait_for_url(f"**/front-door/referred/{contact.pk}/")
    assert_accessible(page)
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Referral {contact.reference}")
    expect(main).to_contain_text(ASSESSMENT)
    expect(main).to_contain_text("A social worker will assess the child's needs")
    # The partner sees what happens next, not the reasons or the record.
    expect(main).not_to_contain_text("Disclosure of harm needs assessment")
    expect(page.locator("main a[href^='/people/']")).to_have_count(0)
