"""What is still to do on assessments, for the worker's and team's lists: each assessment not
yet authorised (kind "assessment", the allocated worker's), and each submitted one awaiting the
manager's authorisation (kind "assessment_authorise", the team manager's to pick up). Both are
due 45 working days from the referral date. One query."""

from django.db.models import F

from lantern.assessments.models import Assessment
from lantern.assessments.presenters import assessment_timescale
from lantern.common.links import pk_url
from lantern.worklists.registry import WorkItem, work_provider


@work_provider
def assessment_work(person_ids, today, calendar) -> list[WorkItem]:
    qs = Assessment.objects.exclude(status=Assessment.Status.AUTHORISED)
    if person_ids is not None:
        qs = qs.filter(person_id__in=person_ids)
    rows = (
        qs.only("id", "person_id", "kind", "status", "authorised_on")
        .annotate(referral_date=F("referral__referral_date"))
        .order_by("id")
    )
    items = []
    for a in rows:
        timescale = assessment_timescale(
            a, referral_date=a.referral_date, today=today, calendar=calendar
        )
        url = pk_url("assessments:assessment", a.pk)
        submitted = a.status == Assessment.Status.SUBMITTED
        items.append(
            WorkItem.from_timescale(
                timescale,
                person_id=a.person_id,
                kind="assessment",
                title=a.get_kind_display(),
                url=url if submitted else pk_url("assessments:edit", a.pk),
                detail=f"{timescale.label}; with the manager" if submitted else "",
            )
        )
        if submitted:
            items.append(
                WorkItem.from_timescale(
                    timescale,
                    person_id=a.person_id,
                    kind="assessment_authorise",
                    title=f"Authorise the {a.get_kind_display().lower()}",
                    url=pk_url("assessments:authorise", a.pk),
                )
            )
    return items
