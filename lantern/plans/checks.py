"""Plans' practice checks (shared/findings.md AP6, CP5)."""

import datetime
from collections import defaultdict

from django.db.models import Count, F, Q
from django.utils import timezone

from lantern.checks.registry import Check, Flag, register
from lantern.plans.models import Plan, PlanAction
from lantern.plans.presenters import incomplete, numbered

# A plan still in draft this many days after it started should have been finalised: its
# actions are read as the plan the family is working to.
DRAFT_DAYS = 10


@register
class PlanNotSmart(Check):
    id = "AP6-SMART"
    finding = "AP6"
    title = "Plan action without an owner, a due date or a measurable outcome"
    explanation = (
        "Inspectors found plans too vague to make a difference: actions with no one "
        "responsible, no timescale and no way of telling whether they had worked. Every "
        "action on a child's plan needs an owner, a date it will be done by, and a measurable "
        "outcome, so the family and every agency know what is expected and the review can "
        "see whether things have changed for the child. This plan is final, or has been a "
        f"draft for more than {DRAFT_DAYS} days, and has an open action missing one of these."
    )
    action = (
        "Open the plan and complete each action named: who will do it, by when, and how "
        "everyone will know it has been done and has worked."
    )

    def flags(self, today, person_ids=None):
        draft_before = today - datetime.timedelta(days=DRAFT_DAYS)
        plans = Plan.objects.filter(end_date__isnull=True).filter(
            Q(finalised_at__isnull=False) | Q(start_date__lt=draft_before)
        )
        plans = self.restrict(plans, "person_id", person_ids)
        # Only plans with an open action lacking something are read in full (the actions are
        # numbered as the plan shows them, so all of such a plan's actions are needed).
        lacking_something = (
            Q(due_date__isnull=True)
            | Q(outcome="")
            | Q(owner_person__isnull=True, owner_user__isnull=True, owner_agency="")
        )
        flagged = PlanAction.objects.filter(
            plan__in=plans, ended_at__isnull=True, status__in=PlanAction.OPEN_STATUSES
        ).filter(lacking_something)
        actions = (
            PlanAction.objects.filter(plan_id__in=flagged.values("plan_id"), ended_at__isnull=True)
            .select_related("plan")
            .order_by("plan_id", "order", "id")
        )
        by_plan: dict[int, list[PlanAction]] = defaultdict(list)
        for action in actions:
            by_plan[action.plan_id].append(action)
        out = []
        for plan_actions in by_plan.values():
            plan = plan_actions[0].plan
            lacking = [incomplete(n, a) for n, a in numbered(plan_actions) if a.is_open]
            lacking = [m for m in lacking if m]
            if not lacking:
                continue
            state = "final" if plan.is_final else "draft"
            since = (
                timezone.localdate(plan.finalised_at)
                if plan.is_final
                else plan.start_date + datetime.timedelta(days=DRAFT_DAYS)
            )
            out.append(
                Flag(
                    self.id,
                    plan.person_id,
                    f"{plan.get_kind_display()} ({state}, started "
                    f"{plan.start_date:%-d %b %Y}): {'; '.join(lacking)}",
                    since,
                    f"plan:{plan.pk}",
                )
            )
        return sorted(out, key=lambda f: (f.since or today, f.record))


@register
class ParentOnlySafetyPlan(Check):
    id = "CP5-PARENT-SAFETY-PLAN"
    finding = "CP5"
    title = "Safety plan that relies only on the parents"
    explanation = (
        "Inspectors found children kept safe only by informal safety plans that depended on "
        "their parents doing what they had agreed. Where the parents are the source of the "
        "risk, or cannot protect the child, a plan resting on their compliance alone may not "
        "keep the child safe, and no one else is watching. Every open action on this safety "
        "plan falls on a parent or carer of the child."
    )
    action = (
        "Review the safety plan with the family and the agencies: add actions for the "
        "professionals and the wider family network (who checks, who the child can tell, "
        "what happens if the plan is not kept), or consider whether a safety plan is enough."
    )

    def flags(self, today, person_ids=None):
        open_action = Q(
            actions__ended_at__isnull=True, actions__status__in=PlanAction.OPEN_STATUSES
        )
        plans = (
            Plan.objects.filter(kind=Plan.Kind.SAFETY, end_date__isnull=True)
            .annotate(
                open_actions=Count("actions", filter=open_action),
                parent_actions=Count(
                    "actions", filter=open_action & Q(actions__owner_is_parent=True)
                ),
            )
            .filter(open_actions__gt=0, open_actions=F("parent_actions"))
        )
        plans = self.restrict(plans, "person_id", person_ids)
        return [
            Flag(
                self.id,
                plan.person_id,
                f"Safety plan started {plan.start_date:%-d %b %Y}: "
                + (
                    "its only open action falls on a parent or carer"
                    if plan.open_actions == 1
                    else f"all {plan.open_actions} open actions fall on parents or carers"
                ),
                plan.start_date,
                f"plan:{plan.pk}",
            )
            for plan in plans.order_by("start_date", "pk")
        ]
