"""Shared model pieces: who recorded what, and the audit event log nothing may change."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Recorded(models.Model):
    """Abstract base: when and by whom a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    # Null only for records made by the system itself (imports and generators run without a
    # named user); everything done through the interface names its user.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True


class ImmutableError(Exception):
    pass


class AuditEvent(models.Model):
    """One thing that happened, written by a service in the same transaction as the change.

    Rows are never updated or deleted (save() refuses an update, delete() refuses outright).
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, related_name="+"
    )
    target_id = models.CharField(max_length=40, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # The child (or other person) whose record this concerns, for "what happened to this record".
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, related_name="audit_events"
    )
    reason = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("Audit events cannot be deleted.")


class Counter(models.Model):
    """Named counters for identifiers that must never be reused (e.g. person IDs)."""

    name = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)
