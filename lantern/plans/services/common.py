"""Pieces the plans services share: who may change a plan, locking it, checking free text."""

from django.core.exceptions import ValidationError

from lantern.accounts.permissions import has_perm
from lantern.common.errors import ConcurrentEditError
from lantern.front_door.services.common import check_text
from lantern.plans.models import Plan

# Workers write plans (plan.record); conferences and core groups, which IROs chair, agree and
# review child protection plans (conference.record).
PLAN_PERMISSIONS = ("plan.record", "conference.record")


def require_plan_perm(by) -> None:
    """Services refuse a user who can neither write plans nor record conferences. The
    generator and imports act as the system (no signed-in user) and are trusted."""
    signed_in = getattr(by, "is_authenticated", False) and by.is_active
    if signed_in and not any(has_perm(by, p) for p in PLAN_PERMISSIONS):
        raise ValidationError("You do not have permission to do this")


def lock_open_plan(plan: Plan, *, version: int | None = None) -> Plan:
    """The plan, locked for this transaction; refused when it has ended, and
    ConcurrentEditError when `version` is given and someone has saved it since."""
    locked = Plan.objects.select_for_update().select_related("person").get(pk=plan.pk)
    if version is not None and locked.version != version:
        raise ConcurrentEditError()
    if locked.end_date is not None:
        raise ValidationError("This plan has ended: it can no longer be changed")
    return locked


def check_version(row, version: int | None) -> None:
    if version is not None and row.version != version:
        raise ConcurrentEditError()


def clean_text(**fields: str) -> None:
    check_text(**fields)


def plan_label(plan: Plan) -> str:
    """ "Child in need plan started 3 Mar 2026" (for language findings and messages)."""
    return f"{plan.get_kind_display()} started {plan.start_date:%-d %b %Y}"
