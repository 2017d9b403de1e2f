import pyotp
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_sign_in_lands_on_home(client, social_worker):
    response = sign_in(client, social_worker.username)
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert escape(social_worker.get_full_name()) in page and "Social worker" in page


def test_wrong_password_shows_govuk_error(client, social_worker):
    response = sign_in(client, social_worker.username, "wrong")
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a correct username and password" in page


def test_account_locks_after_repeated_failures(client, social_worker):
    for _ in range(5):
        sign_in(client, social_worker.username, "wrong")
    response = sign_in(client, social_worker.username)  # right password, but locked
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()


def test_pages_need_sign_in(client):
    response = client.get(reverse("people:search"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_sign_out_is_a_post(client, social_worker):
    client.force_login(social_worker)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get("/").status_code == 302


def test_totp_when_set_up_is_asked_after_password(client, social_worker):
    client.force_login(social_worker)
    client.get(reverse("accounts:totp_setup"))
    social_worker.refresh_from_db()
    code = pyotp.TOTP(social_worker.totp_secret).now()
    response = client.post(reverse("accounts:totp_setup"), {"code": code})
    assert response.status_code == 302
    social_worker.refresh_from_db()
    assert social_worker.totp_confirmed
    client.logout()
    client.force_login(social_worker)
    response = client.get(reverse("people:search"))
    assert response["Location"].startswith(reverse("accounts:totp_verify"))
    bad = client.post(reverse("accounts:totp_verify"), {"code": "000000"})
    assert "The code is not right" in bad.content.decode()
    good = client.post(
        reverse("accounts:totp_verify") + "?next=/people/",
        {"code": pyotp.TOTP(social_worker.totp_secret).now()},
    )
    assert good["Location"] == "/people/"
    assert client.get(reverse("people:search")).status_code == 200


@override_settings(LANTERN_REQUIRE_TOTP=True)
def test_required_totp_sends_everyone_to_set_up(client, social_worker):
    client.force_login(social_worker)
    response = client.get("/")
    assert response["Location"] == reverse("accounts:totp_setup")


def test_session_and_cookie_settings(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle expiry
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
