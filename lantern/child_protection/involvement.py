"""Child protection in the child's record: a child on a second or subsequent child protection
plan is flagged ("Second or subsequent CP plan"), and conferences and core groups are kinds of
chronology entry."""

from lantern.child_protection.selectors import previous_cp_plans
from lantern.people.chronology import register_kind
from lantern.people.involvement import Involvement, provider

register_kind("conference", "Child protection conference", url_name="child_protection:conference")
register_kind("core_group", "Core group meeting", url_name="child_protection:core_group")

SUBSEQUENT = "Second or subsequent CP plan"


@provider
def subsequent_cp_plans(person_ids: list[int]) -> dict[int, list[Involvement]]:
    """Children whose open child protection plan is not their first. One query."""
    return {
        pid: [
            Involvement(
                f"second or subsequent child protection plan ({previous} before)",
                start,
                None,
                status=SUBSEQUENT,
            )
        ]
        for pid, (start, previous) in previous_cp_plans(person_ids).items()
        if previous
    }
