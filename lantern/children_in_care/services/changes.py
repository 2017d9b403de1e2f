"""Changes within a period of care: the legal status changes, the child moves placement, and a
change recorded in error is removed (end-dated with a reason, never deleted).

Changes are recorded in order: each is after the last of its kind. Every change names the
period's version it was made against and moves it on, so two people recording changes to the
same period at once cannot both succeed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.children_in_care.codes import (
    TEMPORARY_PLACES,
    LegalStatusCode,
    ReasonPlaceChange,
)
from lantern.children_in_care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.children_in_care.services.common import (
    check_change_date,
    clean_placement,
    clean_reason,
    current_placement,
    current_status,
    lock_open_period,
    long_date,
    moved_on,
    placement_summary,
    require_care_perm,
)
from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user


def _last_label(row, period: PeriodOfCare, what: str) -> str:
    if row.start_date == period.start_date:
        return "the day the child started to be looked after"
    return f"the last change of {what}"


@transaction.atomic
def legal_status_change(
    *,
    by,
    period: PeriodOfCare,
    code: str,
    start_date: datetime.date | None,
    version: int,
    today: datetime.date | None = None,
) -> LegalStatus:
    """The child's legal status becomes `code` on `start_date` (after the last change of legal
    status, not in the future)."""
    require_care_perm(by)
    today = today or timezone.localdate()
    period = lock_open_period(period, version=version)
    current = current_status(period)
    errors: dict[str, str] = {}
    date_error = check_change_date(
        start_date,
        what="the legal status changed",
        after=current.start_date,
        after_label=_last_label(current, period, "legal status"),
        today=today,
        date_of_birth=period.person.date_of_birth,
    )
    if date_error:
        errors["start_date"] = date_error
    if code not in LegalStatusCode.values:
        errors["code"] = "Select the child's new legal status"
    elif code == current.code:
        errors["code"] = f"The child's legal status is already {code}: select the new one"
    if errors:
        raise ValidationError(errors)
    user = by_user(by)
    status = LegalStatus(
        period=period, code=code, start_date=start_date, created_by=user, updated_by=user
    )
    status.full_clean()
    status.save()
    moved_on(period, user, f"Legal status changed to {code}")
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Legal status changed to {LegalStatusCode(code).label} ({code}), "
        f"was {current.code}",
        occurred_on=start_date,
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.legal_status_changed",
        target=status,
        person=period.person,
        detail={"from": current.code, "to": code, "start_date": start_date},
    )
    return status


@transaction.atomic
def placement_change(
    *,
    by,
    period: PeriodOfCare,
    start_date: datetime.date | None,
    place: str,
    provider: str = "",
    carer: Carer | None = None,
    postcode: str = "",
    urn: str = "",
    reason_change: str = "",
    version: int,
    today: datetime.date | None = None,
) -> Placement:
    """The child moves to a new placement on `start_date` (after the last move, not in the
    future). The placement that ends records `reason_change`, the 903 reason for the change,
    required unless the move is into or out of a temporary placement (which has none, rule
    226). Provider, postcode and URN default to the carer's; a placement identical to the
    current one in type, provider, postcode, URN and carer is refused."""
    require_care_perm(by)
    today = today or timezone.localdate()
    period = lock_open_period(period, version=version)
    current = current_placement(period)
    errors: dict[str, str] = {}
    date_error = check_change_date(
        start_date,
        what="the placement changed",
        after=current.start_date,
        after_label=_last_label(current, period, "placement"),
        today=today,
        date_of_birth=period.person.date_of_birth,
    )
    if date_error:
        errors["start_date"] = date_error
    fields, placement_errors = clean_placement(
        start_date=None if date_error else start_date,
        place=place,
        provider=provider,
        carer=carer,
        postcode=postcode,
        urn=urn,
    )
    errors.update(placement_errors)
    temporary = current.is_temporary or fields["place"] in TEMPORARY_PLACES
    if temporary and reason_change:
        errors["reason_change"] = (
            "Leave the reason blank: a move into or out of a temporary placement has no "
            "reason for the change"
        )
    elif not temporary and reason_change not in ReasonPlaceChange.values:
        errors["reason_change"] = "Select the reason the placement changed"
    if errors:
        raise ValidationError(errors)
    compared = ("place", "provider", "carer", "postcode", "urn")
    if all(getattr(current, f) == fields[f] for f in compared):
        raise ValidationError(
            "This is the child's current placement: the type, provider, carer, postcode and "
            "URN are all the same"
        )
    user = by_user(by)
    current.reason_change = reason_change
    current.updated_by = user
    current._change_reason = f"Placement ended by a move on {long_date(start_date)}"
    current.full_clean()
    current.save()
    new = Placement(
        period=period, start_date=start_date, created_by=user, updated_by=user, **fields
    )
    new.full_clean()
    new.save()
    moved_on(period, user, "Placement changed")
    summary = f"Placement changed to {placement_summary(new)}"
    if reason_change:
        summary += f": {ReasonPlaceChange(reason_change).label.lower()}"
    chronology_record(
        person=period.person,
        kind="care",
        summary=summary,
        occurred_on=start_date,
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.placement_changed",
        target=new,
        person=period.person,
        detail={
            "from": current.pk,
            "place": new.place,
            "provider": new.provider,
            "carer": new.carer_id,
            "reason_change": reason_change,
            "start_date": start_date,
        },
    )
    return new


def _lock_latest(model, row, period: PeriodOfCare, what: str):
    row = model.objects.select_for_update().get(pk=row.pk)
    if row.ended_at is not None:
        raise ValidationError(f"This {what} has already been removed")
    latest = model.objects.filter(period=period, ended_at__isnull=True).order_by("-start_date")
    if latest.first().pk != row.pk:
        raise ValidationError(f"Only the most recent change of {what} can be removed")
    if row.start_date == period.start_date:
        raise ValidationError(
            f"The {what} the child started to be looked after with cannot be removed"
        )
    return row


def _end_in_error(row, *, reason: str, user) -> None:
    """End-date a status or placement row recorded in error, keeping it with the reason."""
    row.ended_at, row.ended_reason = timezone.now(), reason
    row.updated_by = user
    row._change_reason = "Removed: recorded in error"
    row.full_clean()
    row.save()


@transaction.atomic
def legal_status_remove(*, by, status: LegalStatus, reason: str, version: int) -> LegalStatus:
    """Remove the most recent change of legal status, recorded in error: the row is kept,
    end-dated with the reason, and the status before it applies again."""
    require_care_perm(by)
    period = lock_open_period(status.period, version=version)
    status = _lock_latest(LegalStatus, status, period, "legal status")
    reason = clean_reason(reason, what="legal status")
    user = by_user(by)
    _end_in_error(status, reason=reason, user=user)
    moved_on(period, user, "Legal status change removed")
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Change of legal status to {status.code} on {long_date(status.start_date)} "
        f"removed: {reason}",
        occurred_on=timezone.localdate(),
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.legal_status_removed",
        target=status,
        person=period.person,
        reason=reason,
    )
    return status


@transaction.atomic
def placement_remove(*, by, placement: Placement, reason: str, version: int) -> Placement:
    """Remove the most recent move, recorded in error: the row is kept, end-dated with the
    reason; the placement before it applies again and loses the reason for a change that did
    not happen."""
    require_care_perm(by)
    period = lock_open_period(placement.period, version=version)
    placement = _lock_latest(Placement, placement, period, "placement")
    reason = clean_reason(reason, what="placement")
    user = by_user(by)
    _end_in_error(placement, reason=reason, user=user)
    previous = current_placement(period)
    if previous.reason_change:
        previous.reason_change = ""
        previous.updated_by = user
        previous._change_reason = "The move that ended it was removed"
        previous.full_clean()
        previous.save()
    moved_on(period, user, "Placement change removed")
    chronology_record(
        person=period.person,
        kind="care",
        summary=f"Move to {placement_summary(placement)} on {long_date(placement.start_date)} "
        f"removed: {reason}",
        occurred_on=timezone.localdate(),
        by=by,
        source=period,
    )
    audit(
        by=by,
        action="care.placement_removed",
        target=placement,
        person=period.person,
        reason=reason,
    )
    return placement
