"""Closure days and local rule settings: validated, saved and audited."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from lantern.common.models import AuditEvent
from lantern.timescales import services
from lantern.timescales.models import LocalClosureDay, RuleSetting

pytestmark = pytest.mark.django_db


def test_closure_day_add_saves_and_audits(manager):
    closure_day = services.closure_day_add(
        by=manager, date=date(2026, 12, 29), reason="  Council closed  "
    )

    assert closure_day.reason == "Council closed"
    event = AuditEvent.objects.get(action="timescales.closure_day_added")
    assert event.actor == manager
    assert event.target == closure_day
    assert event.detail == {"date": "2026-12-29"}


def test_closure_day_add_refuses_a_date_already_closed(manager):
    services.closure_day_add(by=manager, date=date(2026, 12, 29), reason="Council closed")

    with pytest.raises(ValidationError) as error:
        services.closure_day_add(by=manager, date=date(2026, 12, 29), reason="Again")

    assert "date" in error.value.error_dict
    assert LocalClosureDay.objects.count() == 1


def test_closure_day_add_needs_a_reason(manager):
    with pytest.raises(ValidationError) as error:
        services.closure_day_add(by=manager, date=date(2026, 12, 29), reason=" ")
    assert "reason" in error.value.error_dict


def test_closure_day_remove_deletes_and_audits(manager):
    closure_day = services.closure_day_add(by=manager, date=date(2026, 12, 29), reason="Closed")

    services.closure_day_remove(by=manager, closure_day=closure_day, reason="Entered in error")

    assert not LocalClosureDay.objects.exists()
    event = AuditEvent.objects.get(action="timescales.closure_day_removed")
    assert event.reason == "Entered in error"
    assert event.detail == {"date": "2026-12-29", "closure_reason": "Closed"}


def test_closure_day_remove_needs_a_reason(manager):
    closure_day = services.closure_day_add(by=manager, date=date(2026, 12, 29), reason="Closed")

    with pytest.raises(ValidationError):
        services.closure_day_remove(by=manager, closure_day=closure_day, reason="")

    assert LocalClosureDay.objects.exists()


def test_rule_setting_set_creates_then_updates_and_audits(manager):
    services.rule_setting_set(by=manager, rule_id="cp_visit", offset=15, reason="Fortnightly+")
    setting = services.rule_setting_set(
        by=manager, rule_id="cp_visit", offset=20, soon_window=5, reason="Policy review"
    )

    assert RuleSetting.objects.get() == setting
    assert (setting.offset, setting.soon_window, setting.updated_by) == (20, 5, manager)
    events = AuditEvent.objects.filter(action="timescales.rule_setting_set").order_by("id")
    assert [e.detail["before"] for e in events] == [None, {"offset": 15, "soon_window": None}]
    assert events.last().detail["after"] == {"offset": 20, "soon_window": 5}


def test_rule_setting_set_refuses_a_statutory_rule(manager):
    with pytest.raises(ValidationError) as error:
        services.rule_setting_set(by=manager, rule_id="icpc", offset=20, reason="Busy")

    assert "rule_id" in error.value.error_dict
    assert not RuleSetting.objects.exists()
    assert not AuditEvent.objects.exists()


def test_rule_setting_set_refuses_an_unknown_rule(manager):
    with pytest.raises(ValidationError):
        services.rule_setting_set(by=manager, rule_id="no_such_rule", offset=2, reason="x")


@pytest.mark.parametrize("offset", [0, -1])
def test_rule_setting_set_refuses_an_offset_below_one(manager, offset):
    with pytest.raises(ValidationError) as error:
        services.rule_setting_set(by=manager, rule_id="cp_visit", offset=offset, reason="x")
    assert "offset" in error.value.error_dict


def test_rule_setting_set_refuses_to_lengthen_a_national_timescale(manager):
    with pytest.raises(ValidationError) as error:
        services.rule_setting_set(by=manager, rule_id="referral_decision", offset=2, reason="x")
    assert "offset" in error.value.error_dict


def test_rule_setting_set_needs_a_reason(manager):
    with pytest.raises(ValidationError) as error:
        services.rule_setting_set(by=manager, rule_id="cp_visit", offset=15, reason="")
    assert "reason" in error.value.error_dict


def test_rule_setting_offset_must_be_positive_in_the_database():
    with pytest.raises(IntegrityError):
        RuleSetting.objects.create(rule_id="cp_visit", offset=0, reason="x")
