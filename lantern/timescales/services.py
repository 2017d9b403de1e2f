"""Writes to the calendar configuration. Each writes an audit event in the same transaction."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.timescales.models import LocalClosureDay, RuleSetting
from lantern.timescales.rules import RULES, Basis, Rule
from lantern.timescales.shared import forget_shared


@transaction.atomic
def closure_day_add(*, by, date: date, reason: str) -> LocalClosureDay:
    closure_day = LocalClosureDay(date=date, reason=reason.strip())
    closure_day.full_clean()
    closure_day.save()
    forget_shared()  # this request's later due dates see the change
    audit(
        by=by,
        action="timescales.closure_day_added",
        target=closure_day,
        reason=closure_day.reason,
        detail={"date": closure_day.date.isoformat()},
    )
    return closure_day


@transaction.atomic
def closure_day_remove(*, by, closure_day: LocalClosureDay, reason: str) -> None:
    """Delete a closure day (calendar configuration, not a case record; the audit event keeps
    what it was). Due dates already shown are recalculated with the day as a working day."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you are removing this closure day"})
    closure_day = LocalClosureDay.objects.select_for_update().get(pk=closure_day.pk)
    audit(
        by=by,
        action="timescales.closure_day_removed",
        target=closure_day,
        reason=reason.strip(),
        detail={"date": closure_day.date.isoformat(), "closure_reason": closure_day.reason},
    )
    closure_day.delete()
    forget_shared()  # this request's later due dates see the change


def rule_setting_validate(*, rule_id: str, offset: int | None, soon_window: int | None) -> Rule:
    """Check a local setting is allowed; returns the declared rule or raises ValidationError.

    Only rules declared overridable may be changed. For a rule from national guidance the local
    offset may be shorter than the national one but never longer.
    """
    rule = RULES.get(rule_id)
    if rule is None:
        raise ValidationError({"rule_id": f"There is no timescale rule called {rule_id!r}"})
    if not rule.overridable:
        raise ValidationError(
            {"rule_id": f"{rule.title} is set by {rule.basis} and cannot be changed locally"}
        )
    if offset is None or offset < 1:
        raise ValidationError({"offset": "Enter a number of 1 or more"})
    if rule.basis != Basis.LOCAL and offset > rule.offset:
        raise ValidationError(
            {"offset": f"Enter {rule.unit.describe(rule.offset)} or fewer ({rule.source})"}
        )
    if soon_window is not None and soon_window < 0:
        raise ValidationError({"soon_window": "Enter a number of 0 or more"})
    return rule


@transaction.atomic
def rule_setting_set(
    *,
    by,
    rule_id: str,
    offset: int,
    soon_window: int | None = None,
    reason: str,
) -> RuleSetting:
    """Set the local authority's offset (and optionally due-soon window) for an overridable
    rule (see rule_setting_validate)."""
    rule = rule_setting_validate(rule_id=rule_id, offset=offset, soon_window=soon_window)
    setting = RuleSetting.objects.select_for_update().filter(rule_id=rule_id).first()
    if setting is None:
        before = None
        setting = RuleSetting(rule_id=rule_id)
    else:
        before = {"offset": setting.offset, "soon_window": setting.soon_window}
    setting.offset = offset
    setting.soon_window = soon_window
    setting.reason = reason.strip()
    setting.updated_by = by if getattr(by, "is_authenticated", False) else None
    setting.full_clean()
    setting.save()
    forget_shared()  # this request's later due dates see the change
    audit(
        by=by,
        action="timescales.rule_setting_set",
        target=setting,
        reason=setting.reason,
        detail={
            "rule_id": rule_id,
            "before": before,
            "after": {"offset": offset, "soon_window": soon_window},
            "national_offset": rule.offset,
        },
    )
    return setting
