"""The closure checks (FD8-CLOSURE-OVERRIDE, CP6-QUICK-CLOSURE) and the approvals work list."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lantern.checks.registry import flags_for_person, get_check
from lantern.closure.services import closure_approve
from lantern.front_door.services import referral_close
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status
from lantern.timescales.services import rule_setting_set
from lantern.worklists.registry import work_items
from tests.factories.closure import (
    REFERRED,
    authorised_assessment,
    make_referral,
    request_closure,
)

pytestmark = pytest.mark.django_db
AUTHORISED = datetime.date(2025, 3, 24)  # + 3 months = 24 June 2025


def overridden_closure(worker, manager, child, referral, **kwargs):
    make_referral(worker, child, REFERRED - datetime.timedelta(days=60))
    return closure_approve(
        by=manager,
        request=request_closure(worker, referral, **kwargs),
        comment="Agreed.",
        override_reason="The earlier referral was a misunderstanding at school.",
    )


# -- FD8-CLOSURE-OVERRIDE --------------------------------------------------------------------------


def test_override_check_lists_closures_approved_despite_concerns(
    social_worker, manager, child, referral
):
    approved = overridden_closure(social_worker, manager, child, referral)
    check = get_check("FD8-CLOSURE-OVERRIDE")
    today = timezone.localdate()
    (flag,) = check.flags(today)
    assert flag.person_id == child.pk and flag.record == f"closure:{approved.pk}"
    assert "despite: re-referral within 12 months" in flag.detail
    assert "Override: “The earlier referral was a misunderstanding at school.”" in flag.detail
    assert check.flags(today, [child.pk]) == [flag]
    assert ("FD8-CLOSURE-OVERRIDE", flag) in [
        (c.id, f) for c, f in flags_for_person([child.pk], today)
    ]


def test_override_check_ignores_closures_without_concerns_and_old_ones(
    social_worker, manager, child, person_maker, referral
):
    overridden_closure(social_worker, manager, child, referral)
    other = make_referral(social_worker, person_maker())
    closure_approve(by=manager, request=request_closure(social_worker, other), comment="Fine.")
    check = get_check("FD8-CLOSURE-OVERRIDE")
    today = timezone.localdate()
    assert [f.person_id for f in check.flags(today)] == [child.pk]
    assert check.flags(today + datetime.timedelta(days=91)) == []


# -- CP6-QUICK-CLOSURE ----------------------------------------------------------------------------


def closed_after_high_risk(
    worker, manager, referral, closure_date, *, factors=("3B",), reason="RC7"
):
    authorised_assessment(worker, manager, referral, authorised_on=AUTHORISED, factors=factors)
    referral_close(by=manager, referral=referral, closure_date=closure_date, reason=reason)


def cp6(today, person_ids=None):
    return get_check("CP6-QUICK-CLOSURE").flags(today, person_ids)


def test_cp6_flags_a_closure_inside_the_window(social_worker, manager, child, referral):
    closed_after_high_risk(social_worker, manager, referral, datetime.date(2025, 5, 1))
    (flag,) = cp6(datetime.date(2025, 6, 1))
    assert flag.person_id == child.pk and flag.since == datetime.date(2025, 5, 1)
    assert flag.detail.startswith("Closed on 1 May 2025 (RC7), 38 days after the assessment")
    assert "domestic abuse (a parent or carer as subject) (within 3 months)" in flag.detail
    assert cp6(datetime.date(2025, 6, 1), [child.pk]) == [flag]
    assert cp6(datetime.date(2025, 6, 1), [child.pk + 1000]) == []


def test_cp6_not_on_or_after_the_earliest_closure(social_worker, manager, referral):
    closed_after_high_risk(social_worker, manager, referral, datetime.date(2025, 6, 24))
    assert cp6(datetime.date(2025, 7, 1)) == []


def test_cp6_window_is_the_local_setting(social_worker, manager, referral):
    rule_setting_set(by=manager, rule_id="high_risk_closure_window", offset=6, reason="Policy")
    closed_after_high_risk(social_worker, manager, referral, datetime.date(2025, 7, 1))
    (flag,) = cp6(datetime.date(2025, 7, 2))
    assert "(within 6 months)" in flag.detail


def test_cp6_ignores_other_factors_and_reasons(social_worker, manager, person_maker, referral):
    closed_after_high_risk(
        social_worker, manager, referral, datetime.date(2025, 5, 1), factors=["5A"]
    )
    other = make_referral(social_worker, person_maker())
    closed_after_high_risk(social_worker, manager, other, datetime.date(2025, 5, 1), reason="RC5")
    assert cp6(datetime.date(2025, 6, 1)) == []


def test_cp6_looks_back_90_days(social_worker, manager, referral):
    closed_after_high_risk(social_worker, manager, referral, datetime.date(2025, 5, 1))
    assert cp6(datetime.date(2025, 5, 1) + datetime.timedelta(days=91)) == []


def test_cp6_shows_the_managers_override(social_worker, manager, other_manager, child, referral):
    authorised_assessment(social_worker, manager, referral, authorised_on=AUTHORISED)
    closure = request_closure(social_worker, referral, closure_date=datetime.date(2025, 5, 1))
    closure_approve(
        by=other_manager,
        request=closure,
        comment="Agreed.",
        override_reason="Dad is in prison for four years.",
    )
    (flag,) = cp6(datetime.date(2025, 6, 1))
    assert flag.detail.endswith("Manager's override: “Dad is in prison for four years.”")


def test_cp6_runs_a_fixed_number_of_queries(social_worker, manager, person_maker, referral):
    today = datetime.date(2025, 6, 1)
    closed_after_high_risk(social_worker, manager, referral, datetime.date(2025, 5, 1))
    with CaptureQueriesContext(connection) as one:
        assert len(cp6(today)) == 1
    for _ in range(3):
        other = make_referral(social_worker, person_maker())
        closed_after_high_risk(social_worker, manager, other, datetime.date(2025, 5, 2))
    with CaptureQueriesContext(connection) as four:
        assert len(cp6(today)) == 4
    assert len(four) == len(one)


def test_override_check_runs_a_fixed_number_of_queries(social_worker, manager, person_maker):
    check = get_check("FD8-CLOSURE-OVERRIDE")
    today = timezone.localdate()
    counts = []
    for n in (1, 3):
        while len(check.flags(today)) < n:
            child = person_maker()
            overridden_closure(social_worker, manager, child, make_referral(social_worker, child))
        with CaptureQueriesContext(connection) as ctx:
            check.flags(today)
        counts.append(len(ctx))
    assert counts[0] == counts[1]


# -- the approvals work list ------------------------------------------------------------------


def test_a_waiting_request_is_work_due_the_next_working_day(
    social_worker, manager, child, referral
):
    closure = request_closure(social_worker, referral)
    asked = timezone.localdate(closure.requested_at)
    calendar = get_calendar()
    (item,) = [
        i
        for i in work_items([child.pk], today=asked, calendar=calendar)
        if i.kind == "closure_approval"
    ]
    assert item.due == calendar.add_working_days(asked, 1)
    assert item.status == Status.NOT_YET_DUE and item.url == f"/closure/{closure.pk}/"
    assert item.title == "Manager's approval of the closure"
    later = [
        i
        for i in work_items(None, today=item.due + datetime.timedelta(days=7))
        if i.kind == "closure_approval"
    ]
    assert later[0].status == Status.OVERDUE
    closure_approve(by=manager, request=closure, comment="Agreed.")
    assert not [i for i in work_items([child.pk], today=asked) if i.kind == "closure_approval"]
