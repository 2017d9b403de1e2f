"""How the front door's pages say things: the time left on a decision, a child's status on a
contact, and what happens next after each outcome (house style §6: display logic lives here,
not in template conditionals)."""

import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch
from django.utils import timezone

from lantern.front_door.codes import Outcome

# Under this much time left, a decision is shown as urgent (a yellow tag).
URGENT = datetime.timedelta(hours=4)


@dataclass(frozen=True)
class Tag:
    """Text for a GOV.UK tag and its colour (components/tag.html)."""

    text: str
    colour: str


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _duration(delta: datetime.timedelta) -> str:
    """'25 minutes', '1 hour 5 minutes', '3 hours', '2 days': exact enough to act on, and
    never more time than there is (rounded down)."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return _plural(max(minutes, 1), "minute")
    hours, minutes = divmod(minutes, 60)
    if hours < 4:
        return _plural(hours, "hour") + (f" {_plural(minutes, 'minute')}" if minutes else "")
    if hours < 48:
        return _plural(hours, "hour")
    return _plural(hours // 24, "day")


def when(at: datetime.datetime, *, now: datetime.datetime | None = None) -> str:
    """A local date and time said plainly: 'today 16:40', 'tomorrow 09:00', 'Monday 16:40'
    (within the week ahead), '3 Dec 16:40', or '3 Dec 2027 16:40' in another year."""
    now = timezone.localtime(now or timezone.now())
    local = timezone.localtime(at)
    days = (local.date() - now.date()).days
    clock = f"{local:%H:%M}"
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"tomorrow {clock}"
    if days == -1:
        return f"yesterday {clock}"
    if 1 < days < 7:
        return f"{local:%A} {clock}"
    if local.year == now.year:
        return f"{local.day} {local:%b} {clock}"
    return f"{local.day} {local:%b %Y} {clock}"


def time_left(due_at: datetime.datetime, *, now: datetime.datetime | None = None) -> Tag:
    """The time left to decide, as a tag: red 'Overdue by 2 hours'; yellow 'Due in 3 hours'
    when under four hours are left; blue 'Due tomorrow 16:40' otherwise."""
    now = now or timezone.now()
    left = due_at - now
    if left <= datetime.timedelta(0):
        return Tag(f"Overdue by {_duration(-left)}", "red")
    if left < URGENT:
        return Tag(f"Due in {_duration(left)}", "yellow")
    return Tag(f"Due {when(due_at, now=now)}", "blue")


STATUS_COLOURS = {
    "awaiting": "grey",
    "more_information": "orange",
    "screened": "purple",
    "decided": "green",
}


def status_tag(item) -> Tag:
    """A child-on-a-contact's status as a tag."""
    return Tag(item.get_status_display(), STATUS_COLOURS.get(item.status, "grey"))


# What happens next after each outcome, in plain words for the referrer (who does not see the
# child's record or the reasons).
NEXT_STEPS = {
    Outcome.NFA: "Children's social care will not take any further action. If you are worried "
    "about the child again, make a new referral.",
    Outcome.ADVICE: "Children's social care will not take further action, and has given "
    "information and advice. If you are worried about the child again, make a new referral.",
    Outcome.EARLY_HELP: "The family will be offered support from early help services. "
    "An early help worker may contact you.",
    Outcome.ASSESSMENT: "A social worker will assess the child's needs. They may contact you "
    "for information.",
    Outcome.STRATEGY: "Children's social care, the police and health will discuss how to keep "
    "the child safe. You may be asked to take part or to share information.",
}


def next_steps(outcome: str) -> str:
    return NEXT_STEPS[Outcome(outcome)]


def partner_outcome(item, *, now: datetime.datetime | None = None) -> dict:
    """What a referrer may know about one child they referred: the outcome and its date, or
    when a decision is due. Never the rationale or the child's record."""
    decision = getattr(item, "decision", None) if item.status == "decided" else None
    if decision is None:
        return {
            "decided": False,
            "text": f"Awaiting a decision (due {when(item.decision_due_at, now=now)})",
            "next": "",
            "colour": "grey",
        }
    return {
        "decided": True,
        "text": decision.get_outcome_display(),
        "on": timezone.localdate(decision.decided_at),
        "next": next_steps(decision.outcome),
        "colour": "green",
    }


def page_url(obj) -> str:
    """The page of a record, or "" when it has none (yet)."""
    try:
        return obj.get_absolute_url() if obj is not None else ""
    except NoReverseMatch:
        return ""
