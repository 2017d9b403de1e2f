"""The pure rules of an assessment: factor codes, what submission needs, the AP1 shortfall,
and the word-by-word difference between versions. No database."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lantern.assessments.checks import voice_shortfall
from lantern.assessments.codes import AssessmentFactorCode, factor_sort_key
from lantern.assessments.models import Assessment
from lantern.assessments.services import clean_factors, submission_problems
from lantern.assessments.versions import line_diff, word_diff

COMPLETE = {
    "lived_experience": "Her day: school, tea at nan's, bed at eight.",
    "voice_how": "Seen alone at school with drawings.",
    "voice_said": '"I like it at nan\'s."',
    "seen_alone": True,
    "identity_needs": "White British, English, no religion, no disability.",
    "history_analysis": "Repeated DA notifications: cumulative harm.",
    "parenting_capacity": "Basic care met.",
    "family_environment": "Supportive grandmother.",
    "analysis": "Needs a CIN plan.",
    "outcome": Assessment.Outcome.CIN_PLAN,
    "outcome_reason": "Support is needed.",
}


def assessment(**fields):
    return Assessment(start_date=datetime.date(2026, 1, 5), **{**COMPLETE, **fields})


def test_factor_codes_are_the_census_list_without_the_legacy_codes():
    codes = set(AssessmentFactorCode.values)
    assert {"1A", "3B", "8F", "18B", "18C", "19B", "19C", "20", "21", "22A", "24A"} <= codes
    assert "18A" not in codes and "19A" not in codes
    assert len(codes) == 42


def test_factors_sort_in_census_order():
    assert sorted(["10A", "2B", "1A", "21", "3C"], key=factor_sort_key) == [
        "1A",
        "2B",
        "3C",
        "10A",
        "21",
    ]


def test_no_factors_identified_cannot_be_combined():
    assert clean_factors(["21"]) == ["21"]
    with pytest.raises(ValidationError) as error:
        clean_factors(["21", "3B"])
    assert "on its own" in error.value.message_dict["factors"][0]


def test_unknown_and_legacy_factor_codes_are_refused():
    for code in ("18A", "99Z"):
        with pytest.raises(ValidationError):
            clean_factors([code])


def test_factors_are_deduplicated_and_ordered():
    assert clean_factors(["3B", "1B", "3B"]) == ["1B", "3B"]


def test_a_complete_assessment_has_no_problems():
    assert submission_problems(assessment(), consultees=1, factors=["3B"]) == {}


@pytest.mark.parametrize(
    "field",
    [
        "lived_experience",
        "voice_how",
        "voice_said",
        "identity_needs",
        "history_analysis",
        "parenting_capacity",
        "family_environment",
        "analysis",
        "outcome",
        "outcome_reason",
    ],
)
def test_each_section_is_needed_to_submit(field):
    problems = submission_problems(assessment(**{field: ""}), consultees=1, factors=["3B"])
    assert list(problems) == [field]


def test_seen_alone_must_be_answered_and_explained_when_not():
    assert "seen_alone" in submission_problems(
        assessment(seen_alone=None), consultees=1, factors=["3B"]
    )
    problems = submission_problems(assessment(seen_alone=False), consultees=1, factors=["3B"])
    assert problems == {"not_seen_alone_reason": "Say why the child was not seen alone"}
    explained = assessment(seen_alone=False, not_seen_alone_reason="Mum refused; seen at home")
    assert submission_problems(explained, consultees=1, factors=["3B"]) == {}


def test_someone_must_be_consulted_and_factors_chosen():
    problems = submission_problems(assessment(), consultees=0, factors=[])
    assert set(problems) == {"consultees", "factors"}


def test_no_factors_identified_only_with_no_further_action():
    problems = submission_problems(assessment(), consultees=1, factors=["21"])
    assert "no further action" in problems["factors"]
    nfa = assessment(outcome=Assessment.Outcome.NFA)
    assert submission_problems(nfa, consultees=1, factors=["21"]) == {}


def test_voice_shortfall():
    words = " ".join(["word"] * 40)
    assert voice_shortfall(assessment(voice_said=words), min_words=40) == ""
    assert "empty" in voice_shortfall(
        assessment(lived_experience="", voice_how="", voice_said=""), min_words=40
    )
    assert "what the child said" in voice_shortfall(
        assessment(lived_experience=words, voice_said=""), min_words=40
    )
    thin = voice_shortfall(assessment(), min_words=40)
    assert "(at least 40 expected)" in thin and "has 20 words" in thin  # 9 + 6 + 5, counted by hand


def test_word_diff_marks_removed_and_added_words():
    pieces = word_diff("Mum hit Amelia on the arm.", "Mum hit Amelia on the face.")
    assert ("delete", "arm.") in pieces and ("insert", "face.") in pieces
    assert "".join(t for k, t in pieces if k != "delete") == "Mum hit Amelia on the face."
    assert "".join(t for k, t in pieces if k != "insert") == "Mum hit Amelia on the arm."
    assert word_diff("same", "same") == [("equal", "same")]


def test_line_diff_keeps_each_factor_whole():
    old = "3A Domestic abuse: the child\n3B Domestic abuse: parents"
    new = "3B Domestic abuse: parents\n4B Mental health: parents"
    assert line_diff(old, new) == [
        ("delete", "3A Domestic abuse: the child\n"),
        ("equal", "3B Domestic abuse: parents\n"),
        ("insert", "4B Mental health: parents\n"),
    ]
    assert line_diff("", "Yes") == [("insert", "Yes\n")]
