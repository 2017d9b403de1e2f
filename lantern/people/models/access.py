from django.conf import settings
from django.db import models


class RecordView(models.Model):
    """Every opening of a person's record: who, when, and the reason if it was break-glass."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    break_glass = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    via = models.CharField(max_length=20, default="page")  # page or api

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person", "-at"])]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Record views cannot be changed.")
        super().save(*args, **kwargs)


class RestrictedAccess(models.Model):
    """A named person who may open a restricted record without giving a reason."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="restricted_access"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="restricted_access_one_open_grant",
            )
        ]


class BreakGlass(models.Model):
    """A reason given to open a restricted record; lets that user in for a few hours."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    reason = models.TextField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "break-glass openings"
