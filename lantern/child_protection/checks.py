"""Child protection timescale checks (Working Together to Safeguard Children 2023; finding
"WT-CP": a statutory timescale, not one of the inspection findings in shared/findings.md).

The due dates are the timescale engine's (see selectors.py), so the checks, the work lists
and the child's page agree. Each check runs a fixed number of queries."""

import datetime

from lantern.checks.registry import Check, Flag, register
from lantern.child_protection.codes import ConferenceKind
from lantern.child_protection.models import Conference
from lantern.child_protection.selectors import cp_review_status, cp_visit_status, icpcs_due
from lantern.timescales.calendar import get_calendar

FINDING = "WT-CP"
# Conferences held late are flagged for this many days afterwards, as the front door's checks
# look back over their recent decisions.
RECENT_DAYS = 90


def _day(d: datetime.date) -> str:
    return f"{d:%-d %B %Y}"


def _late(calendar, due: datetime.date, done: datetime.date) -> str:
    n = calendar.working_days_between(due, done)
    return f"{n} working day{'s' if n != 1 else ''} late" if n else "late"


@register
class IcpcLate(Check):
    id = "CP-ICPC-LATE"
    finding = FINDING
    title = "Initial child protection conference late"
    explanation = (
        "Working Together says an initial child protection conference should be held within "
        "15 working days of the strategy discussion that started the section 47 enquiry. A "
        "late conference leaves a child at risk of significant harm without an agreed "
        "multi-agency plan. This flags enquiries whose conference is overdue, and "
        f"conferences held late in the last {RECENT_DAYS} days."
    )
    action = (
        "Convene the conference now, with the police, health and the child's school invited "
        "and their reports requested; if it was late, record why on the conference."
    )

    def flags(self, today, person_ids=None):
        calendar = get_calendar()
        out = []
        for item in icpcs_due(person_ids, today, calendar):
            ts = item.timescale
            if ts.due >= today:
                continue
            if item.section47 is not None:
                what = f"Section 47 enquiry started {_day(item.section47.start_date)}"
                record = f"section47:{item.section47.pk}"
            else:
                what = f"Transfer-in notified {_day(item.conference.notified_on)}"
                record = f"conference:{item.conference.pk}"
            out.append(
                Flag(
                    self.id,
                    item.person_id,
                    f"{what}: the initial conference was due by {_day(ts.due)} and has not "
                    "been held",
                    ts.due,
                    record,
                )
            )
        held_late = self.restrict(
            Conference.objects.filter(
                kind__in=[ConferenceKind.INITIAL, ConferenceKind.TRANSFER_IN],
                held_on__gte=today - datetime.timedelta(days=RECENT_DAYS),
                held_on__lte=today,
            ),
            "person_id",
            person_ids,
        )
        for c in held_late.order_by("held_on", "pk").only(
            "pk", "person_id", "kind", "held_on", "due_date"
        ):
            if c.held_on > c.due_date:
                out.append(
                    Flag(
                        self.id,
                        c.person_id,
                        f"{c.get_kind_display()} held {_day(c.held_on)}, "
                        f"{_late(calendar, c.due_date, c.held_on)} (due by {_day(c.due_date)})",
                        c.due_date,
                        f"conference:{c.pk}",
                    )
                )
        return out


@register
class ReviewOverdue(Check):
    id = "CP-REVIEW-OVERDUE"
    finding = FINDING
    title = "Review child protection conference overdue"
    explanation = (
        "A child protection plan is reviewed by a conference within 3 months of the initial "
        "conference and then at least every 6 months. Without a review, nobody checks "
        "together whether the plan is keeping the child safe or should change or end."
    )
    action = "Book the review conference with the chair now and invite the core group."

    def flags(self, today, person_ids=None):
        out = []
        for status in cp_review_status(person_ids, today, get_calendar()).values():
            ts = status.timescale
            if ts.due < today:
                which = "first review conference" if status.is_first else "review conference"
                since = (
                    f"6 months after the last on {_day(status.last_review)}"
                    if status.last_review
                    else "3 months after the initial conference"
                )
                out.append(
                    Flag(
                        self.id,
                        status.person_id,
                        f"Child protection plan: the {which} was due by {_day(ts.due)} ({since})",
                        ts.due,
                        f"plan:{status.plan_id}",
                    )
                )
        return out


@register
class VisitOverdue(Check):
    id = "CP-VISIT-OVERDUE"
    finding = FINDING
    title = "Child protection visit overdue"
    explanation = (
        "A child on a child protection plan should be seen (and seen alone where appropriate) "
        "at the interval the local authority sets — by default every 10 working days. Seeing "
        "the child is how the plan is known to be keeping them safe."
    )
    action = "Visit and see the child now, and record the visit as a case note."

    def flags(self, today, person_ids=None):
        out = []
        for status in cp_visit_status(person_ids, today, get_calendar()).values():
            ts = status.timescale
            if ts.due < today:
                since = (
                    f"last seen on a visit {_day(status.last_visit)}"
                    if status.last_visit
                    else f"not seen on a visit since the plan started {_day(status.plan_start)}"
                )
                out.append(
                    Flag(
                        self.id,
                        status.person_id,
                        f"Child protection visit was due by {_day(ts.due)} ({since})",
                        ts.due,
                        f"plan:{status.plan_id}",
                    )
                )
        return out
