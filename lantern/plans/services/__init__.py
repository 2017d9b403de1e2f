"""Every write to plans goes through these (house style §2)."""

from lantern.plans.services.content import (
    plan_action_add,
    plan_action_remove,
    plan_action_update,
    plan_need_add,
    plan_need_remove,
    plan_need_update,
)
from lantern.plans.services.plan import (
    finalise_problems,
    plan_category_update,
    plan_end,
    plan_finalise,
    plan_start,
    plan_update,
)
from lantern.plans.services.review import plan_review_record

__all__ = [
    "finalise_problems",
    "plan_action_add",
    "plan_action_remove",
    "plan_action_update",
    "plan_category_update",
    "plan_end",
    "plan_finalise",
    "plan_need_add",
    "plan_need_remove",
    "plan_need_update",
    "plan_review_record",
    "plan_start",
    "plan_update",
]
