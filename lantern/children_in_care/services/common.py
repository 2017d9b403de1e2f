"""Pieces the children in care services share: who may record care, locking a period, dates,
and checking a placement's type, provider, carer, postcode and URN."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from lantern.children_in_care.codes import (
    PLACES_WITHOUT_CARER,
    PLACES_WITHOUT_PROVIDER,
    PLACES_WITHOUT_URN,
    PlacementProvider,
    PlacementType,
    place_codes_on,
    provider_allowed,
)
from lantern.children_in_care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.children_in_care.models.carer import validate_urn
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.services.common import require_perm
from lantern.people.validators import normalise_postcode, validate_postcode

CARE_PERMISSION = "care.record"


def require_care_perm(by) -> None:
    require_perm(by, CARE_PERMISSION)


def identifier_errors(**values: str) -> dict[str, str]:
    """GOV.UK errors for postcodes (fields named *postcode) and Ofsted URNs (*urn) that are
    given but not valid, before the model's own checks add "at most 8 characters"."""
    errors = {}
    for name, value in values.items():
        validator = validate_postcode if name.endswith("postcode") else validate_urn
        try:
            if value:
                validator(value)
        except ValidationError as error:
            errors[name] = error.messages[0]
    return errors


def long_date(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def eighteenth_birthday(date_of_birth: datetime.date) -> datetime.date:
    """The 18th birthday; 1 March for a child born on 29 February when the year is not a leap
    year."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + 18)
    except ValueError:
        return datetime.date(date_of_birth.year + 18, 3, 1)


def lock_open_period(period: PeriodOfCare, *, version: int | None) -> PeriodOfCare:
    """The period, locked for this transaction; ConcurrentEditError when `version` is given and
    someone has changed the period since, and refused once the period has ended."""
    locked = PeriodOfCare.objects.select_for_update().select_related("person").get(pk=period.pk)
    if version is not None and locked.version != version:
        raise ConcurrentEditError()
    if locked.end_date is not None:
        raise ValidationError("This period of care has ended: it can no longer be changed")
    return locked


def moved_on(period: PeriodOfCare, by_user, reason: str) -> None:
    """Save a change within the period: the version moves on, whoever made it is recorded."""
    period.version += 1
    period.updated_by = by_user
    period._change_reason = reason[:100]
    period.full_clean()
    period.save()


def current_status(period: PeriodOfCare) -> LegalStatus:
    return (
        LegalStatus.objects.filter(period=period, ended_at__isnull=True)
        .order_by("-start_date")
        .first()
    )


def current_placement(period: PeriodOfCare) -> Placement:
    return (
        Placement.objects.filter(period=period, ended_at__isnull=True)
        .select_related("carer")
        .order_by("-start_date")
        .first()
    )


def check_change_date(
    day: datetime.date | None,
    *,
    what: str,
    after: datetime.date,
    after_label: str,
    today: datetime.date,
    date_of_birth: datetime.date | None,
) -> str | None:
    """The error for the date of a change ("the legal status changed"), or None: it must be
    given, not in the future, after `after`, and before the child's 18th birthday."""
    if day is None:
        return f"Enter the date {what}"
    if day > today:
        return f"The date {what} must be today or in the past"
    if day <= after:
        return f"The date {what} must be after {after_label} ({long_date(after)})"
    if date_of_birth is not None and day >= eighteenth_birthday(date_of_birth):
        birthday = long_date(eighteenth_birthday(date_of_birth))
        return f"The date {what} must be before the child's 18th birthday ({birthday})"
    return None


def date_in_period_error(
    day: datetime.date | None, period: PeriodOfCare, *, what: str, today: datetime.date
) -> str | None:
    """The error for the date `what` ("of the review", "the plan was agreed") of something
    within a period of care, or None: given, not in the future, and within the period."""
    if day is None:
        return f"Enter the date {what}"
    if day > today:
        return f"The date {what} must be today or in the past"
    if day < period.start_date:
        return (
            f"The date {what} must be on or after the day the child started to be looked "
            f"after ({long_date(period.start_date)})"
        )
    if period.end_date is not None and day > period.end_date:
        return (
            f"The date {what} must be on or before the day the child stopped being looked "
            f"after ({long_date(period.end_date)})"
        )
    return None


def clean_placement(
    *,
    start_date: datetime.date | None,
    place: str = "",
    provider: str = "",
    carer: Carer | None = None,
    postcode: str = "",
    urn: str = "",
) -> tuple[dict[str, Any], dict[str, str]]:
    """A placement's fields, with the carer's provider, postcode and URN as defaults where the
    placement type takes them, and the errors keyed by field."""
    errors: dict[str, str] = {}
    place = (place or "").strip().upper()
    provider = (provider or "").strip().upper()
    postcode = normalise_postcode(postcode)
    urn = (urn or "").strip().upper()
    if place not in PlacementType.values:
        errors["place"] = "Select the type of placement"
    elif start_date is not None and place not in place_codes_on(start_date):
        errors["place"] = (
            f"Placement type {place} cannot be used for a placement starting on "
            f"{long_date(start_date)}: select another type"
        )
    errors.update(identifier_errors(postcode=postcode, urn=urn))
    if carer is None and place not in PLACES_WITHOUT_CARER:
        errors["carer"] = "Select who the child will live with"
    if carer is not None:
        postcode = postcode or carer.postcode
        if not provider and place not in PLACES_WITHOUT_PROVIDER:
            provider = carer.provider
        if not urn and place not in PLACES_WITHOUT_URN:
            urn = carer.ofsted_urn
    if "place" not in errors:
        if place in PLACES_WITHOUT_PROVIDER:
            if provider:
                errors["provider"] = (
                    f"Leave the placement provider blank for a placement of type {place}"
                )
        elif not provider or provider not in PlacementProvider.values:
            errors["provider"] = "Select the placement provider"
        elif not provider_allowed(place, provider):
            errors["provider"] = (
                f"A placement of type {place} cannot have provider {provider}: "
                "select another provider"
            )
        if place in PLACES_WITHOUT_URN and urn and "urn" not in errors:
            errors["urn"] = f"Leave the URN blank for a placement of type {place}"
    fields = {
        "place": place,
        "provider": provider,
        "carer": carer,
        "postcode": postcode,
        "urn": urn,
    }
    return fields, errors


def placement_summary(placement: Placement) -> str:
    """ "foster placement with other foster carer(s)… (U6) with Sam and Alex Kerr"."""
    text = f"{PlacementType(placement.place).label.lower()} ({placement.place})"
    if placement.carer is not None:
        text += f" with {placement.carer.name}"
    return text


def clean_reason(reason: str, *, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": f"Give the reason for removing this {what}"})
    if len(reason) > 200:
        raise ValidationError({"reason": "Keep the reason to 200 characters or fewer"})
    return reason
