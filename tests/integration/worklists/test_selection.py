"""The team page selects its children with a subquery (compiled once to SQL); every check and work
provider must give exactly what it gives for the same children as a list of ids."""

import datetime

import pytest
from django.utils import timezone

from lantern.checks.registry import Selection, flags_for_person
from lantern.people.models import Allocation, Person
from lantern.worklists.registry import work_items
from tests.factories.child_protection import child_protection_samples
from tests.factories.plans import plans_samples

pytestmark = pytest.mark.django_db


def test_a_subquery_selects_the_same_flags_and_work_as_a_list(
    social_worker, manager, team, person_maker
):
    protected = Person.objects.get(
        pk=child_protection_samples(worker=social_worker, manager=manager)["person_pk"]
    )
    planned = person_maker(first_name="Planned", last_name="Child")
    plans_samples(child=planned, worker=social_worker, manager=manager)
    elsewhere = person_maker(first_name="Other", last_name="Team")
    plans_samples(child=elsewhere, worker=social_worker, manager=manager)
    for person in (protected, planned):
        Allocation.objects.create(
            person=person, worker=social_worker, team=team, start_date=datetime.date(2026, 1, 5)
        )
    today = timezone.localdate()
    selection = Allocation.objects.filter(team=team, end_date__isnull=True).values_list(
        "person_id", flat=True
    )
    ids = [protected.pk, planned.pk]

    def key(pair):
        check, flag = pair
        return (check.id, flag.person_id, flag.record, flag.detail)

    compiled = Selection(selection)  # what the team page passes

    by_list = sorted(map(key, flags_for_person(ids, today)))
    assert by_list, "the sample casework should make some checks fire"
    assert sorted(map(key, flags_for_person(selection, today))) == by_list
    assert sorted(map(key, flags_for_person(compiled, today))) == by_list
    assert elsewhere.pk not in {pid for _, pid, _, _ in by_list}

    listed = work_items(ids, today=today)
    assert listed and work_items(selection, today=today) == listed
    assert work_items(compiled, today=today) == listed
