"""A child starts to be looked after, and stops."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lantern.children_in_care.codes import (
    CATEGORY_OF_NEED_CODES,
    TEMPORARY_PLACES,
    LegalStatusCode,
    ReasonCeased,
)
from lantern.children_in_care.models import LegalStatus, PeriodOfCare, Placement
from lantern.children_in_care.services.common import (
    clean_placement,
    current_placement,
    current_status,
    eighteenth_birthday,
    identifier_errors,
    lock_open_period,
    long_date,
    moved_on,
    placement_summary,
    require_care_perm,
)
from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.services.person import by_user
from lantern.people.validators import normalise_postcode

STARTED = "the child started to be looked after"
STOPPED = "the child stopped being looked after"


def _check_start(
    person: Person, start_date: datetime.date | None, today: datetime.date
) -> str | None:
    if start_date is None:
        return f"Enter the date {STARTED}"
    if start_date > today:
        return f"The date {STARTED} must be today or in the past"
    if start_date < person.date_of_birth:
        return f"The date {STARTED} must be on or after their date of birth"
    if start_date >= eighteenth_birthday(person.date_of_birth):
        return "A young person cannot start to be looked after on or after their 18th birthday"
    last_end = PeriodOfCare.objects.filter(person=person).aggregate(last=Max("end_date"))["last"]
    if last_end is not None and start_date == last_end:
        return (
            f"The child stopped being looked after on {long_date(last_end)}: a new period of "
            "care must start on a later day"
        )
    if last_end is not None and start_date < last_end:
        return (
            f"The child was looked after until {long_date(last_end)}: a new period of care "
            "must start after that"
        )
    return None


@transaction.atomic
def care_start(
    *,
    by,
    person: Person,
    start_date: datetime.date | None,
    legal_status: str,
    cin: str,
    placement: dict[str, Any],
    home_postcode: str = "",
    today: datetime.date | None = None,
) -> PeriodOfCare:
    """The child starts to be looked after on `start_date`: a period of care with its category
    of need and the child's home postcode, the first legal status and the first placement
    (`placement` holds place, provider, carer, postcode and urn; provider, postcode and URN
    default to the carer's). Refused while the child is looked after, on the day a previous
    period ended (903 rule 432) or before it, in the future, and from the 18th birthday."""
    require_care_perm(by)
    today = today or timezone.localdate()
    person = Person.objects.select_for_update().get(pk=person.pk)
    if PeriodOfCare.objects.filter(person=person, end_date__isnull=True).exists():
        raise ValidationError("The child is already looked after")
    if person.date_of_birth is None:
        raise ValidationError(
            "Record the child's date of birth before recording that they are looked after"
        )
    errors: dict[str, str] = {}
    date_error = _check_start(person, start_date, today)
    if date_error:
        errors["start_date"] = date_error
    if legal_status not in LegalStatusCode.values:
        errors["legal_status"] = "Select the child's legal status"
    if cin not in CATEGORY_OF_NEED_CODES:
        errors["cin"] = "Select the category of need"
    home_postcode = normalise_postcode(home_postcode)
    errors.update(identifier_errors(home_postcode=home_postcode))
    unknown = set(placement) - {"place", "provider", "carer", "postcode", "urn"}
    if unknown:
        raise TypeError(f"Unknown placement fields {sorted(unknown)}")
    fields, placement_errors = clean_placement(
        start_date=None if date_error else start_date, **placement
    )
    errors.update(placement_errors)
    if "place" not in errors and fields["place"] in TEMPORARY_PLACES:
        errors["place"] = "A period of care cannot start with a temporary placement"
    if errors:
        raise ValidationError(errors)
    user = by_user(by)
    period = PeriodOfCare(
        person=person,
        start_date=start_date,
        category_of_need=cin,
        home_postcode=home_postcode,
        created_by=user,
        updated_by=user,
    )
    period.full_clean()
    period.save()
    status = LegalStatus(
        period=period, code=legal_status, start_date=start_date, created_by=user, updated_by=user
    )
    status.full_clean()
    status.save()
    first = Placement(
        period=period, start_date=start_date, created_by=user, updated_by=user, **fields
    )
    first.full_clean()
    first.save()
    chronology_record(
        person=person,
        kind="care",
        summary=f"Started to be looked after: {LegalStatusCode(legal_status).label} "
        f"({legal_status}); {placement_summary(first)}",
        occurred_on=start_date,
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.started",
        target=period,
        person=person,
        detail={
            "start_date": start_date,
            "legal_status": legal_status,
            "cin": cin,
            "place": first.place,
            "provider": first.provider,
            "carer": first.carer_id,
        },
    )
    return period


@transaction.atomic
def care_end(
    *,
    by,
    period: PeriodOfCare,
    end_date: datetime.date | None,
    reason_ceased: str,
    version: int,
    today: datetime.date | None = None,
) -> PeriodOfCare:
    """The child stops being looked after on `end_date` for `reason_ceased` (a 903 REC, not
    X1): after the last change of legal status or placement, not in the future, before the
    18th birthday (the day before it at the latest, 903 rule 359), and not while the child is
    in a temporary placement (rule 381)."""
    require_care_perm(by)
    today = today or timezone.localdate()
    period = lock_open_period(period, version=version)
    status, placement = current_status(period), current_placement(period)
    last_change = max(status.start_date, placement.start_date)
    if placement.is_temporary:
        raise ValidationError(
            "A period of care cannot end while the child is in a temporary placement: record "
            "their return to their placement first"
        )
    errors: dict[str, str] = {}
    if end_date is None:
        errors["end_date"] = f"Enter the date {STOPPED}"
    elif end_date > today:
        errors["end_date"] = f"The date {STOPPED} must be today or in the past"
    elif end_date <= last_change:
        errors["end_date"] = (
            f"The date {STOPPED} must be after the last change of legal status or placement "
            f"({long_date(last_change)})"
        )
    elif end_date >= eighteenth_birthday(period.person.date_of_birth):
        birthday = long_date(eighteenth_birthday(period.person.date_of_birth))
        errors["end_date"] = f"The date {STOPPED} must be before their 18th birthday ({birthday})"
    if reason_ceased == ReasonCeased.X1:
        errors["reason_ceased"] = (
            "X1 is for an episode followed by another: select why the child stopped being "
            "looked after"
        )
    elif reason_ceased not in ReasonCeased.values:
        errors["reason_ceased"] = "Select why the child stopped being looked after"
    if errors:
        raise ValidationError(errors)
    period.end_date, period.reason_ceased = end_date, reason_ceased
    moved_on(period, by_user(by), "Stopped being looked after")
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Stopped being looked after: {ReasonCeased(reason_ceased).label} "
        f"({reason_ceased})",
        occurred_on=end_date,
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.ended",
        target=period,
        person=period.person,
        detail={"end_date": end_date, "reason_ceased": reason_ceased},
    )
    return period
