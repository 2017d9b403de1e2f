from lantern.front_door.models.contact import (
    Contact,
    ContactChild,
    ContactConcern,
    InformationRequest,
)
from lantern.front_door.models.meetings import (
    Action,
    Attendee,
    ExploitationMeeting,
    ExploitationScreening,
    ExploitationScreeningIndicator,
    Section47,
    SiblingConsideration,
    StrategyDiscussion,
)
from lantern.front_door.models.referral import Referral
from lantern.front_door.models.screening import Decision, PartnerCheck, Screening
from lantern.front_door.models.threshold import Threshold

__all__ = [
    "Action",
    "Attendee",
    "Contact",
    "ContactChild",
    "ContactConcern",
    "Decision",
    "ExploitationMeeting",
    "ExploitationScreening",
    "ExploitationScreeningIndicator",
    "InformationRequest",
    "PartnerCheck",
    "Referral",
    "Screening",
    "Section47",
    "SiblingConsideration",
    "StrategyDiscussion",
    "Threshold",
]
