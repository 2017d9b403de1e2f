import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.common.audit import audit
from lantern.front_door.codes import (
    CLOSING_OUTCOMES,
    ConcernCategory,
    Outcome,
    PrimaryNeed,
)
from lantern.front_door.involvement import STATUSES
from lantern.front_door.models import ContactChild, Decision, Referral
from lantern.front_door.selectors import previous_referral
from lantern.front_door.services.common import check_text, expect_status, require_perm
from lantern.front_door.services.referrals import referral_create
from lantern.front_door.services.strategy import strategy_schedule
from lantern.language.services import language_scan
from lantern.people.chronology import chronology_record
from lantern.people.involvement import involvements
from lantern.people.selectors import record_ids
from lantern.people.services.person import by_user

# Concerns that point to a risk of significant harm: closing without an assessment leaves the
# risk unassessed (FD8).
RISK_CATEGORIES = {
    ConcernCategory.PHYSICAL,
    ConcernCategory.SEXUAL,
    ConcernCategory.CSE,
    ConcernCategory.CCE,
    ConcernCategory.TRAFFICKING,
    ConcernCategory.FGM,
    ConcernCategory.DOMESTIC_ABUSE,
}


def fd8_concerns(item: ContactChild) -> list[str]:
    """Why closing or stepping down this child now may leave risk unknown (finding FD8): a
    referral in the last 12 months, an open referral or assessment, an open plan or care
    episode, risk factors that have not been assessed, or a threshold judged above early help.
    Empty when none apply."""
    ids = record_ids(item.person)
    received = item.contact.received_on
    concerns = []
    previous = previous_referral(ids, received)
    if previous is not None:
        concerns.append(
            f"Referred within the last 12 months (on {previous.referral_date:%-d %B %Y}): "
            "a re-referral for similar concerns"
        )
    open_referrals = Referral.objects.filter(person_id__in=ids, closure_date__isnull=True)
    if open_referrals.exists():
        concerns.append("Has an open referral to children's social care (assessment or plan)")
    involved = involvements(ids)
    current = [
        i
        for pid in ids
        for i in involved.get(pid, [])
        if i.current and i.status and i.status != "Open case" and i.status not in STATUSES
    ]
    for involvement in current:
        concerns.append(f"Currently {involvement.label}")
    risks = sorted(
        ConcernCategory(c).label.lower()
        for c in item.contact.concerns.values_list("category", flat=True)
        if c in RISK_CATEGORIES
    )
    if risks:
        concerns.append("Risk factors not yet assessed: " + ", ".join(risks))
    screening = getattr(item, "screening", None)
    if screening is not None and screening.threshold and screening.threshold.level >= 3:
        concerns.append(
            f"Screened at level {screening.threshold.level} ({screening.threshold.name})"
        )
    return concerns


@transaction.atomic
def decision_record(
    *,
    by,
    contact_child: ContactChild,
    outcome: str,
    rationale: str,
    direction: str,
    direction_owner: str,
    direction_due: datetime.date,
    override_reason: str = "",
    primary_need: str = "",
    strategy_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Decision:
    """The manager's decision for one child on a contact (FD5), with a rationale and a
    direction. Closing or stepping down while FD8 concerns stand needs an override with a
    reason. A referral outcome opens a referral (CIN details) dated the day the contact was
    received; a strategy discussion outcome also schedules the discussion."""
    require_perm(by, "contact.decide")
    now = now or timezone.now()
    item = (
        ContactChild.objects.select_for_update()
        .select_related("contact", "person")
        .get(pk=contact_child.pk)
    )
    expect_status(item, ContactChild.Status.SCREENED, ContactChild.Status.MORE_INFORMATION)
    screening = getattr(item, "screening", None)
    if screening is None or not screening.history_summary:
        raise ValidationError("The child's history must be summarised before a decision (FD7)")
    if not screening.recommendation:
        raise ValidationError("The worker's screening and recommendation must be recorded first")
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = "Select the decision"
    if not rationale.strip():
        errors["rationale"] = "Explain the decision"
    if not direction.strip():
        errors["direction"] = "Say what must be gathered or done next"
    if not direction_owner.strip():
        errors["direction_owner"] = "Say who will do it"
    if direction_due < timezone.localdate(now):
        errors["direction_due"] = "The date must be today or in the future"
    referral_outcome = outcome in (Outcome.ASSESSMENT, Outcome.STRATEGY)
    if referral_outcome and primary_need not in PrimaryNeed.values:
        errors["primary_need"] = "Select the child's primary need"
    if outcome == Outcome.STRATEGY:
        if strategy_at is None:
            errors["strategy_at"] = "Enter when the strategy discussion will be held"
        elif strategy_at < item.contact.received_at:
            errors["strategy_at"] = "The strategy discussion cannot be before the contact"
    if errors:
        raise ValidationError(errors)
    check_text(rationale=rationale, direction=direction, override_reason=override_reason)
    concerns = fd8_concerns(item) if outcome in CLOSING_OUTCOMES else []
    if concerns and not override_reason.strip():
        raise ValidationError(
            {
                "override_reason": "This outcome closes or steps down while there are concerns "
                "(listed above): give your reason for deciding it anyway, or choose another "
                "outcome"
            }
        )
    referral = None
    if referral_outcome:
        referral = referral_create(
            by=by,
            person=item.person,
            referral_date=item.contact.received_on,
            source=item.contact.source,
            primary_need=primary_need,
            today=timezone.localdate(now),
        )
    decision = Decision(
        contact_child=item,
        outcome=outcome,
        rationale=rationale.strip(),
        direction=direction.strip(),
        direction_owner=direction_owner.strip(),
        direction_due=direction_due,
        agrees_with_recommendation=outcome == screening.recommendation,
        concerns=concerns,
        override_reason=override_reason.strip() if concerns else "",
        decided_by=by,
        decided_at=now,
        referral=referral,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    decision.full_clean()
    decision.save()
    item.status = ContactChild.Status.DECIDED
    item.decided_at = now
    item.updated_by = by_user(by)
    item.save()
    if outcome == Outcome.STRATEGY:
        strategy_schedule(by=by, referral=referral, held_at=strategy_at, reason=rationale)
    chronology_record(
        person=item.person,
        kind="front_door_decision",
        summary=f"Decision: {Outcome(outcome).label}"
        + ("" if decision.agrees_with_recommendation else " (differs from the recommendation)")
        + (" — concerns overridden" if decision.override_reason else ""),
        occurred_on=timezone.localdate(now),
        occurred_at=now,
        by=by,
        source=item,
    )
    language_scan(
        by=by,
        person=item.person,
        source=decision,
        texts={
            "rationale": decision.rationale,
            "direction": decision.direction,
            "override_reason": decision.override_reason,
        },
        label=f"Decision on contact {item.contact.reference}",
        url=reverse("front_door:contact", args=[item.contact_id]),
    )
    audit(
        by=by,
        action="contact.decided",
        target=decision,
        person=item.person,
        reason=rationale,
        detail={
            "outcome": outcome,
            "recommendation": screening.recommendation,
            "concerns": concerns,
            "override_reason": decision.override_reason,
            "on_time": now <= item.decision_due_at,
        },
    )
    return decision
