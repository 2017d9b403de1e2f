from lantern.children_in_care.models.carer import Carer
from lantern.children_in_care.models.legal_status import LegalStatus
from lantern.children_in_care.models.period import PeriodOfCare
from lantern.children_in_care.models.permanence import PermanencePlan
from lantern.children_in_care.models.placement import Placement
from lantern.children_in_care.models.review import CareReview, ReviewDecision

__all__ = [
    "CareReview",
    "Carer",
    "LegalStatus",
    "PeriodOfCare",
    "PermanencePlan",
    "Placement",
    "ReviewDecision",
]
