"""The multi-agency form's completeness score (FD3) and the agency groups of referral sources."""

from types import SimpleNamespace

import pytest

from lantern.front_door import completeness
from lantern.front_door.codes import ReferralSource, agency_group


def contact(**overrides):
    fields = {
        "referrer_name": "Sam Patel",
        "referrer_organisation": "Weelsby Academy",
        "referrer_phone": "01472 000000",
        "referrer_email": "",
        "concern": "x" * completeness.MIN_CONCERN_LENGTH,
        "referrer_actions": "Called mum.",
        "consent": "given",
        "consent_not_sought_reason": "",
        "_categories": ["neglect"],
    }
    fields.update(overrides)
    return SimpleNamespace(**fields)


def child(**overrides):
    fields = {
        "first_name": "Ellie",
        "date_of_birth": "2015-01-01",
        "expected_date_of_birth": None,
        "has_address": True,
    }
    fields.update(overrides)
    return SimpleNamespace(**fields)


def test_a_complete_contact_scores_100():
    assert completeness.score(contact=contact(), children=[child()]) == 100


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"referrer_name": ""}, "referrer"),
        ({"referrer_phone": ""}, "referrer_contact"),
        ({"concern": "Worried."}, "concern"),
        ({"_categories": []}, "categories"),
        ({"referrer_actions": " "}, "actions"),
        ({"consent": ""}, "consent"),
        ({"consent": "not_sought"}, "consent"),
    ],
)
def test_each_gap_is_named_and_costs_an_eighth(overrides, code):
    c = contact(**overrides)
    assert [r.code for r in completeness.missing(contact=c, children=[child()])] == [code]
    assert completeness.score(contact=c, children=[child()]) == round(100 * 7 / 8)


def test_every_child_must_be_identified_and_located():
    gaps = completeness.missing(
        contact=contact(), children=[child(), child(date_of_birth=None, has_address=False)]
    )
    assert {r.code for r in gaps} == {"child_identified", "child_address"}


def test_no_children_means_the_children_are_missing():
    gaps = {r.code for r in completeness.missing(contact=contact(), children=[])}
    assert {"child_identified", "child_address"} <= gaps


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("1A", "Individuals"),
        ("2B", "Education"),
        ("3E", "Health"),
        ("4", "Housing"),
        ("5D", "Local authority services"),
        ("6", "Police"),
        ("7", "Other legal agency"),
        ("8", "Other agencies"),
        ("9", "Anonymous"),
        ("10", "Unknown"),
    ],
)
def test_agency_groups(code, group):
    assert agency_group(code) == group


def test_every_source_code_has_a_group():
    assert all(agency_group(c) != "Other" for c in ReferralSource.values)
