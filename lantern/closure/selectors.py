"""Reads of closure requests. Each starts from the user (house style §3): a request is part of
the child's record, so the child's record rules apply (lantern.people.selectors)."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from lantern.accounts.permissions import has_perm
from lantern.closure.models import ClosureRequest
from lantern.front_door.models import Referral
from lantern.people.selectors import child_record_get_for


def referral_for_closure(*, user, pk) -> Referral:
    """The referral, if the user may ask for it to close and may open the child's record."""
    qs = Referral.objects.select_related("person")
    return child_record_get_for(qs, user=user, pk=pk, permission="closure.request")


def closure_get_for(*, user, pk, permission: str = "casework.view") -> ClosureRequest:
    """A closure request, if the user holds `permission` and may open the child's record."""
    qs = ClosureRequest.objects.select_related("person", "referral", "requested_by", "decided_by")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def closures_for_referral(referral: Referral) -> QuerySet[ClosureRequest]:
    """Every request to close this referral, newest first (the caller has opened it)."""
    return referral.closure_requests.select_related("requested_by", "decided_by").order_by(
        "-requested_at", "-id"
    )


def closures_waiting(*, user) -> QuerySet[ClosureRequest]:
    """Requests waiting for a manager, the oldest first (the managers' queue). Restricted
    children appear, marked, and open only as their record does."""
    if not has_perm(user, "closure.approve"):
        return ClosureRequest.objects.none()
    return (
        ClosureRequest.objects.filter(status=ClosureRequest.Status.REQUESTED)
        .select_related("person", "referral", "requested_by")
        .order_by("requested_at", "id")
    )


def closures_overridden(*, user, since: datetime.date | None = None) -> QuerySet[ClosureRequest]:
    """Closures approved although the checks found concerns, newest first: who approved, when,
    what the checks found and the reason given."""
    if not has_perm(user, "closure.approve"):
        return ClosureRequest.objects.none()
    qs = ClosureRequest.objects.filter(status=ClosureRequest.Status.APPROVED).exclude(
        override_reason=""
    )
    if since is not None:
        qs = qs.filter(
            decided_at__gte=timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
        )
    return qs.select_related("person", "referral", "requested_by", "decided_by").order_by(
        "-decided_at", "-id"
    )
