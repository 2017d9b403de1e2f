"""A legal status from its start date until the next one (or the end of the period of care).

A status recorded in error is not deleted: `ended_at` and `ended_reason` say it was removed,
and every reader ignores it."""

from django.db import models
from simple_history.models import HistoricalRecords

from lantern.children_in_care.codes import LegalStatusCode
from lantern.common.models import Recorded


class LegalStatus(Recorded):
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="legal_statuses"
    )
    code = models.CharField(max_length=2, choices=LegalStatusCode.choices)
    start_date = models.DateField()
    ended_at = models.DateTimeField(null=True, blank=True)  # removed: recorded in error (kept)
    ended_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "legal status"
        verbose_name_plural = "legal statuses"
        ordering = ["start_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "start_date"],
                condition=models.Q(ended_at__isnull=True),
                name="legal_status_one_a_day",
                violation_error_message="The legal status already changes on that day",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True, ended_reason="")
                | (models.Q(ended_at__isnull=False) & ~models.Q(ended_reason="")),
                name="legal_status_removed_with_reason",
                violation_error_message="Give the reason the legal status was removed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} from {self.start_date}"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None
