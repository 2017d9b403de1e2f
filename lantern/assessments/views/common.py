"""Pieces the assessment pages share."""

from django.utils import timezone

from lantern.assessments.codes import factor_sort_key
from lantern.assessments.models import Assessment, AssessmentDecision
from lantern.assessments.presenters import assessment_timescale, identity_rows, status_tag
from lantern.assessments.selectors import chronology_beside, consultees_of


def factor_rows(assessment: Assessment) -> list:
    return sorted(assessment.factors.all(), key=lambda f: factor_sort_key(f.code))


def assessment_context(assessment: Assessment, *, chronology: bool = True) -> dict:
    """What every page showing the assessment's content needs, in a fixed number of queries
    (the consultees, factors, the child's disabilities, the manager's decisions, the calendar
    and the child's latest chronology)."""
    person = assessment.person
    decisions = list(assessment.decisions.select_related("by"))
    returned = next((d for d in decisions if d.kind == AssessmentDecision.Kind.RETURNED), None)
    return {
        "assessment": assessment,
        "person": person,
        "status": status_tag(assessment),
        "timescale": assessment_timescale(assessment, today=timezone.localdate()),
        "consultees": consultees_of(assessment),
        "factors": factor_rows(assessment),
        "identity": identity_rows(person, list(person.disabilities.all())),
        "decisions": decisions,
        "returned": returned if assessment.is_draft else None,
        "chronology": chronology_beside(person) if chronology else [],
    }
