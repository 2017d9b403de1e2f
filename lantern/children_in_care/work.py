"""What is still to do for children in care, for the worker's and team's lists: the next
looked-after review ("lac_review") and review decisions not yet done ("review_decision",
the owner's when a Lantern user owns it). Two queries however many children."""

from lantern.children_in_care.review_timescales import care_reviews_due, review_decisions_open
from lantern.common.links import pk_url
from lantern.plans.work import date_status
from lantern.worklists.registry import WorkItem, work_provider


@work_provider
def care_work(person_ids, today, calendar) -> list[WorkItem]:
    items = []
    for due in care_reviews_due(person_ids, today, calendar).values():
        items.append(
            WorkItem.from_timescale(
                due.timescale,
                person_id=due.person_id,
                kind="lac_review",
                title=due.title,
                url=pk_url("children_in_care:review_record", due.person_id),
            )
        )
    for d in review_decisions_open(person_ids, today, calendar):
        status, label = date_status(d.due_date, today)
        items.append(
            WorkItem(
                person_id=d.review.person_id,
                kind="review_decision",
                title="Looked-after review decision",
                due=d.due_date,
                status=status,
                url=pk_url("children_in_care:decision_done", d.pk),
                detail=f"{d.decision[:60]} ({label.lower()})",
                owner_id=d.owner_user_id,
            )
        )
    return items
