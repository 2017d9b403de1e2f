"""GET /api/v1/indicators/casework: the issue 4 indicators with numerator, denominator, value
and definition; analysts and managers only; a bad period is a 400 naming the parameter."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lantern.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = "/api/v1/indicators/casework"


def client_for(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_analyst_gets_every_casework_indicator(user_for):
    response = client_for(user_for(Role.ANALYST)).get(
        URL, {"from": "2026-04-01", "to": "2026-09-30"}
    )
    assert response.status_code == 200
    ids = [i["id"] for i in response.json()]
    assert ids == [
        "assessments-within-45-working-days",
        "icpcs-within-15-working-days",
        "cp-plans-lasting-2-years-or-more",
        "cp-plans-second-or-subsequent",
        "cp-visits-in-timescale",
    ]
    for indicator in response.json():
        assert indicator["definition"]
        assert indicator["denominator"] == 0 and indicator["value"] is None
        assert indicator["date_from"] == "2026-04-01"


def test_social_worker_is_refused(social_worker):
    assert client_for(social_worker).get(URL).status_code == 403


def test_bad_period_is_a_400_naming_the_parameter(user_for):
    response = client_for(user_for(Role.ANALYST)).get(URL, {"from": "31/03/2026"})
    assert response.status_code == 400
    assert "from" in response.json()
