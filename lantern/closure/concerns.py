"""Why closing a referral now may leave a child unsafe (findings FD8 and CP6).

`closure_concerns()` answers, for one referral and a proposed closure date, each reason the
closure needs a manager's override, in plain words for the page:

- an open child protection plan: a hard refusal (the plan ends at a review conference, not by
  closing the case), never overridable;
- plan actions not done on the child's open plans;
- an open safety plan;
- an assessment on this referral that is not authorised (the risk is not yet known);
- a re-referral: another referral of the child within the 12 months before this one;
- CP6: the referral's latest authorised assessment identified domestic abuse, alcohol or drug
  misuse by a parent or household member, or parental mental health, and the case would close
  within the locally configured period after its authorisation (timescale rule
  "high_risk_closure_window": the earliest closure without an override is its due date).

The CP6 check (lantern/closure/checks.py) reads the same factor list and rule."""

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.utils import timezone

from lantern.assessments.models import Assessment
from lantern.front_door.codes import ReasonForClosure
from lantern.front_door.models import Referral
from lantern.people.selectors import record_ids
from lantern.plans.models import Plan, PlanAction
from lantern.timescales.engine import add_months, due_date, effective_rule

RULE = "high_risk_closure_window"

# CIN census assessment factors (domain.md §2.4.7) that inspectors found workers too optimistic
# about (CP6), in the words the concern uses.
HIGH_RISK_FACTORS = {
    "1B": "alcohol misuse by a parent or carer",
    "1C": "alcohol misuse by another member of the household",
    "2B": "drug misuse by a parent or carer",
    "2C": "drug misuse by another member of the household",
    "3A": "domestic abuse (the child as subject)",
    "3B": "domestic abuse (a parent or carer as subject)",
    "3C": "domestic abuse (another member of the household as subject)",
    "4B": "mental health of a parent or carer",
}

# Reasons that end the service because things are thought to be better: the ones CP6 is about.
# Adoption, death, court orders and transfers (RC1–RC6) close for other reasons.
SERVICE_ENDING = (ReasonForClosure.RC7, ReasonForClosure.RC8, ReasonForClosure.RC9)

# How many plan actions a concern names before "and N more".
SHOW_ACTIONS = 3

OPEN_CP_PLAN = "open_cp_plan"
OPEN_ACTIONS = "open_plan_actions"
OPEN_SAFETY_PLAN = "open_safety_plan"
ASSESSMENT_NOT_AUTHORISED = "assessment_not_authorised"
RE_REFERRAL = "re_referral"
HIGH_RISK_FACTORS_CODE = "high_risk_factors"

LABELS = {
    OPEN_CP_PLAN: "Child protection plan open",
    OPEN_ACTIONS: "Plan actions not done",
    OPEN_SAFETY_PLAN: "Safety plan open",
    ASSESSMENT_NOT_AUTHORISED: "Assessment not authorised",
    RE_REFERRAL: "Re-referral within 12 months",
    HIGH_RISK_FACTORS_CODE: "High-risk factors assessed recently",
}


@dataclass(frozen=True)
class Concern:
    code: str
    text: str
    # False for the one concern no manager may override (an open child protection plan).
    overridable: bool = True

    @property
    def label(self) -> str:
        return LABELS.get(self.code, self.code)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Concern":
        return cls(data["code"], data["text"], data.get("overridable", True))


