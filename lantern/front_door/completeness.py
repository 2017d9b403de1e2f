"""How complete a contact is against the multi-agency referral form's required information
(finding FD3). One list of requirements, used for the score, for telling the worker what is
missing, and for the per-agency indicator."""

from dataclasses import dataclass

from lantern.front_door.codes import Consent

# A concern described in fewer characters than this is not enough to act on.
MIN_CONCERN_LENGTH = 80


@dataclass(frozen=True)
class Requirement:
    code: str
    label: str


REQUIREMENTS = [
    Requirement("child_identified", "Each child's name and date of birth"),
    Requirement("child_address", "Where each child lives"),
    Requirement("referrer", "The referrer's name and organisation"),
    Requirement("referrer_contact", "How to contact the referrer (phone or email)"),
    Requirement("concern", f"The concern described in detail ({MIN_CONCERN_LENGTH}+ characters)"),
    Requirement("categories", "What kind of concern it is"),
    Requirement("actions", "What the referrer has already done"),
    Requirement("consent", "Whether consent was sought, and the reason if not"),
]


def missing(*, contact, children) -> list[Requirement]:
    """The requirements `contact` (saved or not) does not meet. `children` are the people it
    concerns; each is expected to carry `has_address` (bool)."""
    categories = getattr(contact, "_categories", None)
    if categories is None:
        categories = [c.category for c in contact.concerns.all()]
    present = {
        "child_identified": bool(children)
        and all(c.first_name and (c.date_of_birth or c.expected_date_of_birth) for c in children),
        "child_address": bool(children) and all(getattr(c, "has_address", False) for c in children),
        "referrer": bool(contact.referrer_name and contact.referrer_organisation),
        "referrer_contact": bool(contact.referrer_phone or contact.referrer_email),
        "concern": len(contact.concern.strip()) >= MIN_CONCERN_LENGTH,
        "categories": bool(categories),
        "actions": bool(contact.referrer_actions.strip()),
        "consent": contact.consent in (Consent.GIVEN, Consent.REFUSED)
        or (contact.consent == Consent.NOT_SOUGHT and bool(contact.consent_not_sought_reason)),
    }
    return [r for r in REQUIREMENTS if not present[r.code]]


def score(*, contact, children) -> int:
    """Per cent of the requirements met, 0–100."""
    gaps = len(missing(contact=contact, children=children))
    return round(100 * (len(REQUIREMENTS) - gaps) / len(REQUIREMENTS))
