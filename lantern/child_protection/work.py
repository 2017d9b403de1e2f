"""What is still to do on child protection, for the worker's and team's lists: initial
conferences awaited ("icpc"), first core groups ("core_group"), review conferences
("review_conference") and visits ("cp_visit"). Due dates from the timescale engine (see
selectors.py); a fixed number of queries however many children."""

from lantern.child_protection.selectors import (
    cp_review_status,
    cp_visit_status,
    first_core_group_status,
    icpcs_due,
)
from lantern.common.links import pk_url
from lantern.worklists.registry import WorkItem, work_provider


@work_provider
def conferences_and_visits(person_ids, today, calendar) -> list[WorkItem]:
    items = []
    for due in icpcs_due(person_ids, today, calendar):
        if due.section47 is not None:
            url = pk_url("child_protection:icpc_record", due.section47.pk)
        else:
            url = due.conference.get_absolute_url()
        detail = due.timescale.label
        if due.planned_on:
            detail += f"; booked for {due.planned_on:%-d %B %Y}"
        items.append(
            WorkItem.from_timescale(
                due.timescale,
                person_id=due.person_id,
                kind="icpc",
                title="Initial child protection conference",
                url=url,
                detail=detail,
            )
        )
    for status in first_core_group_status(person_ids, today, calendar).values():
        items.append(
            WorkItem.from_timescale(
                status.timescale,
                person_id=status.person_id,
                kind="core_group",
                title="First core group meeting",
                url=pk_url("child_protection:core_group_record", status.plan_id),
            )
        )
    for status in cp_review_status(person_ids, today, calendar).values():
        items.append(
            WorkItem.from_timescale(
                status.timescale,
                person_id=status.person_id,
                kind="review_conference",
                title="First review child protection conference"
                if status.is_first
                else "Review child protection conference",
                url=pk_url("child_protection:review_record", status.plan_id),
            )
        )
    for status in cp_visit_status(person_ids, today, calendar).values():
        items.append(
            WorkItem.from_timescale(
                status.timescale,
                person_id=status.person_id,
                kind="cp_visit",
                title="Child protection visit",
                url=pk_url("child_protection:plan", status.plan_id),
            )
        )
    return items
