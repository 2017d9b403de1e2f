import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.codes import INVERSE_LABEL, RelationshipType
from lantern.people.models import Address, Person, PreviousName, Relationship
from lantern.people.services.person import _address_create, by_user, refresh_match_keys


@transaction.atomic
def address_add(
    *,
    by,
    person: Person,
    line1: str,
    postcode: str,
    line2: str = "",
    town: str = "",
    from_date: datetime.date,
    end_current: bool = True,
) -> Address:
    """Record a new address; the current one ends the day before (if end_current)."""
    if end_current:
        for current in Address.objects.select_for_update().filter(
            person=person, to_date__isnull=True
        ):
            if current.from_date and current.from_date >= from_date:
                raise ValidationError(
                    {"from_date": "The date moved in must be after the current address's date"}
                )
            current.to_date = from_date - datetime.timedelta(days=1)
            current.updated_by = by_user(by)
            current.save()
    address = _address_create(
        person=person,
        by=by,
        line1=line1,
        line2=line2,
        town=town,
        postcode=postcode,
        from_date=from_date,
    )
    refresh_match_keys(person)
    chronology_record(
        person=person,
        kind="address",
        summary=f"Moved to {address}",
        occurred_on=from_date,
        by=by,
        source=address,
    )
    audit(by=by, action="address.added", target=address, person=person)
    return address


@transaction.atomic
def address_end(*, by, address: Address, to_date: datetime.date, reason: str = "") -> Address:
    address = Address.objects.select_for_update().get(pk=address.pk)
    address.to_date = to_date
    address.updated_by = by_user(by)
    address.full_clean()
    address.save()
    audit(by=by, action="address.ended", target=address, person=address.person, reason=reason)
    return address


@transaction.atomic
def previous_name_add(
    *,
    by,
    person: Person,
    last_name: str,
    first_name: str = "",
    from_date: datetime.date | None = None,
    to_date: datetime.date | None = None,
) -> PreviousName:
    name = PreviousName(
        person=person,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        from_date=from_date,
        to_date=to_date,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    name.full_clean()
    name.save()
    refresh_match_keys(person)
    audit(by=by, action="previous_name.added", target=name, person=person)
    return name


@transaction.atomic
def relationship_add(
    *,
    by,
    person: Person,
    other: Person,
    type: str,
    from_date: datetime.date | None = None,
    parental_responsibility: bool = False,
) -> Relationship:
    """Record that `person` is the <type> of `other` (e.g. the parent of)."""
    if person.pk == other.pk:
        raise ValidationError({"other": "A person cannot be related to themselves"})
    if parental_responsibility and type not in {
        RelationshipType.PARENT,
        RelationshipType.STEP_PARENT,
        RelationshipType.GRANDPARENT,
        RelationshipType.AUNT_UNCLE,
        RelationshipType.OTHER_RELATIVE,
        RelationshipType.CARER,
    }:
        raise ValidationError(
            {
                "parental_responsibility": "Only a parent, relative or carer can hold parental "
                "responsibility"
            }
        )
    exists = Relationship.objects.filter(
        person=person, other=other, type=type, to_date__isnull=True
    ).exists()
    if exists:
        raise ValidationError({"type": "This relationship is already recorded"})
    rel = Relationship(
        person=person,
        other=other,
        type=type,
        from_date=from_date,
        parental_responsibility=parental_responsibility,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    rel.full_clean()
    rel.save()
    label = RelationshipType(type).label.lower()
    on = from_date or datetime.date.today()
    for subject, text in (
        (other, f"{person.full_name} recorded as {label}"),
        (person, f"{other.full_name} recorded as {INVERSE_LABEL[type].lower()}"),
    ):
        chronology_record(
            person=subject, kind="relationship", summary=text, occurred_on=on, by=by, source=rel
        )
    audit(by=by, action="relationship.added", target=rel, person=other)
    return rel


@transaction.atomic
def relationship_end(
    *, by, relationship: Relationship, to_date: datetime.date, reason: str
) -> Relationship:
    rel = Relationship.objects.select_for_update().get(pk=relationship.pk)
    rel.to_date = to_date
    rel.ended_reason = reason
    rel.updated_by = by_user(by)
    rel.full_clean()
    rel.save()
    audit(by=by, action="relationship.ended", target=rel, person=rel.other, reason=reason)
    return rel
