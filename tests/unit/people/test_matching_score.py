import datetime

from lantern.people.matching.score import (
    DUPLICATE_THRESHOLD,
    STRONG,
    TWIN_REASON,
    band,
    compare,
    fields_from_person,
    fields_from_query,
)
from lantern.people.models import Address, Person, PreviousName, household_key

DOB = datetime.date(2015, 3, 2)


def _fields(
    first="William",
    last="Smith",
    dob=DOB,
    sex="M",
    nhs="",
    line1="12 High St",
    postcode="DN31 1AA",
    previous=(),
    middle="",
):
    person = Person(
        pk=1,
        first_name=first,
        middle_names=middle,
        last_name=last,
        date_of_birth=dob,
        sex=sex,
        nhs_number=nhs,
    )
    addresses = [Address(line1=line1, postcode=postcode, household=household_key(line1, postcode))]
    names = [PreviousName(first_name="", last_name=name) for name in previous]
    return fields_from_person(person, names, addresses if postcode else [])


def test_compare_identical_records_is_strong():
    score, reasons = compare(_fields(), _fields())

    assert score >= STRONG
    assert reasons == ["same first name", "same surname", "same date of birth", "same address"]


def test_compare_planted_duplicate_with_typos_and_swapped_date_is_found():
    duplicate = _fields(
        first="Wiliam",
        last="Smyth",
        dob=datetime.date(2015, 2, 3),
        line1="12 HIGH STREET",
        postcode="dn311aa",
    )

    score, reasons = compare(_fields(), duplicate)

    assert score >= DUPLICATE_THRESHOLD
    assert "date of birth with day and month swapped" in reasons
    assert "surname sounds the same" in reasons


def test_compare_nickname_counts_as_the_same_first_name():
    score, reasons = compare(_fields(), _fields(first="Bill"))

    assert score >= STRONG
    assert "first name is a short form of the other" in reasons


def test_compare_previous_surname_on_either_side():
    married = _fields(first="Jane", last="Brown", sex="F", previous=["Smith"])
    maiden = _fields(first="Jane", last="Smith", sex="F")

    for a, b in [(married, maiden), (maiden, married)]:
        score, reasons = compare(a, b)
        assert score >= DUPLICATE_THRESHOLD
        assert "matches a previous surname" in reasons


def test_compare_twins_are_never_strong():
    score, reasons = compare(_fields(first="Oliver"), _fields(first="Harry"))

    assert score < 0.3
    assert band(score) == "weak"
    assert TWIN_REASON in reasons


def test_compare_twins_with_a_shared_middle_name_are_still_guarded():
    score, reasons = compare(_fields(first="Oliver", middle="Harry"), _fields(first="Harry"))

    assert score < 0.3
    assert TWIN_REASON in reasons


def test_compare_siblings_at_one_address_are_not_strong():
    score, _ = compare(
        _fields(first="Oliver"), _fields(first="Amelia", sex="F", dob=datetime.date(2017, 8, 9))
    )

    assert score < 0.1


def test_compare_father_and_son_with_one_name_are_not_a_match():
    score, reasons = compare(_fields(), _fields(dob=datetime.date(1985, 3, 2)))

    assert score < DUPLICATE_THRESHOLD
    assert "different date of birth" in reasons


def test_compare_nhs_number_equal_and_different():
    same, same_reasons = compare(_fields(nhs="9434765919"), _fields(nhs="9434765919"))
    other, other_reasons = compare(_fields(nhs="9434765919"), _fields(nhs="4857773456"))

    assert "same NHS number" in same_reasons
    assert "different NHS number" in other_reasons
    assert other < DUPLICATE_THRESHOLD < same


def test_compare_query_with_year_only_and_swapped_names():
    query = fields_from_query(name="Smith, William", dob="2015")

    score, reasons = compare(query, _fields())

    assert reasons == ["same first name", "same surname", "same year of birth"]
    assert 0.3 <= score < STRONG


def test_compare_query_names_in_the_wrong_boxes():
    query = fields_from_query(name="Smith William", dob="02/03/2015")

    score, reasons = compare(query, _fields())

    assert reasons[0] == "first and last names swapped"
    assert score >= STRONG


def test_compare_one_digit_and_one_day_slips_in_the_date():
    _, one_day = compare(_fields(), _fields(dob=datetime.date(2015, 3, 3)))
    _, one_digit = compare(_fields(), _fields(dob=datetime.date(2016, 3, 2)))

    assert "date of birth one day apart" in one_day
    assert "date of birth differs by one digit" in one_digit


def test_compare_accepts_unsaved_people():
    person = Person(first_name="Ann", last_name="Lee", date_of_birth=DOB, sex="F")

    score, _ = compare(_fields(first="Ann", last="Lee", sex="F", postcode=""), person)

    assert score >= STRONG
