import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.models import BreakGlass, Person, RecordView, RestrictedAccess

BREAK_GLASS_HOURS = 8


def record_view_log(
    *, user, person: Person, via: str = "page", reason: str = "", break_glass: bool = False
) -> RecordView:
    """Log that `user` opened `person`'s record. Every opening is logged."""
    with transaction.atomic():
        return RecordView.objects.create(
            person=person, user=user, via=via, reason=reason, break_glass=break_glass
        )


@transaction.atomic
def break_glass_open(*, by, person: Person, reason: str) -> BreakGlass:
    """Open a restricted record by giving a reason; recorded and listed for managers."""
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": "Enter why you need to open this record (at least 10 characters)"}
        )
    grant = BreakGlass.objects.create(
        person=person,
        user=by,
        reason=reason,
        expires_at=timezone.now() + datetime.timedelta(hours=BREAK_GLASS_HOURS),
    )
    audit(by=by, action="record.break_glass", target=grant, person=person, reason=reason)
    return grant


@transaction.atomic
def person_restrict(*, by, person: Person, restricted: bool, reason: str) -> Person:
    if not reason.strip():
        raise ValidationError({"reason": "Enter why access to this record is changing"})
    locked = Person.objects.select_for_update().get(pk=person.pk)
    locked.restricted = restricted
    locked.restricted_reason = reason if restricted else ""
    locked.updated_by = by
    locked._change_reason = reason
    locked.save()
    chronology_record(
        person=locked,
        kind="restriction",
        summary="Record restricted" if restricted else "Restriction lifted",
        occurred_on=timezone.localdate(),
        by=by,
        source=locked,
    )
    audit(
        by=by,
        action="person.restricted" if restricted else "person.unrestricted",
        target=locked,
        person=locked,
        reason=reason,
    )
    return locked


@transaction.atomic
def restricted_access_grant(*, by, person: Person, user) -> RestrictedAccess:
    if RestrictedAccess.objects.filter(person=person, user=user, revoked_at__isnull=True).exists():
        raise ValidationError({"user": f"{user} can already open this record"})
    grant = RestrictedAccess.objects.create(person=person, user=user, granted_by=by)
    audit(
        by=by,
        action="restricted_access.granted",
        target=grant,
        person=person,
        detail={"user": user.username},
    )
    return grant


@transaction.atomic
def restricted_access_revoke(*, by, grant: RestrictedAccess, reason: str) -> RestrictedAccess:
    grant = RestrictedAccess.objects.select_for_update().get(pk=grant.pk)
    grant.revoked_at = timezone.now()
    grant.save()
    audit(
        by=by, action="restricted_access.revoked", target=grant, person=grant.person, reason=reason
    )
    return grant
