"""A worker's and a team's work: their children, what is due or overdue for them, and the
practice checks firing on them. Everything is fetched for all the children at once, so the
page's SQL does not grow with the caseload or the children's histories."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from lantern.checks.registry import Check, Flag, Selection, flags_for_person
from lantern.common.links import pk_url
from lantern.people.models import Allocation, Warning
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import Status
from lantern.timescales.shared import shared_selection
from lantern.worklists.registry import WorkItem, work_items

SOON_DAYS = 14  # "due in the next fortnight" on the work list
MAX_CHILDREN = 1000  # a team larger than this is a data problem; the page says so
LIST_LIMIT = 50  # rows of overdue / upcoming work shown; the counts say how many in all


@dataclass
class ChildWork:
    """One child on the list, with what the page shows of them already in words (a team's
    list has a few hundred rows; model instances and template filters for each cost more than
    the queries)."""

    person_id: int
    name: str
    last_name: str
    born: str  # "6 Dec 2012", or "Not known"
    restricted: bool
    worker_id: int | None
    worker: str  # the allocated worker's name, or "Team" when allocated to the team only
    items: list[WorkItem] = field(default_factory=list)
    flags: list[tuple[Check, Flag]] = field(default_factory=list)
    warned: bool = False

    @property
    def record_url(self) -> str:
        return pk_url("people:record", self.person_id)

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.status == Status.OVERDUE)

    @property
    def next_item(self) -> WorkItem | None:
        return self.items[0] if self.items else None

    @property
    def next_due(self) -> str:
        item = self.next_item
        return f"{item.title}, {item.due:%-d %b %Y}" if item else "Nothing due"


@dataclass
class WorkerLoad:
    worker_id: int | None  # None for the children allocated to the team only
    worker: str
    children: int = 0
    overdue: int = 0
    due_soon: int = 0
    flags: int = 0


@dataclass
class Overview:
    children: list[ChildWork]
    overdue: list[tuple[WorkItem, ChildWork]]
    upcoming: list[tuple[WorkItem, ChildWork]]
    flags: list[tuple[Check, Flag, ChildWork]]
    truncated: bool = False
    workers: list[WorkerLoad] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def flagged_children(self) -> int:
        return len({f.person_id for _, f, _ in self.flags})

    @property
    def check_counts(self) -> list[tuple[Check, int, int]]:
        """Per check firing: (check, flags, children) — a team's summary."""
        flags: dict[str, int] = {}
        children: dict[str, set[int]] = {}
        checks: dict[str, Check] = {}
        for check, flag, _ in self.flags:
            checks[check.id] = check
            flags[check.id] = flags.get(check.id, 0) + 1
            children.setdefault(check.id, set()).add(flag.person_id)
        return [(checks[i], flags[i], len(children[i])) for i in sorted(checks)]

    @property
    def overdue_shown(self) -> list[tuple[WorkItem, "ChildWork"]]:
        return self.overdue[:LIST_LIMIT]

    @property
    def upcoming_shown(self) -> list[tuple[WorkItem, "ChildWork"]]:
        return self.upcoming[:LIST_LIMIT]


def _allocations(*, worker=None, team_id=None) -> QuerySet[Allocation]:
    qs = Allocation.objects.filter(end_date__isnull=True, person__merged_into__isnull=True)
    if worker is not None:
        qs = qs.filter(worker=worker)
    if team_id is not None:
        qs = qs.filter(team_id=team_id)
    return qs.order_by("person__last_name", "person__first_name", "person_id")


_ROW = (
    "person_id",
    "person__first_name",
    "person__last_name",
    "person__date_of_birth",
    "person__restricted",
    "worker_id",
    "worker__first_name",
    "worker__last_name",
    "worker__username",
)


def _child(row) -> ChildWork:
    pid, first, last, born, restricted, worker_id, w_first, w_last, w_user = row
    return ChildWork(
        person_id=pid,
        name=" ".join(p for p in (first, last) if p) or "(no name)",  # as Person.full_name
        last_name=last,
        born=f"{born:%-d %b %Y}" if born else "Not known",
        restricted=restricted,
        worker_id=worker_id,
        worker=(f"{w_first} {w_last}".strip() or w_user) if worker_id else "Team",  # as User
    )


def caseload_overview(*, today: datetime.date, worker=None, team_id=None) -> Overview:
    """The work of one worker's children (worker=) or a whole team's (team_id=)."""
    allocations = _allocations(worker=worker, team_id=team_id)
    rows = list(allocations.values_list(*_ROW)[: MAX_CHILDREN + 1])
    truncated = len(rows) > MAX_CHILDREN
    children = {row[0]: _child(row) for row in rows[:MAX_CHILDREN]}
    ids = list(children)
    # The providers and checks select the children by a subquery rather than a list of ids:
    # Django prepares every value of a list afresh for each of their ~40 queries, which for a
    # team of 200 children costs more than the queries themselves; the subquery is compiled
    # once (a Selection). Rows for children beyond the page's limit are dropped below.
    selection = Selection(allocations.order_by().values_list("person_id", flat=True))
    calendar = get_calendar()
    flags: list[tuple[Check, Flag, ChildWork]] = []
    # The work providers and the checks read some timescales alike (a child protection
    # visit is both due work and, once overdue, a check): shared_selection reads each once.
    with shared_selection():
        for item in work_items(selection if ids else [], today=today, calendar=calendar):
            if item.person_id in children:
                children[item.person_id].items.append(item)
        if ids:
            for check, flag in flags_for_person(selection, today):
                if flag.person_id in children:
                    children[flag.person_id].flags.append((check, flag))
                    flags.append((check, flag, children[flag.person_id]))
        warned = set(
            Warning.objects.filter(person_id__in=ids, ended_on__isnull=True).values_list(
                "person_id", flat=True
            )
        )
        for pid in warned:
            children[pid].warned = True
    horizon = today + datetime.timedelta(days=SOON_DAYS)
    overdue, upcoming = [], []
    for child in children.values():
        for item in child.items:
            if item.status == Status.OVERDUE:
                overdue.append((item, child))
            elif item.due <= horizon:
                upcoming.append((item, child))
    overdue.sort(key=lambda pair: (pair[0].due, pair[1].last_name))
    upcoming.sort(key=lambda pair: (pair[0].due, pair[1].last_name))
    flags.sort(key=lambda t: (t[0].id, t[2].last_name))
    return Overview(
        children=list(children.values()),
        overdue=overdue,
        upcoming=upcoming,
        flags=flags,
        truncated=truncated,
        workers=_loads(children.values(), horizon) if team_id is not None else [],
    )


def _loads(children, horizon: datetime.date) -> list[WorkerLoad]:
    """Caseload per worker: children, overdue and soon-due items, and checks firing."""
    loads: dict[int | None, WorkerLoad] = {}
    for child in children:
        load = loads.setdefault(child.worker_id, WorkerLoad(child.worker_id, child.worker))
        load.children += 1
        load.overdue += child.overdue
        load.due_soon += sum(
            1 for i in child.items if i.status != Status.OVERDUE and i.due <= horizon
        )
        load.flags += len(child.flags)
    return sorted(loads.values(), key=lambda w: (w.worker_id is None, w.worker))
