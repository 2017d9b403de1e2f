"""Child protection conference decisions."""

from django.db import models


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"
    # A child who moves in with a child protection plan from another local authority.
    TRANSFER_IN = "transfer_in", "Transfer-in child protection conference"


# Conferences that decide whether a plan is needed (and start one).
DECIDING_KINDS = (ConferenceKind.INITIAL, ConferenceKind.TRANSFER_IN)


class ConferenceDecision(models.TextChoices):
    CP_PLAN = "cp_plan", "The child is to be the subject of a child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE = "continue", "The child protection plan continues"
    END_PLAN = "end_plan", "The child protection plan ends"


INITIAL_DECISIONS = (ConferenceDecision.CP_PLAN, ConferenceDecision.NO_PLAN)
REVIEW_DECISIONS = (ConferenceDecision.CONTINUE, ConferenceDecision.END_PLAN)
# Decisions that leave the child on a plan, which then carries a category of abuse.
PLAN_DECISIONS = (ConferenceDecision.CP_PLAN, ConferenceDecision.CONTINUE)
