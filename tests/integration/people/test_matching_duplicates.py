import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from lantern.people.matching.duplicates import find_duplicates, pairs_above
from lantern.people.matching.keys import refresh_keys
from lantern.people.models import Address, DuplicateCandidate, Person, household_key

pytestmark = pytest.mark.django_db

DOB = datetime.date(2015, 3, 2)


def _make(person_id, first, last, dob=DOB, *, sex="M", postcode="DN31 1AA", line1="12 High St"):
    person = Person.objects.create(
        person_id=person_id, first_name=first, last_name=last, date_of_birth=dob, sex=sex
    )
    Address.objects.create(
        person=person, line1=line1, postcode=postcode, household=household_key(line1, postcode)
    )
    refresh_keys(person)
    return person


@pytest.fixture
def family():
    """William Smith, his planted duplicate, his twin, sister and father."""
    return {
        "william": _make("P1", "William", "Smith"),
        "copy": _make(
            "P2",
            "Bill",
            "Smyth",
            datetime.date(2015, 2, 3),
            postcode="dn311aa",
            line1="12 HIGH STREET",
        ),
        "twin": _make("P3", "Oliver", "Smith"),
        "sister": _make("P4", "Amelia", "Smith", datetime.date(2017, 8, 9), sex="F"),
        "father": _make("P5", "William", "Smith", datetime.date(1985, 7, 1)),
    }


def _pair(a, b):
    return (min(a.pk, b.pk), max(a.pk, b.pk))


def test_find_duplicates_finds_the_planted_pair_only(family):
    count = find_duplicates()

    candidates = list(DuplicateCandidate.objects.all())
    assert count == 1
    assert [(c.first_id, c.second_id) for c in candidates] == [
        _pair(family["william"], family["copy"])
    ]
    assert candidates[0].status == DuplicateCandidate.Status.OPEN
    assert "date of birth with day and month swapped" in candidates[0].reasons


def test_find_duplicates_never_pairs_the_twins(family):
    found = {(p.first, p.second) for p in pairs_above(0.3)}

    assert _pair(family["william"], family["twin"]) not in found
    assert _pair(family["william"], family["sister"]) not in found
    assert _pair(family["william"], family["father"]) not in found


def test_find_duplicates_does_not_reopen_a_decided_pair(family):
    first, second = _pair(family["william"], family["copy"])
    DuplicateCandidate.objects.create(
        first_id=first,
        second_id=second,
        score=0.9,
        reasons=["same surname"],
        status=DuplicateCandidate.Status.NOT_DUPLICATE,
    )

    count = find_duplicates()

    assert count == 0
    decided = DuplicateCandidate.objects.get()
    assert decided.status == DuplicateCandidate.Status.NOT_DUPLICATE
    assert decided.reasons == ["same surname"]


def test_find_duplicates_updates_an_open_pair_and_is_repeatable(family):
    find_duplicates()
    find_duplicates()

    assert DuplicateCandidate.objects.count() == 1


def test_find_duplicates_leaves_out_merged_people(family):
    family["copy"].merged_into = family["william"]
    family["copy"].save()

    assert find_duplicates() == 0


def test_find_duplicates_reports_progress(family):
    calls = []

    find_duplicates(progress=lambda done, total: calls.append((done, total)))

    assert calls
    assert calls[-1][0] == calls[-1][1]


def test_find_duplicates_command_prints_progress_and_count(family):
    out = StringIO()

    call_command("find_duplicates", "--threshold", "0.7", stdout=out)

    assert "100% of records checked" in out.getvalue()
    assert "1 possible duplicate pair awaiting a decision" in out.getvalue()


def test_find_duplicates_on_an_empty_database():
    assert find_duplicates() == 0


def test_rebuild_match_keys_restores_keys():
    from django.core.management import call_command

    from lantern.people.models import MatchKey

    person = _make("R1", "Rhys", "Owen", datetime.date(2016, 4, 4))
    before = set(MatchKey.objects.filter(person=person).values_list("key", flat=True))
    MatchKey.objects.filter(person=person).delete()
    call_command("rebuild_match_keys", stdout=__import__("io").StringIO())
    assert set(MatchKey.objects.filter(person=person).values_list("key", flat=True)) == before
