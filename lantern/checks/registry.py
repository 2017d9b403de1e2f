"""The practice-check registry: one place declaring every check, each tied to an inspection finding.

A check finds the records showing a failure inspectors found (shared/findings.md). It is written
once, as `flags(today, person_ids=None)`: with person_ids=None it returns every flag in the
authority (team lists, dashboard, API), with a list of ids only those people's flags (the child's
record). So the record page and the lists can never disagree. Each call is a fixed number of
queries. person_ids may also be a queryset of person ids (`values_list("person_id", flat=True)`)
or a Selection of one, which every check uses as a subquery: the team page selects its children
that way.
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class Selection(RawSQL):
    """A queryset of person ids compiled to SQL once. The checks and work providers put the
    team's children in ~40 queries, and Django would otherwise copy, resolve and compile the
    queryset in each. It is not iterable: a check or provider selects with it in SQL
    (`person_id__in=person_ids`)."""

    def __init__(self, person_ids: QuerySet):
        sql, params = person_ids.query.sql_with_params()
        super().__init__(sql, params)


# Which people to look at: a list of Person pks, a queryset of them or its Selection (a
# subquery), or None for everyone.
PersonIds = list[int] | QuerySet | Selection | None


@dataclass(frozen=True)
class Flag:
    check_id: str
    person_id: int  # Person.pk
    detail: str
    since: datetime.date | None = None
    # The record the flag is about, e.g. "warning:12", for de-duplication and links.
    record: str = ""


class Check:
    id: str = ""
    finding: str = ""
    title: str = ""
    explanation: str = ""
    # What a worker can do about it, shown with the flag.
    action: str = ""

    def flags(self, today: datetime.date, person_ids: PersonIds = None) -> list[Flag]:
        raise NotImplementedError

    @staticmethod
    def restrict(qs: QuerySet, field: str, person_ids: PersonIds) -> QuerySet:
        if person_ids is not None:
            qs = qs.filter(**{f"{field}__in": person_ids})
        return qs


REGISTRY: dict[str, Check] = {}


def register(cls: type[Check]) -> type[Check]:
    check = cls()
    assert check.id and check.finding and check.title and check.explanation, cls
    if check.id in REGISTRY:
        raise ValueError(f"Check {check.id} registered twice")
    REGISTRY[check.id] = check
    return cls


def all_checks() -> list[Check]:
    return sorted(REGISTRY.values(), key=lambda c: c.id)


def get_check(check_id: str) -> Check | None:
    return REGISTRY.get(check_id)


def flags_for_person(person_ids: PersonIds, today: datetime.date) -> list[tuple[Check, Flag]]:
    out = []
    for check in all_checks():
        out.extend((check, flag) for flag in check.flags(today, person_ids))
    return out
