"""The front door's API: a partner's system submits a multi-agency referral and later sees the
outcome for each child (never the child's record); bad input is refused with a 400 naming the
field, and nothing is saved; managers and analysts read the indicators."""

import datetime
import json

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lantern.accounts.roles import Role
from lantern.front_door.models import Contact, ContactChild
from lantern.people.models import Person
from lantern.timescales.engine import add_months
from tests.factories.front_door import CONCERN, decide, make_contact, screen, submit_referral

pytestmark = pytest.mark.django_db

URL = "/api/v1/contacts"


def client_for(user):
    client = APIClient()
    token = Token.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def partner(user_for):
    return user_for(Role.PARTNER)


@pytest.fixture
def api(partner):
    return client_for(partner)


def body(**changes):
    """A complete referral about two siblings, with `changes` applied."""
    data = {
        "children": [
            {
                "first_name": "Ellie",
                "last_name": "Brookes",
                "date_of_birth": "2016-03-04",
                "sex": "F",
                "nhs_number": "943 476 5919",
                "address_line1": "12 Ladysmith Road",
                "address_town": "Grimsby",
                "address_postcode": "dn32 9ea",
            },
            {
                "first_name": "Tom",
                "last_name": "Brookes",
                "date_of_birth": "2019-11-20",
                "sex": "M",
                "address_line1": "12 Ladysmith Road",
                "address_town": "Grimsby",
                "address_postcode": "DN32 9EA",
            },
        ],
        "source": "2A",
        "referrer": {
            "organisation": "Weelsby Academy",
            "name": "Sam Patel",
            "role": "Designated safeguarding lead",
            "phone": "01472 000000",
            "email": "s.patel@weelsby.example.org",
        },
        "concern": CONCERN,
        "categories": ["domestic_abuse", "physical"],
        "referrer_actions": "Spoke to Ellie with a colleague present; called mum.",
        "consent": "not_sought",
        "consent_not_sought_reason": "safeguarding",
        "consent_detail": "Mum may be at risk if told before police are involved.",
        "immediate_risk": False,
    }
    data.update(changes)
    return data


def child(n=0, **changes):
    """The body with child `n` changed (a value of ... removes the field)."""
    data = body()
    data["children"][n].update(changes)
    data["children"][n] = {k: v for k, v in data["children"][n].items() if v is not ...}
    return data


def counts():
    return Contact.objects.count(), ContactChild.objects.count(), Person.objects.count()


def post(api, data):
    return api.post(URL, data=json.dumps(data), content_type="application/json")


def test_partner_submits_a_referral_and_gets_a_receipt(api, partner):
    response = post(api, body())
    assert response.status_code == 201, response.json()
    receipt = response.json()
    contact = Contact.objects.get()
    assert receipt["id"] == contact.pk and receipt["reference"] == contact.reference
    assert response["Location"] == f"http://testserver/api/v1/contacts/{contact.pk}"
    assert receipt["completeness"] == 100 and receipt["missing"] == []
    assert [c["name"] for c in receipt["children"]] == ["Ellie Brookes", "Tom Brookes"]
    assert {c["status"] for c in receipt["children"]} == {"awaiting"}
    assert all(c["decision_due_at"] for c in receipt["children"])
    assert set(receipt) == {"id", "reference", "received_at", "children", "completeness", "missing"}
    assert contact.channel == "api" and contact.submitted_by == partner
    assert contact.source == "2A" and contact.referrer_email == "s.patel@weelsby.example.org"
    assert set(contact.concerns.values_list("category", flat=True)) == {
        "domestic_abuse",
        "physical",
    }
    ellie = Person.objects.get(first_name="Ellie")
    assert ellie.nhs_number == "9434765919"
    assert ellie.addresses.get().postcode == "DN32 9EA"


def test_receipt_lists_what_was_missing(api):
    data = body(categories=[], referrer_actions="", concern="Worried about Ellie.")
    data["children"] = [{"last_name": "Brookes", "first_name": "Ellie"}]
    data["referrer"] = {"organisation": "Weelsby Academy", "name": "Sam Patel"}
    response = post(api, data)
    assert response.status_code == 201, response.json()
    receipt = response.json()
    assert receipt["missing"] == [
        "Each child's name and date of birth",
        "Where each child lives",
        "How to contact the referrer (phone or email)",
        "The concern described in detail (80+ characters)",
        "What kind of concern it is",
        "What the referrer has already done",
    ]
    assert receipt["completeness"] == 25 == Contact.objects.get().completeness


