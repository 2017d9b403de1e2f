"""One-line summaries of each person's involvement with the service, from every part of Lantern.

Each app registers a provider: given person ids, it returns {person id: [Involvement, ...]} from
one query. The child's record shows the current ones as its status, and the family network shows
each member's summary ("sibling — CP plan 2023–2024"). Later apps add CIN plans, CP plans and
periods of care here, without touching the record page.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lantern.people.models import Allocation


@dataclass(frozen=True)
class Involvement:
    label: str
    start: datetime.date | None
    end: datetime.date | None = None
    # Shown as the record's status when current: "open case", "CP plan", "looked after".
    status: str | None = None

    @property
    def current(self) -> bool:
        return self.end is None

    def period(self) -> str:
        start = self.start.year if self.start else "?"
        if self.end is None:
            return f"since {self.start:%b %Y}" if self.start else "current"
        end = self.end.year
        return f"{start}" if start == end else f"{start}–{end}"

    def __str__(self) -> str:
        return f"{self.label} {self.period()}"


Provider = Callable[[list[int]], dict[int, list[Involvement]]]
PROVIDERS: list[Provider] = []


def provider(func: Provider) -> Provider:
    PROVIDERS.append(func)
    return func


def involvements(person_ids: Iterable[int]) -> dict[int, list[Involvement]]:
    ids = list(person_ids)
    result: dict[int, list[Involvement]] = defaultdict(list)
    if not ids:
        return result
    for func in PROVIDERS:
        for pid, items in func(ids).items():
            result[pid].extend(items)
    for items in result.values():
        items.sort(key=lambda i: (i.end is not None, -(i.start or datetime.date.min).toordinal()))
    return result


@provider
def allocations(person_ids: list[int]) -> dict[int, list[Involvement]]:
    """Allocation periods, merged into one 'allocated' span per run of consecutive allocations."""
    out: dict[int, list[Involvement]] = defaultdict(list)
    rows = (
        Allocation.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "start_date")
        .values_list("person_id", "start_date", "end_date", "team__name")
    )
    spans: dict[int, list[list]] = defaultdict(list)
    for pid, start, end, team in rows:
        if spans[pid] and spans[pid][-1][1] is not None and (start - spans[pid][-1][1]).days <= 1:
            spans[pid][-1][1] = end
            spans[pid][-1][2] = team
        else:
            spans[pid].append([start, end, team])
    for pid, items in spans.items():
        for start, end, team in items:
            out[pid].append(
                Involvement(
                    label=f"open case ({team})" if end is None else "open case",
                    start=start,
                    end=end,
                    status="Open case" if end is None else None,
                )
            )
    return out
