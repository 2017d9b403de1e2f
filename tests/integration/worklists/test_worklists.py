"""The worker's and team manager's home pages: children, what is due, checks, caseloads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.people.models import Allocation, Person
from lantern.timescales.engine import Status
from lantern.worklists import registry
from lantern.worklists.registry import WorkItem, work_items
from lantern.worklists.selectors import caseload_overview

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_provider():
    """A provider that says each child has one overdue item and one due in 3 days."""
    today = timezone.localdate()

    def provider(person_ids, today_, calendar):
        out = []
        # person_ids may be SQL (a Selection), as the real providers use it.
        chosen = Person.objects.filter(pk__in=person_ids) if person_ids is not None else []
        for pid in [p.pk for p in chosen]:
            out.append(
                WorkItem(
                    pid,
                    "test",
                    "Test visit",
                    today - datetime.timedelta(days=2),
                    Status.OVERDUE,
                    "/x/",
                    "Overdue by 2 days",
                )
            )
            out.append(
                WorkItem(
                    pid,
                    "test",
                    "Test review",
                    today + datetime.timedelta(days=3),
                    Status.NOT_YET_DUE,
                    "/y/",
                    "Due in 3 days",
                )
            )
            out.append(
                WorkItem(
                    pid,
                    "test",
                    "Far off",
                    today + datetime.timedelta(days=60),
                    Status.NOT_YET_DUE,
                    "/z/",
                    "Due in 60 days",
                )
            )
        return out

    registry.PROVIDERS.append(provider)
    yield provider
    registry.PROVIDERS.remove(provider)


def allocate(person, worker, team):
    return Allocation.objects.create(
        person=person, worker=worker, team=team, start_date=datetime.date(2026, 1, 5)
    )


def test_work_items_sorted_and_empty_list_is_empty(fake_provider, child):
    today = timezone.localdate()
    assert work_items([], today=today) == []
    items = [i for i in work_items([child.pk], today=today) if i.kind == "test"]
    assert [i.title for i in items] == ["Test visit", "Test review", "Far off"]


def test_worker_overview_splits_overdue_and_upcoming(
    fake_provider, social_worker, team, person_maker
):
    a = person_maker(first_name="Ann", last_name="Able")
    b = person_maker(first_name="Ben", last_name="Bold")
    allocate(a, social_worker, team)
    allocate(b, social_worker, team)
    work = caseload_overview(today=timezone.localdate(), worker=social_worker)
    assert [c.person_id for c in work.children] == [a.pk, b.pk]
    assert [i.title for i, _ in work.overdue if i.kind == "test"] == ["Test visit", "Test visit"]
    # The item 60 days off is not in the fortnight.
    assert {i.title for i, _ in work.upcoming if i.kind == "test"} == {"Test review"}


def test_team_overview_counts_caseload_per_worker(fake_provider, user_for, team, person_maker):
    w1, w2 = user_for(Role.SOCIAL_WORKER), user_for(Role.SOCIAL_WORKER)
    for n in range(3):
        allocate(person_maker(first_name=f"C{n}", last_name="One"), w1, team)
    allocate(person_maker(first_name="D", last_name="Two"), w2, team)
    work = caseload_overview(today=timezone.localdate(), team_id=team.pk)
    loads = {w.worker_id: w for w in work.workers}
    assert loads[w1.pk].children == 3 and loads[w2.pk].children == 1
    assert loads[w1.pk].overdue >= 3


def test_social_worker_home_shows_their_children_and_what_is_due(
    client, fake_provider, social_worker, team, person_maker
):
    mine = person_maker(first_name="Mine", last_name="Child")
    other = person_maker(first_name="Not", last_name="Mine")
    allocate(mine, social_worker, team)
    allocate(other, None, team)
    client.force_login(social_worker)
    html = client.get(reverse("home")).content.decode()
    assert "Your children" in html
    assert "Mine Child" in html and "Not Mine" not in html
    assert "Test visit" in html and "Overdue by 2 days" in html


def test_team_manager_home_lists_workers_and_links_their_lists(
    client, fake_provider, manager, social_worker, team, person_maker
):
    allocate(person_maker(first_name="Team", last_name="Child"), social_worker, team)
    client.force_login(manager)
    html = client.get(reverse("home")).content.decode()
    assert "Caseload per worker" in html
    url = reverse("worklists:worker", args=[social_worker.pk])
    assert url in html
    assert "Team Child" in client.get(url).content.decode()


def test_worker_page_is_refused_outside_the_managers_team(client, manager, user_for):
    from tests.factories import TeamFactory

    elsewhere = user_for(Role.SOCIAL_WORKER, team=TeamFactory(name="Elsewhere"))
    client.force_login(manager)
    assert client.get(reverse("worklists:worker", args=[elsewhere.pk])).status_code == 404
    client.force_login(user_for(Role.HEAD_OF_SERVICE))
    assert client.get(reverse("worklists:worker", args=[elsewhere.pk])).status_code == 200


def test_home_sql_does_not_grow_with_caseload(
    client, social_worker, team, person_maker, django_assert_max_num_queries
):
    allocate(person_maker(first_name="One", last_name="Child"), social_worker, team)
    client.force_login(social_worker)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("home"))
    for n in range(8):
        allocate(person_maker(first_name=f"More{n}", last_name="Child"), social_worker, team)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("home"))
