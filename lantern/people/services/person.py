import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.common.errors import ConcurrentEditError
from lantern.common.ids import next_value
from lantern.people.chronology import chronology_record
from lantern.people.codes import Disability
from lantern.people.models import Address, Person, PersonDisability, household_key
from lantern.people.validators import normalise_nhs_number, normalise_postcode

PERSON_FIELDS = {
    "first_name",
    "middle_names",
    "last_name",
    "known_as",
    "date_of_birth",
    "expected_date_of_birth",
    "date_of_death",
    "sex",
    "gender_identity",
    "ethnicity",
    "first_language",
    "interpreter_needed",
    "religion",
    "immigration_status",
    "uasc",
    "nhs_number",
    "upn",
    "phone",
    "email",
}


def refresh_match_keys(person: Person) -> None:
    from lantern.people.matching.keys import refresh_keys

    refresh_keys(person)


def new_person_id() -> str:
    return f"L{next_value('person_id', start=100001)}"


def clean_disabilities(codes: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(codes))
    unknown = [c for c in codes if c not in Disability.values]
    if unknown:
        raise ValidationError({"disabilities": f"Unknown disability code {unknown[0]}"})
    if Disability.NONE in codes and len(codes) > 1:
        raise ValidationError(
            {"disabilities": "Select 'No disability' on its own, or the disabilities that apply"}
        )
    return codes


def _normalise(details: dict[str, Any]) -> dict[str, Any]:
    unknown = set(details) - PERSON_FIELDS
    if unknown:
        raise TypeError(f"Unknown person fields {sorted(unknown)}")
    details = dict(details)
    if details.get("nhs_number"):
        details["nhs_number"] = normalise_nhs_number(details["nhs_number"])
    if details.get("upn"):
        details["upn"] = details["upn"].upper()
    for key in ("first_name", "middle_names", "last_name", "known_as"):
        if key in details and details[key] is not None:
            details[key] = " ".join(str(details[key]).split())
    return details


@transaction.atomic
def person_create(
    *,
    by,
    details: dict[str, Any],
    disabilities: Iterable[str] = (),
    address: dict[str, Any] | None = None,
    person_id: str | None = None,
    recorded_on: datetime.date | None = None,
) -> Person:
    """Record a new person, with their first address if known."""
    person = Person(**_normalise(details), created_by=by_user(by), updated_by=by_user(by))
    person.person_id = person_id or new_person_id()
    codes = clean_disabilities(disabilities)
    person.full_clean()
    person.save()
    PersonDisability.objects.bulk_create(PersonDisability(person=person, code=c) for c in codes)
    if address:
        _address_create(person=person, by=by, **address)
    refresh_match_keys(person)
    chronology_record(
        person=person,
        kind="person_recorded",
        summary=f"{person.kind_label} recorded: {person.full_name}",
        occurred_on=recorded_on or timezone.localdate(),
        by=by,
        source=person,
    )
    audit(by=by, action="person.created", target=person, person=person)
    return person


def _address_create(*, person: Person, by, **fields) -> Address:
    fields["postcode"] = normalise_postcode(fields.get("postcode", ""))
    address = Address(person=person, created_by=by_user(by), updated_by=by_user(by), **fields)
    address.household = household_key(address.line1, address.postcode)
    address.full_clean()
    address.save()
    return address


@transaction.atomic
def person_update(
    *,
    by,
    person: Person,
    details: dict[str, Any],
    disabilities: Iterable[str] | None = None,
    seen_updated_at: datetime.datetime | None = None,
    reason: str = "",
) -> Person:
    """Change a person's details. `seen_updated_at` is when the editor loaded the record: if
    someone else saved since, nothing is saved and ConcurrentEditError is raised."""
    locked = Person.objects.select_for_update().get(pk=person.pk)
    if seen_updated_at is not None and locked.updated_at != seen_updated_at:
        raise ConcurrentEditError()
    details = _normalise(details)
    changed = {k: v for k, v in details.items() if getattr(locked, k) != v}
    for key, value in changed.items():
        setattr(locked, key, value)
    locked.updated_by = by_user(by)
    if disabilities is not None:
        codes = clean_disabilities(disabilities)
        current = set(locked.disabilities.values_list("code", flat=True))
        if set(codes) != current:
            changed["disabilities"] = codes
            locked.disabilities.exclude(code__in=codes).delete()
            PersonDisability.objects.bulk_create(
                PersonDisability(person=locked, code=c) for c in codes if c not in current
            )
    locked._change_reason = reason or "Details updated"
    locked.full_clean()
    locked.save()
    if changed:
        refresh_match_keys(locked)
        labels = ", ".join(
            Person._meta.get_field(k).verbose_name if k != "disabilities" else "disabilities"
            for k in changed
        )
        chronology_record(
            person=locked,
            kind="details_changed",
            summary=f"Details changed: {labels}",
            occurred_on=timezone.localdate(),
            by=by,
            source=locked,
        )
        audit(
            by=by,
            action="person.updated",
            target=locked,
            person=locked,
            reason=reason,
            detail={"fields": sorted(changed)},
        )
    return locked


def by_user(by):
    return by if getattr(by, "is_authenticated", False) else None
