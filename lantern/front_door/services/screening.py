import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.permissions import has_perm
from lantern.common.audit import audit
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.codes import Outcome, ReferralSource
from lantern.front_door.models import (
    ContactChild,
    InformationRequest,
    PartnerCheck,
    Screening,
    Threshold,
)
from lantern.front_door.services.common import check_text, expect_status, require_perm
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.services.person import by_user

OPEN = (ContactChild.Status.AWAITING, ContactChild.Status.MORE_INFORMATION)
UNCHECKED = object()


def _lock(item: ContactChild) -> ContactChild:
    return (
        ContactChild.objects.select_for_update().select_related("contact", "person").get(pk=item.pk)
    )


@transaction.atomic
def history_summary_record(
    *,
    by,
    contact_child: ContactChild,
    summary: str,
    shown: list[dict],
    re_referral: bool,
    now: datetime.datetime | None = None,
    seen_updated_at=UNCHECKED,
) -> Screening:
    """The worker's summary of the child's history, kept with the history they were shown
    (FD7). Required before a recommendation or decision; can be rewritten until screened.

    `seen_updated_at` is the summary's `updated_at` when the writer opened the page (None if
    there was none): if someone else has written one since, nothing is saved and
    ConcurrentEditError is raised."""
    require_perm(by, "contact.screen")
    item = _lock(contact_child)
    expect_status(item, *OPEN)
    if seen_updated_at is not UNCHECKED:
        current = Screening.objects.filter(contact_child=item).values_list("updated_at", flat=True)
        if (current[0] if current else None) != seen_updated_at:
            raise ConcurrentEditError()
    if len(summary.strip()) < 20:
        raise ValidationError(
            {"summary": "Write a summary of the child's history (at least 20 characters)"}
        )
    check_text(summary=summary)
    screening, created = Screening.objects.get_or_create(
        contact_child=item,
        defaults={"history_summary": summary.strip(), "created_by": by_user(by)},
    )
    screening.history_summary = summary.strip()
    screening.history_shown = shown
    screening.re_referral = re_referral
    screening.updated_by = by_user(by)
    screening.full_clean()
    screening.save()
    if created:
        chronology_record(
            person=item.person,
            kind="screening",
            summary="History considered at screening"
            + (" (re-referral within 12 months)" if re_referral else ""),
            occurred_on=timezone.localdate(now),
            by=by,
            source=item,
        )
    audit(
        by=by,
        action="screening.history_summarised",
        target=screening,
        person=item.person,
        detail={"people_shown": len(shown), "re_referral": re_referral},
    )
    return screening


@transaction.atomic
def screening_record(
    *,
    by,
    contact_child: ContactChild,
    threshold: Threshold,
    threshold_rationale: str,
    recommendation: str,
    recommendation_rationale: str,
    now: datetime.datetime | None = None,
) -> Screening:
    """The threshold level judged against the local descriptors with a rationale (FD4), and
    the worker's recommendation. The history summary must come first (FD7)."""
    require_perm(by, "contact.screen")
    item = _lock(contact_child)
    expect_status(item, *OPEN)
    screening = Screening.objects.filter(contact_child=item).first()
    if screening is None or not screening.history_summary:
        raise ValidationError("Write the history summary before recording the screening")
    errors = {}
    if not threshold_rationale.strip():
        errors["threshold_rationale"] = "Explain why the child's needs are at this level"
    if recommendation not in Outcome.values:
        errors["recommendation"] = "Select your recommendation"
    if not recommendation_rationale.strip():
        errors["recommendation_rationale"] = "Explain your recommendation"
    if errors:
        raise ValidationError(errors)
    check_text(
        threshold_rationale=threshold_rationale, recommendation_rationale=recommendation_rationale
    )
    now = now or timezone.now()
    screening.threshold = threshold
    screening.threshold_rationale = threshold_rationale.strip()
    screening.recommendation = recommendation
    screening.recommendation_rationale = recommendation_rationale.strip()
    screening.screened_at = now
    screening.screened_by = by_user(by)
    screening.updated_by = by_user(by)
    screening.full_clean()
    screening.save()
    item.status = ContactChild.Status.SCREENED
    item.updated_by = by_user(by)
    item.save()
    chronology_record(
        person=item.person,
        kind="screening",
        summary=f"Screened at level {threshold.level} ({threshold.name}); recommended "
        f"{Outcome(recommendation).label.lower()}",
        occurred_on=timezone.localdate(now),
        occurred_at=now,
        by=by,
        source=item,
    )
    language_scan(
        by=by,
        person=item.person,
        source=screening,
        texts={
            "history_summary": screening.history_summary,
            "threshold_rationale": screening.threshold_rationale,
            "recommendation_rationale": screening.recommendation_rationale,
        },
        label=f"Screening of contact {item.contact.reference}",
        url=reverse("front_door:screen", args=[item.pk]),
    )
    audit(
        by=by,
        action="screening.recorded",
        target=screening,
        person=item.person,
        detail={"threshold": threshold.level, "recommendation": recommendation},
    )
    return screening


def partner_check_summary(check: PartnerCheck) -> str:
    who = check.organisation or check.get_agency_display()
    asked = " — asked to speak to the child" if check.asked_to_speak_to_child else ""
    return f"Checked with {who} at screening{asked}"


