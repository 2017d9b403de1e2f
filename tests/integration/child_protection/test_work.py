"""What the work lists get from child protection: the ICPC awaited, then the first core group,
the review conference and the visits, each until it is done."""

import datetime

import pytest

from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status
from lantern.worklists.registry import work_items
from tests.factories.child_protection import hold_core_group, hold_icpc, hold_review, make_visit
from tests.integration.child_protection.conftest import ICPC_DUE

pytestmark = pytest.mark.django_db

HELD = datetime.date(2025, 5, 2)


def items(child, today):
    return {
        i.kind: i
        for i in work_items([child.pk], today=today, calendar=get_calendar())
        if i.kind in {"icpc", "core_group", "review_conference", "cp_visit"}
    }


def test_icpc_is_work_until_it_is_held(social_worker, child, enquiry):
    item = items(child, datetime.date(2025, 4, 14))["icpc"]
    assert item.due == ICPC_DUE and item.status == Status.NOT_YET_DUE
    assert item.url == f"/child-protection/section-47/{enquiry.pk}/icpc/"
    assert items(child, datetime.date(2025, 5, 7))["icpc"].status == Status.OVERDUE
    hold_icpc(social_worker, enquiry, held_on=HELD)
    assert "icpc" not in items(child, HELD)


def test_after_the_icpc_core_group_review_and_visits_are_due(social_worker, child, enquiry):
    plan = hold_icpc(social_worker, enquiry, held_on=HELD).plan
    due = items(child, datetime.date(2025, 5, 6))
    assert set(due) == {"core_group", "review_conference", "cp_visit"}
    assert due["core_group"].due == datetime.date(2025, 5, 19)
    assert due["core_group"].url == f"/child-protection/plans/{plan.pk}/core-group/"
    assert due["review_conference"].due == datetime.date(2025, 8, 2)
    assert due["review_conference"].title == "First review child protection conference"
    assert due["cp_visit"].due == datetime.date(2025, 5, 19)
    assert due["cp_visit"].url == f"/child-protection/plans/{plan.pk}/"

    hold_core_group(social_worker, plan, held_on=datetime.date(2025, 5, 16))
    make_visit(social_worker, child, datetime.date(2025, 5, 16))
    due = items(child, datetime.date(2025, 5, 20))
    assert "core_group" not in due
    assert due["cp_visit"].due == datetime.date(2025, 6, 2)

    hold_review(social_worker, plan, held_on=datetime.date(2025, 8, 1))
    due = items(child, datetime.date(2025, 8, 4))
    assert due["review_conference"].due == datetime.date(2026, 2, 1)
    assert due["review_conference"].title == "Review child protection conference"
    assert due["cp_visit"].status == Status.OVERDUE
