"""The front door's indicators (shared/findings.md FD1, FD3, FD6, FD9, FD11, CP2): figures over a
period that let a manager see the quality of the front door from the system's own data.

Each function takes a period (`date_from` to `date_to`, both days included, in local time) and
returns an Indicator: what it measures in plain words, how it is counted, and rows of numerator,
denominator and value (numerator / denominator, 0–1, or None when nothing was counted). Per-agency
indicators have one row per agency group (codes.agency_group of the contact's referral source)
and a last row for all agencies together, whose group is None.

Each function runs a fixed number of queries, whatever the period. Counting is in the database
where the rule can be said in SQL; the two that need the timescale engine or calendar months
(CP2's one working day, FD9's 12 months) fetch one narrow row per record and count in Python.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from lantern.front_door.codes import Section47Outcome, StrategyDecision, agency_group
from lantern.front_door.models import Contact, ContactChild, Referral, StrategyDiscussion
from lantern.timescales.calendar import get_calendar
from lantern.timescales.engine import add_months, due_at, load_rule_settings


@dataclass(frozen=True)
class Row:
    """One figure: `value` is numerator / denominator, or None when the denominator is 0.
    `mean` is only for indicators that also report an average (FD3: mean completeness, 0–1)."""

    group: str | None
    numerator: int
    denominator: int
    mean: float | None = None
    value: float | None = field(init=False)

    def __post_init__(self):
        value = self.numerator / self.denominator if self.denominator else None
        object.__setattr__(self, "value", value)


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    counting_rule: str
    date_from: datetime.date
    date_to: datetime.date
    rows: tuple[Row, ...]


def _moments(date_from: datetime.date, date_to: datetime.date):
    """The period as [start, end) aware datetimes: midnight local time at the start of
    `date_from` to midnight at the end of `date_to`."""
    if date_from > date_to:
        raise ValueError("date_from must be on or before date_to")
    start = timezone.make_aware(datetime.datetime.combine(date_from, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


def _agency_rows(by_source: dict[str, tuple[int, int]]) -> tuple[Row, ...]:
    """Rows per agency group, alphabetically, then all agencies (group None), from
    {referral source code: (numerator, denominator)}."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for source, (numerator, denominator) in by_source.items():
        totals = groups[agency_group(source)]
        totals[0] += numerator
        totals[1] += denominator
    rows = [Row(g, n, d) for g, (n, d) in sorted(groups.items())]
    rows.append(Row(None, sum(r.numerator for r in rows), sum(r.denominator for r in rows)))
    return tuple(rows)


