"""The words the closure concerns and checks use, and the decision form's choices (no database)."""

import datetime

from django.utils import timezone

from lantern.closure.concerns import (
    HIGH_RISK_FACTORS,
    LABELS,
    Concern,
    and_join,
    factor_words,
)
from lantern.closure.forms import ClosureDecisionForm, ClosureRequestForm
from lantern.closure.models import ClosureRequest


def test_high_risk_factors_are_the_cp6_codes():
    # Domestic abuse (3A/3B/3C), alcohol or drug misuse by a parent or household member
    # (1B/1C/2B/2C) and parental mental health (4B): domain.md §2.4.7.
    assert set(HIGH_RISK_FACTORS) == {"1B", "1C", "2B", "2C", "3A", "3B", "3C", "4B"}


def test_factor_words_keep_only_high_risk_factors_in_code_order():
    assert factor_words(["5A", "3B", "1B", "3B", "21"]) == [
        "alcohol misuse by a parent or carer",
        "domestic abuse (a parent or carer as subject)",
    ]
    assert factor_words(["1A", "4A", "4C"]) == []  # the child's own misuse or mental health


def test_and_join():
    assert and_join([]) == ""
    assert and_join(["a"]) == "a"
    assert and_join(["a", "b"]) == "a and b"
    assert and_join(["a", "b", "c"]) == "a, b and c"


def test_concern_round_trips_through_json():
    concern = Concern("open_cp_plan", "On a CP plan", overridable=False)
    assert Concern.from_dict(concern.as_dict()) == concern
    assert Concern.from_dict({"code": "re_referral", "text": "x"}).overridable
    assert concern.label == LABELS["open_cp_plan"] == "Child protection plan open"


def test_request_presenters():
    request = ClosureRequest(
        kind="step_down",
        reason="RC9",
        status="returned",
        requested_at=timezone.make_aware(datetime.datetime(2026, 3, 3, 23, 30)),
    )
    assert request.title == "Step-down to early help requested 3 March 2026"
    assert request.status_colour == "orange" and request.is_step_down and not request.is_waiting


def test_request_form_refuses_a_future_date_and_needs_each_answer():
    form = ClosureRequestForm(
        data={
            "kind": "closure",
            "reason": "RC7",
            "closure_date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
            "rationale": "",
        }
    )
    assert not form.is_valid()
    assert form.errors["closure_date"] == ["The closure date cannot be in the future"]
    assert form.errors["rationale"][0].startswith("Explain why it is safe")
    assert [e["href"] for e in form.error_summary()] == ["#id_closure_date", "#id_rationale"]
    assert "data-language-check" in form["rationale"].field.widget.attrs


def test_decision_form_offers_approval_and_override_only_when_allowed():
    assert [c for c, _ in ClosureDecisionForm().fields["decision"].choices] == [
        "approve",
        "return",
    ]
    assert "override_reason" not in ClosureDecisionForm().fields
    assert "override_reason" in ClosureDecisionForm(with_override=True).fields
    refused = ClosureDecisionForm(can_approve=False, with_override=True)
    assert [c for c, _ in refused.fields["decision"].choices] == ["return"]
    assert "override_reason" not in refused.fields
