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


def test_a_selection_is_read_once_within_shared_selection_and_afresh_outside():
    from lantern.timescales.shared import per_selection, shared_selection

    calls = []

    @per_selection
    def status(person_ids, today, calendar, **options):
        calls.append((person_ids, options))
        return {"read": len(calls)}

    team, other, calendar = [1, 2], [1, 2], object()
    with shared_selection():
        first = status(team, DAY, calendar)
        assert status(team, DAY, calendar) is first  # the same children: shared
        status(other, DAY, calendar)  # equal but another selection: read afresh
        status(team, date(2026, 12, 30), calendar)  # another day
        status(team, DAY, object())  # another calendar
        status(team, DAY, calendar, with_person=True)  # options: never shared
    status(team, DAY, calendar)
    status(team, DAY, calendar)  # outside the block: every call reads
    assert len(calls) == 7
