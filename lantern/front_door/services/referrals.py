import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.front_door.codes import PrimaryNeed, ReasonForClosure, ReferralSource
from lantern.front_door.models import Referral
from lantern.front_door.services.common import require_perm
from lantern.people.chronology import chronology_record
from lantern.people.models import Person
from lantern.people.services.person import by_user


@transaction.atomic
def referral_create(
    *,
    by,
    person: Person,
    referral_date: datetime.date,
    source: str,
    primary_need: str,
    today: datetime.date | None = None,
) -> Referral:
    """Open a referral (CIN census "CIN details") on the child."""
    today = today or datetime.date.today()
    errors = {}
    if referral_date > today:
        errors["referral_date"] = "The referral date cannot be in the future"
    if source not in ReferralSource.values:
        errors["source"] = f"Unknown referral source code {source!r}"
    if primary_need not in PrimaryNeed.values:
        errors["primary_need"] = "Select the child's primary need"
    if errors:
        raise ValidationError(errors)
    referral = Referral(
        person=person,
        referral_date=referral_date,
        source=source,
        primary_need=primary_need,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    referral.full_clean()
    referral.save()
    chronology_record(
        person=person,
        kind="referral",
        summary=f"Referral to children's social care ({PrimaryNeed(primary_need).label})",
        occurred_on=referral_date,
        by=by,
        source=referral,
    )
    audit(by=by, action="referral.created", target=referral, person=person)
    return referral


@transaction.atomic
def referral_close(
    *,
    by,
    referral: Referral,
    closure_date: datetime.date,
    reason: str,
    nfa: bool = False,
    chronology: bool = True,
) -> Referral:
    """Close the episode of need with the CIN census closure reason. `chronology=False` when
    the caller records the closure on the child's chronology itself (a closure approval says
    who approved it and whether the checks were overridden)."""
    require_perm(by, "strategy.record")
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.closure_date is not None:
        raise ValidationError("This referral is already closed")
    if reason not in ReasonForClosure.values:
        raise ValidationError({"reason": "Select the reason for closure"})
    if closure_date < referral.referral_date:
        raise ValidationError({"closure_date": "The closure date cannot be before the referral"})
    referral.closure_date = closure_date
    referral.closure_reason = reason
    referral.nfa = nfa
    referral.updated_by = by_user(by)
    referral._change_reason = ReasonForClosure(reason).label
    referral.full_clean()
    referral.save()
    if chronology:
        chronology_record(
            person=referral.person,
            kind="referral",
            summary=f"Referral closed: {ReasonForClosure(reason).label}",
            occurred_on=closure_date,
            by=by,
            source=referral,
        )
    audit(by=by, action="referral.closed", target=referral, person=referral.person, reason=reason)
    return referral
