import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.front_door import completeness
from lantern.front_door.codes import (
    Channel,
    ConcernCategory,
    Consent,
    ConsentNotSoughtReason,
    ReferralSource,
)
from lantern.front_door.models import Contact, ContactChild, ContactConcern
from lantern.front_door.services.common import check_text
from lantern.people.chronology import chronology_record
from lantern.people.models import Address, Person
from lantern.people.services.person import by_user
from lantern.timescales.engine import due_at

REFERRER_FIELDS = ("organisation", "name", "role", "phone", "email")


def _clean(
    *,
    received_at: datetime.datetime,
    channel: str,
    source: str,
    concern: str,
    categories: Sequence[str],
    consent: str,
    consent_not_sought_reason: str,
    children: Sequence[Person],
    now: datetime.datetime,
) -> None:
    errors: dict[str, str] = {}
    if timezone.is_naive(received_at):
        raise ValueError("received_at must be an aware datetime")
    if received_at > now + datetime.timedelta(minutes=5):
        errors["received_at"] = "The date and time received must be now or in the past"
    if channel not in Channel.values:
        errors["channel"] = f"Unknown way the contact was made: {channel!r}"
    if source not in ReferralSource.values:
        errors["source"] = f"Unknown referral source code {source!r}"
    if not concern.strip():
        errors["concern"] = "Enter the concern in the referrer's words"
    unknown = [c for c in categories if c not in ConcernCategory.values]
    if unknown:
        errors["categories"] = f"Unknown concern category {unknown[0]!r}"
    if consent and consent not in Consent.values:
        errors["consent"] = f"Unknown consent answer {consent!r}"
    if consent_not_sought_reason and consent_not_sought_reason not in ConsentNotSoughtReason.values:
        errors["consent_not_sought_reason"] = f"Unknown reason {consent_not_sought_reason!r}"
    elif consent == Consent.NOT_SOUGHT and not consent_not_sought_reason:
        errors["consent_not_sought_reason"] = "Select why consent was not sought"
    elif consent != Consent.NOT_SOUGHT and consent_not_sought_reason:
        errors["consent_not_sought_reason"] = "Give a reason only when consent was not sought"
    if not children:
        errors["children"] = "Add the child or children the contact is about"
    elif len({c.pk for c in children}) != len(children):
        errors["children"] = "Each child can be added to a contact once"
    elif any(c.merged_into_id for c in children):
        errors["children"] = "One of the children's records was merged: use the record it joined"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def contact_create(
    *,
    by,
    received_at: datetime.datetime,
    channel: str,
    source: str,
    concern: str,
    children: Sequence[Person],
    categories: Sequence[str] = (),
    referrer: dict[str, str] | None = None,
    referrer_actions: str = "",
    consent: str = "",
    consent_not_sought_reason: str = "",
    consent_detail: str = "",
    immediate_risk: bool = False,
    submitted_by=None,
    now: datetime.datetime | None = None,
) -> Contact:
    """Record a contact about one or more children. Each child gets their own decision clock:
    one working day from receipt by default (the overridable `referral_decision` rule)."""
    now = now or timezone.now()
    referrer = dict(referrer or {})
    unknown = set(referrer) - set(REFERRER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown referrer fields {sorted(unknown)}")
    categories = list(dict.fromkeys(categories))
    children = list(children)
    _clean(
        received_at=received_at,
        channel=channel,
        source=source,
        concern=concern,
        categories=categories,
        consent=consent,
        consent_not_sought_reason=consent_not_sought_reason,
        children=children,
        now=now,
    )
    check_text(concern=concern, referrer_actions=referrer_actions, consent_detail=consent_detail)
    contact = Contact(
        received_at=received_at,
        channel=channel,
        source=source,
        concern=concern.strip(),
        referrer_actions=referrer_actions.strip(),
        consent=consent,
        consent_not_sought_reason=consent_not_sought_reason,
        consent_detail=consent_detail.strip(),
        immediate_risk=immediate_risk,
        submitted_by=by_user(submitted_by),
        created_by=by_user(by),
        updated_by=by_user(by),
        **{f"referrer_{k}": (v or "").strip() for k, v in referrer.items()},
    )
    contact._categories = categories
    with_address = set(
        Address.objects.filter(person__in=children, to_date__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    for child in children:
        child.has_address = child.pk in with_address
    contact.completeness = completeness.score(contact=contact, children=children)
    contact.full_clean()
    contact.save()
    ContactConcern.objects.bulk_create(
        [ContactConcern(contact=contact, category=c) for c in categories]
    )
    due = due_at("referral_decision", received_at)
    labels = ", ".join(ConcernCategory(c).label.lower() for c in categories) or "no category"
    for child in children:
        item = ContactChild(
            contact=contact,
            person=child,
            decision_due_at=due,
            created_by=by_user(by),
            updated_by=by_user(by),
        )
        item.full_clean()
        item.save()
        chronology_record(
            person=child,
            kind="contact",
            summary=f"Contact from {ReferralSource(source).label} ({labels})",
            occurred_on=timezone.localdate(received_at),
            occurred_at=received_at,
            by=by,
            source=contact,
        )
    audit(
        by=by,
        action="contact.created",
        target=contact,
        person=children[0] if len(children) == 1 else None,
        detail={
            "children": [c.pk for c in children],
            "channel": channel,
            "source": source,
            "completeness": contact.completeness,
        },
    )
    return contact
