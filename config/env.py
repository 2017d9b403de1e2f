"""Reading settings from the environment, failing loudly where production needs a value."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None, *, required_in_production: bool = False) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if required_in_production and is_production():
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_ENV=production (see .env.example)."
        )
    if default is None:
        raise ImproperlyConfigured(f"{name} must be set (see .env.example).")
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def is_production() -> bool:
    return os.environ.get("DJANGO_ENV", "development") == "production"
