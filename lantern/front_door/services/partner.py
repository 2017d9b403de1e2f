"""A partner agency's multi-agency referral: the children are described, not chosen from
records (partners cannot search), so each is matched to a known person or recorded anew."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.front_door.models import Contact
from lantern.front_door.services.common import require_perm
from lantern.front_door.services.contacts import contact_create
from lantern.people.matching.search import search
from lantern.people.models import Person
from lantern.people.services import person_create

CHILD_FIELDS = {
    "first_name",
    "last_name",
    "date_of_birth",
    "expected_date_of_birth",
    "sex",
    "nhs_number",
    "address_line1",
    "address_town",
    "address_postcode",
}


def match_child(child: dict) -> tuple[Person | None, str]:
    """The known person this description is, when the search is sure: one strong match and
    no other strong one. Otherwise None (a new record is made, and the duplicate finder and the
    front-door worker have the last word)."""
    dob = child.get("date_of_birth") or child.get("expected_date_of_birth")
    matches = search(
        name=f"{child.get('first_name', '')} {child['last_name']}",
        dob=dob.isoformat() if dob else "",
        postcode=child.get("address_postcode", ""),
        nhs_number=child.get("nhs_number", ""),
        limit=5,
        queryset=Person.objects.filter(merged_into__isnull=True),
    )
    strong = [m for m in matches if m.band == "strong"]
    if len(strong) == 1:
        m = strong[0]
        return m.person, (
            f"Matched to {m.person.person_id} (score {m.score:.2f}: {'; '.join(m.reasons)})"
        )[:300]
    if len(strong) > 1:
        return None, "New record: more than one close match, so none was chosen — check"
    return None, "New record: no known child matched"


def _clean_child(n: int, child: dict) -> dict:
    unknown = set(child) - CHILD_FIELDS
    if unknown:
        raise TypeError(f"Unknown child fields {sorted(unknown)}")
    errors = {}
    if not (child.get("last_name") or "").strip():
        errors["children"] = f"Child {n}: enter their last name"
    dob = child.get("date_of_birth")
    if dob and dob > timezone.localdate():
        errors["children"] = f"Child {n}: the date of birth cannot be in the future"
    if dob and dob < timezone.localdate() - datetime.timedelta(days=366 * 19):
        errors["children"] = f"Child {n}: a referral is for a child under 18"
    if errors:
        raise ValidationError(errors)
    return {k: v for k, v in child.items() if v not in (None, "")}


@transaction.atomic
def partner_referral_submit(
    *,
    by,
    children: Sequence[dict],
    channel: str = "form",
    received_at: datetime.datetime | None = None,
    **contact_fields,
) -> Contact:
    """Record a partner's referral: match or record each child, then the contact."""
    require_perm(by, "contact.submit")
    if not children:
        raise ValidationError({"children": "Add the child or children you are worried about"})
    cleaned = [_clean_child(n, c) for n, c in enumerate(children, 1)]
    people, notes = [], []
    for child in cleaned:
        person, note = match_child(child)
        if person is None:
            address = None
            if child.get("address_line1") or child.get("address_postcode"):
                address = {
                    "line1": child.get("address_line1", ""),
                    "town": child.get("address_town", ""),
                    "postcode": child.get("address_postcode", ""),
                }
            details = {
                k: child[k]
                for k in (
                    "first_name",
                    "last_name",
                    "date_of_birth",
                    "expected_date_of_birth",
                    "sex",
                    "nhs_number",
                )
                if k in child
            }
            person = person_create(by=by, details=details, address=address)
        people.append(person)
        notes.append(note)
    contact = contact_create(
        by=by,
        children=people,
        channel=channel,
        received_at=received_at or timezone.now(),
        submitted_by=by,
        **contact_fields,
    )
    for item in contact.children.all():
        n = people.index(item.person)
        item.match_note = notes[n]
        typed = cleaned[n]
        item.described_as = " ".join(
            p for p in (typed.get("first_name", ""), typed["last_name"]) if p
        )[:200]
        item.save(update_fields=["match_note", "described_as"])
    return contact
