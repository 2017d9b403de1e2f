import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.codes import WarningKind
from lantern.people.models import Allocation, Person, Warning
from lantern.people.services.person import by_user


@transaction.atomic
def warning_add(
    *,
    by,
    person: Person,
    kind: str,
    detail: str,
    review_date: datetime.date,
    today: datetime.date | None = None,
) -> Warning:
    today = today or datetime.date.today()
    if review_date <= today:
        raise ValidationError({"review_date": "The review date must be in the future"})
    warning = Warning(
        person=person,
        kind=kind,
        detail=detail.strip(),
        review_date=review_date,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    warning.full_clean()
    warning.save()
    chronology_record(
        person=person,
        kind="warning",
        summary=f"Warning added: {WarningKind(kind).label}",
        occurred_on=today,
        by=by,
        source=warning,
    )
    audit(by=by, action="warning.added", target=warning, person=person)
    return warning


@transaction.atomic
def warning_review(
    *,
    by,
    warning: Warning,
    next_review_date: datetime.date,
    note: str,
    today: datetime.date | None = None,
) -> Warning:
    today = today or datetime.date.today()
    warning = Warning.objects.select_for_update().get(pk=warning.pk)
    if warning.ended_on is not None:
        raise ValidationError("This warning has ended")
    if next_review_date <= today:
        raise ValidationError({"next_review_date": "The next review date must be in the future"})
    warning.review_date = next_review_date
    warning.updated_by = by_user(by)
    warning._change_reason = note
    warning.save()
    audit(by=by, action="warning.reviewed", target=warning, person=warning.person, reason=note)
    return warning


@transaction.atomic
def warning_end(*, by, warning: Warning, reason: str, today: datetime.date | None = None):
    warning = Warning.objects.select_for_update().get(pk=warning.pk)
    if warning.ended_on is not None:
        raise ValidationError("This warning has already ended")
    warning.ended_on = today or datetime.date.today()
    warning.ended_reason = reason
    warning.updated_by = by_user(by)
    warning.save()
    chronology_record(
        person=warning.person,
        kind="warning",
        summary=f"Warning ended: {warning.get_kind_display()} ({reason})",
        occurred_on=warning.ended_on,
        by=by,
        source=warning,
    )
    audit(by=by, action="warning.ended", target=warning, person=warning.person, reason=reason)
    return warning


@transaction.atomic
def allocation_set(
    *, by, person: Person, team, worker=None, start_date: datetime.date, reason: str = ""
) -> Allocation:
    """Allocate a child to a team (and worker), ending the current allocation the day before."""
    current = Allocation.objects.select_for_update().filter(person=person, end_date__isnull=True)
    for allocation in current:
        if allocation.start_date > start_date:
            raise ValidationError(
                {"start_date": "The new allocation cannot start before the current one"}
            )
        allocation.end_date = max(allocation.start_date, start_date - datetime.timedelta(days=1))
        allocation.updated_by = by_user(by)
        allocation.save()
    allocation = Allocation(
        person=person,
        team=team,
        worker=worker,
        start_date=start_date,
        change_reason=reason,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    allocation.full_clean()
    allocation.save()
    who = f"{worker} ({team})" if worker else f"{team}, no worker yet"
    chronology_record(
        person=person,
        kind="allocation",
        summary=f"Allocated to {who}",
        occurred_on=start_date,
        by=by,
        source=allocation,
    )
    audit(by=by, action="allocation.set", target=allocation, person=person, reason=reason)
    return allocation


@transaction.atomic
def allocation_end(
    *, by, allocation: Allocation, end_date: datetime.date, reason: str
) -> Allocation:
    """End a child's current allocation (the case closes to the team). Later issues guard
    closure with the checks of finding FD8; this only records it, with its reason."""
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if allocation.end_date is not None:
        raise ValidationError("This allocation has already ended")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the allocation is ending"})
    if end_date < allocation.start_date:
        raise ValidationError({"end_date": "The end date must be on or after the start date"})
    allocation.end_date = end_date
    allocation.change_reason = reason
    allocation.updated_by = by_user(by)
    allocation.full_clean()
    allocation.save()
    chronology_record(
        person=allocation.person,
        kind="allocation",
        summary=f"Allocation to {allocation.team} ended: {reason}",
        occurred_on=end_date,
        by=by,
        source=allocation,
    )
    audit(
        by=by, action="allocation.ended", target=allocation, person=allocation.person, reason=reason
    )
    return allocation
