import pyotp
from django.db import transaction

from lantern.common.audit import audit


@transaction.atomic
def totp_begin(*, user) -> str:
    """Start two-factor set-up: a new secret, not yet confirmed."""
    user.totp_secret = pyotp.random_base32()
    user.totp_confirmed = False
    user.save(update_fields=["totp_secret", "totp_confirmed"])
    audit(by=user, action="account.totp_setup_started", target=user)
    return user.totp_secret


@transaction.atomic
def totp_confirm(*, user) -> None:
    user.totp_confirmed = True
    user.save(update_fields=["totp_confirmed"])
    audit(by=user, action="account.totp_confirmed", target=user)
