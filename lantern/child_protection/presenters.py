"""How conferences, core groups and plans are described on the pages (house style §6)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

ORDINALS = {1: "second", 2: "third", 3: "fourth", 4: "fifth"}


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str


def due_tag(
    due: datetime.date | None, done_on: datetime.date | None, today: datetime.date | None = None
) -> Tag | None:
    """Held in time, held late, overdue or due, for a meeting with a due date."""
    if due is None:
        return None
    if done_on is not None:
        return Tag("Held in time", "green") if done_on <= due else Tag("Held late", "orange")
    today = today or timezone.localdate()
    if due < today:
        return Tag("Overdue", "red")
    return Tag("Due", "blue")


def subsequent_line(previous: int) -> str:
    """'Second child protection plan: the child has had 1 before' ("" for a first plan)."""
    if not previous:
        return ""
    nth = ORDINALS.get(previous, f"{previous + 1}th")
    return (
        f"{nth.capitalize()} child protection plan: the child has had {previous} before "
        f"(CIN census NumberOfPreviousCPP {previous})"
    )
