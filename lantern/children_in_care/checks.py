"""Checks on children in care: a looked-after review overdue (regulation 33; finding "CPPCR",
a statutory timescale rather than one of the inspection findings), review decisions not put
into action (PM7), no permanence plan (PM1) and section 20 without a permanence decision (PM3).
Due dates come from review_timescales.py and permanence.py, so the checks, the work lists and
the child's care page agree. One query each."""

from lantern.checks.registry import Check, Flag, register
from lantern.children_in_care.permanence import permanence_status
from lantern.children_in_care.review_timescales import care_reviews_due, review_decisions_open
from lantern.timescales.calendar import get_calendar


def _day(d) -> str:
    return f"{d:%-d %B %Y}"


@register
class CareReviewOverdue(Check):
    id = "LAC-REVIEW-OVERDUE"
    finding = "CPPCR"
    title = "Looked-after review overdue"
    explanation = (
        "A child in care's plan is reviewed by their independent reviewing officer within 20 "
        "working days of becoming looked after, again within 3 months, and then at least every "
        "6 months (Care Planning, Placement and Case Review Regulations 2010, regulation 33). "
        "A late review leaves the plan, the placement and the child's permanence unexamined."
    )
    action = "Agree a date for the review with the IRO now, and invite the child and their family."

    def flags(self, today, person_ids=None):
        out = []
        for due in care_reviews_due(person_ids, today, get_calendar()).values():
            ts = due.timescale
            if ts.due >= today:
                continue
            since = f"last review {_day(due.last_review)}" if due.last_review else "no review yet"
            out.append(
                Flag(
                    self.id,
                    due.person_id,
                    f"{due.title} was due by {_day(ts.due)} ({since})",
                    ts.due,
                    f"period_of_care:{due.period_id}",
                )
            )
        return out


@register
class ReviewDecisionOverdue(Check):
    id = "PM7-REVIEW-DECISION"
    finding = "PM7"
    title = "Review decision not carried out"
    explanation = (
        "Inspectors found that decisions made at children's reviews were not put into action. "
        "Each decision of a looked-after review has an owner and a date; this flags those past "
        "their date and not marked done."
    )
    action = (
        "Carry out the decision, or record what has been done and when; if it can no longer "
        "be done, tell the IRO so that the review can change it."
    )

    def flags(self, today, person_ids=None):
        out = []
        for d in review_decisions_open(person_ids, today, get_calendar()):
            if d.due_date >= today:
                continue
            out.append(
                Flag(
                    self.id,
                    d.review.person_id,
                    f"Decision of the review on {_day(d.review.held_on)} ({d.owner}): "
                    f"“{d.decision[:80]}” was due by {_day(d.due_date)}",
                    d.due_date,
                    f"review_decision:{d.pk}",
                )
            )
        return out


@register
class NoPermanencePlan(Check):
    id = "PM1-NO-PERMANENCE-PLAN"
    finding = "PM1"
    title = "Child in care without a permanence plan"
    explanation = (
        "Inspectors found too many children in care for months or years without a clear plan "
        "for where and with whom they will grow up. A permanence plan is expected by the "
        "second looked-after review, about 4 months after care starts. This flags children in "
        "care that long, or past their second review, with no permanence plan recorded."
    )
    action = (
        "Agree the permanence plan (at the review, or with the IRO and your manager) and "
        "record it on the child's care page."
    )

    def flags(self, today, person_ids=None):
        out = []
        for s in permanence_status(person_ids, today, get_calendar()).values():
            if not s.missing_plan(today):
                continue
            why = (
                f"{s.reviews} reviews held"
                if s.reviews >= 2
                else f"the plan was due by {_day(s.plan_due.due)}"
            )
            out.append(
                Flag(
                    self.id,
                    s.person_id,
                    f"Looked after since {_day(s.start)} with no permanence plan ({why})",
                    min(s.plan_due.due, today),
                    f"period_of_care:{s.period_id}",
                )
            )
        return out


@register
class Section20Drift(Check):
    id = "PM3-SECTION-20"
    finding = "PM3"
    title = "Section 20 for a long time without a permanence decision"
    explanation = (
        "Inspectors found less rigour for children accommodated under section 20 (with their "
        "parents' agreement) than for children on orders. This flags children under section "
        "20 for longer than the local standard (6 months unless changed) with no permanence "
        "plan recorded."
    )
    action = (
        "Decide the plan for the child's permanence with the family, your manager and the IRO: "
        "return home with support, another legal route, or an application to court."
    )

    def flags(self, today, person_ids=None):
        out = []
        for s in permanence_status(person_ids, today, get_calendar()).values():
            if not s.s20_drift(today):
                continue
            out.append(
                Flag(
                    self.id,
                    s.person_id,
                    f"Accommodated under section 20 since {_day(s.status_since)} with no "
                    f"permanence decision (due by {_day(s.s20_due.due)})",
                    s.s20_due.due,
                    f"period_of_care:{s.period_id}",
                )
            )
        return out
