"""Browser journeys: pytest-django's live_server driven by Playwright and Debian's Chromium.

Set LANTERN_REQUIRE_BROWSER (CI does) to make a missing Chromium a failure, not a skip;
LANTERN_CHROMIUM overrides the browser's path. Page helpers are in tests/functional/helpers.py.
"""

import importlib
import os
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from lantern.accounts.roles import Role
from tests.factories import UserFactory


class OneRequestAtATime(WSGIServer):
    """The live server answers one request at a time. On SQLite the test database is in memory
    and the server shares the test's single connection, so two requests at once (a page's
    background fetch — the language hint, an autosave — racing a form post) would interleave
    their transactions on it and break both. A real deployment has a connection per worker."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override


LiveServerThread.server_class = OneRequestAtATime

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("LANTERN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home, flooding a closed network with refusals.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.functional)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not installed at {CHROMIUM}: apt-get install -y chromium"
        if os.environ.get("LANTERN_REQUIRE_BROWSER"):
            pytest.fail(f"{message} (LANTERN_REQUIRE_BROWSER is set: browser tests must run)")
        pytest.skip("Chromium not installed: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django's ORM refuses
    # to run beside one unless told: allowed while the browser is up, then the guard is back.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.lantern_call_failed = report.failed
    return report


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Every page that loads must be scanned before the next one does (helpers.assert_accessible).
    page.lantern_loads, page.lantern_scanned = [], set()
    page.on("load", lambda loaded: loaded.lantern_loads.append(loaded.url))
    yield page
    context.close()
    if getattr(request.node, "lantern_call_failed", True):
        return  # the failure says enough
    unscanned = [
        url for n, url in enumerate(page.lantern_loads, 1) if n not in page.lantern_scanned
    ]
    assert not unscanned, f"pages loaded but not scanned with axe: {unscanned}"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 costs most of a second per sign-in here; the journeys are not testing hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(transactional_db):
    """make_user("team_manager", first_name="Priya"); they sign in with helpers.PASSWORD."""

    def make(role: str, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def head_of_service(make_user):
    return make_user(Role.HEAD_OF_SERVICE)


@pytest.fixture(autouse=True)
def _data_migration_rows(transactional_db):
    """Journeys run on a transactional database that is emptied afterwards, data migrations'
    rows included: put back what the application expects (the default threshold levels) the
    way the migration adds them."""
    from django.apps import apps

    importlib.import_module("lantern.front_door.migrations.0002_default_thresholds").add_levels(
        apps, None
    )
    importlib.import_module("lantern.language.migrations.0002_default_phrases").add_phrases(
        apps, None
    )
