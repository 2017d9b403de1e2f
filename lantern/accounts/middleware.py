"""Two-factor sign-in: a user with TOTP set up (or everyone, when LANTERN_REQUIRE_TOTP is on)
must enter a code before reaching any page."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "lantern_2fa_verified"
_OPEN_PREFIXES = ("/accounts/", "/static/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.session.get(SESSION_KEY)
            and not request.path.startswith(_OPEN_PREFIXES)
            and not request.path.startswith("/api/")
        ):
            if user.totp_confirmed:
                return redirect(f"{reverse('accounts:totp_verify')}?next={request.path}")
            if settings.LANTERN_REQUIRE_TOTP:
                return redirect(reverse("accounts:totp_setup"))
        return self.get_response(request)
