import datetime

from lantern.people.matching.keys import bulk_rows, keys_for
from lantern.people.models import Address, Person, PreviousName, household_key


def _person(**kwargs) -> Person:
    values = {
        "pk": 1,
        "first_name": "William",
        "last_name": "Smith",
        "date_of_birth": datetime.date(2015, 3, 2),
        "sex": "M",
    }
    return Person(**(values | kwargs))


def _address(line1: str, postcode: str) -> Address:
    return Address(line1=line1, postcode=postcode, household=household_key(line1, postcode))


def test_keys_for_person_with_everything():
    person = _person(nhs_number="9434765919")
    keys = keys_for(
        person,
        [PreviousName(first_name="", last_name="Brown")],
        [_address("12 High St", "dn31 1aa"), _address("1 Low Rd", "LS1 4AP")],
    )

    assert keys == {
        "dob:2015-03-02",
        "nhs:9434765919",
        "pc:DN311AA",
        "pc:LS14AP",
        "ny:SM0:2015",
        "ny:BRN:2015",
        "ny:WLM:2015",
        "fs:SM0:WLM",
        "fs:BRN:WLM",
        "sn:SM0",
        "sn:BRN",
        "ps:DN311AA:SM0",
        "ps:DN311AA:BRN",
        "ps:LS14AP:SM0",
        "ps:LS14AP:BRN",
        "pf:DN311AA:WLM",
        "pf:LS14AP:WLM",
    }
    assert all(len(key) < 80 for key in keys)


def test_keys_for_nickname_uses_the_formal_name():
    bill = keys_for(_person(first_name="Bill", last_name="Smyth"))
    william = keys_for(_person())

    assert "fs:SM0:WLM" in bill & william
    assert "ny:WLM:2015" in bill & william


def test_keys_for_swapped_names_share_the_name_keys():
    swapped = keys_for(_person(first_name="Smith", last_name="William"))

    assert {"fs:SM0:WLM", "ny:SM0:2015", "ny:WLM:2015"} <= swapped


def test_keys_for_unborn_child_uses_the_expected_date():
    keys = keys_for(
        _person(first_name="", date_of_birth=None, expected_date_of_birth=datetime.date(2027, 1, 5))
    )

    assert {"dob:2027-01-05", "ny:SM0:2027", "sn:SM0"} == keys


def test_keys_for_without_date_or_address_has_name_keys_only():
    keys = keys_for(_person(date_of_birth=None))

    assert keys == {"fs:SM0:WLM", "sn:SM0"}


def test_bulk_rows_match_keys_for():
    person = _person()
    address = _address("12 High St", "DN31 1AA")

    rows = bulk_rows([(person, [], [address])])

    assert {row.key for row in rows} == keys_for(person, [], [address])
    assert {row.person_id for row in rows} == {1}
