import datetime

import pytest
from django.core.exceptions import ValidationError

from lantern.common.errors import ConcurrentEditError
from lantern.common.models import AuditEvent
from lantern.people.models import Address, Allocation, ChronologyEntry, Person, Relationship
from lantern.people.services import (
    address_add,
    allocation_set,
    merge_undo,
    person_merge,
    person_update,
    relationship_add,
    warning_add,
    warning_end,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_person_create_writes_person_chronology_audit_and_keys(person_maker, social_worker):
    person = person_maker(
        first_name="Amelia",
        last_name="Hargreaves",
        address={"line1": "12 High Street", "postcode": "dn311aa", "town": "Grimsby"},
        disabilities=["AUT"],
    )
    assert person.person_id.startswith("L")
    assert person.addresses.get().postcode == "DN31 1AA"
    assert ChronologyEntry.objects.filter(person=person, kind="person_recorded").exists()
    event = AuditEvent.objects.get(action="person.created", person=person)
    assert event.actor == social_worker
    assert person.match_keys.exists()
    assert list(person.disabilities.values_list("code", flat=True)) == ["AUT"]


def test_person_ids_are_never_reused(person_maker):
    first, second = person_maker(), person_maker()
    assert first.person_id != second.person_id


def test_person_create_rejects_bad_nhs_number_and_saves_nothing(person_maker):
    before = Person.objects.count()
    with pytest.raises(ValidationError) as error:
        person_maker(nhs_number="1234567890")
    assert "nhs_number" in error.value.message_dict
    assert Person.objects.count() == before
    assert not AuditEvent.objects.filter(action="person.created").exists()


def test_none_disability_cannot_be_combined(person_maker):
    with pytest.raises(ValidationError):
        person_maker(disabilities=["NONE", "AUT"])


def test_person_update_detects_concurrent_edit(child, social_worker, manager):
    seen = child.updated_at
    person_update(by=manager, person=child, details={"religion": "Christian"})
    with pytest.raises(ConcurrentEditError):
        person_update(
            by=social_worker, person=child, details={"religion": "None"}, seen_updated_at=seen
        )
    child.refresh_from_db()
    assert child.religion == "Christian"


def test_person_update_keeps_history_with_reason(child, social_worker):
    person_update(
        by=social_worker,
        person=child,
        details={"first_name": "Amelie"},
        reason="Birth certificate seen",
    )
    history = list(child.history.order_by("history_date"))
    assert history[0].first_name == "Amelia"
    assert history[-1].first_name == "Amelie"
    assert history[-1].history_change_reason == "Birth certificate seen"
    assert ChronologyEntry.objects.filter(person=child, kind="details_changed").exists()


def test_address_add_ends_current_address(child, social_worker):
    first = address_add(
        by=social_worker,
        person=child,
        line1="1 Old Road",
        postcode="DN32 7AA",
        from_date=datetime.date(2020, 1, 1),
    )
    second = address_add(
        by=social_worker,
        person=child,
        line1="2 New Road",
        postcode="DN35 8AA",
        from_date=datetime.date(2023, 6, 1),
    )
    first.refresh_from_db()
    assert first.to_date == datetime.date(2023, 5, 31)
    assert second.is_current
    assert Address.objects.filter(person=child, to_date__isnull=True).count() == 1


def test_address_rejects_invalid_postcode(child, social_worker):
    with pytest.raises(ValidationError):
        address_add(by=social_worker, person=child, line1="1 Road", postcode="XYZ", from_date=TODAY)


def test_relationship_adds_to_both_chronologies(person_maker, social_worker):
    mother = person_maker(
        first_name="Sarah", last_name="Hargreaves", date_of_birth=datetime.date(1990, 5, 5)
    )
    child = person_maker(first_name="Amelia", last_name="Hargreaves")
    relationship_add(
        by=social_worker, person=mother, other=child, type="parent", parental_responsibility=True
    )
    assert Relationship.objects.get().parental_responsibility
    assert ChronologyEntry.objects.filter(person=child, kind="relationship").exists()
    assert ChronologyEntry.objects.filter(person=mother, kind="relationship").exists()
    with pytest.raises(ValidationError):
        relationship_add(by=social_worker, person=mother, other=child, type="parent")


def test_relationship_to_self_refused(child, social_worker):
    with pytest.raises(ValidationError):
        relationship_add(by=social_worker, person=child, other=child, type="sibling")


def test_partner_cannot_hold_parental_responsibility(person_maker, social_worker):
    a, b = person_maker(), person_maker()
    with pytest.raises(ValidationError):
        relationship_add(
            by=social_worker, person=a, other=b, type="family_friend", parental_responsibility=True
        )


def test_warning_lifecycle(child, social_worker):
    warning = warning_add(
        by=social_worker,
        person=child,
        kind="risk_to_staff",
        detail="Aggressive dog",
        review_date=TODAY + datetime.timedelta(days=90),
    )
    with pytest.raises(ValidationError):
        warning_add(by=social_worker, person=child, kind="other", detail="x", review_date=TODAY)
    warning_end(by=social_worker, warning=warning, reason="Dog rehomed")
    warning.refresh_from_db()
    assert warning.ended_on == TODAY
    with pytest.raises(ValidationError):
        warning_end(by=social_worker, warning=warning, reason="again")


def test_allocation_set_ends_previous_and_keeps_history(
    child, manager, social_worker, user_for, team
):
    other_worker = user_for("social_worker")
    allocation_set(
        by=manager,
        person=child,
        team=team,
        worker=social_worker,
        start_date=datetime.date(2025, 1, 1),
    )
    allocation_set(
        by=manager,
        person=child,
        team=team,
        worker=other_worker,
        start_date=datetime.date(2025, 6, 1),
        reason="Worker left",
    )
    rows = list(Allocation.objects.filter(person=child).order_by("start_date"))
    assert rows[0].end_date == datetime.date(2025, 5, 31)
    assert rows[1].end_date is None and rows[1].worker == other_worker


def test_merge_keeps_both_records_and_can_be_undone(person_maker, manager):
    survivor = person_maker(first_name="Jack", last_name="Smith")
    merged = person_maker(first_name="John", last_name="Smith")
    merge = person_merge(by=manager, survivor=survivor, merged=merged, reason="Same NHS number")
    merged.refresh_from_db()
    assert merged.merged_into == survivor
    assert Person.objects.filter(pk=merged.pk).exists()
    assert not merged.match_keys.exists()  # found through the survivor only
    assert ChronologyEntry.objects.filter(person=survivor, kind="merge").exists()
    with pytest.raises(ValidationError):
        person_merge(by=manager, survivor=survivor, merged=merged, reason="again")
    merge_undo(by=manager, merge=merge, reason="Different children after all")
    merged.refresh_from_db()
    assert merged.merged_into is None
    assert merged.match_keys.exists()
    assert AuditEvent.objects.filter(action="person.merge_undone").exists()


def test_audit_events_cannot_be_changed_or_deleted(child):
    from lantern.common.models import ImmutableError

    event = AuditEvent.objects.filter(person=child).first()
    event.reason = "tampered"
    with pytest.raises(ImmutableError):
        event.save()
    with pytest.raises(ImmutableError):
        event.delete()


def test_service_failure_rolls_back_audit(child, social_worker, monkeypatch):
    """The audit event and the change commit together or not at all."""
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        address_add(by=social_worker, person=child, line1="", postcode="DN31 1AA", from_date=TODAY)
    assert AuditEvent.objects.count() == before


def test_allocation_end_closes_with_reason(child, manager, team):
    from lantern.people.services import allocation_end

    allocation = allocation_set(
        by=manager, person=child, team=team, start_date=datetime.date(2025, 1, 1)
    )
    with pytest.raises(ValidationError):
        allocation_end(
            by=manager, allocation=allocation, end_date=datetime.date(2025, 2, 1), reason=" "
        )
    allocation_end(
        by=manager,
        allocation=allocation,
        end_date=datetime.date(2025, 2, 1),
        reason="Case closed: needs met",
    )
    allocation.refresh_from_db()
    assert allocation.end_date == datetime.date(2025, 2, 1)
    assert ChronologyEntry.objects.filter(person=child, summary__contains="ended").exists()
    with pytest.raises(ValidationError):
        allocation_end(
            by=manager, allocation=allocation, end_date=datetime.date(2025, 3, 1), reason="again"
        )


def test_relationship_and_address_end_keep_the_rows(person_maker, social_worker):
    from lantern.people.services import address_end, relationship_end

    step, child = person_maker(), person_maker()
    rel = relationship_add(by=social_worker, person=step, other=child, type="step_parent")
    relationship_end(by=social_worker, relationship=rel, to_date=TODAY, reason="Separated")
    rel.refresh_from_db()
    assert rel.to_date == TODAY and rel.ended_reason == "Separated"
    address = address_add(
        by=social_worker,
        person=child,
        line1="3 Dock St",
        postcode="DN31 3NW",
        from_date=datetime.date(2024, 1, 1),
    )
    address_end(by=social_worker, address=address, to_date=TODAY, reason="Moved away")
    address.refresh_from_db()
    assert address.to_date == TODAY
    assert (
        AuditEvent.objects.filter(action__in=["relationship.ended", "address.ended"]).count() == 2
    )
