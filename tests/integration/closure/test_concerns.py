"""closure_concerns(): each concern found when it applies and not when it does not (FD8, CP6)."""

import datetime

import pytest

from lantern.closure.concerns import (
    ASSESSMENT_NOT_AUTHORISED,
    HIGH_RISK_FACTORS_CODE,
    OPEN_ACTIONS,
    OPEN_CP_PLAN,
    OPEN_SAFETY_PLAN,
    RE_REFERRAL,
    closure_concerns,
)
from lantern.plans.services import (
    plan_action_remove,
    plan_end,
    plan_review_record,
    plan_start,
)
from lantern.timescales.engine import add_months
from lantern.timescales.services import rule_setting_set
from tests.factories.closure import (
    REFERRED,
    authorised_assessment,
    make_referral,
    open_assessment,
    plan_with_action,
)

pytestmark = pytest.mark.django_db
CLOSING = datetime.date(2025, 9, 1)


def codes(referral, closure_date=CLOSING, **kwargs):
    return [
        c.code for c in closure_concerns(referral=referral, closure_date=closure_date, **kwargs)
    ]


def test_no_concerns_for_a_referral_with_nothing_open(referral):
    assert closure_concerns(referral=referral, closure_date=CLOSING) == []


# -- plans ---------------------------------------------------------------------------------------


def test_open_plan_actions_are_a_concern(social_worker, referral):
    plan_with_action(social_worker, referral, action="Register Amelia with a GP")
    (concern,) = closure_concerns(referral=referral, closure_date=CLOSING)
    assert concern.code == OPEN_ACTIONS and concern.overridable
    assert "1 plan action is not done" in concern.text
    assert "“Register Amelia with a GP” (child in need plan, due" in concern.text


def test_done_plan_actions_are_not_a_concern(social_worker, referral):
    plan = plan_with_action(social_worker, referral, action="Register Amelia with a GP")
    action = plan.actions.get()
    plan_review_record(
        by=social_worker,
        plan=plan,
        kind="review",
        held_on=plan.start_date + datetime.timedelta(days=3),
        progress={action.pk: ("done", "Registered at Freeman Street surgery")},
        today=plan.start_date + datetime.timedelta(days=3),
    )
    assert codes(referral) == []


def test_actions_removed_from_the_plan_are_not_a_concern(social_worker, referral):
    plan = plan_with_action(social_worker, referral, action="Register Amelia with a GP")
    plan_action_remove(by=social_worker, action=plan.actions.get(), reason="Already registered")
    assert codes(referral) == []


def test_an_open_cp_plan_is_a_hard_refusal(social_worker, referral):
    plan_with_action(social_worker, referral, kind="cp", category="NEG")
    (concern,) = closure_concerns(referral=referral, closure_date=CLOSING)
    assert concern.code == OPEN_CP_PLAN and not concern.overridable
    assert "cannot be closed or stepped down while a child protection plan is open" in (
        concern.text
    )


def test_an_open_safety_plan_is_an_overridable_concern(social_worker, referral):
    plan_start(
        by=social_worker,
        person=referral.person,
        kind="safety",
        start_date=REFERRED + datetime.timedelta(days=5),
        today=REFERRED + datetime.timedelta(days=5),
    )
    (concern,) = closure_concerns(referral=referral, closure_date=CLOSING)
    assert concern.code == OPEN_SAFETY_PLAN and concern.overridable


def test_an_ended_plan_is_not_a_concern(social_worker, referral):
    plan = plan_with_action(social_worker, referral, action="Register Amelia with a GP")
    ended = plan.start_date + datetime.timedelta(days=1)
    plan_end(by=social_worker, plan=plan, end_date=ended, reason="Needs met")
    assert codes(referral) == []


# -- assessments ----------------------------------------------------------------------------------


def test_an_assessment_not_authorised_is_a_concern(social_worker, referral):
    open_assessment(social_worker, referral, start=REFERRED + datetime.timedelta(days=2))
    (concern,) = closure_concerns(referral=referral, closure_date=CLOSING)
    assert concern.code == ASSESSMENT_NOT_AUTHORISED
    assert "started on 5 March 2025 has not been authorised" in concern.text


