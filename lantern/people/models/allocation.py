from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from lantern.common.models import Recorded


class Allocation(Recorded):
    """A child's allocated worker and team over a period. The open row is the current one."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="allocations"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    change_reason = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="allocation_one_open_per_person",
                violation_error_message="This child already has a current allocation",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="allocation_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.worker or 'unallocated'} ({self.team})"
