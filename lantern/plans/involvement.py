"""Plans in each person's involvement summary: the record's status ("CP plan") and the family
network's and the screening history's lines ("child protection plan 2023–2024")."""

from collections import defaultdict

from lantern.people.chronology import register_kind
from lantern.people.involvement import Involvement, provider
from lantern.plans.models import Plan

register_kind("plan", "Plan", url_name="plans:plan")

STATUS = {
    Plan.Kind.CHILD_IN_NEED: "CIN plan",
    Plan.Kind.CHILD_PROTECTION: "CP plan",
    Plan.Kind.SAFETY: "Safety plan",
}


@provider
def plans(person_ids: list[int]) -> dict[int, list[Involvement]]:
    out: dict[int, list[Involvement]] = defaultdict(list)
    rows = Plan.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "kind", "start_date", "end_date"
    )
    for pid, kind, start, end in rows:
        out[pid].append(
            Involvement(
                Plan.Kind(kind).label.lower(),
                start,
                end,
                status=STATUS[kind] if end is None else None,
            )
        )
    return out
