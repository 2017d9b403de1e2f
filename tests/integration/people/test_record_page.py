import datetime

import pytest
from django.db import transaction
from django.urls import reverse

from lantern.people.chronology import chronology_record
from lantern.people.models import RecordView
from lantern.people.services import (
    person_restrict,
    relationship_add,
    restricted_access_grant,
    warning_add,
)

pytestmark = pytest.mark.django_db


def add_history(person, by, n):
    with transaction.atomic():
        for i in range(n):
            chronology_record(
                person=person,
                kind="details_changed",
                summary=f"Event {i}",
                occurred_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                by=by,
            )


def add_family(child, by, person_maker, siblings):
    mother = person_maker(
        first_name="Mum", last_name="Family", date_of_birth=datetime.date(1985, 1, 1)
    )
    relationship_add(by=by, person=mother, other=child, type="parent", parental_responsibility=True)
    for i in range(siblings):
        sib = person_maker(
            first_name=f"Sib{i}", last_name="Family", date_of_birth=datetime.date(2012, 1, 1 + i)
        )
        relationship_add(by=by, person=mother, other=sib, type="parent")
        warning_add(
            by=by,
            person=sib,
            kind="other",
            detail="note",
            review_date=datetime.date.today() + datetime.timedelta(days=10),
        )


def count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_record_page_queries_do_not_grow_with_history_or_family(
    client, social_worker, person_maker, django_assert_max_num_queries
):
    small = person_maker(first_name="Small", last_name="Family")
    add_history(small, social_worker, 10)
    add_family(small, social_worker, person_maker, 1)
    big = person_maker(first_name="Big", last_name="Family")
    add_history(big, social_worker, 200)
    add_family(big, social_worker, person_maker, 6)
    client.force_login(social_worker)
    small_q = count_queries(client, reverse("people:record", args=[small.pk]), None)
    big_q = count_queries(client, reverse("people:record", args=[big.pk]), None)
    assert big_q == small_q, (small_q, big_q)


def test_record_page_shows_identity_network_warnings_and_chronology(
    client, social_worker, person_maker
):
    child = person_maker(first_name="Amelia", last_name="Family")
    add_family(child, social_worker, person_maker, 2)
    warning_add(
        by=social_worker,
        person=child,
        kind="do_not_disclose_address",
        detail="Fled domestic abuse",
        review_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    client.force_login(social_worker)
    page = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Amelia Family" in page
    assert "Fled domestic abuse" in page
    assert "Mum Family" in page and "Sib0 Family" in page
    assert "Sibling" in page  # inferred from the shared parent
    assert "Person recorded" in page
    assert RecordView.objects.filter(person=child, user=social_worker).count() == 1


def test_chronology_filter_by_type(client, social_worker, child):
    add_history(child, social_worker, 3)
    client.force_login(social_worker)
    url = reverse("people:record", args=[child.pk])
    page = client.get(url, {"kind": "details_changed"}).content.decode()
    assert "Event 2" in page
    assert "Child recorded" not in page


def test_annotation_marks_significant_without_changing_entry(client, social_worker, child):
    entry = child.chronology.first()
    summary = entry.summary
    client.force_login(social_worker)
    response = client.post(
        reverse("people:annotate", args=[entry.pk]),
        {"significant": "on", "note": "First sign of neglect"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.significant and entry.summary == summary
    assert entry.annotations.get().note == "First sign of neglect"


def test_restricted_record_needs_a_reason_which_managers_see(
    client, social_worker, manager, child, user_for
):
    head = user_for("head_of_service")
    person_restrict(by=head, person=child, restricted=True, reason="Adoption")
    client.force_login(social_worker)
    url = reverse("people:record", args=[child.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("people:break_glass", args=[child.pk])
    response = client.post(response["Location"], {"reason": "short"})
    assert response.status_code == 200 and "at least 10 characters" in response.content.decode()
    client.post(
        reverse("people:break_glass", args=[child.pk]),
        {"reason": "Duty call from police about this child tonight"},
    )
    assert client.get(url).status_code == 200
    view = RecordView.objects.get(person=child, user=social_worker)
    assert view.break_glass and "police" in view.reason
    client.force_login(manager)
    log = client.get(reverse("people:access_log", args=[child.pk])).content.decode()
    assert "Break glass" in log and "police" in log
    listing = client.get(reverse("people:break_glass_list")).content.decode()
    assert child.person_id in listing


def test_named_person_opens_restricted_record_without_reason(
    client, social_worker, child, user_for
):
    head = user_for("head_of_service")
    person_restrict(by=head, person=child, restricted=True, reason="Staff relative")
    restricted_access_grant(by=head, person=child, user=social_worker)
    client.force_login(social_worker)
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 200
    assert not RecordView.objects.get(person=child).break_glass


@pytest.mark.parametrize("role", ["partner", "analyst", "administrator"])
def test_roles_without_record_access_get_404(client, user_for, child, role):
    client.force_login(user_for(role))
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response.status_code == 404
    assert child.first_name not in response.content.decode()


def test_merged_record_redirects_to_survivor(client, manager, person_maker):
    from lantern.people.services import person_merge

    a, b = person_maker(first_name="Jack"), person_maker(first_name="John")
    person_merge(by=manager, survivor=a, merged=b, reason="Same child")
    client.force_login(manager)
    response = client.get(reverse("people:record", args=[b.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"/people/{a.pk}/")
    page = client.get(reverse("people:record", args=[a.pk])).content.decode()
    assert b.person_id in page


def test_manager_allocates_and_ends_allocation_through_pages(
    client, manager, social_worker, child, team
):
    from lantern.people.models import Allocation

    client.force_login(manager)
    response = client.post(
        reverse("people:allocate", args=[child.pk]),
        {
            "team": team.pk,
            "worker": social_worker.pk,
            "start_date": "01/09/2026",
            "reason": "New referral",
        },
    )
    assert response.status_code == 302
    assert Allocation.objects.get(person=child).worker == social_worker
    page = client.post(
        reverse("people:allocation_end", args=[child.pk]), {"end_date": "01/10/2026", "reason": ""}
    ).content.decode()
    assert "Enter why the allocation is ending" in page
    client.post(
        reverse("people:allocation_end", args=[child.pk]),
        {"end_date": "01/10/2026", "reason": "Needs met"},
    )
    assert Allocation.objects.get(person=child).end_date == datetime.date(2026, 10, 1)


def test_social_worker_cannot_allocate(client, social_worker, child):
    client.force_login(social_worker)
    assert client.get(reverse("people:allocate", args=[child.pk])).status_code == 404


def test_head_of_service_restricts_and_names_a_worker(client, user_for, social_worker, child):
    head = user_for("head_of_service")
    client.force_login(head)
    response = client.post(
        reverse("people:restriction", args=[child.pk]),
        {"restricted": "on", "reason": "Adoption", "named_user": social_worker.pk},
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.restricted
    assert child.restricted_access.get().user == social_worker


def test_previous_name_page_makes_the_person_findable_by_it(client, social_worker, child):
    from lantern.people.matching.search import search

    client.force_login(social_worker)
    response = client.post(
        reverse("people:previous_name_add", args=[child.pk]),
        {"last_name": "Pemberton", "to_date": "01/01/2020"},
    )
    assert response.status_code == 302
    assert child.previous_names.get().last_name == "Pemberton"
    assert search(name=f"{child.first_name} Pemberton")[0].person == child
