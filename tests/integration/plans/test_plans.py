"""Plans: one open plan of each kind, CP plans with categories, and their place in the
child's status, the family network and the front door's history and FD8 concerns."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.front_door.services import fd8_concerns
from lantern.people.involvement import involvements
from lantern.plans.models import Plan
from lantern.plans.services import plan_end, plan_start
from tests.factories.front_door import make_contact

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 6, 1)


def test_cp_plan_needs_a_category(social_worker, child):
    with pytest.raises(ValidationError):
        plan_start(by=social_worker, person=child, kind="cp", start_date=START)
    plan = plan_start(by=social_worker, person=child, kind="cp", start_date=START, category="NEG")
    assert plan.initial_category == plan.latest_category == "NEG"


def test_one_open_plan_of_each_kind(social_worker, child):
    plan_start(by=social_worker, person=child, kind="cin", start_date=START)
    with pytest.raises(ValidationError):
        plan_start(by=social_worker, person=child, kind="cin", start_date=START)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(person=child, kind="cin", start_date=START)


def test_plan_must_end_after_it_starts(social_worker, child):
    plan = plan_start(by=social_worker, person=child, kind="cin", start_date=START)
    with pytest.raises(ValidationError):
        plan_end(by=social_worker, plan=plan, end_date=START, reason="Closed")
    plan_end(
        by=social_worker,
        plan=plan,
        end_date=START + datetime.timedelta(days=90),
        reason="Needs met",
    )
    assert not Plan.objects.get(pk=plan.pk).is_open


def test_open_cp_plan_is_the_childs_status_and_an_fd8_concern(social_worker, child):
    plan_start(by=social_worker, person=child, kind="cp", start_date=START, category="EMO")
    (item,) = involvements([child.pk])[child.pk]
    assert item.status == "CP plan" and str(item).startswith("child protection plan since")
    contact = make_contact(social_worker, child, received_at=timezone.now())
    concerns = fd8_concerns(contact.children.get())
    assert "Currently child protection plan" in concerns
