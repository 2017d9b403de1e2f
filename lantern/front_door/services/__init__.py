"""Every write at the front door goes through these functions (house style §2)."""

from lantern.front_door.services.contacts import contact_create
from lantern.front_door.services.decisions import decision_record, fd8_concerns
from lantern.front_door.services.exploitation import (
    exploitation_meeting_record,
    exploitation_screen,
    sibling_consider,
)
from lantern.front_door.services.partner import partner_referral_submit
from lantern.front_door.services.referrals import referral_close, referral_create
from lantern.front_door.services.screening import (
    history_summary_record,
    information_request,
    information_request_agree,
    information_request_decline,
    partner_check_add,
    screening_record,
)
from lantern.front_door.services.strategy import (
    section47_child_seen,
    section47_outcome_record,
    strategy_record,
    strategy_schedule,
)
from lantern.front_door.services.thresholds import threshold_update

__all__ = [
    "contact_create",
    "decision_record",
    "exploitation_meeting_record",
    "exploitation_screen",
    "fd8_concerns",
    "history_summary_record",
    "information_request",
    "information_request_agree",
    "information_request_decline",
    "partner_check_add",
    "partner_referral_submit",
    "referral_close",
    "referral_create",
    "screening_record",
    "section47_child_seen",
    "section47_outcome_record",
    "sibling_consider",
    "strategy_record",
    "strategy_schedule",
    "threshold_update",
]
