"""Pieces the plans pages share."""

from django.contrib import messages
from django.shortcuts import redirect

from lantern.plans.models import Plan


def refuse_if_ended(request, plan: Plan):
    """A redirect back to the plan, with a message, when it has ended (None otherwise)."""
    if plan.end_date is not None:
        messages.info(request, "This plan has ended: it can no longer be changed")
        return redirect("plans:plan", plan_pk=plan.pk)
    return None


def plan_status(plan: Plan) -> tuple[str, str]:
    """(text, tag colour) for a plan's state."""
    if plan.end_date is not None:
        return f"Ended {plan.end_date:%-d %B %Y}", "grey"
    if plan.is_final:
        return "Final", "green"
    return "Draft", "yellow"
