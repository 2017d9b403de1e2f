"""Calendar configuration: the council's own closure days and its local timescale policy.

These are configuration, not case records. Change them through lantern.timescales.services,
which validates and writes an audit event.
"""

from django.conf import settings
from django.db import models


class LocalClosureDay(models.Model):
    """A day the council's children's services are closed that is not a bank holiday
    (for example a council-wide closure between Christmas and New Year)."""

    date = models.DateField(
        unique=True, error_messages={"unique": "That date is already a closure day"}
    )
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"


class RuleSetting(models.Model):
    """The local authority's own offset (and "due soon" window) for an overridable rule."""

    # A rule id from lantern/timescales/rules.py (not `choices`, so declaring a rule needs no
    # migration); the service checks it names an overridable rule.
    rule_id = models.CharField(max_length=60, unique=True)
    offset = models.PositiveIntegerField()
    # None: the rule's own default window.
    soon_window = models.PositiveIntegerField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    reason = models.TextField()

    class Meta:
        ordering = ["rule_id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offset__gte=1), name="timescales_rulesetting_offset_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.offset}"