@transaction.atomic
def partner_check_add(
    *,
    by,
    contact_child: ContactChild,
    agency: str,
    checked_on: datetime.date,
    learned: str,
    organisation: str = "",
    asked_to_speak_to_child: bool = False,
    today: datetime.date | None = None,
) -> PartnerCheck:
    """A further check made with a partner agency: who, when, what was learned."""
    require_perm(by, "contact.screen")
    item = _lock(contact_child)
    expect_status(item, *OPEN)
    today = today or timezone.localdate()
    errors = {}
    if agency not in ReferralSource.values:
        errors["agency"] = "Select the agency"
    if checked_on > today:
        errors["checked_on"] = "The date of the check cannot be in the future"
    elif checked_on < item.contact.received_on:
        errors["checked_on"] = "The check cannot be before the contact was received"
    if not learned.strip():
        errors["learned"] = "Enter what the agency told you"
    if errors:
        raise ValidationError(errors)
    check_text(learned=learned)
    check = PartnerCheck(
        contact_child=item,
        agency=agency,
        organisation=organisation.strip(),
        checked_on=checked_on,
        learned=learned.strip(),
        asked_to_speak_to_child=asked_to_speak_to_child,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    check.full_clean()
    check.save()
    chronology_record(
        person=item.person,
        kind="screening",
        summary=partner_check_summary(check),
        occurred_on=checked_on,
        by=by,
        source=item,
    )
    audit(
        by=by,
        action="screening.partner_check_added",
        target=check,
        person=item.person,
        detail={"agency": agency, "asked_to_speak_to_child": asked_to_speak_to_child},
    )
    return check


def _apply(item: ContactChild, request: InformationRequest, by) -> None:
    item.status = ContactChild.Status.MORE_INFORMATION
    item.decision_due_at = request.proposed_due_at
    item.updated_by = by_user(by)
    item.save()
    chronology_record(
        person=item.person,
        kind="screening",
        summary=f"More information needed; decision now due "
        f"{timezone.localtime(request.proposed_due_at):%-d %b %Y %H:%M}",
        occurred_on=timezone.localdate(),
        by=by,
        source=item,
    )


@transaction.atomic
def information_request(
    *,
    by,
    contact_child: ContactChild,
    reason: str,
    proposed_due_at: datetime.datetime,
    now: datetime.datetime | None = None,
) -> InformationRequest:
    """'More information needed' with a reason and a new due time (FD6). A manager's request
    is agreed at once; a worker's waits for a manager, and until then the clock still runs."""
    require_perm(by, "contact.screen")
    item = _lock(contact_child)
    expect_status(item, *OPEN, ContactChild.Status.SCREENED)
    now = now or timezone.now()
    errors = {}
    if not reason.strip():
        errors["reason"] = "Enter what information is needed and why"
    if proposed_due_at <= now:
        errors["proposed_due_at"] = "The new due time must be in the future"
    elif proposed_due_at <= item.decision_due_at:
        errors["proposed_due_at"] = "The new due time must be later than the current one"
    elif proposed_due_at > now + datetime.timedelta(days=14):
        errors["proposed_due_at"] = "The new due time must be within 14 days"
    if errors:
        raise ValidationError(errors)
    check_text(reason=reason)
    if item.information_requests.filter(agreed_at__isnull=True, declined_reason="").exists():
        raise ValidationError("A request for more time is already waiting for a manager")
    request = InformationRequest(
        contact_child=item,
        reason=reason.strip(),
        proposed_due_at=proposed_due_at,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    manager = getattr(by, "is_authenticated", False) and has_perm(by, "contact.decide")
    if manager:
        request.agreed_by, request.agreed_at = by, now
    request.full_clean()
    request.save()
    if manager:
        _apply(item, request, by)
    audit(
        by=by,
        action="screening.more_information_requested",
        target=request,
        person=item.person,
        reason=reason,
        detail={"proposed_due_at": proposed_due_at, "agreed": bool(manager)},
    )
    return request


@transaction.atomic
def information_request_agree(
    *, by, request: InformationRequest, now: datetime.datetime | None = None
) -> InformationRequest:
    require_perm(by, "contact.decide")
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if not request.pending:
        raise ValidationError("This request has already been answered")
    item = _lock(request.contact_child)
    expect_status(item, *OPEN, ContactChild.Status.SCREENED)
    request.agreed_by, request.agreed_at = by, now or timezone.now()
    request.updated_by = by_user(by)
    request.save()
    _apply(item, request, by)
    audit(by=by, action="screening.more_information_agreed", target=request, person=item.person)
    return request


@transaction.atomic
def information_request_decline(*, by, request: InformationRequest, reason: str):
    require_perm(by, "contact.decide")
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if not request.pending:
        raise ValidationError("This request has already been answered")
    if not reason.strip():
        raise ValidationError({"reason": "Explain why the decision cannot wait"})
    request.declined_reason = reason.strip()
    request.updated_by = by_user(by)
    request.save()
    audit(
        by=by,
        action="screening.more_information_declined",
        target=request,
        person=request.contact_child.person,
        reason=reason,
    )
    return request
