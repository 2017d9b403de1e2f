"""903 code lists as data: placement types by collection year, providers by placement type.
No database."""

import datetime

import pytest

from lantern.children_in_care.codes import (
    CATEGORY_OF_NEED_CODES,
    PLACES_WITHOUT_CARER,
    PLACES_WITHOUT_PROVIDER,
    PLACES_WITHOUT_URN,
    TEMPORARY_PLACES,
    PlacementType,
    collection_year_end,
    place_codes_for,
    place_codes_on,
    provider_allowed,
)

d = datetime.date
BASE = {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1"} | {
    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
}  # fmt: skip


def test_placement_types_by_collection_year():
    assert place_codes_for(2023) == place_codes_for(2024) == BASE | {"H5", "P2", "Z1"}
    assert place_codes_for(2025) == BASE | {"H5", "P2", "Z1", "K3"}
    assert place_codes_for(2026) == BASE | {"K3", "Z11", "Z12", "Z13", "Z14"}
    assert place_codes_for(2027) == place_codes_for(2026)
    assert place_codes_for(2020) == place_codes_for(2023)


def test_every_listed_code_is_a_placement_type():
    every = set().union(*(place_codes_for(y) for y in range(2023, 2028)))
    assert every == set(PlacementType.values)
    for group in (PLACES_WITHOUT_CARER, PLACES_WITHOUT_PROVIDER, PLACES_WITHOUT_URN):
        assert group <= set(PlacementType.values)
    assert TEMPORARY_PLACES <= PLACES_WITHOUT_CARER


def test_collection_year_runs_from_april_to_march():
    assert collection_year_end(d(2025, 3, 31)) == 2025
    assert collection_year_end(d(2025, 4, 1)) == 2026


def test_placement_types_on_a_day():
    assert "P2" in place_codes_on(d(2023, 10, 27))
    assert "P2" not in place_codes_on(d(2023, 10, 28))  # rule 217, part way through 2023-24
    assert "K3" not in place_codes_on(d(2024, 3, 31))
    assert "K3" in place_codes_on(d(2024, 4, 1))
    assert {"H5", "Z1"} <= place_codes_on(d(2025, 3, 31))
    assert not {"H5", "Z1"} & place_codes_on(d(2025, 4, 1))
    assert "Z12" in place_codes_on(d(2025, 4, 1))


@pytest.mark.parametrize(
    ("place", "provider", "allowed"),
    [
        ("P1", "PR0", True),
        ("U6", "PR0", False),  # PR0 only with P1 (550)
        ("P1", "PR1", False),  # 527
        ("R2", "PR2", False),  # 527
        ("R2", "PR3", True),
        ("K2", "PR3", False),  # 529
        ("U4", "PR3", False),
        ("P1", "PR4", False),  # 530
        ("K2", "PR4", True),
        ("U6", "PR1", True),
        ("T1", "", True),  # no provider for T0-T3 and Z11-Z14 (178)
        ("T1", "PR1", False),
        ("Z12", "", True),
        ("T4", "PR1", True),
        ("U6", "", False),
    ],
)
def test_providers_a_placement_type_may_have(place, provider, allowed):
    assert provider_allowed(place, provider) is allowed


def test_category_of_need_is_n1_to_n8():
    assert {f"N{n}" for n in range(1, 9)} == CATEGORY_OF_NEED_CODES
