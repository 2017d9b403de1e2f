"""Each database constraint on ClosureRequest refuses what it should (and allows the rest)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.closure.models import ClosureRequest

pytestmark = pytest.mark.django_db
CONCERN = [{"code": "re_referral", "text": "Re-referral: …", "overridable": True}]


@pytest.fixture
def make(referral, social_worker):
    def build(**fields):
        values = {
            "referral": referral,
            "person": referral.person,
            "kind": "closure",
            "reason": "RC7",
            "closure_date": datetime.date(2025, 7, 1),
            "rationale": "Needs met.",
            "requested_by": social_worker,
            "requested_at": timezone.now(),
        }
        values.update(fields)
        with transaction.atomic():
            return ClosureRequest.objects.create(**values)

    return build


def decided(manager, **fields):
    return {"decided_by": manager, "decided_at": timezone.now(), **fields}


def test_a_valid_request_saves(make):
    assert make().is_waiting


@pytest.mark.parametrize(
    "fields",
    [
        {"rationale": ""},
        {"kind": "step_down", "reason": "RC8"},
        {"kind": "closure", "reason": "RC9"},
    ],
    ids=["rationale", "step_down_reason", "rc9_is_a_step_down"],
)
def test_request_constraints(make, fields):
    with pytest.raises(IntegrityError):
        make(**fields)


def test_step_down_reasons_allowed(make, manager):
    make(
        kind="step_down", reason="RC9", status="returned", manager_comment="No", **decided(manager)
    )
    make(kind="step_down", reason="RC7")


def test_a_decided_request_records_when(make, manager):
    with pytest.raises(IntegrityError):
        make(status="approved")
    with pytest.raises(IntegrityError):
        make(decided_at=timezone.now())  # still "requested"


def test_a_return_needs_a_comment(make, manager):
    with pytest.raises(IntegrityError):
        make(status="returned", **decided(manager))


def test_override_only_on_approval(make, manager):
    with pytest.raises(IntegrityError):
        make(
            status="returned",
            manager_comment="See her again",
            override_reason="Because",
            **decided(manager),
        )


def test_approval_with_concerns_needs_an_override(make, manager):
    with pytest.raises(IntegrityError):
        make(status="approved", decision_concerns=CONCERN, **decided(manager))
    make(
        status="approved",
        decision_concerns=CONCERN,
        override_reason="Different concern",
        **decided(manager),
    )


def test_approval_without_concerns_needs_no_override(make, manager):
    assert make(status="approved", **decided(manager)).status == "approved"


def test_one_waiting_request_per_referral(make, manager):
    make()
    with pytest.raises(IntegrityError):
        make()


def test_decided_requests_do_not_block_a_new_one(make, manager):
    make(status="returned", manager_comment="Not yet", **decided(manager))
    assert make().is_waiting
