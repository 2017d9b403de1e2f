"""Assessments in each person's involvement summary and chronology: an open assessment is the
record's status ("Assessment"); completed ones appear in the family network's and the screening
history's lines ("child and family assessment 2025")."""

from collections import defaultdict

from lantern.assessments.models import Assessment
from lantern.people.chronology import register_kind
from lantern.people.involvement import Involvement, provider

register_kind("assessment", "Assessment", url_name="assessments:assessment")

OPEN_ASSESSMENT = "Assessment"


@provider
def assessments(person_ids: list[int]) -> dict[int, list[Involvement]]:
    out: dict[int, list[Involvement]] = defaultdict(list)
    rows = Assessment.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "start_date", "authorised_on"
    )
    for pid, start, end in rows:
        out[pid].append(
            Involvement(
                "child and family assessment",
                start,
                end,
                status=OPEN_ASSESSMENT if end is None else None,
            )
        )
    return out
