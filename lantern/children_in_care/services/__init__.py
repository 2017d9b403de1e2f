"""Every write to children in care goes through these (house style §2)."""

from lantern.children_in_care.services.carer import carer_add
from lantern.children_in_care.services.changes import (
    legal_status_change,
    legal_status_remove,
    placement_change,
    placement_remove,
)
from lantern.children_in_care.services.period import care_end, care_start
from lantern.children_in_care.services.permanence import permanence_plan_agree
from lantern.children_in_care.services.review import (
    DecisionInput,
    care_review_record,
    review_decision_done,
)

__all__ = [
    "DecisionInput",
    "care_review_record",
    "review_decision_done",
    "care_end",
    "care_start",
    "carer_add",
    "legal_status_change",
    "legal_status_remove",
    "permanence_plan_agree",
    "placement_change",
    "placement_remove",
]
