"""Intake pages: a contact recorded by a front-door worker, the contact's page, and a partner's
referral with the outcome they later see."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.front_door.models import Contact, ContactChild
from lantern.people.models import Person
from lantern.people.services import person_restrict, relationship_add
from tests.factories.front_door import CONCERN, decide, make_contact, screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(user_for):
    return user_for(Role.FRONT_DOOR)


@pytest.fixture
def partner(user_for):
    return user_for(
        Role.PARTNER,
        organisation="Weelsby Academy",
        first_name="Sam",
        last_name="Patel",
        email="sam.patel@weelsby.example",
    )


@pytest.fixture
def family(person_maker, worker):
    """Amelia, her two brothers and their mother (siblings inferred from the shared parent)."""
    mother = person_maker(first_name="Karen", last_name="Hargreaves", date_of_birth=None)
    children = [
        person_maker(first_name=name, last_name="Hargreaves", date_of_birth=dob)
        for name, dob in [
            ("Amelia", datetime.date(2015, 4, 1)),
            ("Jack", datetime.date(2017, 6, 2)),
            ("Oscar", datetime.date(2019, 8, 3)),
        ]
    ]
    for child in children:
        relationship_add(by=worker, person=mother, other=child, type="parent")
    return children


def contact_data(**overrides):
    received = timezone.localtime() - datetime.timedelta(minutes=30)
    data = {
        "received_date": received.strftime("%d/%m/%Y"),
        "received_time": received.strftime("%H:%M"),
        "channel": "phone",
        "source": "2A",
        "referrer_organisation": "Weelsby Academy",
        "referrer_name": "Sam Patel",
        "referrer_role": "Designated safeguarding lead",
        "referrer_phone": "01472 000000",
        "referrer_email": "",
        "concern": CONCERN,
        "categories": ["domestic_abuse", "physical"],
        "referrer_actions": "Spoke to Amelia with a colleague present.",
        "consent": "not_sought",
        "consent_not_sought_reason": "safeguarding",
        "consent_detail": "",
    }
    data.update(overrides)
    return data


def new_contact_url(person):
    return f"{reverse('front_door:contact_new')}?child={person.pk}"


# -- recording a contact ------------------------------------------------------------------------


def test_contact_new_searches_for_the_child_with_a_link_to_record_a_contact(client, worker, family):
    client.force_login(worker)
    response = client.get(reverse("front_door:contact_new"), {"name": "Amelia Hargreaves"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Record a contact about Amelia Hargreaves" in html
    assert f'href="/front-door/contacts/new/?child={family[0].pk}"' in html
    assert reverse("people:create") in html


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ANALYST, Role.ADMINISTRATOR])
def test_contact_new_is_refused_without_contact_record(client, user_for, family, role):
    client.force_login(user_for(role))
    assert client.get(reverse("front_door:contact_new")).status_code == 404
    assert client.get(new_contact_url(family[0])).status_code == 404


def test_contact_form_saves_a_contact_about_a_child_and_two_siblings(client, worker, family):
    amelia, jack, oscar = family
    client.force_login(worker)
    page = client.get(new_contact_url(amelia))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jack Hargreaves" in html and "Oscar Hargreaves" in html

    response = client.post(
        new_contact_url(amelia), contact_data(others=[str(jack.pk), str(oscar.pk)])
    )

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("front_door:contact", args=[contact.pk])
    assert {i.person for i in contact.children.all()} == {amelia, jack, oscar}
    assert contact.channel == "phone" and contact.source == "2A"
    assert contact.referrer_name == "Sam Patel"
    assert sorted(contact.concerns.values_list("category", flat=True)) == [
        "domestic_abuse",
        "physical",
    ]
    assert contact.consent_not_sought_reason == "safeguarding"
    assert contact.created_by == worker


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {
                "received_date": (timezone.localtime() + datetime.timedelta(hours=2)).strftime(
                    "%d/%m/%Y"
                ),
                "received_time": (timezone.localtime() + datetime.timedelta(hours=2)).strftime(
                    "%H:%M"
                ),
            },
            "The date and time received must be now or in the past",
        ),
        ({"concern": ""}, "Enter the concern in the referrer&#x27;s words"),
        ({"consent_not_sought_reason": ""}, "Select why consent was not sought"),
        ({"received_time": "25:99"}, "Enter the time as hours and minutes"),
    ],
)
def test_contact_form_keeps_what_was_typed_and_saves_nothing_on_error(
    client, worker, family, overrides, message
):
    client.force_login(worker)
    data = contact_data(referrer_role="Head of year 4", **overrides)
    response = client.post(new_contact_url(family[0]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert 'value="Head of year 4"' in html
    if data["concern"]:
        assert "she hid under the bed" in html
    assert 'value="domestic_abuse" checked' in html
    assert 'value="not_sought" checked' in html
    assert Contact.objects.count() == 0
    assert ContactChild.objects.count() == 0


def test_contact_form_of_a_restricted_child_asks_for_a_reason_first(
    client, worker, user_for, family
):
    person_restrict(
        by=user_for(Role.HEAD_OF_SERVICE), person=family[0], restricted=True, reason="Adoption"
    )
    client.force_login(worker)
    response = client.get(new_contact_url(family[0]))
    assert response.status_code == 302
    assert response.url == reverse("people:break_glass", args=[family[0].pk])


# -- the contact's page -------------------------------------------------------------------------


def test_contact_page_shows_children_completeness_and_what_is_missing(client, worker, family):
    contact = make_contact(worker, family[:2], referrer_actions="", categories=[])
    client.force_login(worker)
    response = client.get(reverse("front_door:contact", args=[contact.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amelia Hargreaves" in html and "Jack Hargreaves" in html
    for item in contact.children.all():
        assert reverse("front_door:screen", args=[item.pk]) in html
    assert f"{contact.completeness}%" in html
    assert "What the referrer has already done" in html  # missing
    assert "What kind of concern it is" in html  # missing
    assert "Where each child lives" in html  # nobody has an address
    assert "Due " in html  # time left on each child


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ANALYST, Role.ADMINISTRATOR])
def test_contact_page_is_refused_without_contact_view(client, user_for, worker, family, role):
    contact = make_contact(worker, family[0])
    client.force_login(user_for(role))
    assert client.get(reverse("front_door:contact", args=[contact.pk])).status_code == 404


# -- a partner's referral -----------------------------------------------------------------------


def referral_data(**overrides):
    data = {
        "child1-first_name": "Poppy",
        "child1-last_name": "Referred",
        "child1-date_of_birth": "04/03/2016",
        "child1-sex": "F",
        "child1-nhs_number": "",
        "child1-address_line1": "4 Freeman Street",
        "child1-address_town": "Grimsby",
        "child1-address_postcode": "DN32 7AB",
        "child2-sex": "U",
        "child3-sex": "U",
        "child4-sex": "U",
        "concern": CONCERN,
        "categories": ["domestic_abuse"],
        "referrer_actions": "Spoke to Poppy with a colleague present.",
        "consent": "given",
        "consent_detail": "Mum agreed on the phone.",
        "source": "2A",
        "referrer_organisation": "Weelsby Academy",
        "referrer_name": "Sam Patel",
        "referrer_role": "Designated safeguarding lead",
        "referrer_phone": "01472 000000",
        "referrer_email": "sam.patel@weelsby.example",
    }
    data.update(overrides)
    return data


def test_referral_form_is_prefilled_from_the_partner(client, partner):
    client.force_login(partner)
    response = client.get(reverse("front_door:refer"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "If a child is at immediate risk, call the police on 999" in html
    assert 'value="Weelsby Academy"' in html
    assert 'value="Sam Patel"' in html
    assert 'value="sam.patel@weelsby.example"' in html
    assert '<option value="2A" selected>' in html  # an academy is a school


@pytest.mark.parametrize("role", [Role.FRONT_DOOR, Role.TEAM_MANAGER, Role.ADMINISTRATOR])
def test_referral_pages_are_refused_to_other_roles(client, user_for, partner, role):
    client.force_login(partner)
    client.post(reverse("front_door:refer"), referral_data())
    contact = Contact.objects.get()
    client.force_login(user_for(role))
    assert client.get(reverse("front_door:refer")).status_code == 404
    assert client.get(reverse("front_door:referred")).status_code == 404
    assert client.get(reverse("front_door:referred_detail", args=[contact.pk])).status_code == 404


def test_partner_refers_two_children_and_later_sees_the_outcome_not_the_record(
    client, partner, worker, manager
):
    client.force_login(partner)
    response = client.post(
        reverse("front_door:refer"),
        referral_data(
            **{
                "child2-first_name": "Alfie",
                "child2-last_name": "Referred",
                "child2-date_of_birth": "01/02/2019",
            }
        ),
    )
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("front_door:referred_detail", args=[contact.pk])
    assert contact.submitted_by == partner and contact.channel == "form"
    assert contact.children.count() == 2
    assert Person.objects.filter(last_name="Referred").count() == 2

    sent = client.get(response.url).content.decode()
    assert "Referral sent" in sent and contact.reference in sent
    assert "Awaiting a decision (due" in sent
    # The panel shows once.
    assert "Referral sent" not in client.get(response.url).content.decode()

    poppy = contact.children.get(person__first_name="Poppy")
    screen(worker, poppy, recommendation="assessment")
    decide(manager, poppy, outcome="assessment", rationale="Secret manager reasoning.")

    page = client.get(reverse("front_door:referred_detail", args=[contact.pk])).content.decode()
    assert "Referral to children&#x27;s social care for assessment" in page
    assert "A social worker will assess the child" in page
    assert "Awaiting a decision" in page  # Alfie has no decision yet
    assert "Secret manager reasoning" not in page
    assert "/people/" not in page
    listing = client.get(reverse("front_door:referred")).content.decode()
    assert contact.reference in listing
    assert "Referral to children&#x27;s social care for assessment" in listing
    assert "/people/" not in listing


def test_partner_referral_errors_keep_what_was_typed_and_save_nothing(client, partner):
    client.force_login(partner)
    data = referral_data(
        **{
            "child1-last_name": "",
            "child2-first_name": "Alfie",  # a second child begun but without a last name
            "child1-address_postcode": "NOT A POSTCODE",
            "concern": "",
            "referrer_role": "Head of year 4",
        }
    )
    response = client.post(reverse("front_door:refer"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert html.count("Enter the child&#x27;s last name") >= 2  # summary and field, both
    assert "Enter what you are worried about" in html
    assert 'value="Alfie"' in html and 'value="Head of year 4"' in html
    assert re.search(r'href="#id_child1-last_name"', html)
    assert Contact.objects.count() == 0
    assert not Person.objects.filter(first_name__in=["Poppy", "Alfie"]).exists()


def test_partner_sees_only_their_own_referrals(client, partner, user_for):
    client.force_login(partner)
    client.post(reverse("front_door:refer"), referral_data())
    contact = Contact.objects.get()
    other = user_for(Role.PARTNER, organisation="Grimsby Police")
    client.force_login(other)
    assert client.get(reverse("front_door:referred_detail", args=[contact.pk])).status_code == 404
    assert contact.reference not in client.get(reverse("front_door:referred")).content.decode()
