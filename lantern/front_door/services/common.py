"""Small pieces the front door's services share."""

from django.core.exceptions import ValidationError

from lantern.accounts.permissions import has_perm
from lantern.common.errors import TransitionError

# Free text is limited so a runaway paste or an integration's bug cannot fill the database;
# 20,000 characters is several pages of a referral.
MAX_TEXT = 20_000


def require_perm(by, permission: str) -> None:
    """Services that need a particular role refuse others, whoever calls them. The generator and
    imports act as the system (an unauthenticated or inactive user) and are trusted."""
    if getattr(by, "is_authenticated", False) and by.is_active and not has_perm(by, permission):
        raise ValidationError("You do not have permission to do this")


def check_text(**fields: str) -> None:
    errors = {
        name: f"Keep this to {MAX_TEXT:,} characters or fewer"
        for name, value in fields.items()
        if value and len(value) > MAX_TEXT
    }
    if errors:
        raise ValidationError(errors)


def expect_status(obj, *allowed: str) -> None:
    if obj.status not in allowed:
        raise TransitionError(
            f"This cannot be done while the contact is '{obj.get_status_display()}'"
        )
