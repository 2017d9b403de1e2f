"""Pieces the plans pages share."""

from django.contrib import messages
from django.shortcuts import redirect

from lantern.people.selectors import RestrictedRecord
from lantern.plans.models import Plan


def open_or_break_glass(request, selector, **kwargs):
    """(record, None) from an access selector; (None, redirect) when the child's record is
    restricted and the user must give a reason first."""
    try:
        return selector(user=request.user, **kwargs), None
    except RestrictedRecord as restricted:
        return None, redirect("people:break_glass", pk=restricted.person.pk)


def refuse_if_ended(request, plan: Plan):
    """A redirect back to the plan, with a message, when it has ended (None otherwise)."""
    if plan.end_date is not None:
        messages.info(request, "This plan has ended: it can no longer be changed")
        return redirect("plans:plan", plan_pk=plan.pk)
    return None


def language_messages(request, matches) -> None:
    """After saving, show each minimising phrase the practice-language check found (AP4)."""
    seen = set()
    for match in matches or ():
        if match.phrase in seen:
            continue
        seen.add(match.phrase)
        text = f"Check the wording: “{match.phrase}”. {match.reason}"
        if match.suggestion:
            text += f" {match.suggestion}"
        messages.warning(request, text)


def plan_status(plan: Plan) -> tuple[str, str]:
    """(text, tag colour) for a plan's state."""
    if plan.end_date is not None:
        return f"Ended {plan.end_date:%-d %B %Y}", "grey"
    if plan.is_final:
        return "Final", "green"
    return "Draft", "yellow"