def _d(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def factor_words(codes: Iterable[str]) -> list[str]:
    """The high-risk factors among these assessment factor codes, in words, in code order."""
    return [HIGH_RISK_FACTORS[c] for c in sorted(set(codes)) if c in HIGH_RISK_FACTORS]


def and_join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def earliest_closure(authorised_on, *, settings=None, calendar=None) -> datetime.date:
    """The earliest closure date without an override after a high-risk assessment (CP6): the
    due date of the timescale rule, with the local authority's setting."""
    return due_date(RULE, _as_date(authorised_on), settings=settings, calendar=calendar)


def latest_authorised(assessments):
    """The latest authorised assessment among these (by authorisation, then start date)."""
    done = [
        a
        for a in assessments
        if a.status == Assessment.Status.AUTHORISED and a.authorised_on is not None
    ]
    if not done:
        return None
    return max(done, key=lambda a: (_as_date(a.authorised_on), a.start_date, a.pk))


def re_referral(referral: Referral, ids: list[int]) -> Referral | None:
    """The latest other referral of the child in the 12 months up to this referral's date
    (inclusive: a referral exactly 12 months earlier is a re-referral, as at the front door)."""
    return (
        Referral.objects.filter(
            person_id__in=ids,
            referral_date__gte=add_months(referral.referral_date, -12),
            referral_date__lte=referral.referral_date,
        )
        .exclude(pk=referral.pk)
        .order_by("-referral_date", "-id")
        .first()
    )


def closure_concerns(
    *,
    referral: Referral,
    closure_date: datetime.date,
    calendar=None,
    reason: str = "",
    settings=None,
) -> list[Concern]:
    """Every reason closing `referral` on `closure_date` needs a manager's override (FD8, CP6),
    the one that cannot be overridden (an open CP plan) first. Empty when none apply.

    `reason` (a ReasonForClosure code), when given, limits the CP6 concern to closures that end
    the service (RC7–RC9). `calendar` (the working-day calendar) and `settings` (the timescale
    rule settings) are loaded when None; callers checking many closures pass them once."""
    person = referral.person
    name = person.full_name
    ids = record_ids(person)
    concerns: list[Concern] = []

    open_plans = list(
        Plan.objects.filter(person_id__in=ids, end_date__isnull=True).order_by("start_date", "id")
    )
    for plan in open_plans:
        if plan.kind == Plan.Kind.CHILD_PROTECTION:
            concerns.append(
                Concern(
                    OPEN_CP_PLAN,
                    f"{name} is on a child protection plan (since {_d(plan.start_date)}). A "
                    "case cannot be closed or stepped down while a child protection plan is "
                    "open: the plan ends only when a review conference decides the child is no "
                    "longer at risk of significant harm.",
                    overridable=False,
                )
            )

    actions = list(
        PlanAction.objects.filter(
            plan__in=open_plans,
            status__in=PlanAction.OPEN_STATUSES,
            ended_at__isnull=True,
        )
        .select_related("plan")
        .order_by("due_date", "order", "id")
    )
    if actions:
        shown = [
            f"“{a.action[:80]}” ({a.plan.get_kind_display().lower()}"
            + (f", due {_d(a.due_date)})" if a.due_date else ", no due date)")
            for a in actions[:SHOW_ACTIONS]
        ]
        more = len(actions) - SHOW_ACTIONS
        listed = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
        count = f"{len(actions)} plan action{'s are' if len(actions) != 1 else ' is'}"
        concerns.append(
            Concern(
                OPEN_ACTIONS,
                f"{count} not done: {listed}. Closing now leaves what the plan said {name} "
                "needs unfinished.",
            )
        )

    for plan in open_plans:
        if plan.kind == Plan.Kind.SAFETY:
            concerns.append(
                Concern(
                    OPEN_SAFETY_PLAN,
                    f"{name}'s safety plan (since {_d(plan.start_date)}) is still open. Say who "
                    "will keep the child safe once the case closes, or end the plan first.",
                )
            )

    assessments = list(Assessment.objects.filter(referral=referral).prefetch_related("factors"))
    unfinished = [a for a in assessments if a.status != Assessment.Status.AUTHORISED]
    for a in sorted(unfinished, key=lambda a: (a.start_date, a.pk)):
        concerns.append(
            Concern(
                ASSESSMENT_NOT_AUTHORISED,
                f"The assessment started on {_d(a.start_date)} has not been authorised by a "
                f"manager, so the risk to {name} is not yet known.",
            )
        )

    previous = re_referral(referral, ids)
    if previous is not None:
        concerns.append(
            Concern(
                RE_REFERRAL,
                f"Re-referral: {name} was referred before on {_d(previous.referral_date)}, "
                f"within 12 months of this referral on {_d(referral.referral_date)}. A repeat "
                "referral can mean earlier help did not make the child safer.",
            )
        )

    if not reason or reason in SERVICE_ENDING:
        latest = latest_authorised(assessments)
        words = factor_words(f.code for f in latest.factors.all()) if latest else []
        if words:
            authorised = _as_date(latest.authorised_on)
            earliest = earliest_closure(authorised, settings=settings, calendar=calendar)
            if closure_date < earliest:
                period = effective_rule(RULE, settings=settings).period
                concerns.append(
                    Concern(
                        HIGH_RISK_FACTORS_CODE,
                        f"The assessment authorised on {_d(authorised)} identified "
                        f"{and_join(words)}. Closing on {_d(closure_date)} is within {period} "
                        f"of it (the earliest closure without a manager's override is "
                        f"{_d(earliest)}): change in these takes time to be sure of.",
                    )
                )
    return concerns


def hard_refusals(concerns: Iterable[Concern]) -> list[Concern]:
    return [c for c in concerns if not c.overridable]
