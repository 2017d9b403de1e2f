"""Practice checks on closures and step-downs (shared/findings.md FD8 and CP6).

Both look back over the last RECENT_DAYS so that a manager sees this quarter's practice. Each
runs a fixed number of queries however many closures there are."""

import datetime
from collections import defaultdict

from django.utils import timezone

from lantern.assessments.models import Assessment
from lantern.checks.registry import Check, Flag, register
from lantern.closure.concerns import (
    SERVICE_ENDING,
    Concern,
    and_join,
    earliest_closure,
    factor_words,
    latest_authorised,
)
from lantern.closure.models import ClosureRequest
from lantern.front_door.models import Referral
from lantern.timescales.engine import effective_rule, load_rule_settings

RECENT_DAYS = 90


def _d(day: datetime.date) -> str:
    return f"{day:%-d %b %Y}"


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@register
class ClosureOverride(Check):
    id = "FD8-CLOSURE-OVERRIDE"
    finding = "FD8"
    title = "Closed or stepped down with the checks overridden"
    explanation = (
        "Inspectors found cases closed or stepped down to early help while risk remained or "
        "was unknown. A manager approved this closure although the checks found open plan "
        "actions, an assessment not authorised, a re-referral within 12 months, recent "
        "high-risk assessment factors or an open safety plan, and gave a reason for overriding "
        "them."
    )
    action = (
        "Check the override reason still holds: make sure early help or the agency that took "
        "over knows what the concerns were, and reopen a referral if the risk returns."
    )

    def flags(self, today, person_ids=None):
        qs = (
            ClosureRequest.objects.filter(
                status=ClosureRequest.Status.APPROVED,
                decided_at__gte=_day_start(today - datetime.timedelta(days=RECENT_DAYS)),
                decided_at__lt=_day_start(today + datetime.timedelta(days=1)),
            )
            .exclude(decision_concerns=[])
            .select_related("decided_by")
        )
        qs = self.restrict(qs, "person_id", person_ids)
        out = []
        for row in qs.order_by("decided_at", "id"):
            what = "Stepped down to early help" if row.is_step_down else "Closed"
            found = "; ".join(Concern.from_dict(c).label.lower() for c in row.decision_concerns)
            by = f" by {row.decided_by}" if row.decided_by else ""
            detail = (
                f"{what} on {_d(row.closure_date)} ({row.reason}), approved{by} despite: "
                f"{found}. Override: “{row.override_reason}”"
            )
            out.append(Flag(self.id, row.person_id, detail, row.closure_date, f"closure:{row.pk}"))
        return out


@register
class QuickClosure(Check):
    id = "CP6-QUICK-CLOSURE"
    finding = "CP6"
    title = (
        "Closed soon after an assessment found domestic abuse, substance misuse or parental "
        "mental health"
    )
    explanation = (
        "Inspectors found workers too optimistic about change in substance misuse, domestic "
        "abuse and parents' behaviour. This case was closed or stepped down within the local "
        "period after an assessment identified one of these factors, before there was time to "
        "be sure the change would last."
    )
    action = (
        "Review the closure with the manager: check who is watching for the risk returning, "
        "and that the family and the agencies involved know how to re-refer."
    )

    def flags(self, today, person_ids=None):
        referrals = Referral.objects.filter(
            closure_date__gte=today - datetime.timedelta(days=RECENT_DAYS),
            closure_date__lte=today,
            closure_reason__in=SERVICE_ENDING,
        )
        referrals = self.restrict(referrals, "person_id", person_ids)
        by_referral = defaultdict(list)
        for a in Assessment.objects.filter(
            referral__in=referrals.values("pk"), status=Assessment.Status.AUTHORISED
        ).prefetch_related("factors"):
            by_referral[a.referral_id].append(a)
        if not by_referral:
            return []
        overrides = dict(
            ClosureRequest.objects.filter(
                referral_id__in=list(by_referral),
                status=ClosureRequest.Status.APPROVED,
            )
            .exclude(override_reason="")
            .values_list("referral_id", "override_reason")
        )
        settings = load_rule_settings()
        period = effective_rule("high_risk_closure_window", settings=settings).period
        out = []
        rows = referrals.filter(pk__in=list(by_referral)).order_by("closure_date", "id")
        for referral in rows:
            latest = latest_authorised(by_referral[referral.pk])
            words = factor_words(f.code for f in latest.factors.all()) if latest else []
            if not words:
                continue
            authorised = latest.authorised_on
            if isinstance(authorised, datetime.datetime):
                authorised = timezone.localdate(authorised)
            earliest = earliest_closure(authorised, settings=settings)
            if referral.closure_date >= earliest:
                continue
            days = (referral.closure_date - authorised).days
            detail = (
                f"Closed on {_d(referral.closure_date)} ({referral.closure_reason}), {days} "
                f"day{'s' if days != 1 else ''} after the assessment authorised on "
                f"{_d(authorised)} identified {and_join(words)} (within {period})."
            )
            if referral.pk in overrides:
                detail += f" Manager's override: “{overrides[referral.pk]}”"
            out.append(
                Flag(
                    self.id,
                    referral.person_id,
                    detail,
                    referral.closure_date,
                    f"referral:{referral.pk}",
                )
            )
        return out
