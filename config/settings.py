"""Lantern's one settings module, driven by environment variables (see .env.example).

DJANGO_ENV is "development" (default), "test" or "production". Production refuses to start
without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url

from config.env import env_bool, env_int, env_list, env_str, is_production

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DJANGO_ENV = env_str("DJANGO_ENV", "development")
PRODUCTION = is_production()

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me", required_in_production=True)
DEBUG = env_bool("DEBUG", default=DJANGO_ENV == "development")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    env_str("ALLOWED_HOSTS", required_in_production=True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "simple_history",
    "axes",
    "lantern.common",
    "lantern.accounts",
    "lantern.timescales",
    "lantern.people",
    "lantern.front_door",
    "lantern.plans",
    "lantern.language",
    "lantern.assessments",
    "lantern.casenotes",
    "lantern.child_protection",
    "lantern.closure",
    "lantern.children_in_care",
    "lantern.worklists",
    "lantern.checks",
    "lantern.api",
    "lantern.synthetic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lantern.timescales.shared.SharedReadsMiddleware",
    "lantern.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serves the collected static files (collectstatic) from the app server in production.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lantern.accounts.context_processors.navigation",
            ],
        },
    },
]
# GOV.UK markup for every form field comes from our own templates in templates/django/forms/.
FORM_RENDERER = "lantern.common.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'lantern.sqlite3'}",
            required_in_production=True,
        ),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60 if PRODUCTION else 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's planner assumes by default that reading a row through an index costs four
    # times a sequential read (random_page_cost 4, from the days of spinning disks). Lantern's
    # working set is in memory or on SSD, where the usual setting is 1.1; at 4 the planner
    # scans whole tables (every contact, every decision) to answer a team's 200 children, and a
    # team's work list spends twice as long in the database (measured: 41 → 20 ms). Set for
    # Lantern's own sessions only; LANTERN_PG_RANDOM_PAGE_COST="" leaves the server's value, and
    # options given in DATABASE_URL win.
    _page_cost = os.environ.get("LANTERN_PG_RANDOM_PAGE_COST", "1.1").strip()  # "" allowed
    if _page_cost:
        float(_page_cost)  # a typo fails at start-up, not as a PostgreSQL error on connect
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "options", f"-c random_page_cost={_page_cost}"
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes' backend refuses locked-out accounts; Django's ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Account lockout (django-axes): lock a username after repeated failures.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# We lock the account (username) whatever the address it is tried from, so rotating IP addresses
# or user agents does not get round the lockout; axes warns about IP-less lockout regardless.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Optional two-factor sign-in with a TOTP app; when true every user must set it up.
LANTERN_REQUIRE_TOTP = env_bool("LANTERN_REQUIRE_TOTP", default=False)

# Sessions end after a period of inactivity.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["lantern.api.permissions.HasDeclaredPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lantern API",
    "DESCRIPTION": "Children's social care case management: people, chronology, practice checks.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["lantern.api.permissions.HasDeclaredPermission"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# The local authority Lantern serves (ONS and DfE codes); used by returns and the generator.
LANTERN_LA_NAME = env_str("LANTERN_LA_NAME", "North East Lincolnshire")
LANTERN_LA_ONS_CODE = env_str("LANTERN_LA_ONS_CODE", "E06000012")
LANTERN_LA_DFE_CODE = env_str("LANTERN_LA_DFE_CODE", "812")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
