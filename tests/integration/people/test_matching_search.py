import datetime

import pytest

from lantern.people.matching.keys import refresh_keys
from lantern.people.matching.search import search
from lantern.people.models import Address, MatchKey, Person, PreviousName, household_key

pytestmark = pytest.mark.django_db


def _make(
    person_id,
    first,
    last,
    dob,
    *,
    sex="M",
    postcode="DN31 1AA",
    line1="12 High St",
    nhs="",
    previous=(),
):
    person = Person.objects.create(
        person_id=person_id,
        first_name=first,
        last_name=last,
        date_of_birth=dob,
        sex=sex,
        nhs_number=nhs,
    )
    if postcode:
        Address.objects.create(
            person=person, line1=line1, postcode=postcode, household=household_key(line1, postcode)
        )
    for name in previous:
        PreviousName.objects.create(person=person, first_name=first, last_name=name)
    refresh_keys(person)
    return person


@pytest.fixture
def william():
    return _make("P1", "William", "Smith", datetime.date(2015, 3, 2), nhs="9434765919")


@pytest.fixture
def crowd():
    """Other people who share a key or two with William Smith."""
    return [
        _make("P2", "Oliver", "Smith", datetime.date(2015, 3, 2)),  # his twin
        _make("P3", "Amelia", "Smith", datetime.date(2017, 8, 9), sex="F"),  # sister
        _make("P4", "William", "Smith", datetime.date(1985, 3, 2)),  # father
        _make("P5", "Grace", "Jones", datetime.date(2015, 3, 2), sex="F", postcode="LS1 4AP"),
        _make("P6", "William", "Smithson", datetime.date(2014, 1, 20), postcode="LS1 4AP"),
    ]


def _first(**query):
    results = search(**query)
    assert results, "no results"
    return results[0]


def test_search_misspelt_name_finds_the_person(william, crowd):
    match = _first(name="wiliam smyth", dob="2015-03-02")

    assert match.person == william
    assert match.band == "possible"  # two slips: a person should look
    assert "surname sounds the same" in match.reasons


def test_search_nickname_finds_the_person(william, crowd):
    match = _first(name="Bill Smith", dob="02/03/2015")

    assert match.person == william
    assert "first name is a short form of the other" in match.reasons


def test_search_swapped_names_find_the_person(william, crowd):
    match = _first(name="Smith William", dob="2/3/2015")

    assert match.person == william
    assert "first and last names swapped" in match.reasons


def test_search_comma_form_finds_the_person(william, crowd):
    assert _first(name="Smith, William", dob="2015-03-02").person == william


def test_search_previous_surname_finds_the_person(crowd):
    jane = _make("P9", "Jane", "Brown", datetime.date(2016, 5, 7), sex="F", previous=["Taylor"])

    match = _first(name="Jane Taylor", dob="07/05/2016")

    assert match.person == jane
    assert "matches a previous surname" in match.reasons


def test_search_day_and_month_transposed_finds_the_person(william, crowd):
    match = _first(name="William Smith", dob="2015-02-03")

    assert match.person == william
    assert "date of birth with day and month swapped" in match.reasons


@pytest.mark.parametrize("dob", ["2015", "2015-03", "03/2015"])
def test_search_year_or_month_only_finds_the_person(william, crowd, dob):
    match = _first(name="William Smith", dob=dob)

    assert match.person == william
    assert match.band == "possible"


@pytest.mark.parametrize("postcode", ["dn311aa", "DN31 1AA", "dn31  1aa"])
def test_search_postcode_formatting_does_not_matter(william, crowd, postcode):
    match = _first(name="William Smith", postcode=postcode)

    assert match.person == william
    assert "postcode matches" in match.reasons


def test_search_by_nhs_number_alone(william, crowd):
    results = search(nhs_number="943 476 5919")

    assert [m.person for m in results] == [william]
    assert results[0].reasons == ["same NHS number"]


def test_search_by_surname_alone_lists_the_family(william, crowd):
    people = {m.person.person_id for m in search(name="Smyth")}

    assert {"P1", "P2", "P3", "P4"} <= people


def test_search_ranks_the_right_person_first_with_reasons(william, crowd):
    results = search(name="Bill Smyth", dob="2015-03-02", postcode="dn31 1aa")

    assert results[0].person == william
    assert results[0].reasons == [
        "first name is a short form of the other",
        "surname sounds the same",
        "same date of birth",
        "postcode matches",
    ]
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)
    assert all(0 <= m.score <= 1 for m in results)


def test_search_twin_is_weak_with_a_reason(william, crowd):
    results = {
        m.person.person_id: m
        for m in search(name="William Smith", dob="2015-03-02", postcode="DN31 1AA")
    }

    twin = results["P2"]
    assert twin.band == "weak"
    assert (
        "different first name at the same address and date of birth (possible twin or "
        "sibling)" in twin.reasons
    )
    assert results["P3"].band == "weak"  # sister
    assert results["P4"].band != "strong"  # father with the same name


def test_search_leaves_out_merged_people(william, crowd):
    copy = _make("P7", "Wiliam", "Smith", datetime.date(2015, 3, 2))
    copy.merged_into = william
    copy.save()

    people = [m.person for m in search(name="William Smith", dob="2015-03-02")]

    assert copy not in people
    assert william in people


def test_search_queryset_restricts_candidates(william, crowd):
    allowed = Person.objects.exclude(pk=william.pk)

    people = [m.person for m in search(name="William Smith", dob="2015-03-02", queryset=allowed)]

    assert william not in people
    assert people


def test_search_empty_query_returns_nothing_without_queries(william, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert search() == []
        assert search(name="  ", dob="not a date") == []


def test_search_limit(william, crowd):
    assert len(search(name="Smith", limit=2)) == 2


def _bulk_people(count):
    for i in range(count):
        _make(
            f"B{i}",
            "Oliver" if i % 2 else "Harry",
            "Smith",
            datetime.date(2015, 3, 2) + datetime.timedelta(days=i % 7),
            postcode="DN31 1AA",
            line1=f"{i} High St",
        )


@pytest.mark.parametrize("people", [10, 300])
def test_search_query_count_does_not_grow_with_candidates(
    william, people, django_assert_max_num_queries
):
    _bulk_people(people)

    # keys; names, previous names and addresses as plain values; the people shown
    with django_assert_max_num_queries(5):
        results = search(name="William Smith", dob="2015-03-02", postcode="DN31 1AA")

    assert results[0].person == william
    assert len(results) == min(20, people + 1)


def test_refresh_keys_replaces_stale_keys(william):
    william.last_name = "Jones"
    william.save()
    refresh_keys(william)

    keys = set(MatchKey.objects.filter(person=william).values_list("key", flat=True))
    assert "sn:JNS" in keys
    assert "sn:SM0" not in keys
    assert _first(name="William Jones", dob="2015-03-02").person == william


def test_search_first_vowel_heard_differently_still_brings_the_person_up():
    amelia = _make("P9", "Amelia", "Hargreaves", datetime.date(2015, 3, 2), sex="F")

    results = search(name="Emilia Hargraves")

    assert results[0].person == amelia
    assert "different first name" in results[0].reasons  # shown, and honest about why