def test_an_authorised_assessment_without_high_risk_factors_is_not(
    social_worker, manager, referral
):
    authorised_assessment(social_worker, manager, referral, factors=["5A", "7A"])
    assert codes(referral) == []


# -- re-referral ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "found"),
    [
        (add_months(REFERRED, -12), True),  # exactly 12 months before: a re-referral
        (add_months(REFERRED, -12) - datetime.timedelta(days=1), False),  # a day more
        (REFERRED - datetime.timedelta(days=30), True),
    ],
)
def test_re_referral_window_is_12_months_inclusive(social_worker, child, referral, earlier, found):
    make_referral(social_worker, child, earlier)
    concerns = closure_concerns(referral=referral, closure_date=CLOSING)
    assert (RE_REFERRAL in [c.code for c in concerns]) is found
    if found:
        assert concerns[0].text.startswith("Re-referral: Amelia Hargreaves was referred before")


def test_a_later_referral_is_not_a_re_referral_of_this_one(social_worker, child, referral):
    make_referral(social_worker, child, REFERRED + datetime.timedelta(days=40))
    assert codes(referral) == []


def test_another_childs_referral_is_not_a_re_referral(social_worker, person_maker, referral):
    make_referral(social_worker, person_maker(), REFERRED - datetime.timedelta(days=30))
    assert codes(referral) == []


# -- CP6: high-risk factors closing soon after the assessment -------------------------------------

AUTHORISED = datetime.date(2025, 3, 24)
EARLIEST = datetime.date(2025, 6, 24)  # 3 months later, from the engine's rule


@pytest.fixture
def high_risk(social_worker, manager, referral):
    return authorised_assessment(
        social_worker, manager, referral, authorised_on=AUTHORISED, factors=["3B", "2B", "5A"]
    )


def test_high_risk_factors_closing_inside_the_window_are_a_concern(referral, high_risk):
    (concern,) = closure_concerns(
        referral=referral, closure_date=EARLIEST - datetime.timedelta(days=1)
    )
    assert concern.code == HIGH_RISK_FACTORS_CODE
    assert (
        "identified drug misuse by a parent or carer and domestic abuse (a parent or carer as "
        "subject)" in concern.text
    )
    assert "within 3 months" in concern.text and "24 June 2025" in concern.text


def test_high_risk_factors_closing_on_the_earliest_date_are_not(referral, high_risk):
    assert codes(referral, EARLIEST) == []


def test_high_risk_window_comes_from_the_engine_and_local_setting(manager, referral, high_risk):
    rule_setting_set(
        by=manager, rule_id="high_risk_closure_window", offset=6, reason="Local policy: 6 months"
    )
    assert codes(referral, EARLIEST) == [HIGH_RISK_FACTORS_CODE]
    assert codes(referral, add_months(AUTHORISED, 6)) == []


def test_high_risk_window_applies_only_to_closures_that_end_the_service(referral, high_risk):
    closing = EARLIEST - datetime.timedelta(days=10)
    assert codes(referral, closing, reason="RC8") == [HIGH_RISK_FACTORS_CODE]
    assert codes(referral, closing, reason="RC5") == []  # transferred to another authority


def test_the_latest_authorised_assessment_counts(social_worker, manager, referral, high_risk):
    authorised_assessment(
        social_worker,
        manager,
        referral,
        start=AUTHORISED + datetime.timedelta(days=1),
        authorised_on=AUTHORISED + datetime.timedelta(days=10),
        factors=["5A"],
    )
    assert codes(referral, EARLIEST - datetime.timedelta(days=1)) == []


def test_concerns_come_hard_refusal_first(social_worker, child, referral):
    make_referral(social_worker, child, REFERRED - datetime.timedelta(days=30))
    open_assessment(social_worker, referral)
    plan_with_action(social_worker, referral, kind="cp", category="EMO", action="Attend nursery")
    assert codes(referral) == [
        OPEN_CP_PLAN,
        OPEN_ACTIONS,
        ASSESSMENT_NOT_AUTHORISED,
        RE_REFERRAL,
    ]
