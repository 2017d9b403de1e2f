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


def _pg_options(**extra):
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(repr(s.DATABASES['default'].get('OPTIONS', {}).get('options')))"
    )
    env = {**BASE, "DJANGO_ENV": "development", **extra}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    return result


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({}, "'-c random_page_cost=1.1'"),
        ({"LANTERN_PG_RANDOM_PAGE_COST": "2"}, "'-c random_page_cost=2'"),
        ({"LANTERN_PG_RANDOM_PAGE_COST": ""}, "None"),
    ],
)
def test_postgresql_sessions_plan_for_ssd_unless_told_otherwise(extra, expected):
    result = _pg_options(DATABASE_URL="postgres://u@127.0.0.1/lantern", **extra)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_mistyped_page_cost_stops_the_start():
    result = _pg_options(
        DATABASE_URL="postgres://u@127.0.0.1/lantern", LANTERN_PG_RANDOM_PAGE_COST="fast"
    )
    assert result.returncode != 0
    assert "could not convert" in result.stderr


def test_sqlite_has_no_postgresql_options():
    result = _pg_options(DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"
