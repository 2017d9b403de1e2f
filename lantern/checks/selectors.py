"""Reads of practice-check flags with the child and their allocation, for lists and the API."""

import datetime
from dataclasses import dataclass

from lantern.checks.registry import Check, Flag, all_checks, get_check
from lantern.people.models import Allocation, Person


@dataclass
class FlagRow:
    check: Check
    flag: Flag
    person: Person
    allocation: Allocation | None


def flag_rows(
    *,
    today: datetime.date,
    check_id: str | None = None,
    team_id: int | None = None,
    worker_id: int | None = None,
) -> list[FlagRow]:
    checks = [get_check(check_id)] if check_id else all_checks()
    pairs = [(c, f) for c in checks if c for f in c.flags(today)]
    ids = {f.person_id for _, f in pairs}
    people = Person.objects.in_bulk(ids)
    allocations = {
        a.person_id: a
        for a in Allocation.objects.filter(person_id__in=ids, end_date__isnull=True).select_related(
            "worker", "team"
        )
    }
    rows = []
    for check, flag in pairs:
        allocation = allocations.get(flag.person_id)
        if team_id and (allocation is None or allocation.team_id != team_id):
            continue
        if worker_id and (allocation is None or allocation.worker_id != worker_id):
            continue
        if flag.person_id in people:
            rows.append(FlagRow(check, flag, people[flag.person_id], allocation))
    return rows


def counts(today: datetime.date) -> dict[str, int]:
    return {c.id: len(c.flags(today)) for c in all_checks()}
