"""Reads of plans that start from the user (house style §3): a plan, a need or an action is
part of the child's record, so opening it follows the child's record's rules
(child_record_get_for). The plan page's content is read in a fixed number of queries however
many needs, actions and reviews the plan has."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from lantern.people.models import Person
from lantern.people.selectors import child_record_get_for, person_get_for, record_ids
from lantern.plans.models import ActionProgress, Plan, PlanAction, PlanNeed, PlanReview
from lantern.plans.presenters import and_list, numbered, owner_label


def plan_get_for(*, user, pk, permission: str = "casework.view") -> Plan:
    qs = Plan.objects.select_related("person", "referral", "finalised_by")
    return child_record_get_for(qs, user=user, pk=pk, permission=permission)


def need_get_for(*, user, pk, permission: str = "plan.record") -> PlanNeed:
    qs = PlanNeed.objects.select_related("plan__person")
    return child_record_get_for(
        qs, user=user, pk=pk, permission=permission, person_field="plan.person_id"
    )


def action_get_for(*, user, pk, permission: str = "plan.record") -> PlanAction:
    qs = PlanAction.objects.select_related("plan__person", "owner_person", "owner_user", "need")
    return child_record_get_for(
        qs, user=user, pk=pk, permission=permission, person_field="plan.person_id"
    )


def child_plans_for(*, user, person_pk) -> tuple[Person, list[Plan]]:
    """The child and all their plans (and those of records merged into theirs), newest
    first."""
    person = person_get_for(user=user, pk=person_pk, permission="casework.view")
    plans = list(Plan.objects.filter(person_id__in=record_ids(person)).select_related("referral"))
    return person, plans


# -- the plan page ------------------------------------------------------------------------------


@dataclass
class ActionRow:
    number: int
    action: PlanAction
    owner: str
    missing: list[str]
    need_number: int | None = None

    @property
    def is_open(self) -> bool:
        return self.action.is_open

    @property
    def lacks(self) -> str:
        """ "an owner, a due date and a measurable outcome" ("" when SMART)."""
        return and_list(self.missing)


@dataclass
class ProgressRow:
    label: str
    progress: ActionProgress


@dataclass
class ReviewRow:
    review: PlanReview
    progress: list[ProgressRow] = field(default_factory=list)


@dataclass
class PlanContent:
    needs: list[PlanNeed]
    actions: list[ActionRow]
    removed_needs: list[PlanNeed]
    removed_actions: list[PlanAction]
    reviews: list[ReviewRow]

    @property
    def incomplete(self) -> list[ActionRow]:
        return [row for row in self.actions if row.is_open and row.missing]

    @property
    def open_actions(self) -> list[ActionRow]:
        return [row for row in self.actions if row.is_open]


def actions_queryset() -> QuerySet[PlanAction]:
    return PlanAction.objects.select_related("owner_person", "owner_user")


def plan_content(plan: Plan) -> PlanContent:
    """Needs, actions (numbered, with what each lacks), removed ones, and reviews with their
    progress per action: four queries."""
    all_needs = list(plan.needs.all())
    needs = [n for n in all_needs if n.ended_at is None]
    need_numbers = {n.pk: i for i, n in enumerate(needs, 1)}
    all_actions = list(actions_queryset().filter(plan=plan))
    rows = [
        ActionRow(n, a, owner_label(a), a.missing if a.is_open else [], need_numbers.get(a.need_id))
        for n, a in numbered(all_actions)
    ]
    numbers = {row.action.pk: row.number for row in rows}
    by_pk = {a.pk: a for a in all_actions}
    reviews = []
    for review in plan.reviews.prefetch_related(
        Prefetch("progress", queryset=ActionProgress.objects.order_by("action__order", "action_id"))
    ):
        items = []
        for p in review.progress.all():
            action = by_pk[p.action_id]
            n = numbers.get(p.action_id)
            name = f"Action {n}" if n else "Removed action"
            items.append(ProgressRow(f"{name}: {action.action}", p))
        reviews.append(ReviewRow(review, items))
    return PlanContent(
        needs=needs,
        actions=rows,
        removed_needs=[n for n in all_needs if n.ended_at is not None],
        removed_actions=[a for a in all_actions if a.ended_at is not None],
        reviews=reviews,
    )


def open_referrals(person: Person) -> list:
    """The child's open referrals, newest first (a CIN or safety plan starts from one)."""
    from lantern.front_door.models import Referral

    return list(
        Referral.objects.filter(person_id__in=record_ids(person), closure_date__isnull=True)
    )


def last_review_on(plan: Plan) -> datetime.date | None:
    review = plan.reviews.filter(kind=PlanReview.Kind.REVIEW).order_by("-held_on").first()
    return review.held_on if review else None


# -- who an action can fall on --------------------------------------------------------------------


def owner_choices(plan: Plan, current: PlanAction | None = None) -> dict:
    """The owners an action on this plan may have, as the action form's choices: value →
    (label, kind, the person, user or agency code). The child, their family network, the
    workers who write plans or record conferences, and the agencies. The action's current
    owner is always there, even if no longer in the network or with the service."""
    from django.utils import timezone

    from lantern.accounts.models import User
    from lantern.accounts.permissions import ROLE_PERMISSIONS
    from lantern.front_door.codes import Agency
    from lantern.people.record import family_network

    child = plan.person
    out: dict = {f"person:{child.pk}": (f"{child.full_name} (the child)", "person", child)}
    for member in family_network(child, record_ids(child), today=timezone.localdate()):
        relation = member.relation.lower()
        if member.ended:
            relation += ", ended"
        out[f"person:{member.person.pk}"] = (
            f"{member.person.full_name} ({relation})",
            "person",
            member.person,
        )
    roles = [
        role
        for role, perms in ROLE_PERMISSIONS.items()
        if {"plan.record", "conference.record"} & perms
    ]
    workers = User.objects.filter(is_active=True, role__in=roles).order_by(
        "first_name", "last_name", "username"
    )
    for user in workers:
        name = user.get_full_name() or user.username
        out[f"user:{user.pk}"] = (f"{name} ({user.role_label.lower()})", "user", user)
    for code, label in Agency.choices:
        out[f"agency:{code}"] = (label, "agency", code)
    if current is not None:
        if current.owner_person_id and f"person:{current.owner_person_id}" not in out:
            p = current.owner_person
            out[f"person:{p.pk}"] = (p.full_name, "person", p)
        if current.owner_user_id and f"user:{current.owner_user_id}" not in out:
            u = current.owner_user
            out[f"user:{u.pk}"] = (u.get_full_name() or u.username, "user", u)
    return out


def owner_value(action: PlanAction) -> str:
    """The action form's owner choice for an action's current owner."""
    if action.owner_person_id:
        return f"person:{action.owner_person_id}"
    if action.owner_user_id:
        return f"user:{action.owner_user_id}"
    if action.owner_agency:
        return f"agency:{action.owner_agency}"
    return ""
