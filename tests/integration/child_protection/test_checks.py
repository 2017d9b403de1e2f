"""The three child protection timescale checks flag what is late and nothing else."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from lantern.checks.registry import get_check
from lantern.child_protection.work import conferences_and_visits
from lantern.plans.services import plan_end
from lantern.timescales.calendar import get_calendar
from lantern.timescales.services import rule_setting_set
from tests.factories.child_protection import (
    convene,
    hold_core_group,
    hold_icpc,
    hold_review,
    make_section47,
    make_visit,
)
from tests.integration.child_protection.conftest import ICPC_DUE

pytestmark = pytest.mark.django_db

HELD = datetime.date(2025, 5, 2)


def flags(check_id, today, person_ids=None):
    return get_check(check_id).flags(today, person_ids)


def day(d):
    return d + datetime.timedelta(days=1)


# -- CP-ICPC-LATE -------------------------------------------------------------------------------


def test_icpc_flagged_once_past_its_due_date(child, enquiry):
    assert flags("CP-ICPC-LATE", ICPC_DUE) == []
    (flag,) = flags("CP-ICPC-LATE", day(ICPC_DUE))
    assert flag.person_id == child.pk and flag.since == ICPC_DUE
    assert "due by 6 May 2025 and has not been held" in flag.detail
    assert flag.record == f"section47:{enquiry.pk}"
    assert flags("CP-ICPC-LATE", day(ICPC_DUE), [child.pk + 1000]) == []


def test_icpc_held_in_time_is_not_flagged(social_worker, enquiry):
    hold_icpc(social_worker, enquiry, held_on=HELD)
    assert flags("CP-ICPC-LATE", datetime.date(2025, 6, 2)) == []


def test_icpc_held_late_is_flagged_for_90_days(social_worker, child, enquiry):
    held_on = datetime.date(2025, 5, 8)
    conference = hold_icpc(social_worker, enquiry, held_on=held_on)
    (flag,) = flags("CP-ICPC-LATE", datetime.date(2025, 5, 9), [child.pk])
    assert flag.detail == (
        "Initial child protection conference held 8 May 2025, 2 working days late "
        "(due by 6 May 2025)"
    )
    assert flag.record == f"conference:{conference.pk}"
    assert flags("CP-ICPC-LATE", held_on + datetime.timedelta(days=91)) == []


# -- CP-REVIEW-OVERDUE --------------------------------------------------------------------------


@pytest.fixture
def plan(social_worker, enquiry):
    return hold_icpc(social_worker, enquiry, held_on=HELD).plan


def test_first_review_overdue_3_months_after_the_icpc(child, plan):
    first_due = datetime.date(2025, 8, 2)
    assert flags("CP-REVIEW-OVERDUE", first_due) == []
    (flag,) = flags("CP-REVIEW-OVERDUE", day(first_due))
    assert flag.person_id == child.pk and flag.record == f"plan:{plan.pk}"
    assert "first review conference was due by 2 August 2025" in flag.detail


def test_later_review_overdue_6_months_after_the_last(social_worker, plan):
    hold_review(social_worker, plan, held_on=datetime.date(2025, 8, 1))
    assert flags("CP-REVIEW-OVERDUE", datetime.date(2025, 8, 4)) == []
    assert flags("CP-REVIEW-OVERDUE", datetime.date(2026, 2, 1)) == []
    (flag,) = flags("CP-REVIEW-OVERDUE", datetime.date(2026, 2, 2))
    assert "6 months after the last on 1 August 2025" in flag.detail


def test_ended_plan_needs_no_review(social_worker, plan):
    plan_end(by=social_worker, plan=plan, end_date=datetime.date(2025, 6, 2), reason="Moved")
    assert flags("CP-REVIEW-OVERDUE", datetime.date(2025, 9, 1)) == []


# -- CP-VISIT-OVERDUE ---------------------------------------------------------------------------


def test_visit_due_10_working_days_from_the_plan_start(child, plan):
    # From Friday 2 May 2025: the bank holiday on 5 May is skipped, so due Monday 19 May.
    assert flags("CP-VISIT-OVERDUE", datetime.date(2025, 5, 19)) == []
    (flag,) = flags("CP-VISIT-OVERDUE", datetime.date(2025, 5, 20))
    assert flag.person_id == child.pk and flag.since == datetime.date(2025, 5, 19)
    assert "not seen on a visit since the plan started 2 May 2025" in flag.detail


def test_visit_due_from_the_last_visit_the_child_was_seen(social_worker, child, plan):
    make_visit(social_worker, child, datetime.date(2025, 5, 16))
    # Not seen, or not a visit: neither resets the clock.
    make_visit(social_worker, child, datetime.date(2025, 5, 30), seen=False)
    make_visit(social_worker, child, datetime.date(2025, 5, 29), kind="phone")
    # 10 working days from Friday 16 May, skipping the spring bank holiday (26 May).
    assert flags("CP-VISIT-OVERDUE", datetime.date(2025, 6, 2)) == []
    (flag,) = flags("CP-VISIT-OVERDUE", datetime.date(2025, 6, 3))
    assert "due by 2 June 2025 (last seen on a visit 16 May 2025)" in flag.detail


def test_visit_interval_is_the_local_authoritys(social_worker, child, plan):
    with transaction.atomic():
        rule_setting_set(
            by=social_worker, rule_id="cp_visit", offset=20, reason="Monthly visits agreed"
        )
    assert flags("CP-VISIT-OVERDUE", datetime.date(2025, 5, 20)) == []


def test_visits_before_the_plan_do_not_count(social_worker, child, plan):
    make_visit(social_worker, child, datetime.date(2025, 5, 1))
    assert len(flags("CP-VISIT-OVERDUE", datetime.date(2025, 5, 20))) == 1


# -- fixed SQL ----------------------------------------------------------------------------------


def test_checks_and_work_run_a_fixed_number_of_queries(social_worker, manager, person_maker):
    def count(fn) -> int:
        with CaptureQueriesContext(connection) as ctx:
            fn()
        return len(ctx.captured_queries)

    def add_child(n):
        child = person_maker()
        enquiry = convene(
            social_worker,
            make_section47(social_worker, manager, child, start=datetime.date(2025, 4, 10)),
        )
        if n % 2:
            plan = hold_icpc(social_worker, enquiry, held_on=HELD).plan
            hold_core_group(social_worker, plan, held_on=HELD)
            make_visit(social_worker, child, HELD)
        return child

    today = datetime.date(2025, 9, 1)
    children = [add_child(1), add_child(2)]
    ids = [c.pk for c in children]
    calendar = get_calendar()
    checks = ["CP-ICPC-LATE", "CP-REVIEW-OVERDUE", "CP-VISIT-OVERDUE"]
    before = {c: count(lambda c=c: flags(c, today)) for c in checks}
    work_before = count(lambda: conferences_and_visits(ids, today, calendar))
    children += [add_child(n) for n in range(3, 7)]
    ids = [c.pk for c in children]
    for c in checks:
        assert count(lambda c=c: flags(c, today)) == before[c], c
        assert len(flags(c, today)) >= 2
    assert count(lambda: conferences_and_visits(ids, today, calendar)) == work_before
