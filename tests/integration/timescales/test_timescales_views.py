"""The Timescales pages: who may see and change them, and what a change does."""

from datetime import date

import pytest
from django.urls import reverse

from lantern.accounts.models import User
from lantern.common.models import AuditEvent
from lantern.timescales import services
from lantern.timescales.models import LocalClosureDay, RuleSetting

pytestmark = [
    pytest.mark.django_db,
    # WhiteNoise warns when STATIC_ROOT has not been collected; a project-wide setting, not ours.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

CALENDAR = reverse("timescales:calendar")
ADD = reverse("timescales:closure_day_add")


def _client_for(client, role: str):
    user = User.objects.create_user(username=f"user-{role}", password="x", role=role)
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_(client, manager):
    client.force_login(manager)
    return client


def test_calendar_lists_every_rule_and_the_coming_bank_holidays(admin_client_):
    response = admin_client_.get(CALENDAR)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Initial child protection conference" in content
    assert "15 working days" in content
    assert "Police protection" in content
    assert "Christmas Day" in content  # always within the next 12 months
    assert "Add a closure day" in content
    assert reverse("timescales:rule_edit", args=["cp_visit"]) in content
    assert reverse("timescales:rule_edit", args=["icpc"]) not in content


def test_calendar_shows_local_settings_and_closure_days(admin_client_, manager):
    services.rule_setting_set(by=manager, rule_id="cp_visit", offset=15, reason="Policy")
    services.closure_day_add(by=manager, date=date(2099, 12, 29), reason="Council closed")

    content = admin_client_.get(CALENDAR).content.decode()

    assert "Locally set" in content
    assert "Default 10 working days" in content
    assert "Council closed" in content


def test_practitioners_see_the_calendar_but_cannot_change_it(client):
    client = _client_for(client, "social_worker")

    response = client.get(CALENDAR)

    assert response.status_code == 200
    assert "Add a closure day" not in response.content.decode()
    assert client.get(ADD).status_code == 404
    assert client.get(reverse("timescales:rule_edit", args=["cp_visit"])).status_code == 404


def test_partner_cannot_see_the_calendar(client):
    assert _client_for(client, "partner").get(CALENDAR).status_code == 404


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(CALENDAR)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_add_closure_day(admin_client_):
    response = admin_client_.post(
        ADD, {"date": "29/12/2099", "reason": "Council closed"}, follow=True
    )

    assert response.redirect_chain == [(CALENDAR, 302)]
    assert LocalClosureDay.objects.get().date == date(2099, 12, 29)
    assert AuditEvent.objects.filter(action="timescales.closure_day_added").exists()
    assert "Closure day added: 29 December 2099" in response.content.decode()


def test_add_closure_day_shows_errors_in_the_summary(admin_client_):
    response = admin_client_.post(ADD, {"date": "", "reason": ""})

    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter the date of the closure day" in content
    assert "Enter why the service is closed on this day" in content
    assert not LocalClosureDay.objects.exists()


def test_add_closure_day_refuses_a_duplicate_date(admin_client_, manager):
    services.closure_day_add(by=manager, date=date(2099, 12, 29), reason="Council closed")

    response = admin_client_.post(ADD, {"date": "2099-12-29", "reason": "Again"})

    assert response.status_code == 200
    assert "That date is already a closure day" in response.content.decode()
    assert LocalClosureDay.objects.count() == 1


def test_remove_closure_day(admin_client_, manager):
    closure_day = services.closure_day_add(by=manager, date=date(2099, 12, 29), reason="Closed")
    url = reverse("timescales:closure_day_remove", args=[closure_day.pk])

    assert admin_client_.get(url).status_code == 200
    response = admin_client_.post(url, {"reason": "Entered in error"})

    assert response.status_code == 302
    assert not LocalClosureDay.objects.exists()
    assert AuditEvent.objects.get(action="timescales.closure_day_removed").reason == (
        "Entered in error"
    )


def test_change_a_local_rule(admin_client_):
    url = reverse("timescales:rule_edit", args=["cp_visit"])

    assert admin_client_.get(url).status_code == 200
    response = admin_client_.post(url, {"offset": "15", "soon_window": "", "reason": "Policy"})

    assert response.status_code == 302
    assert response["Location"] == CALENDAR
    setting = RuleSetting.objects.get(rule_id="cp_visit")
    assert (setting.offset, setting.soon_window) == (15, None)


def test_change_a_local_rule_shows_service_errors_on_the_field(admin_client_):
    url = reverse("timescales:rule_edit", args=["referral_decision"])

    response = admin_client_.post(url, {"offset": "3", "reason": "Busy"})

    assert response.status_code == 200
    assert "Enter 1 working day or fewer" in response.content.decode()
    assert not RuleSetting.objects.exists()


@pytest.mark.parametrize("rule_id", ["icpc", "no_such_rule"])
def test_statutory_and_unknown_rules_have_no_edit_page(admin_client_, rule_id):
    response = admin_client_.get(reverse("timescales:rule_edit", args=[rule_id]))
    assert response.status_code == 404


def test_admin_site_changes_go_through_the_services(client):
    superuser = User.objects.create_superuser(username="root", password="x", role="administrator")
    client.force_login(superuser)

    response = client.post(
        reverse("admin:timescales_localclosureday_add"),
        {"date": "2099-12-29", "reason": "Council closed"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admin:timescales_rulesetting_add"),
        {"rule_id": "icpc", "offset": "20", "reason": "Busy"},
    )
    assert response.status_code == 200  # refused: not overridable

    assert LocalClosureDay.objects.get().reason == "Council closed"
    assert AuditEvent.objects.filter(action="timescales.closure_day_added").count() == 1
    assert not RuleSetting.objects.exists()
