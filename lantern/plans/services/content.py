"""A plan's content: the needs or risks it addresses and the actions that meet them.

Drafting allows an action to be incomplete (finalising refuses it, AP6); once the plan is
final, every action added or changed must have an owner, a due date and a measurable outcome.
Removing a need or an action end-dates it with a reason: the row and its history are kept."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lantern.common.audit import audit
from lantern.front_door.codes import Agency
from lantern.language.services import language_scan
from lantern.people.codes import RelationshipType
from lantern.people.models import Person, Relationship
from lantern.people.record import family_network
from lantern.people.selectors import record_ids
from lantern.people.services.person import by_user
from lantern.plans.models import Plan, PlanAction, PlanNeed
from lantern.plans.presenters import short
from lantern.plans.services.common import (
    check_version,
    clean_text,
    lock_open_plan,
    plan_label,
    require_plan_perm,
)

# An action owned by someone recorded as the child's parent, step-parent or carer falls on the
# parents: a safety plan resting only on them depends on parental compliance (CP5).
PARENT_OR_CARER = (
    RelationshipType.PARENT,
    RelationshipType.STEP_PARENT,
    RelationshipType.CARER,
)


def is_parent_or_carer(person: Person, child: Person) -> bool:
    """Whether `person` is recorded (now, not ended) as a parent, step-parent or carer of the
    child (or of a record merged into the child's)."""
    return Relationship.objects.filter(
        person=person,
        other_id__in=record_ids(child),
        type__in=PARENT_OR_CARER,
        to_date__isnull=True,
    ).exists()


def network_ids(child: Person) -> set[int]:
    """The people an action may fall on: the child and their family network."""
    ids = record_ids(child)
    network = family_network(child, ids, today=timezone.localdate())
    return {*ids, *(m.person.pk for m in network)}


# -- needs --------------------------------------------------------------------------------------


def _clean_description(description: str) -> str:
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": "Describe the need or risk"})
    clean_text(description=description)
    return description


def _scan_need(by, need: PlanNeed, plan: Plan):
    return language_scan(
        by=by,
        person=plan.person,
        source=need,
        texts={"description": need.description},
        label=f"{plan_label(plan)}: need",
        url=plan.get_absolute_url(),
    )


@transaction.atomic
def plan_need_add(*, by, plan: Plan, description: str) -> PlanNeed:
    """Add a need or risk the plan addresses, in plain words."""
    require_plan_perm(by)
    plan = lock_open_plan(plan)
    description = _clean_description(description)
    last = plan.needs.aggregate(last=Max("order"))["last"]
    need = PlanNeed(
        plan=plan,
        description=description,
        order=0 if last is None else last + 1,
        created_by=by_user(by),
        updated_by=by_user(by),
    )
    need.full_clean()
    need.save()
    need.language_matches = _scan_need(by, need, plan)
    audit(by=by, action="plan.need_added", target=need, person=plan.person)
    return need


@transaction.atomic
def plan_need_update(*, by, need: PlanNeed, version: int, description: str) -> PlanNeed:
    require_plan_perm(by)
    plan = lock_open_plan(need.plan)
    need = PlanNeed.objects.select_for_update().get(pk=need.pk)
    check_version(need, version)
    if need.ended_at is not None:
        raise ValidationError("This need has been removed from the plan")
    need.description = _clean_description(description)
    need.version += 1
    need.updated_by = by_user(by)
    need.full_clean()
    need.save()
    need.language_matches = _scan_need(by, need, plan)
    audit(by=by, action="plan.need_changed", target=need, person=plan.person)
    return need


@transaction.atomic
def plan_need_remove(*, by, need: PlanNeed, reason: str) -> PlanNeed:
    """Take a need off the plan (kept, end-dated, with the reason). Refused while open
    actions still meet it: remove them or link them to another need first."""
    require_plan_perm(by)
    plan = lock_open_plan(need.plan)
    need = PlanNeed.objects.select_for_update().get(pk=need.pk)
    if need.ended_at is not None:
        raise ValidationError("This need has already been removed from the plan")
    reason = _clean_reason(reason)
    linked = need.actions.filter(ended_at__isnull=True, status__in=PlanAction.OPEN_STATUSES)
    if linked.exists():
        raise ValidationError(
            "Open actions still meet this need: remove them, or link them to another need, first"
        )
    need.ended_at, need.ended_reason = timezone.now(), reason
    need.updated_by = by_user(by)
    need._change_reason = reason[:100]
    need.version += 1
    need.save()
    audit(by=by, action="plan.need_removed", target=need, person=plan.person, reason=reason)
    return need


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason it is being removed"})
    if len(reason) > 200:
        raise ValidationError({"reason": "Keep the reason to 200 characters or fewer"})
    return reason


# -- actions ------------------------------------------------------------------------------------


def _clean_action(
    *,
    plan: Plan,
    text: str,
    owner_person: Person | None,
    owner_user,
    owner_agency: str,
    owner_name: str,
    due_date: datetime.date | None,
    outcome: str,
    need: PlanNeed | None,
) -> dict:
    """The action's fields, checked; raises ValidationError naming each problem."""
    text, outcome = (text or "").strip(), (outcome or "").strip()
    owner_agency, owner_name = owner_agency or "", (owner_name or "").strip()
    errors: dict[str, str] = {}
    if not text:
        errors["action"] = "Enter what will be done"
    owners = [o for o in (owner_person, owner_user, owner_agency) if o]
    if len(owners) > 1:
        errors["owner"] = "Choose one owner: a person in the child's network, a worker or an agency"
    elif owner_agency and owner_agency not in Agency.values:
        errors["owner"] = "Choose an agency from the list"
    elif owner_person is not None and owner_person.pk not in network_ids(plan.person):
        errors["owner"] = "Choose the child or someone in the child's family network"
    elif owner_user is not None and not owner_user.is_active:
        errors["owner"] = "Choose a worker who is still with the service"
    if owner_name and not owner_agency:
        owner_name = ""  # a named contact belongs to an agency
    if len(owner_name) > 120:
        errors["owner_name"] = "Keep the contact's name to 120 characters or fewer"
    if due_date is not None and due_date < plan.start_date:
        errors["due_date"] = "The due date cannot be before the plan started"
    if need is not None and (need.plan_id != plan.pk or need.ended_at is not None):
        errors["need"] = "Choose one of this plan's needs"
    if plan.is_final and not errors:
        # A final plan stays SMART: nothing incomplete can be added to it (AP6).
        if not owners:
            errors["owner"] = "Choose who will do it"
        if due_date is None:
            errors["due_date"] = "Enter the date it will be done by"
        if not outcome:
            errors["outcome"] = "Enter how everyone will know it has been done and has worked"
        if errors:
            errors[NON_FIELD_ERRORS] = (
                "This plan is final: every action needs an owner, a due date and a measurable "
                "outcome"
            )
    if errors:
        raise ValidationError(errors)
    clean_text(action=text, outcome=outcome)
    return {
        "action": text,
        "owner_person": owner_person,
        "owner_user": owner_user,
        "owner_agency": owner_agency,
        "owner_name": owner_name,
        "owner_is_parent": owner_person is not None
        and is_parent_or_carer(owner_person, plan.person),
        "due_date": due_date,
        "outcome": outcome,
        "need": need,
    }


def _scan_action(by, action: PlanAction, plan: Plan):
    return language_scan(
        by=by,
        person=plan.person,
        source=action,
        texts={"action": action.action, "outcome": action.outcome},
        label=f"{plan_label(plan)}: action ‘{short(action.action, 40)}’",
        url=plan.get_absolute_url(),
    )


@transaction.atomic
def plan_action_add(
    *,
    by,
    plan: Plan,
    action: str,
    owner_person: Person | None = None,
    owner_user=None,
    owner_agency: str = "",
    owner_name: str = "",
    due_date: datetime.date | None = None,
    outcome: str = "",
    need: PlanNeed | None = None,
) -> PlanAction:
    """Add an action: what will be done, by whom (a person in the child's network, a worker,
    or an agency with a named contact where known), by when, and how everyone will know it
    has worked. A draft plan's action may lack parts; a final plan's may not."""
    require_plan_perm(by)
    plan = lock_open_plan(plan)
    fields = _clean_action(
        plan=plan,
        text=action,
        owner_person=owner_person,
        owner_user=owner_user,
        owner_agency=owner_agency,
        owner_name=owner_name,
        due_date=due_date,
        outcome=outcome,
        need=need,
    )
    last = plan.actions.aggregate(last=Max("order"))["last"]
    row = PlanAction(
        plan=plan,
        order=0 if last is None else last + 1,
        created_by=by_user(by),
        updated_by=by_user(by),
        **fields,
    )
    row.full_clean()
    row.save()
    row.language_matches = _scan_action(by, row, plan)
    audit(
        by=by,
        action="plan.action_added",
        target=row,
        person=plan.person,
        detail={"missing": row.missing},
    )
    return row


@transaction.atomic
def plan_action_update(
    *,
    by,
    action: PlanAction,
    version: int,
    text: str,
    owner_person: Person | None = None,
    owner_user=None,
    owner_agency: str = "",
    owner_name: str = "",
    due_date: datetime.date | None = None,
    outcome: str = "",
    need: PlanNeed | None = None,
) -> PlanAction:
    """Change an action's content (its status changes at reviews). `version` is the one the
    editor opened: ConcurrentEditError if someone has saved it since."""
    require_plan_perm(by)
    plan = lock_open_plan(action.plan)
    row = PlanAction.objects.select_for_update().get(pk=action.pk)
    check_version(row, version)
    if row.ended_at is not None:
        raise ValidationError("This action has been removed from the plan")
    fields = _clean_action(
        plan=plan,
        text=text,
        owner_person=owner_person,
        owner_user=owner_user,
        owner_agency=owner_agency,
        owner_name=owner_name,
        due_date=due_date,
        outcome=outcome,
        need=need,
    )
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    for name, value in fields.items():
        setattr(row, name, value)
    row.version += 1
    row.updated_by = by_user(by)
    row.full_clean()
    row.save()
    row.language_matches = _scan_action(by, row, plan)
    audit(
        by=by,
        action="plan.action_changed",
        target=row,
        person=plan.person,
        detail={"changed": changed, "missing": row.missing},
    )
    return row


@transaction.atomic
def plan_action_remove(
    *, by, action: PlanAction, reason: str, version: int | None = None
) -> PlanAction:
    """Take an action off the plan: it is end-dated with the reason, never deleted."""
    require_plan_perm(by)
    plan = lock_open_plan(action.plan)
    row = PlanAction.objects.select_for_update().get(pk=action.pk)
    check_version(row, version)
    if row.ended_at is not None:
        raise ValidationError("This action has already been removed from the plan")
    reason = _clean_reason(reason)
    row.ended_at, row.ended_reason = timezone.now(), reason
    row.version += 1
    row.updated_by = by_user(by)
    row._change_reason = reason[:100]
    row.save()
    audit(by=by, action="plan.action_removed", target=row, person=plan.person, reason=reason)
    return row
