"""Each front-door practice check fires on the practice it watches, and not otherwise."""

import datetime

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.checks.registry import flags_for_person, get_check
from lantern.front_door.models import Threshold
from lantern.front_door.services import (
    history_summary_record,
    partner_check_add,
    screening_record,
)
from tests.factories.front_door import decide, make_contact, screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(user_for):
    return user_for(Role.FRONT_DOOR)


def flags(check_id, person):
    return get_check(check_id).flags(timezone.localdate(), [person.pk])


def test_every_front_door_check_explains_itself_and_names_its_finding():
    for check_id in (
        "FD2-CONSENT",
        "FD6-DECISION-OVERDUE",
        "FD7-NO-HISTORY-SUMMARY",
        "FD8-UNSAFE-CLOSURE",
        "FD10-PARTNER-INTERVIEW",
        "CP1-KEY-AGENCY-ABSENT",
        "CP2-NOT-RECORDED",
    ):
        check = get_check(check_id)
        assert check_id.startswith(check.finding)
        assert len(check.explanation) > 100 and check.action


def test_fd2_fires_when_consent_is_not_recorded(worker, child):
    make_contact(worker, child, consent="", consent_not_sought_reason="")
    assert "consent not recorded" in flags("FD2-CONSENT", child)[0].detail


def test_fd2_fires_when_safeguarding_override_found_no_safeguarding_concern(worker, manager, child):
    item = make_contact(worker, child, categories=["housing"]).children.get()
    screen(worker, item, recommendation="advice", level=1)
    decide(manager, item, outcome="advice")
    (flag,) = flags("FD2-CONSENT", child)
    assert "no safeguarding concern" in flag.detail


def test_fd2_quiet_when_consent_given(worker, child):
    make_contact(worker, child, consent="given", consent_not_sought_reason="")
    assert flags("FD2-CONSENT", child) == []


def test_fd7_fires_for_a_thin_summary_when_there_was_history(worker, manager, child):
    earlier = make_contact(
        worker, child, received_at=timezone.now() - datetime.timedelta(days=40)
    ).children.get()
    screen(worker, earlier)
    decide(manager, earlier)
    item = make_contact(worker, child).children.get()
    history_summary_record(
        by=worker,
        contact_child=item,
        summary="Known to the service before.",
        shown=[{"items": [{"kind": "Contact"}, {"kind": "Referral"}]}],
        re_referral=True,
    )
    screening_record(
        by=worker,
        contact_child=item,
        threshold=Threshold.objects.get(level=3),
        threshold_rationale="Harm disclosed.",
        recommendation="assessment",
        recommendation_rationale="Assess.",
    )
    decide(manager, item)
    (flag,) = flags("FD7-NO-HISTORY-SUMMARY", child)
    assert "5-word history summary" in flag.detail and "2 earlier events" in flag.detail


def test_fd7_quiet_for_a_full_summary(worker, manager, child):
    item = make_contact(worker, child).children.get()
    screen(
        worker,
        item,
        summary="Two earlier contacts from school about bruising in 2025, both closed with "
        "advice; the sibling was on a child protection plan for neglect until March.",
    )
    decide(manager, item)
    assert flags("FD7-NO-HISTORY-SUMMARY", child) == []


def test_fd10_fires_when_a_partner_was_asked_to_speak_to_the_child(worker, child):
    item = make_contact(worker, child).children.get()
    partner_check_add(
        by=worker,
        contact_child=item,
        agency="2A",
        checked_on=timezone.localdate(),
        learned="School will ask Ellie what happened.",
        asked_to_speak_to_child=True,
    )
    assert len(flags("FD10-PARTNER-INTERVIEW", child)) == 1


def test_check_flags_reach_the_childs_record_registry(worker, child):
    make_contact(worker, child, received_at=timezone.now() - datetime.timedelta(days=5))
    ids = {c.id for c, _ in flags_for_person([child.pk], timezone.localdate())}
    assert "FD6-DECISION-OVERDUE" in ids
