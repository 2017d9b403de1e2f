from lantern.plans.models.action import ActionProgress, PlanAction, PlanNeed, PlanReview
from lantern.plans.models.plan import Plan

__all__ = ["ActionProgress", "Plan", "PlanAction", "PlanNeed", "PlanReview"]
