"""What is still to do on assessments, for the worker's and team's lists: each assessment not
yet authorised (kind "assessment", the allocated worker's), and each submitted one awaiting the
manager's authorisation (kind "assessment_authorise", the team manager's to pick up). Both are
due 45 working days from the referral date. One query."""

from lantern.assessments.timeliness import open_assessments
from lantern.common.links import pk_url
from lantern.worklists.registry import WorkItem, work_provider


@work_provider
def assessment_work(person_ids, today, calendar) -> list[WorkItem]:
    items = []
    for a in open_assessments(person_ids, today, calendar):
        items.append(
            WorkItem.from_timescale(
                a.timescale,
                person_id=a.person_id,
                kind="assessment",
                title=a.kind_label,
                url=pk_url("assessments:assessment" if a.submitted else "assessments:edit", a.pk),
                detail=f"{a.timescale.label}; with the manager" if a.submitted else "",
            )
        )
        if a.submitted:
            items.append(
                WorkItem.from_timescale(
                    a.timescale,
                    person_id=a.person_id,
                    kind="assessment_authorise",
                    title=f"Authorise the {a.kind_label.lower()}",
                    url=pk_url("assessments:authorise", a.pk),
                )
            )
    return items
