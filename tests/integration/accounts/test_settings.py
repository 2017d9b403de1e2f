"""Production settings fail loudly without their required variables and are secure with them."""

import os
import subprocess
import sys

import pytest

BASE = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_ENV": "production",
}
PROBE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
)


def run(env):
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {
        **BASE,
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "lantern.example",
        "DATABASE_URL": "postgres://u@127.0.0.1/lantern",
    }
    env.pop(missing)
    result = run(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_is_secure_when_configured():
    env = {
        **BASE,
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "lantern.example",
        "DATABASE_URL": "postgres://u@127.0.0.1/lantern",
    }
    result = run(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "False"]
