from lantern.assessments.models.assessment import (
    SECTION_LABELS,
    TEXT_SECTIONS,
    VOICE_FIELDS,
    Assessment,
)
from lantern.assessments.models.parts import (
    AssessmentConsultee,
    AssessmentDecision,
    AssessmentFactor,
)

__all__ = [
    "SECTION_LABELS",
    "TEXT_SECTIONS",
    "VOICE_FIELDS",
    "Assessment",
    "AssessmentConsultee",
    "AssessmentDecision",
    "AssessmentFactor",
]
