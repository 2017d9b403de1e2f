"""What is due for each child, gathered from every app in one pass.

Each app that owns a timescale (assessments, conferences, core groups, visits, plan actions…)
registers a provider: `provider(person_ids, today, calendar) -> list[WorkItem]`, returning the
items still to do (not those done) for those children, or for every child when person_ids is
None. A provider runs a fixed number of queries however many children it is given, so a
worker's and a team's lists cost the same SQL for 20 children or 200.

The due date and status come from the timescale engine (lantern.timescales.engine.assess), so
the work lists, the child's record and the checks agree."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from lantern.checks.registry import PersonIds
from lantern.timescales.calendar import WorkingDayCalendar, get_calendar
from lantern.timescales.engine import Status, Timescale


@dataclass(frozen=True)
class WorkItem:
    person_id: int
    kind: str  # a short code, e.g. "assessment", "cp_visit", "icpc", "plan_action"
    title: str  # what is due, in words: "Child and family assessment", "CP visit"
    due: datetime.date
    status: Status  # NOT_YET_DUE, DUE_SOON or OVERDUE (items done are not work)
    url: str  # where to do it
    detail: str = ""  # e.g. "Overdue by 3 working days", "Action: attend GP appointment"
    # The user responsible when it is not the child's allocated worker (e.g. a plan action
    # owned by a worker); None means whoever the child is allocated to.
    owner_id: int | None = None

    @classmethod
    def from_timescale(
        cls, ts: Timescale, *, person_id: int, kind: str, title: str, url: str, detail: str = ""
    ) -> "WorkItem":
        return cls(
            person_id=person_id,
            kind=kind,
            title=title,
            due=ts.due.date() if isinstance(ts.due, datetime.datetime) else ts.due,
            status=ts.status,
            url=url,
            detail=detail or ts.label,
        )

    @property
    def is_overdue(self) -> bool:
        return self.status == Status.OVERDUE


Provider = Callable[[PersonIds, datetime.date, WorkingDayCalendar], list[WorkItem]]
PROVIDERS: list[Provider] = []


def work_provider(fn: Provider) -> Provider:
    PROVIDERS.append(fn)
    return fn


def work_items(
    person_ids: PersonIds,
    *,
    today: datetime.date,
    calendar: WorkingDayCalendar | None = None,
) -> list[WorkItem]:
    """Everything still to do for these children (None: every child), most urgent first."""
    calendar = calendar or get_calendar()
    if isinstance(person_ids, list | tuple | set) and not person_ids:
        return []
    items: list[WorkItem] = []
    for provider in PROVIDERS:
        items.extend(provider(person_ids, today, calendar))
    return sorted(items, key=lambda i: (i.due, i.person_id, i.kind))