def below_threshold_by_agency(date_from: datetime.date, date_to: datetime.date) -> Indicator:
    """FD1: children on contacts from each agency judged below the threshold for children's
    social care at screening (level 1 universal or 2 early help)."""
    start, end = _moments(date_from, date_to)
    counts = (
        ContactChild.objects.filter(
            contact__received_at__gte=start,
            contact__received_at__lt=end,
            screening__threshold__isnull=False,
        )
        .values("contact__source")
        .annotate(
            screened=Count("id"),
            below=Count("id", filter=Q(screening__threshold__level__lte=2)),
        )
        .order_by()
    )
    rows = _agency_rows({c["contact__source"]: (c["below"], c["screened"]) for c in counts})
    return Indicator(
        id="FD1",
        title="Contacts below threshold, by referring agency",
        definition=(
            "Of the children on contacts from each agency whose threshold level was judged at "
            "screening, the share judged at level 1 (universal) or level 2 (early help): needs "
            "that did not call for children's social care. A high share suggests the agency "
            "needs feedback about the local threshold document."
        ),
        counting_rule=(
            "Each child on a contact counts once. Contacts received in the period (by the date "
            "received), grouped by the agency of the referral source. Numerator: children "
            "screened at level 1 or 2. Denominator: children whose threshold level has been "
            "recorded at screening; children not yet screened are not counted."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=rows,
    )


def completeness_by_agency(date_from: datetime.date, date_to: datetime.date) -> Indicator:
    """FD3: how complete contacts from each agency are against the multi-agency referral form's
    required information."""
    start, end = _moments(date_from, date_to)
    counts = (
        Contact.objects.filter(received_at__gte=start, received_at__lt=end)
        .values("source")
        .annotate(
            contacts=Count("id"),
            complete=Count("id", filter=Q(completeness=100)),
            points=Sum("completeness"),
        )
        .order_by()
    )
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in counts:
        totals = groups[agency_group(c["source"])]
        totals[0] += c["complete"]
        totals[1] += c["contacts"]
        totals[2] += c["points"] or 0

    def row(group, complete, contacts, points):
        return Row(group, complete, contacts, mean=points / contacts / 100 if contacts else None)

    rows = [row(g, *totals) for g, totals in sorted(groups.items())]
    rows.append(
        row(
            None,
            sum(t[0] for t in groups.values()),
            sum(t[1] for t in groups.values()),
            sum(t[2] for t in groups.values()),
        )
    )
    return Indicator(
        id="FD3",
        title="Completeness of contacts, by referring agency",
        definition=(
            "How much of the multi-agency referral form's required information contacts from "
            "each agency gave: the share of contacts with all of it, and the mean completeness "
            "score. Incomplete contacts mean workers spend time chasing information."
        ),
        counting_rule=(
            "Each contact counts once, however many children it concerns. Contacts received in "
            "the period (by the date received), grouped by the agency of the referral source. "
            "Numerator: contacts with a completeness score of 100%. Denominator: all contacts. "
            "Mean: the average completeness score (0–1), recorded when each contact was made."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=tuple(rows),
    )


def decisions_in_time(date_from: datetime.date, date_to: datetime.date) -> Indicator:
    """FD6: decisions on children on contacts made by the time they were due."""
    start, end = _moments(date_from, date_to)
    counts = ContactChild.objects.filter(decided_at__gte=start, decided_at__lt=end).aggregate(
        decided=Count("id"),
        in_time=Count("id", filter=Q(decided_at__lte=F("decision_due_at"))),
    )
    return Indicator(
        id="FD6",
        title="Front door decisions made in time",
        definition=(
            "Of the decisions made on children on contacts, the share made by the time they "
            "were due: one working day from receipt, or the later time a manager agreed when "
            "more information was needed."
        ),
        counting_rule=(
            "Each child on a contact counts once, in the period in which their decision was "
            "made (by the date decided). Numerator: decided at or before the decision due time. "
            "Denominator: all decisions made in the period. Contacts still awaiting a decision "
            "are not counted here (the FD6 check lists those that are overdue)."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=(Row(None, counts["in_time"], counts["decided"]),),
    )


def re_referral_rate(date_from: datetime.date, date_to: datetime.date) -> Indicator:
    """FD9: referrals within 12 months of a previous referral of the same child (DfE)."""
    if date_from > date_to:
        raise ValueError("date_from must be on or before date_to")
    # The child is the surviving record: referrals on a record merged into another are theirs.
    referrals = (
        Referral.objects.filter(
            referral_date__gte=add_months(date_from, -12), referral_date__lte=date_to
        )
        .annotate(child=Coalesce("person__merged_into", "person"))
        .values_list("child", "referral_date")
        .order_by("child", "referral_date")
    )
    numerator = denominator = 0
    for _child, rows in groupby(referrals, key=itemgetter(0)):
        current = earlier = None  # this referral's date, and the child's latest date before it
        for _, referral_date in rows:
            if referral_date != current:
                earlier, current = current, referral_date
            if referral_date < date_from:
                continue  # only a previous referral
            denominator += 1
            if earlier is not None and earlier >= add_months(referral_date, -12):
                numerator += 1
    return Indicator(
        id="FD9",
        title="Re-referrals within 12 months",
        definition=(
            "Of the referrals to children's social care in the period, the share that were "
            "within 12 months of a previous referral of the same child (the DfE measure). "
            "Repeat referrals suggest earlier help did not change things for the child."
        ),
        counting_rule=(
            "Each referral counts once, by its referral date. Numerator: referrals of a child "
            "who had another referral dated in the 12 calendar months before (the same date 12 "
            "months earlier included; the same day excluded). Denominator: all referrals in the "
            "period. Records merged into one child count as that child."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=(Row(None, numerator, denominator),),
    )


def strategy_nfa_rate(date_from: datetime.date, date_to: datetime.date) -> Indicator:
    """FD11: strategy discussions that ended in no further action."""
    start, end = _moments(date_from, date_to)
    counts = StrategyDiscussion.objects.filter(
        recorded_at__isnull=False, held_at__gte=start, held_at__lt=end
    ).aggregate(
        recorded=Count("id"),
        nfa=Count(
            "id",
            filter=Q(decision=StrategyDecision.NFA) | Q(section47__outcome=Section47Outcome.NFA),
        ),
    )
    return Indicator(
        id="FD11",
        title="Strategy discussions ending in no further action",
        definition=(
            "Of the strategy discussions held in the period, the share that led to no further "
            "action: decided at the discussion, or the outcome of the section 47 enquiry it "
            "started. A high share suggests children progress to strategy discussions "
            "unnecessarily."
        ),
        counting_rule=(
            "Each recorded strategy discussion or meeting counts once, by the date it was held. "
            "Numerator: the decision was no further action, or the section 47 enquiry it "
            "started ended in no further action. Denominator: all recorded discussions held in "
            "the period. Discussions not yet recorded are not counted (see CP2)."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=(Row(None, counts["nfa"], counts["recorded"]),),
    )


def strategy_recorded_in_time(
    date_from: datetime.date,
    date_to: datetime.date,
    *,
    now: datetime.datetime | None = None,
) -> Indicator:
    """CP2: strategy discussions whose record was completed within one working day."""
    start, end = _moments(date_from, date_to)
    now = now or timezone.now()
    calendar, settings = get_calendar(), load_rule_settings()
    numerator = denominator = 0
    held = StrategyDiscussion.objects.filter(held_at__gte=start, held_at__lt=end).values_list(
        "held_at", "recorded_at"
    )
    for held_at, recorded_at in held:
        due = due_at("strategy_record", held_at, calendar=calendar, settings=settings)
        if recorded_at is None and due > now:
            continue  # not recorded yet, and not yet due (or not yet held): neither late nor met
        denominator += 1
        if recorded_at is not None and recorded_at <= due:
            numerator += 1
    return Indicator(
        id="CP2",
        title="Strategy discussions recorded within one working day",
        definition=(
            "Of the strategy discussions held in the period, the share whose record (who "
            "attended, the decision and the plan for the enquiry) was completed within one "
            "working day of the discussion."
        ),
        counting_rule=(
            "Each strategy discussion or meeting counts once, by the date it was held. "
            "Numerator: recorded by the due time (one working day after it was held, at the "
            "same time of day; the local timescale setting applies). Denominator: discussions "
            "held in the period, except those not yet recorded whose record is not yet due."
        ),
        date_from=date_from,
        date_to=date_to,
        rows=(Row(None, numerator, denominator),),
    )


def all_indicators(
    date_from: datetime.date,
    date_to: datetime.date,
    *,
    now: datetime.datetime | None = None,
) -> list[Indicator]:
    """Every front-door indicator for the period, in finding order."""
    return [
        below_threshold_by_agency(date_from, date_to),
        completeness_by_agency(date_from, date_to),
        decisions_in_time(date_from, date_to),
        re_referral_rate(date_from, date_to),
        strategy_nfa_rate(date_from, date_to),
        strategy_recorded_in_time(date_from, date_to, now=now),
    ]
