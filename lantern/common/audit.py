"""Writing audit events. Services call audit() inside their transaction."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from lantern.common.models import AuditEvent


def audit(
    *,
    by,
    action: str,
    target: models.Model | None = None,
    person=None,
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that `by` did `action` to `target` (concerning `person`).

    Must be called inside the service's transaction so the event and the change commit together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit() must be called inside the service's transaction.atomic().")
    event = AuditEvent(
        actor=by if getattr(by, "is_authenticated", False) else None,
        action=action,
        person=person,
        reason=reason,
        detail=detail or {},
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
    event.save()
    return event
