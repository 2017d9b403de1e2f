import pytest

from lantern.people.matching.nicknames import PAIR_COUNT, are_nicknames, canonical
from lantern.people.matching.normalise import DateQuery, parse_dob, phonetic, postcode_key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2015-03-02", DateQuery(2015, 3, 2)),
        ("02/03/2015", DateQuery(2015, 3, 2)),
        ("2/3/2015", DateQuery(2015, 3, 2)),
        ("2.3.15", DateQuery(2015, 3, 2)),
        ("2015-03", DateQuery(2015, 3)),
        ("03/2015", DateQuery(2015, 3)),
        ("2015", DateQuery(2015)),
        ("12/25/2015", DateQuery(2015, 12, 25)),
    ],
)
def test_parse_dob_accepts_common_forms(typed, expected):
    assert parse_dob(typed) == expected


@pytest.mark.parametrize("typed", ["", "soon", "31/31/2015", "13/2015", "99"])
def test_parse_dob_rejects_nonsense(typed):
    assert parse_dob(typed) is None


def test_date_query_swapped():
    assert str(DateQuery(2015, 3, 2).swapped()) == "2015-02-03"
    assert DateQuery(2015, 3, 3).swapped() is None
    assert DateQuery(2015, 3, 25).swapped() is None


@pytest.mark.parametrize("typed", ["dn311aa", "DN31 1AA", " dn31  1aa"])
def test_postcode_key_ignores_formatting(typed):
    assert postcode_key(typed) == "DN311AA"


def test_phonetic_merges_common_spellings():
    assert phonetic("smith") == phonetic("smyth")
    assert phonetic("thompson") == phonetic("thomson")
    assert phonetic("macdonald") == phonetic("mcdonald")


@pytest.mark.parametrize(
    ("a", "b"),
    [("bill", "william"), ("kate", "katherine"), ("jack", "john"), ("peggy", "margaret")],
)
def test_are_nicknames_for_known_pairs(a, b):
    assert are_nicknames(a, b)
    assert are_nicknames(b, a)


def test_are_nicknames_not_for_two_nicknames_or_unrelated_names():
    assert not are_nicknames("ella", "ellie")
    assert not are_nicknames("alexander", "alexandra")
    assert not are_nicknames("william", "william")


def test_nickname_table_is_large_and_canonical_is_stable():
    assert PAIR_COUNT >= 150
    assert canonical("bill") == ("william",)
    assert canonical("william") == ("william",)
    assert canonical("jack") == ("jacob", "john")
