"""Closure requests waiting for a manager: due the working day after they are asked for
(timescale rule "closure_decision")."""

from django.utils import timezone

from lantern.closure.models import ClosureRequest
from lantern.common.links import pk_url
from lantern.timescales.engine import assess, load_rule_settings
from lantern.worklists.registry import WorkItem, work_provider

RULE = "closure_decision"


@work_provider
def closure_approvals(person_ids, today, calendar) -> list[WorkItem]:
    """One item per request still waiting for a manager's approval or return (two queries)."""
    qs = ClosureRequest.objects.filter(status=ClosureRequest.Status.REQUESTED)
    if person_ids is not None:
        qs = qs.filter(person_id__in=person_ids)
    rows = list(qs.select_related("requested_by").order_by("requested_at", "id"))
    if not rows:
        return []
    settings = load_rule_settings()
    items = []
    for row in rows:
        ts = assess(
            RULE,
            timezone.localdate(row.requested_at),
            today=today,
            calendar=calendar,
            settings=settings,
        )
        what = "step-down to early help" if row.is_step_down else "closure"
        by = f" by {row.requested_by}" if row.requested_by else ""
        items.append(
            WorkItem.from_timescale(
                ts,
                person_id=row.person_id,
                kind="closure_approval",
                title=f"Manager's approval of the {what}",
                url=pk_url("closure:request", row.pk),
                detail=f"{ts.label}: asked for{by} ({row.reason})",
            )
        )
    return items
