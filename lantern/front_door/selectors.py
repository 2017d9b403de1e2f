"""Reads at the front door that start from the user (house style §3).

A contact concerns children, so opening one is opening their records: the same access rules
apply (person_get_for), restricted children included. Partners see only what they submitted,
and only its outcome."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from lantern.accounts.permissions import has_perm
from lantern.front_door.models import (
    Contact,
    ContactChild,
    ExploitationMeeting,
    ExploitationScreening,
    InformationRequest,
    Referral,
    Section47,
    StrategyDiscussion,
)
from lantern.people.selectors import child_record_get_for, person_get_for, row_get_for
from lantern.timescales.engine import add_months


def contact_child_get_for(*, user, pk: int, permission: str = "contact.view") -> ContactChild:
    """The child on a contact, if the user may open the child's record (Http404 otherwise;
    RestrictedRecord when a reason is needed)."""
    qs = ContactChild.objects.select_related("contact", "person")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def contact_get_for(*, user, pk: int) -> Contact:
    """A contact, if the user may open the record of every child on it."""
    contact = row_get_for(Contact.objects.all(), user=user, pk=pk, permission="contact.view")
    for person_id in contact.children.values_list("person_id", flat=True):
        person_get_for(user=user, pk=person_id)
    return contact


def open_queue(*, user) -> QuerySet[ContactChild]:
    """Children on contacts awaiting a decision, the least time left first."""
    if not has_perm(user, "contact.view"):
        return ContactChild.objects.none()
    return (
        ContactChild.objects.exclude(status=ContactChild.Status.DECIDED)
        .select_related("contact", "person", "screening")
        .prefetch_related("information_requests")
        .order_by("decision_due_at", "id")
    )


def contacts_submitted_by(*, user) -> QuerySet[Contact]:
    """What a partner referred, with each child's decision, for the outcome page."""
    if not has_perm(user, "contact.own"):
        return Contact.objects.none()
    return (
        Contact.objects.filter(submitted_by=user)
        .prefetch_related(
            Prefetch(
                "children",
                queryset=ContactChild.objects.select_related("person", "decision"),
            )
        )
        .order_by("-received_at")
    )


def submitted_contact_get_for(*, user, pk: int) -> Contact:
    try:
        return contacts_submitted_by(user=user).get(pk=pk)
    except (Contact.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found") from exc


def previous_referral(person_ids: list[int], before: datetime.date) -> Referral | None:
    """The latest referral in the 12 months before `before`, if any: a new referral now would
    be a re-referral (DfE: within 12 months of a previous referral; FD9)."""
    return (
        Referral.objects.filter(
            person_id__in=person_ids,
            referral_date__gte=add_months(before, -12),
            referral_date__lte=before,
        )
        .order_by("-referral_date")
        .first()
    )


def strategy_get_for(*, user, pk: int, permission: str = "contact.view") -> StrategyDiscussion:
    qs = StrategyDiscussion.objects.select_related("person", "referral")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def section47_get_for(*, user, pk: int, permission: str = "contact.view") -> Section47:
    qs = Section47.objects.select_related("person", "strategy")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def referral_get_for(*, user, pk: int) -> Referral:
    qs = Referral.objects.select_related("person")
    return child_record_get_for(qs, user=user, pk=pk, permission="contact.view")


def information_requests_pending(*, user) -> QuerySet[InformationRequest]:
    """Requests for more time waiting for a manager, the most urgent first (the queue)."""
    if not has_perm(user, "contact.decide"):
        return InformationRequest.objects.none()
    return (
        InformationRequest.objects.filter(agreed_at__isnull=True, declined_reason="")
        .exclude(contact_child__status=ContactChild.Status.DECIDED)
        .select_related("contact_child__contact", "contact_child__person", "created_by")
        .order_by("contact_child__decision_due_at", "id")
    )


def information_request_get_for(*, user, pk: int) -> InformationRequest:
    """A request for more time, if the user may agree it and open the child's record."""
    qs = InformationRequest.objects.select_related(
        "contact_child__contact", "contact_child__person", "created_by", "agreed_by"
    )
    return child_record_get_for(
        qs, user=user, pk=pk, permission="contact.decide", person_field="contact_child.person_id"
    )


def exploitation_screening_get_for(
    *, user, pk: int, permission: str = "contact.view"
) -> ExploitationScreening:
    """An exploitation screening, if the user may open the child's record."""
    qs = ExploitationScreening.objects.select_related("person", "created_by")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def exploitation_meeting_get_for(*, user, pk: int) -> ExploitationMeeting:
    """An exploitation meeting, if the user may open the record of every child it was about."""
    meeting = row_get_for(
        ExploitationMeeting.objects.all(), user=user, pk=pk, permission="contact.view"
    )
    for person_id in meeting.children.values_list("pk", flat=True):
        person_get_for(user=user, pk=person_id)
    return meeting


def queue_summary(*, user, now) -> dict | None:
    """The front door at a glance for a home page: children waiting for a decision, how many
    are overdue or due within four hours, requests for more time waiting for a manager, and
    strategy discussions held but not yet recorded. None for users who cannot see it."""
    if not has_perm(user, "contact.view"):
        return None
    soon = Q(decision_due_at__gte=now, decision_due_at__lt=now + datetime.timedelta(hours=4))
    counts = ContactChild.objects.exclude(status=ContactChild.Status.DECIDED).aggregate(
        waiting=Count("pk"),
        overdue=Count("pk", filter=Q(decision_due_at__lt=now)),
        due_soon=Count("pk", filter=soon),
    )
    return {
        **counts,
        "more_time": information_requests_pending(user=user).count()
        if has_perm(user, "contact.decide")
        else None,
        "strategy_to_record": StrategyDiscussion.objects.filter(
            recorded_at__isnull=True, held_at__lt=now
        ).count(),
    }