def test_unborn_baby_can_be_referred(api):
    due = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    response = post(api, child(date_of_birth=..., expected_date_of_birth=due))
    assert response.status_code == 201, response.json()
    assert Person.objects.get(first_name="Ellie").expected_date_of_birth.isoformat() == due


def future(days=1):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


BAD = {
    "no children": (lambda: body(children=[]), ["children"]),
    "children missing": (
        lambda: {k: v for k, v in body().items() if k != "children"},
        ["children"],
    ),
    "seven children": (
        lambda: body(children=[{"last_name": f"Child{n}"} for n in range(7)]),
        ["children"],
    ),
    "children not a list": (lambda: body(children={"last_name": "Brookes"}), ["children"]),
    "child not an object": (lambda: body(children=["Ellie Brookes"]), ["children", "0"]),
    "last name missing": (lambda: child(last_name=...), ["children", "0", "last_name"]),
    "last name blank": (lambda: child(last_name="  "), ["children", "0", "last_name"]),
    "last name too long": (lambda: child(last_name="B" * 101), ["children", "0", "last_name"]),
    "name a number": (lambda: child(first_name=42), ["children", "0", "first_name"]),
    "birth in the future": (
        lambda: child(1, date_of_birth=future()),
        ["children", "1", "date_of_birth"],
    ),
    "adult": (lambda: child(date_of_birth="2001-01-01"), ["children", "0", "date_of_birth"]),
    "date not iso": (lambda: child(date_of_birth="04/03/2016"), ["children", "0", "date_of_birth"]),
    "date not real": (
        lambda: child(date_of_birth="2016-02-30"),
        ["children", "0", "date_of_birth"],
    ),
    "expected date too far": (
        lambda: child(date_of_birth=..., expected_date_of_birth=future(400)),
        ["children", "0", "expected_date_of_birth"],
    ),
    "both dates of birth": (
        lambda: child(expected_date_of_birth=future(30)),
        ["children", "0", "expected_date_of_birth"],
    ),
    "sex unknown code": (lambda: child(sex="X"), ["children", "0", "sex"]),
    "nhs number wrong": (lambda: child(nhs_number="9434765918"), ["children", "0", "nhs_number"]),
    "postcode wrong": (
        lambda: child(address_postcode="GRIMSBY"),
        ["children", "0", "address_postcode"],
    ),
    "address without postcode": (
        lambda: child(address_postcode=...),
        ["children", "0", "address_postcode"],
    ),
    "child unknown field": (lambda: child(middle_name="Rose"), ["children", "0", "middle_name"]),
    "same child twice": (
        lambda: body(children=[body()["children"][0], body()["children"][0]]),
        ["children"],
    ),
    "source missing": (lambda: {k: v for k, v in body().items() if k != "source"}, ["source"]),
    "source unknown": (lambda: body(source="2Z"), ["source"]),
    "source a number": (lambda: body(source=6), ["source"]),
    "category unknown": (lambda: body(categories=["neglect", "bullying"]), ["categories", "1"]),
    "categories a string": (lambda: body(categories="neglect"), ["categories"]),
    "referrer missing": (
        lambda: {k: v for k, v in body().items() if k != "referrer"},
        ["referrer"],
    ),
    "referrer name missing": (
        lambda: body(referrer={"organisation": "Weelsby Academy"}),
        ["referrer", "name"],
    ),
    "referrer email wrong": (
        lambda: body(referrer={"organisation": "W", "name": "S", "email": "sam at weelsby"}),
        ["referrer", "email"],
    ),
    "referrer unknown field": (
        lambda: body(referrer={"organisation": "W", "name": "S", "mobile": "07700"}),
        ["referrer", "mobile"],
    ),
    "concern missing": (lambda: {k: v for k, v in body().items() if k != "concern"}, ["concern"]),
    "concern blank": (lambda: body(concern=""), ["concern"]),
    "concern too long": (lambda: body(concern="x" * 20_001), ["concern"]),
    "concern a list": (lambda: body(concern=["Ellie"]), ["concern"]),
    "actions too long": (lambda: body(referrer_actions="x" * 20_001), ["referrer_actions"]),
    "consent detail too long": (lambda: body(consent_detail="x" * 20_001), ["consent_detail"]),
    "consent missing": (lambda: {k: v for k, v in body().items() if k != "consent"}, ["consent"]),
    "consent unknown": (lambda: body(consent="maybe"), ["consent"]),
    "not sought without a reason": (
        lambda: body(consent_not_sought_reason=""),
        ["consent_not_sought_reason"],
    ),
    "a reason when consent was given": (
        lambda: body(consent="given"),
        ["consent_not_sought_reason"],
    ),
    "reason unknown": (
        lambda: body(consent_not_sought_reason="busy"),
        ["consent_not_sought_reason"],
    ),
    "immediate risk a string": (lambda: body(immediate_risk="yes"), ["immediate_risk"]),
    "immediate risk a number": (lambda: body(immediate_risk=1), ["immediate_risk"]),
    "unknown field": (lambda: body(categroies=["neglect"]), ["categroies"]),
    "not an object": (lambda: [body()], ["non_field_errors"]),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_is_refused_with_the_field_and_nothing_saved(api, case):
    make, path = BAD[case]
    before = counts()
    response = post(api, make())
    assert response.status_code == 400, response.content
    error = response.json()
    for key in path:
        error = error[key]
    messages = error if isinstance(error, list) else [m for v in error.values() for m in v]
    assert messages and all(isinstance(m, str) and m for m in messages), response.json()
    assert counts() == before


def test_oversized_text_message_is_clear(api):
    response = post(api, body(concern="x" * 20_001))
    assert response.json() == {"concern": ["Keep this to 20,000 characters or fewer"]}


def test_text_at_the_limit_is_accepted(api):
    assert post(api, body(concern="x" * 20_000)).status_code == 201


def test_errors_in_several_fields_are_reported_together(api):
    data = child(1, date_of_birth=future(), sex="X")
    data["source"] = "99"
    data["colour"] = "blue"
    error = post(api, data).json()
    assert set(error) == {"children", "source", "colour"}
    assert set(error["children"]["1"]) == {"date_of_birth", "sex"}


def test_malformed_json_and_form_posts_refused(api):
    before = counts()
    response = api.post(URL, data="{not json", content_type="application/json")
    assert response.status_code == 400 and "detail" in response.json()
    assert api.post(URL, data={"source": "2A"}).status_code == 415  # a form, not JSON
    assert counts() == before


def test_service_refusal_is_a_400_and_nothing_saved(api, person_maker):
    # Both described children match the same known child, so the contact cannot be made.
    person_maker(
        first_name="William",
        last_name="Smith",
        date_of_birth=datetime.date(2012, 7, 14),
        nhs_number="9434765919",
        address={"line1": "4 Freeman Street", "postcode": "DN32 7AB", "town": "Grimsby"},
    )
    described = {
        "last_name": "Smith",
        "date_of_birth": "2012-07-14",
        "nhs_number": "9434765919",
        "address_line1": "4 Freeman Street",
        "address_postcode": "DN32 7AB",
    }
    data = body(
        children=[{**described, "first_name": "William"}, {**described, "first_name": "Bill"}]
    )
    before = counts()
    response = post(api, data)
    assert response.status_code == 400, response.json()
    assert "children" in response.json()
    assert counts() == before


def test_front_door_worker_cannot_submit_as_a_partner(user_for):
    worker = client_for(user_for(Role.FRONT_DOOR))
    before = counts()
    assert post(worker, body()).status_code == 403
    assert worker.get(URL).status_code == 403
    assert counts() == before


def test_anonymous_refused():
    before = counts()
    assert APIClient().post(URL, data=body(), format="json").status_code in (401, 403)
    assert counts() == before


def test_partner_sees_the_outcome_for_each_child_and_nothing_more(api, partner, user_for):
    contact_id = post(api, body()).json()["id"]
    worker, manager = user_for(Role.FRONT_DOOR), user_for(Role.TEAM_MANAGER)
    ellie, tom = Contact.objects.get().children.order_by("id")
    screen(worker, ellie)
    decide(manager, ellie, outcome="assessment", rationale="Secret reasoning about mum")

    detail = api.get(f"{URL}/{contact_id}")
    assert detail.status_code == 200
    data = detail.json()
    assert set(data) == {"id", "reference", "received_at", "source", "completeness", "children"}
    first, second = data["children"]
    assert set(first) == {
        "name",
        "status",
        "status_label",
        "decision_due_at",
        "outcome",
        "outcome_label",
        "decided_at",
    }
    assert first["name"] == "Ellie Brookes" and first["status"] == "decided"
    assert first["outcome"] == "assessment"
    assert first["outcome_label"] == "Referral to children's social care for assessment"
    assert first["decided_at"] is not None
    assert second["status"] == "awaiting" and second["outcome"] is None
    text = detail.content.decode()
    for secret in ("Secret reasoning", "history", ellie.person.person_id, "match"):
        assert secret not in text


def test_partner_lists_own_referrals_newest_first(api, partner):
    first = post(api, body()).json()["id"]
    second = post(api, body(source="3A")).json()["id"]
    listing = api.get(URL)
    assert listing.status_code == 200
    assert [c["id"] for c in listing.json()] == [second, first]
    assert [c["id"] for c in api.get(URL, {"limit": 1}).json()] == [second]
    assert api.get(URL, {"limit": "lots"}).status_code == 400


def test_partner_cannot_read_another_partners_referral(api, user_for, child):
    other = user_for(Role.PARTNER)
    theirs = submit_referral(other)
    assert api.get(f"{URL}/{theirs.pk}").status_code == 404
    assert api.get(f"{URL}/999999").status_code == 404
    assert api.get(URL).json() == []
    # Nor a contact a front-door worker recorded by phone.
    phoned = make_contact(user_for(Role.FRONT_DOOR), child)
    assert api.get(f"{URL}/{phoned.pk}").status_code == 404


def test_partner_detail_in_a_fixed_number_of_queries(api, partner, django_assert_num_queries):
    contact = submit_referral(
        partner,
        children=[
            {"first_name": n, "last_name": "Sibling", "date_of_birth": datetime.date(2015, 1, 1)}
            for n in ("Amy", "Ben", "Cat")
        ],
    )
    # The token with its user, the contact, and its children with their people and decisions.
    with django_assert_num_queries(3):
        assert api.get(f"{URL}/{contact.pk}").status_code == 200


# -- indicators ------------------------------------------------------------------------------

INDICATORS = "/api/v1/indicators/front-door"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE])
def test_indicators_for_those_who_watch_the_front_door(user_for, role):
    response = client_for(user_for(role)).get(
        INDICATORS, {"from": "2025-06-01", "to": "2025-06-30"}
    )
    assert response.status_code == 200
    data = response.json()
    assert [i["id"] for i in data] == ["FD1", "FD3", "FD6", "FD9", "FD11", "CP2"]
    for indicator in data:
        assert indicator["title"] and indicator["definition"] and indicator["counting_rule"]
        assert indicator["date_from"] == "2025-06-01" and indicator["date_to"] == "2025-06-30"
        assert indicator["rows"][-1] == {
            "group": None,
            "numerator": 0,
            "denominator": 0,
            "value": None,
            "mean": None,
        }


