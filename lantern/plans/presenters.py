"""How plans and their actions are named in messages, checks and pages, so that the finalise
refusal, the AP6 check and the plan page number and describe an action the same way."""

from collections.abc import Iterable

from lantern.plans.models import PlanAction


def short(text: str, limit: int = 60) -> str:
    """The first `limit` characters of `text` on one line, with an ellipsis when cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def numbered(actions: Iterable[PlanAction]) -> list[tuple[int, PlanAction]]:
    """The plan's actions (not removed) numbered 1, 2, 3… in the order the plan shows them.
    `actions` must be in the model's order (order, id)."""
    return list(enumerate((a for a in actions if a.ended_at is None), 1))


def action_label(number: int, action: PlanAction) -> str:
    """ "Action 2 ‘Attend the GP appointment’"."""
    return f"Action {number} ‘{short(action.action)}’"


def incomplete(number: int, action: PlanAction) -> str:
    """What an action lacks to be SMART, in a sentence ("" when it lacks nothing):
    "Action 2 ‘…’ needs a due date and a measurable outcome"."""
    missing = action.missing
    if not missing:
        return ""
    return f"{action_label(number, action)} needs {and_list(missing)}"


def owner_label(action: PlanAction) -> str:
    """Who will do it: a person's name, a worker's name, or the agency (and named contact)."""
    if action.owner_person_id:
        return action.owner_person.full_name
    if action.owner_user_id:
        user = action.owner_user
        return user.get_full_name() or user.username
    if action.owner_agency:
        label = action.get_owner_agency_display()
        return f"{label} ({action.owner_name})" if action.owner_name else label
    return ""
