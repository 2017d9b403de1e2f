"""Within one web request the calendar and rule settings are read once; a change made in the
request is seen by the rest of it; outside a request every read is fresh."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.timescales import services
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import load_rule_settings
from lantern.timescales.models import LocalClosureDay
from lantern.timescales.shared import shared_reads

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 29)


def test_one_read_per_request_and_a_change_is_seen(manager):
    with shared_reads():
        with CaptureQueriesContext(connection) as reads:
            first = get_calendar()
            assert get_calendar() is first
            load_rule_settings()
            load_rule_settings()
        assert len(reads.captured_queries) == 2
        assert first.is_working_day(DAY)
        services.closure_day_add(by=manager, date=DAY, reason="Council closed")
        assert not get_calendar().is_working_day(DAY)


def test_outside_a_request_every_read_is_fresh(manager):
    assert get_calendar() is not get_calendar()
    LocalClosureDay.objects.create(date=DAY, reason="Council closed")
    assert not get_calendar().is_working_day(DAY)


def test_each_page_load_reads_the_calendar_once(client, manager):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="social_worker"))
    with CaptureQueriesContext(connection) as page:
        client.get("/")
    calendar_reads = [q for q in page.captured_queries if "timescales_localclosureday" in q["sql"]]
    assert len(calendar_reads) <= 1
