"""Every rule of domain.md §1.14 is declared, with its offset, unit and basis."""

import pytest

from lantern.timescales.rules import DEFAULT_SOON_WINDOW, RULES, Basis, Unit, get_rule

WD, DAYS, WEEKS, MONTHS, HOURS = (
    Unit.WORKING_DAYS,
    Unit.CALENDAR_DAYS,
    Unit.WEEKS,
    Unit.MONTHS,
    Unit.HOURS,
)

# domain.md §1.14, row by row: rule id -> (offset, unit, basis).
DOMAIN_1_14 = {
    "referral_decision": (1, WD, Basis.STATUTORY_GUIDANCE),
    "assessment_complete": (45, WD, Basis.STATUTORY_GUIDANCE),
    "icpc": (15, WD, Basis.STATUTORY_GUIDANCE),
    "first_core_group": (10, WD, Basis.STATUTORY_GUIDANCE),
    "first_rcpc": (3, MONTHS, Basis.STATUTORY_GUIDANCE),
    "next_rcpc": (6, MONTHS, Basis.STATUTORY_GUIDANCE),
    "cp_visit": (10, WD, Basis.LOCAL),
    "cin_review": (3, MONTHS, Basis.LOCAL),
    "first_lac_review": (20, WD, Basis.REGULATION),
    "second_lac_review": (3, MONTHS, Basis.REGULATION),
    "next_lac_review": (6, MONTHS, Basis.REGULATION),
    "placement_first_visit": (1, WEEKS, Basis.REGULATION),
    "lac_visit_year_one": (6, WEEKS, Basis.REGULATION),
    "lac_visit_long_term": (3, MONTHS, Basis.REGULATION),
    "reg24_visit_before_first_review": (1, WEEKS, Basis.REGULATION),
    "reg24_visit_after_first_review": (4, WEEKS, Basis.REGULATION),
    "reg24_approval_expiry": (16, WEEKS, Basis.REGULATION),
    "care_proceedings_final": (26, WEEKS, Basis.STATUTORY),
    "needs_assessment_16": (3, MONTHS, Basis.REGULATION),
    "pathway_plan_review": (6, MONTHS, Basis.REGULATION),
    "pf_first_visit": (7, WD, Basis.REGULATION),
    "pf_visit_year_one": (6, WEEKS, Basis.REGULATION),
    "pf_visit_later": (12, WEEKS, Basis.REGULATION),
    "police_protection_end": (72, HOURS, Basis.STATUTORY),
    "epo_expiry": (8, DAYS, Basis.STATUTORY),
}


# Local practice standards the issues ask for beyond §1.14 (domain.md §1.3: strategy discussion
# records are commonly due within one working day).
LOCAL_STANDARDS = {
    "strategy_record": (1, WD, Basis.LOCAL),
    # Closure and step-down (FD8, CP6): no closure within 3 months of an assessment that found
    # domestic abuse, substance misuse or parental mental health without a manager's override;
    # a manager answers a closure request within a working day.
    "high_risk_closure_window": (3, MONTHS, Basis.LOCAL),
    "closure_decision": (1, WD, Basis.LOCAL),
    # Permanence (PM1, PM3): a plan 4 months after care starts (by the second review); a
    # decision for a child accommodated under section 20 within 6 months.
    "permanence_plan": (4, MONTHS, Basis.LOCAL),
    "s20_permanence_decision": (6, MONTHS, Basis.LOCAL),
}


def test_every_rule_in_domain_1_14_is_declared_and_nothing_else():
    assert set(RULES) == set(DOMAIN_1_14) | set(LOCAL_STANDARDS)


@pytest.mark.parametrize(("rule_id", "expected"), LOCAL_STANDARDS.items())
def test_local_standard_rules(rule_id, expected):
    rule = get_rule(rule_id)
    assert (rule.offset, rule.unit, rule.basis) == expected
    assert rule.overridable


@pytest.mark.parametrize(("rule_id", "expected"), DOMAIN_1_14.items())
def test_rule_matches_domain_1_14(rule_id, expected):
    rule = get_rule(rule_id)
    assert (rule.offset, rule.unit, rule.basis) == expected
    assert rule.title and rule.trigger and rule.due_event and rule.source


def test_only_local_standards_and_the_referral_decision_are_overridable():
    overridable = {rule.id for rule in RULES.values() if rule.overridable}
    assert overridable == {
        "referral_decision",
        "cp_visit",
        "cin_review",
        "strategy_record",
        "high_risk_closure_window",
        "closure_decision",
        "permanence_plan",
        "s20_permanence_decision",
    }


def test_extensions_match_domain_1_14():
    extensions = {
        rule.id: (rule.extension, rule.max_extensions)
        for rule in RULES.values()
        if rule.extension is not None
    }
    assert extensions == {
        "reg24_approval_expiry": (8, 1),  # 16 weeks + 8 once
        "care_proceedings_final": (8, None),  # 26 weeks + 8 per extension
        "epo_expiry": (7, 1),  # 8 days + 7 once
    }


def test_every_unit_has_a_default_due_soon_window():
    assert set(DEFAULT_SOON_WINDOW) == set(Unit)
    assert get_rule("next_rcpc").effective_soon_window == DEFAULT_SOON_WINDOW[Unit.MONTHS]
    assert get_rule("icpc").effective_soon_window == 3


def test_rule_periods_read_naturally():
    assert get_rule("referral_decision").period == "1 working day"
    assert get_rule("icpc").period == "15 working days"
    assert get_rule("placement_first_visit").period == "1 week"
    assert get_rule("police_protection_end").period == "72 hours"


def test_rules_are_frozen():
    with pytest.raises(AttributeError):
        get_rule("icpc").offset = 20
