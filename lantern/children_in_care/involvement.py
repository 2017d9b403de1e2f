"""Periods of care in each person's involvement summary: the record's status ("Looked after")
and the family network's and the screening history's lines ("looked after 2021–2023")."""

from collections import defaultdict

from lantern.children_in_care.models import PeriodOfCare
from lantern.people.involvement import Involvement, provider


@provider
def periods_of_care(person_ids: list[int]) -> dict[int, list[Involvement]]:
    out: dict[int, list[Involvement]] = defaultdict(list)
    rows = PeriodOfCare.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "start_date", "end_date"
    )
    for pid, start, end in rows:
        out[pid].append(
            Involvement("looked after", start, end, status="Looked after" if end is None else None)
        )
    return out