def test_indicator_values_come_from_the_records(user_for, person_maker):
    worker = user_for(Role.FRONT_DOOR)
    received = timezone.now() - datetime.timedelta(days=3)
    for source, level in (("2A", 1), ("2A", 3), ("6", 2)):
        item = make_contact(worker, person_maker(), source=source, received_at=received)
        screen(worker, item.children.get(), level=level)
    fd1 = client_for(user_for(Role.ANALYST)).get(INDICATORS).json()[0]
    assert fd1["rows"] == [
        {"group": "Education", "numerator": 1, "denominator": 2, "value": 0.5, "mean": None},
        {"group": "Police", "numerator": 1, "denominator": 1, "value": 1.0, "mean": None},
        {"group": None, "numerator": 2, "denominator": 3, "value": 0.6667, "mean": None},
    ]


def test_indicators_default_to_the_last_12_months(user_for):
    data = client_for(user_for(Role.ANALYST)).get(INDICATORS).json()
    today = timezone.localdate()
    assert data[0]["date_to"] == today.isoformat()
    assert data[0]["date_from"] == (add_months(today, -12) + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "params, field",
    [
        ({"from": "2025-13-01"}, "from"),
        ({"from": "01/06/2025"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2025-6-1"}, "from"),
        ({"from": "2025-07-01", "to": "2025-06-30"}, "from"),
    ],
)
def test_bad_indicator_dates_refused(user_for, params, field):
    response = client_for(user_for(Role.ANALYST)).get(INDICATORS, params)
    assert response.status_code == 400
    assert response.json()[field][0]


@pytest.mark.parametrize("role", [Role.PARTNER, Role.FRONT_DOOR, Role.SOCIAL_WORKER])
def test_indicators_refused_to_others(user_for, role):
    assert client_for(user_for(role)).get(INDICATORS).status_code == 403


def test_openapi_document_has_the_front_door(api, social_worker):
    response = client_for(social_worker).get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    assert {"/api/v1/contacts", "/api/v1/contacts/{id}", "/api/v1/indicators/front-door"} <= set(
        paths
    )
    post_op = paths["/api/v1/contacts"]["post"]
    assert post_op["summary"] and set(post_op["responses"]) == {"201", "400"}
    request = post_op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    submit = schema["components"]["schemas"][request.rsplit("/", 1)[1]]
    assert {"children", "source", "referrer", "concern", "consent"} <= set(submit["required"])
    parameters = {p["name"] for p in paths["/api/v1/indicators/front-door"]["get"]["parameters"]}
    assert parameters == {"from", "to"}
