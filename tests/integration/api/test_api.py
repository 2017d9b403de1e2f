import datetime

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lantern.people.models import RecordView
from lantern.people.services import person_restrict, warning_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(social_worker):
    client = APIClient()
    token = Token.objects.create(user=social_worker)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def known(person_maker):
    return person_maker(
        first_name="William",
        last_name="Smith",
        date_of_birth=datetime.date(2012, 7, 14),
        address={"line1": "4 Freeman Street", "postcode": "DN32 7AB", "town": "Grimsby"},
    )


def test_search_finds_nickname_and_reformatted_postcode(api, known, person_maker):
    person_maker(first_name="Wilma", last_name="Jones", date_of_birth=datetime.date(1990, 1, 1))
    response = api.get(
        "/api/v1/people/search", {"name": "Bill Smith", "dob": "2012", "postcode": "dn327ab"}
    )
    assert response.status_code == 200
    results = response.json()["results"]
    top = results[0]
    assert top["id"] == known.pk and top["person_id"] == known.person_id
    assert 0 <= top["score"] <= 1 and top["reasons"]
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_person_detail_logs_the_view_and_lists_checks(api, known, social_worker):
    warning_add(
        by=social_worker,
        person=known,
        kind="risk_to_staff",
        detail="Dog",
        review_date=datetime.date.today() + datetime.timedelta(days=5),
    )
    response = api.get(f"/api/v1/people/{known.pk}")
    body = response.json()
    assert response.status_code == 200
    assert body["person_id"] == known.person_id and body["warnings"][0]["kind"] == "risk_to_staff"
    assert "checks" in body
    assert RecordView.objects.get(person=known).via == "api"


def test_chronology_and_checks_endpoints(api, known):
    chronology = api.get(f"/api/v1/people/{known.pk}/chronology").json()
    assert chronology[0]["kind"] in {"person_recorded", "address"}
    assert api.get(f"/api/v1/people/{known.pk}/checks").status_code == 200


def test_checks_list_and_detail(api, known, social_worker):
    from lantern.people.models import Warning

    w = warning_add(
        by=social_worker,
        person=known,
        kind="other",
        detail="Old",
        review_date=datetime.date.today() + datetime.timedelta(days=5),
    )
    Warning.objects.filter(pk=w.pk).update(review_date=datetime.date(2020, 1, 1))
    checks = {c["id"]: c for c in api.get("/api/v1/checks").json()}
    assert checks["FD7-WARNING-REVIEW"]["finding"] == "FD7"
    assert checks["FD7-WARNING-REVIEW"]["flagged"] == 1
    detail = api.get("/api/v1/checks/FD7-WARNING-REVIEW").json()
    assert detail["records"][0]["person_id"] == known.person_id
    assert api.get("/api/v1/checks/NOPE").status_code == 404


def test_restricted_person_refused_by_api(api, known, user_for):
    person_restrict(
        by=user_for("head_of_service"), person=known, restricted=True, reason="Adoption"
    )
    assert api.get(f"/api/v1/people/{known.pk}").status_code == 403


@pytest.mark.parametrize("role", ["partner"])
def test_partner_token_refused(user_for, known, role):
    client = APIClient()
    token = Token.objects.create(user=user_for(role))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/people/search", {"name": "smith"}).status_code == 403
    assert client.get(f"/api/v1/people/{known.pk}").status_code == 403


def test_analyst_sees_checks_not_people(user_for, known):
    client = APIClient()
    client.force_authenticate(user_for("analyst"))
    assert client.get("/api/v1/checks").status_code == 200
    assert client.get(f"/api/v1/people/{known.pk}").status_code == 403


def test_anonymous_refused():
    assert APIClient().get("/api/v1/checks").status_code in (401, 403)


def test_openapi_document_lists_the_endpoints(api):
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    text = response.content.decode()
    for path in (
        "/api/v1/people/search",
        "/api/v1/people/{id}",
        "/api/v1/checks",
        "/api/v1/checks/{check_id}",
        "/api/v1/people/{id}/chronology",
    ):
        assert path in text, path
