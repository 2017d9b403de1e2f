"""Each database constraint on periods of care, legal statuses, placements and carers holds
even when the services are bypassed."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.children_in_care.models import Carer, LegalStatus, PeriodOfCare, Placement

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 6, 1)
LATER = datetime.date(2026, 6, 8)


@pytest.fixture
def period(child):
    return PeriodOfCare.objects.create(person=child, start_date=START, category_of_need="N1")


@pytest.fixture
def carer(db):
    return Carer.objects.create(name="Sam and Alex Kerr", kind="la_foster", provider="PR1")


def violates(model, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)


def test_carer_has_a_name():
    violates(Carer, name="", kind="la_foster")
    Carer.objects.create(name="Oaks children's home", kind="residential")


def test_period_ends_after_it_starts(child):
    violates(
        PeriodOfCare,
        person=child,
        start_date=START,
        category_of_need="N1",
        end_date=START,
        reason_ceased="E4A",
    )
    PeriodOfCare.objects.create(
        person=child, start_date=START, category_of_need="N1", end_date=LATER, reason_ceased="E4A"
    )


def test_period_has_a_reason_when_and_only_when_it_ends(child):
    base = {"person": child, "start_date": START, "category_of_need": "N1"}
    violates(PeriodOfCare, **base, end_date=LATER)
    violates(PeriodOfCare, **base, end_date=LATER, reason_ceased="X1")
    violates(PeriodOfCare, **base, reason_ceased="E4A")
    PeriodOfCare.objects.create(**base, end_date=LATER, reason_ceased="E13")


def test_period_category_of_need_is_n1_to_n8(child):
    violates(PeriodOfCare, person=child, start_date=START, category_of_need="N9")
    violates(PeriodOfCare, person=child, start_date=START, category_of_need="")
    PeriodOfCare.objects.create(person=child, start_date=START, category_of_need="N8")


def test_one_open_period_per_child(child, period):
    violates(PeriodOfCare, person=child, start_date=LATER, category_of_need="N1")
    PeriodOfCare.objects.create(
        person=child,
        start_date=datetime.date(2025, 1, 1),
        category_of_need="N1",
        end_date=datetime.date(2025, 2, 1),
        reason_ceased="E4A",
    )


def test_one_legal_status_a_day_unless_removed(period):
    first = LegalStatus.objects.create(period=period, code="V2", start_date=START)
    violates(LegalStatus, period=period, code="C1", start_date=START)
    LegalStatus.objects.filter(pk=first.pk).update(ended_at=timezone.now(), ended_reason="Error")
    LegalStatus.objects.create(period=period, code="C1", start_date=START)


def test_legal_status_removed_with_a_reason(period):
    violates(LegalStatus, period=period, code="V2", start_date=START, ended_at=timezone.now())
    violates(LegalStatus, period=period, code="V2", start_date=START, ended_reason="Error")
    LegalStatus.objects.create(
        period=period, code="V2", start_date=START, ended_at=timezone.now(), ended_reason="Error"
    )


def test_one_placement_a_day_unless_removed(period, carer):
    first = Placement.objects.create(period=period, start_date=START, place="U6", carer=carer)
    violates(Placement, period=period, start_date=START, place="U4", carer=carer)
    Placement.objects.filter(pk=first.pk).update(ended_at=timezone.now(), ended_reason="Error")
    Placement.objects.create(period=period, start_date=START, place="U4", carer=carer)


def test_placement_has_a_carer_unless_its_type_has_none(period, carer):
    violates(Placement, period=period, start_date=START, place="U6")
    violates(Placement, period=period, start_date=START, place="K2")
    Placement.objects.create(period=period, start_date=START, place="R5")
    Placement.objects.create(period=period, start_date=LATER, place="U6", carer=carer)


def test_temporary_placement_has_no_reason_for_change(period):
    violates(Placement, period=period, start_date=START, place="T1", reason_change="CARPL")
    Placement.objects.create(period=period, start_date=START, place="T1")


def test_placement_removed_with_a_reason(period, carer):
    fields = {"period": period, "start_date": START, "place": "U6", "carer": carer}
    violates(Placement, **fields, ended_at=timezone.now())
    violates(Placement, **fields, ended_reason="Error")
    Placement.objects.create(**fields, ended_at=timezone.now(), ended_reason="Error")


def test_a_carer_on_a_placement_cannot_be_deleted(period, carer):
    Placement.objects.create(period=period, start_date=START, place="U6", carer=carer)
    with pytest.raises(IntegrityError), transaction.atomic():
        carer.delete()
